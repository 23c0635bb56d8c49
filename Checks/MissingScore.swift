import SelfEval

/// Every indicator row must state its 分值 and 得分.
struct MissingScore: Check {
    static let description = CheckDescription(
        id: "missing-score",
        title: Message(en: "Weight or score missing", zh: "分值或得分缺失"),
        severity: .warning,
        rationale: Message(en: "A row without its weight or score cannot be added up or checked; the form must be complete.",
                           zh: "缺少分值或得分的行无法合计与核对；自评表应填写完整。"),
        triggering: [
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t30\t",
            ])), row: "检查覆盖率"),
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                1: "\t质量指标\t检查合格率\t≥95%\t98%\t—\t20",
            ])), row: "检查合格率"),
            // A table not filled in: one finding for the whole table.
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t\t50\t",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t\t30\t",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t\t10\t",
            ], total: "100\t")),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t30\t0",
            ]), total: "100\t70")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        let missingScores = form.indicators.filter { $0.score.isNone }
        // A table not filled in: its 得分 missing once for the table, a missing 分值 row by row.
        let notFilledIn = form.indicatorsNotFilledIn
        if notFilledIn {
            let first = form.indicators[0]
            report.add(Self.notFilledIn(form.indicators.count), at: first.weight?.range ?? first.name.range, row: nil,
                       notes: [form.indicatorRowsNote], values: ["\(form.indicators.count)"])
        }
        for row in form.indicators where row.weight.isNone || row.score.isNone && !notFilledIn {
            let noWeight = row.weight.isNone, noScore = row.score.isNone && !notFilledIn
            var notes: [Message] = []
            // With one score missing, the stated total says what it must have been.
            if noScore, missingScores.count == 1, let total = form.total?.score {
                let known = form.scores.sum
                notes.append(Self.implied(total.value, known, total.value - known))
            }
            let what = noWeight && noScore ? "分值 and 得分" : (noWeight ? "分值" : "得分")
            let zhWhat = noWeight && noScore ? "分值和得分" : (noWeight ? "分值" : "得分")
            report.add(Message(en: "indicator \(row.name.raw) has no \(what)", zh: "指标“\(row.name.raw)”缺少\(zhWhat)"),
                       at: row.weight?.range ?? row.score?.range ?? row.name.range, row: row.name.value, notes: notes, values: [what])
        }
    }

    private static func notFilledIn(_ rows: Int) -> Message {
        Message(en: "none of the \(rows) indicator rows has its 得分: the indicator table is not filled in yet",
                zh: "\(rows) 个指标行均未填写得分：绩效指标表尚未填写")
    }

    private static func implied(_ total: ExactDecimal, _ known: ExactDecimal, _ missing: ExactDecimal) -> Message {
        Message(en: "总分 \(total) − the other scores \(known) = \(missing): the missing score would be \(missing)",
                zh: "总分 \(total) − 其他得分 \(known) = \(missing)：缺失的得分应为 \(missing)")
    }
}
