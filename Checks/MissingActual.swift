import SelfEval

/// Every indicator row must state its 实际完成值.
struct MissingActual: Check {
    static let description = CheckDescription(
        id: "missing-actual",
        title: Message(en: "Actual value missing", zh: "实际完成值缺失"),
        severity: .warning,
        rationale: Message(
            en: "A score cannot be justified without the value achieved; the form must be complete (财预〔2020〕10号).",
            zh: "没有实际完成值，得分无从依据；自评表应填写完整（财预〔2020〕10号）。"),
        triggering: [
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t50\t50",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t>=90\t\t10\t10",
            ]), row: "服务对象满意度"),
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t—\t50\t50",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ]), row: "检查覆盖率"),
            // A table not filled in: one finding for the whole table.
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t\t50\t",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t\t30\t",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t\t10\t",
            ], total: "100\t")),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t50\t50",
                "效益指标\t社会效益指标\t政策知晓率\t及时\t及时\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        if form.indicatorsNotFilledIn {
            let first = form.indicators[0]
            report.add(Self.notFilledIn(form.indicators.count), at: first.actual?.range ?? first.name.range, row: nil,
                       notes: [form.indicatorRowsNote], values: ["\(form.indicators.count)"])
            return
        }
        for row in form.indicators where row.actual.isNone || row.actual!.value.isEmpty {
            let range = row.actual?.range ?? row.name.range
            report.add(Self.message(row), at: range, row: row.name.value,
                       notes: row.target.map { [Self.targetNote($0.raw)] } ?? [],
                       values: [row.target?.value.canonical ?? "", row.score.map { "\($0.value)" } ?? ""])
        }
    }

    private static func message(_ row: IndicatorRow) -> Message {
        let score = row.score.map { " although it scores \($0.value)" } ?? ""
        let zhScore = row.score.map { "，但得分 \($0.value)" } ?? ""
        return Message(en: "indicator \(row.name.raw) has no 实际完成值 (actual value)\(score)",
                       zh: "指标“\(row.name.raw)”未填实际完成值\(zhScore)")
    }

    private static func notFilledIn(_ rows: Int) -> Message {
        Message(en: "none of the \(rows) indicator rows has its 实际完成值 (actual value): the indicator table is not filled in yet",
                zh: "\(rows) 个指标行均未填写实际完成值：绩效指标表尚未填写")
    }

    private static func targetNote(_ target: String) -> Message {
        Message(en: "target (年度指标值): \(target)", zh: "年度指标值：\(target)")
    }
}
