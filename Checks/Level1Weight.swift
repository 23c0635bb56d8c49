import SelfEval

/// A 一级指标 that prints its weight (`产出指标(50分)`) must have rows whose weights add up to it.
struct Level1Weight: Check {
    static let description = CheckDescription(
        id: "first-level-weight",
        title: Message(en: "A first-level indicator's rows do not add up to its printed weight",
                       zh: "一级指标下各指标分值之和与其所列分值不符"),
        severity: .warning,
        rationale: Message(
            en: "Templates print each first-level indicator's weight with its label (产出指标(50分), 效益指标(30分)); the weights of its rows must add up to it. When they do not, weights were moved between the groups (the total can still be 100) or the label was left as the template printed it.",
            zh: "模板在一级指标旁列明其分值（产出指标(50分)、效益指标(30分)），其下各指标分值之和应与之相等。不相等说明分值在各组之间被挪动（总分仍可为100），或标签仍是模板原样。"),
        triggering: [
            Example(ExampleForm.tabular(rows: [
                "产出指标(50分)\t数量指标\t检查覆盖率\t=100%\t100%\t30\t30",
                "\t质量指标\t检查合格率\t≥95%\t98%\t25\t25",
                "效益指标(30分)\t社会效益指标\t政策知晓率\t≥90%\t95%\t25\t25",
                "满意度指标(10分)\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ]), row: "产出指标"),
            // Full-width brackets and half points: 30 + 20.5 against 50.
            Example(ExampleForm.tabular(rows: [
                "产出指标（50分）\t数量指标\t检查覆盖率\t=100%\t100%\t30\t30",
                "\t质量指标\t检查合格率\t≥95%\t98%\t20.5\t20.5",
                "效益指标（30分）\t社会效益指标\t政策知晓率\t≥90%\t95%\t29.5\t29.5",
                "满意度指标（10分）\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ]), row: "产出指标"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            Example(ExampleForm.tabular(rows: [
                "产出指标(50分)\t数量指标\t检查覆盖率\t=100%\t100%\t30\t30",
                "\t质量指标\t检查合格率\t≥95%\t98%\t20\t20",
                "效益指标（30分）\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标(10分)\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
            // The label filled down into every row of its merged cell, as some exports write it.
            Example(ExampleForm.tabular(rows: [
                "产出指标(50分)\t数量指标\t检查覆盖率\t=100%\t100%\t30\t30",
                "产出指标(50分)\t质量指标\t检查合格率\t≥95%\t98%\t20\t20",
                "效益指标(30分)\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标(10分)\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
            // Filled down without its weight: the weight printed above holds.
            Example(ExampleForm.tabular(rows: [
                "产出指标(50分)\t数量指标\t检查覆盖率\t=100%\t100%\t30\t30",
                "产出指标\t质量指标\t检查合格率\t≥95%\t98%\t20\t20",
                "效益指标(30分)\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标(10分)\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
            // A row without a weight: missing-score reports it; the group is not summed.
            Example(ExampleForm.tabular(rows: [
                "产出指标(50分)\t数量指标\t检查覆盖率\t=100%\t100%\t30\t30",
                "\t质量指标\t检查合格率\t≥95%\t98%\t\t",
                "效益指标(30分)\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标(10分)\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ], total: "80\t80")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        let rows = form.indicators
        var k = 0
        while k < rows.count {
            guard let printed = rows[k].level1Weight else { k += 1; continue }
            // The group: the rows after it under the same label printing the same weight (a label
            // filled down into every row of its merged cell is one group), or, the label lost,
            // sharing its note's cell.
            var end = k + 1
            while end < rows.count, let next = rows[end].level1Weight, rows[end].level1 == rows[k].level1,
                  rows[k].level1 == nil ? next.range == printed.range : next.value.numericallyEquals(printed.value) {
                end += 1
            }
            defer { k = end }
            let weights = rows[k..<end].compactMap { $0.weight?.value }
            guard weights.count == end - k else { continue }
            let sum = weights.sum
            if sum.numericallyEquals(printed.value) { continue }
            let label = rows[k].level1 ?? ""
            report.add(Self.message(label, sum, printed.value), at: printed.range, row: label.isEmpty ? nil : label,
                       notes: [Self.arithmetic(weights.map(\.description), sum), Self.rule],
                       values: [label, "\(sum)", "\(printed.value)"])
        }
    }

    private static func message(_ label: String, _ sum: ExactDecimal, _ printed: ExactDecimal) -> Message {
        let en = label.isEmpty ? "the rows under a 一级指标 whose label was lost" : "the rows under \(label)"
        let zh = label.isEmpty ? "标签缺失的一级指标下" : "\(label)下"
        return Message(en: "\(en) weigh \(sum) in all ≠ the \(printed) printed with the label",
                       zh: "\(zh)各指标分值合计 \(sum) ≠ 标签所列 \(printed) 分")
    }

    private static func arithmetic(_ terms: [String], _ sum: ExactDecimal) -> Message {
        let expr = terms.joined(separator: " + ")
        return Message(en: "row weights: \(expr) = \(sum)", zh: "各指标分值：\(expr) = \(sum)")
    }

    private static let rule = Message(en: "rule: the weights under a 一级指标 add up to the weight printed with it (产出指标(50分))",
                                      zh: "规则：一级指标下各指标分值之和等于其所列分值（如 产出指标(50分)）")
}
