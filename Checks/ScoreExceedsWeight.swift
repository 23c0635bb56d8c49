import SelfEval

/// A score never exceeds its weight.
struct ScoreExceedsWeight: Check {
    static let description = CheckDescription(
        id: "score-exceeds-weight",
        title: Message(en: "Score above its weight", zh: "得分超过分值"),
        severity: .error,
        rationale: Message(en: "A score never exceeds its weight (财预〔2020〕10号): over-achievement earns full marks at most.",
                           zh: "得分不得超过分值（财预〔2020〕10号）：超额完成最多得满分。"),
        triggering: [
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t30\t32",
                1: "\t质量指标\t检查合格率\t≥95%\t98%\t20\t18",
            ])), row: "检查覆盖率"),
            Example(ExampleForm.tabular(funding: [
                "年度资金总额\t100,000.00\t100,000.00\t100,000.00\t10\t100.00%\t12",
                "其中：当年财政拨款\t100,000.00\t100,000.00\t100,000.00\t—",
                "上年结转资金\t0.00\t0.00\t\t—",
                "其他资金\t0.00\t0.00\t\t—",
            ], total: "100\t102"), row: "年度资金总额"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t30\t30.00",
            ]))),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        if let w = form.budgetWeight, let s = form.budgetScore, s.value.compare(w.value) > 0 {
            report.add(Self.message(form.funding?.total?.label.value ?? "年度资金总额", s.value, w.value), at: s.range,
                       row: form.funding?.total?.label.value, notes: [Self.rule], values: [s.value.description, w.value.description])
        }
        for row in form.indicators {
            guard let w = row.weight, let s = row.score, s.value.compare(w.value) > 0 else { continue }
            report.add(Self.message(row.name.raw, s.value, w.value), at: s.range, row: row.name.value, notes: [Self.rule],
                       values: [s.value.description, w.value.description])
        }
    }

    private static func message(_ row: String, _ s: ExactDecimal, _ w: ExactDecimal) -> Message {
        Message(en: "\(row) scores \(s), more than its weight \(w)", zh: "“\(row)”得分 \(s) 超过分值 \(w)")
    }

    private static let rule = Message(en: "rule: a score never exceeds its weight", zh: "规则：得分不得超过分值")
}
