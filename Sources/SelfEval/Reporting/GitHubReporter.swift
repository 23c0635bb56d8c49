/// `--format github`: workflow commands that GitHub Actions shows as annotations,
/// escaped as the Actions toolkit does.
public struct GitHubReporter {
    public var language: Language

    public init(language: Language) { self.language = language }

    /// Message data: `%`, CR and LF.
    public static func escapeData(_ s: String) -> String {
        s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// Property values also escape `:` and `,`.
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }

    static func command(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    public func render(_ run: RunResult) -> String {
        var out = ""
        for d in run.reportable {
            var message = d.message.text(language)
            for n in d.notes { message += "\n" + n.text(language) }
            let title = "\(d.check)" + (d.form.map { ": " + $0 } ?? "")
            out += "::\(GitHubReporter.command(d.severity)) file=\(GitHubReporter.escapeProperty(d.file)),line=\(d.range.start.line),col=\(d.range.start.column)"
            if d.range.end.line == d.range.start.line { out += ",endColumn=\(d.range.end.column)" }
            out += ",title=\(GitHubReporter.escapeProperty(title))::\(GitHubReporter.escapeData(message))\n"
        }
        for e in run.fixed ?? [] {
            out += "::notice file=\(GitHubReporter.escapeProperty(e.file)),title=\(GitHubReporter.escapeProperty("fixed: " + e.check))::\(GitHubReporter.escapeData("\(e.form) \(e.row)"))\n"
        }
        return out
    }
}
