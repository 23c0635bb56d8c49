import SelfEval

/// Where points are taken off, the deviation column must say why and what will improve.
struct DeductionWithoutReason: Check {
    static let description = CheckDescription(
        id: "deduction-without-reason",
        title: Message(en: "Points deducted without a deviation analysis", zh: "扣分但未填写偏差原因分析"),
        severity: .warning,
        rationale: Message(
            en: "Where a target was missed or points were deducted, the form must analyse why and say what will be improved (偏差原因分析及改进措施).",
            zh: "凡未完成目标或扣分的指标，应在“偏差原因分析及改进措施”中说明原因和改进措施。"),
        triggering: [
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                3: "满意度指标\t服务对象满意度指标\t参保人员满意度\t≥90.00(%)\t90.00(%)\t10\t0",
            ]), total: "100\t90"), row: "参保人员满意度"),
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                1: "\t质量指标\t检查合格率\t≥95%\t90%\t20\t18.95",
            ]), total: "100\t98.95"), row: "检查合格率"),
            // 无 (none) in the column is no analysis.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                1: "\t质量指标\t检查合格率\t≥95%\t90%\t20\t18.95\t无",
            ]), total: "100\t98.95"), row: "检查合格率"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                1: "\t质量指标\t检查合格率\t≥95%\t90%\t20\t18.95\t人员不足，下年增加抽检人手",
            ]), total: "100\t98.95")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        for row in form.indicators {
            guard let w = row.weight, let s = row.score, s.value.compare(w.value) < 0 else { continue }
            guard !row.hasAnalysis else { continue }
            let written = row.deviationText.compacted
            var notes = [Message(en: "rule: a deduction must be explained and an improvement named", zh: "规则：扣分须说明偏差原因并提出改进措施")]
            if !written.isEmpty { notes.insert(Self.onlyWritten(written), at: 0) }
            report.add(Message(en: "\(row.name.raw) loses \(w.value - s.value) of \(w.value) points but gives no deviation analysis (偏差原因分析及改进措施)",
                               zh: "“\(row.name.raw)”扣 \(w.value - s.value) 分（分值 \(w.value)），但未填写偏差原因分析及改进措施"),
                       at: s.range, row: row.name.value,
                       notes: notes,
                       values: [s.value.description, w.value.description])
        }
    }

    private static func onlyWritten(_ text: String) -> Message {
        Message(en: "the column says only “\(text)”", zh: "该栏仅填写“\(text)”")
    }
}
