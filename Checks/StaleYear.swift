import SelfEval

/// Goal text that speaks of an earlier year as if it were the report year: last year's form
/// copied forward.
struct StaleYear: Check {
    static let description = CheckDescription(
        id: "stale-year",
        title: Message(en: "Goal text speaks of an earlier year", zh: "目标文字沿用以前年度"),
        severity: .warning,
        rationale: Message(
            en: "The goals of a 2024 form describe 2024. A plan like “预计 2023年招录保安 2人” in a 2024 form was copied from last year's form and not updated. Comparisons (较2023年, 2023年以来, 2023-2025年) are not reported.",
            zh: "2024年度的自评表应描述2024年的目标。2024年表中出现“预计 2023年招录保安 2人”说明照抄上年表格而未更新。比较性表述（较2023年、2023年以来、2023-2025年）不报告。"),
        options: ["thresholds.staleYearWindow"],
        triggering: [
            Example(ExampleForm.tabular(year: 2024, planned: "预计 2023年招录保安 2人，雇员到岗率达 100%。", actual: "2024年招录保安 2人，到岗率达 100%。")),
            Example(ExampleForm.tabular(year: 2024, planned: "提升信息管理水平。", actual: "2023年信息系统重大故障率为 0%，监管对象满意度达 95%。")),
            Example(ExampleForm.tabular(year: 2024, planned: "预计 ２０２３年招录保安 ２人（全角数字）。", actual: "2024年招录保安 2人。")),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular(year: 2024, planned: "预计 2024年招录保安 2人。", actual: "2024年招录保安 2人，较2023年增加 1人。")),
            Example(ExampleForm.tabular(year: 2023, planned: "开展医疗保障监督执法标准化建设三年行动（2023-2025年）。", actual: "自2021年以来持续推进，2023年完成设备采购。")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        guard let year = form.year?.value else { return }
        let window = context.configuration.staleYearWindow
        for (field, label) in [(form.goals.planned, "预期目标"), (form.goals.actual, "实际完成情况")] {
            guard let field else { continue }
            for stale in Self.staleYears(in: field.value, reportYear: year, window: window) {
                // As written: ASCII digits, or full width (２０２３).
                let written = field.value.containsBytes("\(stale)") ? "\(stale)" : Self.fullWidth(stale)
                let range = context.locate("\(written)年", in: field.range) ?? context.locate(written, in: field.range) ?? field.range
                report.add(Message(en: "\(label) speaks of \(stale) in a \(year) form: text carried over from an earlier year?",
                                   zh: "\(year)年度自评表的\(label)写的是\(stale)年：是否沿用了以前年度的表格？"),
                           at: range, notes: [Self.context(field.value, written)], values: [label, "\(stale)"])
            }
        }
    }

    /// Years before the report year written as `YYYY年` and not part of a comparison or a range.
    static func staleYears(in text: String, reportYear: Int, window: Int) -> [Int] {
        // Most texts name no earlier year: a byte scan for "dddd年" inside the window first.
        guard YearMention.mentions(text, yearIn: (reportYear - max(0, window))..<reportYear) else { return [] }
        let s = Array(text.unicodeScalars)
        var found: [Int] = []
        var i = 0
        // ASCII or full-width (０–９) digits.
        func digitValue(_ k: Int) -> UInt32? { k >= 0 && k < s.count ? s[k].decimalDigit : nil }
        func isDigit(_ k: Int) -> Bool { digitValue(k) != nil }
        while i + 4 < s.count {
            guard isDigit(i), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i - 1), !isDigit(i + 4) else { i += 1; continue }
            let y = (i..<(i + 4)).reduce(0) { $0 * 10 + Int(digitValue($1)!) }
            var j = i + 4
            while j < s.count && s[j] == " " { j += 1 }
            defer { i += 4 }
            guard j < s.count, s[j] == "年", y < reportYear, y >= reportYear - window else { continue }
            // Comparisons and ranges: 较/比/与/自/从/至/截至 before, or a dash; 以来/同期/相比/底 after.
            var k = i - 1
            while k >= 0 && s[k] == " " { k -= 1 }
            let before = k >= 0 ? s[k] : " "
            if ["较", "比", "与", "自", "从", "至", "于", "-", "–", "—", "~", "～", "至"].contains(before) { continue }
            if k >= 1, s[k - 1] == "截", s[k] == "至" { continue }
            let after = s[(j + 1)..<min(s.count, j + 4)]
            if ["以来", "同期", "相比", "底", "-", "—", "度以来"].contains(where: { after.starts(with: $0.unicodeScalars) }) { continue }
            if j + 1 < s.count, ["-", "–", "—", "~", "至"].contains(s[j + 1]) { continue }
            if !found.contains(y) { found.append(y) }
        }
        return found
    }

    /// The year in full-width digits (２０２３).
    private static func fullWidth(_ year: Int) -> String {
        String(String.UnicodeScalarView("\(year)".unicodeScalars.map { Unicode.Scalar($0.value - 48 + 0xFF10)! }))
    }

    private static func context(_ text: String, _ written: String) -> Message {
        let scalars = Array(text.unicodeScalars)
        let needle = Array(written.unicodeScalars)
        var at = 0
        for i in 0...max(0, scalars.count - needle.count) where scalars[i..<min(scalars.count, i + needle.count)].elementsEqual(needle) { at = i; break }
        let from = max(0, at - 12), to = min(scalars.count, at + 24)
        let snippet = (from > 0 ? "…" : "") + String(String.UnicodeScalarView(scalars[from..<to])) + (to < scalars.count ? "…" : "")
        return Message(en: "in: \(snippet)", zh: "原文：\(snippet)")
    }
}
