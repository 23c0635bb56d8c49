/// `--format github`: workflow commands that GitHub Actions shows as annotations,
/// escaped as the Actions toolkit does.
public struct GitHubReporter {
    public var language: Language

    public init(language: Language) { self.language = language }

    /// Message data: `%`, CR and LF.
    public static func escapeData(_ s: String) -> String { escape(s, property: false) }

    /// Property values also escape `:` and `,`.
    public static func escapeProperty(_ s: String) -> String { escape(s, property: true) }

    /// Byte by byte: the characters escaped are ASCII, and no byte of a longer UTF-8 sequence
    /// is ASCII (in a Swift String "\r\n" is one Character, so no Character-level replace).
    static func escape(_ s: String, property: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        func percent(_ hex: StaticString) { hex.withUTF8Buffer { out.append(contentsOf: $0) } }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "%"): percent("%25")
            case 0x0D: percent("%0D")
            case 0x0A: percent("%0A")
            case UInt8(ascii: ":") where property: percent("%3A")
            case UInt8(ascii: ",") where property: percent("%2C")
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
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
