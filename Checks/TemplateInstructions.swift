import SelfEval

/// The goal texts and a row's deviation analysis must be written, not left as the template's
/// instructions for writing them (`对照年度目标，说明相关任务目标的完成情况（100字以内）`).
struct TemplateInstructions: Check {
    static let description = CheckDescription(
        id: "template-instructions",
        title: Message(en: "Template instructions left in place", zh: "保留了模板中的填写说明"),
        severity: .warning,
        rationale: Message(
            en: "A form whose goal text or analysis is still the template's instruction (a word limit such as （100字以内）, 请填写…) was not filled in: it reports nothing, and its figures are usually blank too.",
            zh: "目标或分析栏仍是模板的填写说明（如“（100字以内）”“请填写…”），说明此表未填写：没有报告任何内容，数字通常也是空的。"),
        triggering: [
            Example(ExampleForm.tabular(actual: "对照年度目标，说明相关任务目标的完成情况（100字以内）")),
            Example(ExampleForm.tabular(planned: "请填写项目年度绩效目标")),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            // Figures with 字 in them are a report, not an instruction.
            Example(ExampleForm.tabular(actual: "全年编印宣传册6250份，每册约3万字以内的通俗解读，覆盖14个街镇。")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        if let planned = form.goals.planned, Self.isInstruction(planned.value) {
            report.add(Self.message("预期目标", planned.raw), at: planned.range, notes: [Self.rule], values: ["预期目标"])
        }
        if let actual = form.goals.actual, Self.isInstruction(actual.value) {
            report.add(Self.message("实际完成情况", actual.raw), at: actual.range, notes: [Self.rule], values: ["实际完成情况"])
        }
        // Rows read where they are stored: most have no analysis, or a long one.
        form.indicators.withUnsafeBufferPointer { rows in
            for k in rows.indices {
                let row = rows.baseAddress! + k
                guard let d = row.pointee.deviation, Self.isInstruction(d.value) else { continue }
                report.add(Self.message("偏差原因分析", d.raw), at: d.range, row: row.pointee.name.value, notes: [Self.rule], values: ["偏差原因分析"])
            }
        }
    }

    /// Whether a text is a filling instruction: it sets a word limit in brackets (`（100字以内）`,
    /// `(200字以下)`) or asks to fill it in (`请填写…`, `请简要说明…`).
    static func isInstruction(_ text: String) -> Bool {
        // Asked of every goal text and analysis: byte tests only. An instruction is short (a
        // text written with its word limit left at the end is filled in), one to fill in
        // starts with 请 or 此, a word limit holds 字以.
        guard text.utf8.count <= maxInstructionBytes else { return false }
        if text.hasBytePrefix("请") || text.hasBytePrefix("此处") { return instructionStarts.contains { text.hasBytePrefix($0) } }
        guard text.containsBytes("字以") else { return false }
        return wordLimits.contains { text.containsBytes($0) }
    }

    /// The longest instruction read as one (the templates' run to about 40 characters).
    static let maxInstructionBytes = 240

    private static let instructionStarts = ["请填写", "请简要", "请在此", "请根据", "此处填写"]
    private static let wordLimits = ["字以内）", "字以内)", "字以下）", "字以下)"]

    private static func message(_ part: String, _ text: String) -> Message {
        let shown = text.shortened(to: 50)
        return Message(en: "\(part) still holds the template's instructions (\"\(shown)\"): the form was not filled in",
                       zh: "\(part)仍是模板中的填写说明（“\(shown)”）：此表未填写")
    }

    private static let rule = Message(en: "rule: every part of the form states what was planned and achieved",
                                      zh: "规则：自评表各栏应如实填写计划与完成情况")
}
