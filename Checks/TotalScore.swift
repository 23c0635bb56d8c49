import SelfEval

/// The 总分 score must be the sum of the budget-execution score and every indicator score.
struct TotalScore: Check {
    static let description = CheckDescription(
        id: "total-score",
        title: Message(en: "Total score differs from the sum of the scores", zh: "总分与各项得分之和不符"),
        severity: .error,
        rationale: Message(en: "The total is the sum of the scores (财预〔2020〕10号); a total that is not misstates the result of the evaluation.",
                           zh: "总分为各项得分之和（财预〔2020〕10号）；不符即评价结果失实。"),
        triggering: [
            Example(ExampleForm.tabular(total: "100\t95")),
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                1: "\t质量指标\t检查合格率\t≥95%\t90%\t20\t18.5\t抽检发现问题",
            ]), total: "100\t100")),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                1: "\t质量指标\t检查合格率\t≥95%\t90%\t20\t18.95\t抽检发现问题",
            ]), total: "100\t98.95")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        guard let stated = form.total?.score, !form.indicators.isEmpty else { return }
        // A missing score is reported by missing-score, with the value the total implies.
        guard form.indicators.allSatisfy({ !$0.score.isNone }) else { return }
        let scores = form.scores
        let sum = scores.sum
        let gap = (sum - stated.value).magnitude
        if gap.compare(stated.value.halfUnit) <= 0 { return }
        let terms = scores.map(\.description)
        report.add(Self.message(stated.raw, sum), at: stated.range, notes: [Self.arithmetic(terms, sum), Self.rule],
                   values: [stated.value.description, sum.description])
    }

    private static func message(_ stated: String, _ sum: ExactDecimal) -> Message {
        Message(en: "总分 \(stated) ≠ sum of the scores \(sum)", zh: "总分 \(stated) ≠ 各项得分之和 \(sum)")
    }

    private static func arithmetic(_ terms: [String], _ sum: ExactDecimal) -> Message {
        let t = terms.joined(separator: " + ") + " = \(sum)"
        return Message(en: "budget execution + indicators: " + t, zh: "预算执行率 + 各指标：" + t)
    }

    private static let rule = Message(en: "rule: the total is the sum of the scores", zh: "规则：总分为各项得分之和")
}
