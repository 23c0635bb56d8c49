import SelfEval

/// The weights of the budget-execution row and every indicator must add up to the stated
/// total (总分 分值), and that total must be 100.
struct WeightSum: Check {
    static let description = CheckDescription(
        id: "weight-sum",
        title: Message(en: "Weights do not add up to the total", zh: "分值合计与总分不符"),
        severity: .error,
        rationale: Message(
            en: "财预〔2020〕10号: the weights of budget execution and all indicators add up to 100; a form whose weights do not is mis-filled or lost a row.",
            zh: "财预〔2020〕10号：预算执行率与各项指标的分值合计应为100分；不符说明填报错误或漏行。"),
        triggering: [
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t30\t30",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ], total: "100\t80")),
            Example(ExampleForm.tabular(total: "90\t90")),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t50.5\t50.5",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t29.5\t29.5",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        guard !form.indicators.isEmpty else { return }
        let weights = form.weights
        let sum = weights.sum
        let expected = context.configuration.expectedWeightTotal
        let stated = form.total?.weight
        let target = stated?.value ?? expected
        let range = stated?.range ?? form.total?.range ?? form.name?.range ?? form.range
        if !sum.numericallyEquals(target) {
            // The notes are built only for a finding: most forms have none.
            let terms = weights.map(\.description)
            let missing = form.indicators.filter { $0.weight.isNone }.map(\.name.value)
            var notes = [Self.arithmetic(terms, sum)]
            if !missing.isEmpty { notes.append(Self.missingNote(missing)) }
            report.add(Self.mismatch(sum, target, stated != nil), at: range, notes: notes + [Self.rule],
                       values: ["\(sum)", "\(target)"])
        }
        if let stated, !stated.value.numericallyEquals(expected) {
            report.add(Self.notHundred(stated.value, expected), at: stated.range, notes: [Self.rule], values: ["total", "\(stated.value)"])
        }
    }

    private static func arithmetic(_ terms: [String], _ sum: ExactDecimal) -> Message {
        let expr = terms.joined(separator: " + ")
        return Message(en: "budget execution + indicator weights: \(expr) = \(sum)", zh: "预算执行率分值 + 各指标分值：\(expr) = \(sum)")
    }

    private static func missingNote(_ names: [String]) -> Message {
        Message(en: "rows without a weight: \(names.joined(separator: "、"))", zh: "未填分值的行：\(names.joined(separator: "、"))")
    }

    private static func mismatch(_ sum: ExactDecimal, _ target: ExactDecimal, _ stated: Bool) -> Message {
        Message(en: "weights add up to \(sum) ≠ \(stated ? "stated total" : "expected total") \(target)",
                zh: "分值合计 \(sum) ≠ \(stated ? "总分栏所列" : "应有的") \(target)")
    }

    private static func notHundred(_ stated: ExactDecimal, _ expected: ExactDecimal) -> Message {
        Message(en: "the stated weight total is \(stated), not \(expected)", zh: "总分栏分值为 \(stated)，不是 \(expected)")
    }

    private static let rule = Message(en: "rule: all weights add up to 100 (财预〔2020〕10号)", zh: "规则：全部分值合计为100分（财预〔2020〕10号）")
}
