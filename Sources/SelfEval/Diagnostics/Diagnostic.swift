/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Comparable, Codable, CaseIterable {
    case note, warning, error

    var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding about one form.
public struct Diagnostic: Sendable, Hashable {
    public var check: String
    public var severity: Severity
    public var message: Message
    /// Notes that show the arithmetic or the rule.
    public var notes: [Message]
    public var file: String
    public var range: SourceRange
    /// The 项目名称 as printed.
    public var form: String?
    /// The 三级指标 or funding row the finding concerns.
    public var row: String?
    /// Stable identity for baselines: check + form + row + the values the finding is about.
    public var fingerprint: String
    /// Set when a baseline is used: new, or unchanged (accepted in the baseline).
    public var baselineState: BaselineState?
    /// The source line the finding starts on, kept so reporters need not hold the file; for a
    /// long line only a window around the finding.
    public var sourceLine: String?
    /// The column (1-based) in the file of the first character of `sourceLine`.
    public var sourceLineStart = 1

    public init(check: String, severity: Severity, message: Message, notes: [Message] = [], file: String,
                range: SourceRange, form: String?, row: String?, values: [String]) {
        self.check = check
        self.severity = severity
        self.message = message
        self.notes = notes
        self.file = file
        self.range = range
        self.form = form
        self.row = row
        self.fingerprint = Fingerprint.make([check, form?.compacted ?? "", row?.compacted ?? ""] + values)
    }

    /// Order of output: file, line, column, check, message.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.range.start != b.range.start { return a.range.start < b.range.start }
        if a.check != b.check { return a.check < b.check }
        return a.message.en < b.message.en
    }
}

/// FNV-1a 64-bit over the parts, hex encoded: stable across runs and platforms.
public enum Fingerprint {
    public static func make(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for part in parts {
            // The bytes read through a pointer: the UTF-8 view's iterator costs several times more.
            part.withBytes { bytes in
                for b in bytes {
                    hash ^= UInt64(b)
                    hash = hash &* 0x100000001b3
                }
            }
            hash ^= 0x1F
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
