import SelfEval

/// Texts of `selfeval explain`.
enum Explain {
    static func list(_ checks: [CheckDescription], builtin: [CheckDescription], language: Language) -> String {
        let width = (checks + builtin).map(\.id.count).max() ?? 20
        func row(_ d: CheckDescription) -> String {
            let pad = String(repeating: " ", count: width - d.id.count)
            let optIn = d.isOptIn ? (language == .zh ? "（默认关闭）" : " (off by default)") : ""
            return "  \(d.id)\(pad)  \(d.severity.rawValue.padding(7))  \(d.title.text(language))\(optIn)\n"
        }
        var out = language == .zh ? "检查项：\n" : "CHECKS:\n"
        for d in checks { out += row(d) }
        out += language == .zh ? "\n读取器自身的诊断：\n" : "\nREADER DIAGNOSTICS (raised while reading, not by checks):\n"
        for d in builtin { out += row(d) }
        out += language == .zh ? "\n运行 'selfeval explain <ID>' 查看详情。\n" : "\nRun 'selfeval explain <ID>' for the rule, the rationale and examples.\n"
        return out
    }

    static func one(_ d: CheckDescription, language: Language) -> String {
        var out = "\(d.id): \(d.title.text(language))\n\n"
        out += (language == .zh ? "默认级别：" : "Default severity: ") + d.severity.rawValue + (d.isOptIn ? (language == .zh ? "（默认关闭，用 --select 启用）" : " (off by default; enable with --select)") : "") + "\n\n"
        out += (language == .zh ? "依据：\n  " : "Why:\n  ") + d.rationale.text(language) + "\n"
        if !d.options.isEmpty {
            out += (language == .zh ? "\n配置项（.selfeval.json）：\n" : "\nOptions (.selfeval.json):\n") + d.options.map { "  \($0)\n" }.joined()
        }
        out += (language == .zh ? "\n启用/关闭或改变级别：" : "\nEnable, disable or change its severity: ") + "\"checks\": { \"\(d.id)\": \"on|off|note|warning|error\" }\n"
        if !d.triggering.isEmpty {
            out += language == .zh ? "\n会报告的例子：\n" : "\nTriggering examples:\n"
            for (i, e) in d.triggering.enumerated() { out += example(i + 1, e.text) }
        }
        if !d.nonTriggering.isEmpty {
            out += language == .zh ? "\n不会报告的例子：\n" : "\nNon-triggering examples:\n"
            for (i, e) in d.nonTriggering.enumerated() { out += example(i + 1, e.text) }
        }
        return out
    }

    /// Shows the interesting lines of an example form (funding, goals, indicators, total).
    static func example(_ n: Int, _ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        let shown = lines.filter { !$0.hasPrefix("财政项目") && !$0.hasPrefix("(") && !$0.hasPrefix("主管部门") }
        return "  [\(n)]\n" + shown.map { "    " + $0.replacingTabs() }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(_ n: Int) -> String { self + String(repeating: " ", count: max(0, n - count)) }
}

extension Substring {
    func replacingTabs() -> String { split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " | ") }
}
