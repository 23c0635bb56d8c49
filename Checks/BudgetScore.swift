import SelfEval

/// The budget-execution 得分 must be 分值 × 执行率, capped at 分值.
struct BudgetScore: Check {
    static let description = CheckDescription(
        id: "budget-score",
        title: Message(en: "Budget-execution score differs from weight × rate", zh: "预算执行率得分与分值×执行率不符"),
        severity: .error,
        rationale: Message(
            en: "The budget-execution row scores 分值 × 执行率, never more than 分值 (财预〔2020〕10号); the rounding of the printed rate and score is allowed for.",
            zh: "预算执行率得分 = 分值 × 执行率，且不超过分值（财预〔2020〕10号）；允许执行率与得分的印刷舍入误差。"),
        triggering: [
            Example(ExampleForm.tabular(funding: [
                "年度资金总额\t100,000.00\t100,000.00\t80,000.00\t10\t80.00%\t10",
                "其中：当年财政拨款\t100,000.00\t100,000.00\t80,000.00\t—",
                "上年结转资金\t0.00\t0.00\t\t—",
                "其他资金\t0.00\t0.00\t\t—",
            ]), row: "年度资金总额"),
            Example(ExampleForm.tabular(funding: [
                "年度资金总额\t255,250.00\t255,250.00\t63,750\t10\t24.98%\t5",
                "其中：当年财政拨款\t255250.00\t255250.00\t63750\t—",
                "上年结转资金\t0.00\t0.00\t\t—",
                "其他资金\t0.00\t0.00\t\t—",
            ], total: "100\t95"), row: "年度资金总额"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            // 10 × 61.15% = 6.115: 6.11 is within the rounding of the printed rate.
            Example(ExampleForm.tabular(funding: [
                "年度资金总额\t940,000.00\t1,199,600.00\t733,440.65\t10\t61.15%\t6.11",
                "其中：当年财政拨款\t940000\t1040000\t573840.65\t—",
                "上年结转资金\t0\t159600\t159600\t—",
                "其他资金\t0\t0\t\t—",
            ], total: "100\t96.11")),
            // Over-execution is capped at the weight.
            Example(ExampleForm.tabular(funding: [
                "年度资金总额\t100,000.00\t100,000.00\t105,000.00\t10\t105.00%\t10",
                "其中：当年财政拨款\t100,000.00\t100,000.00\t105,000.00\t—",
                "上年结转资金\t0.00\t0.00\t\t—",
                "其他资金\t0.00\t0.00\t\t—",
            ])),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        guard let table = form.funding, let total = table.total, let weight = form.budgetWeight, let score = form.budgetScore,
              let rateCell = total.cells[.rate], let rate = table.ratePercent(rateCell) else { return }
        let hundred = ExactDecimal(100)
        let w = weight.value
        // Score interval from the rate's rounding, capped at the weight.
        func capped(_ x: ExactDecimal) -> ExactDecimal { x.compare(w) > 0 ? w : x }
        let low = capped(w * (rate - rate.halfUnit) .divided(by: hundred, scale: 8)!)
        let high = capped(w * (rate + rate.halfUnit).divided(by: hundred, scale: 8)!)
        let sLow = score.value - score.value.halfUnit, sHigh = score.value + score.value.halfUnit
        if sHigh.compare(low) >= 0 && sLow.compare(high) <= 0 { return }
        let expected = capped((w * rate).divided(by: hundred, scale: max(score.value.scale, 2))!)
        let gap = (expected - score.value).magnitude
        let roundingOnly = gap.compare(ExactDecimal(significand: 1, scale: score.value.scale)) <= 0
        report.add(Self.message(score.raw, w, rateCell.raw, expected), at: score.range, row: total.label.value,
                   notes: [Self.arithmetic(w, rate, expected), Self.rule], values: [score.value.description, rate.description, w.description],
                   severity: roundingOnly ? .note : nil)
    }

    private static func message(_ score: String, _ w: ExactDecimal, _ rate: String, _ expected: ExactDecimal) -> Message {
        Message(en: "budget-execution 得分 \(score) ≠ 分值 \(w) × 执行率 \(rate) = \(expected)",
                zh: "预算执行率得分 \(score) ≠ 分值 \(w) × 执行率 \(rate) = \(expected)")
    }

    private static func arithmetic(_ w: ExactDecimal, _ rate: ExactDecimal, _ expected: ExactDecimal) -> Message {
        let t = "\(w) × \(rate)% = \(expected) (capped at \(w))"
        return Message(en: t, zh: "\(w) × \(rate)% = \(expected)（不超过 \(w)）")
    }

    private static let rule = Message(en: "rule: budget-execution score = weight × execution rate, at most the weight",
                                      zh: "规则：预算执行率得分 = 分值 × 执行率，最高不超过分值")
}
