/// A small form text a check must (or must not) report on, run by the generic example test.
public struct Example: Sendable {
    public var text: String
    /// For triggering examples: the 三级指标 or funding row the finding should name, if any.
    public var row: String?

    public init(_ text: String, row: String? = nil) {
        self.text = text
        self.row = row
    }
}

/// What a check is, why it exists, and how it behaves by default.
public struct CheckDescription: Sendable {
    public var id: String
    public var title: Message
    public var severity: Severity
    /// Which rule of the forms it enforces.
    public var rationale: Message
    /// Off by default (advisory checks).
    public var isOptIn: Bool
    /// Configuration keys the check reads (shown by `selfeval explain`).
    public var options: [String]
    /// Forms the check must report on. Written when asked for (the example test, `explain`),
    /// not when a lint run reads the descriptions: rendering them all cost 3.7 million
    /// instructions per process, a sixth of linting one form from start to exit.
    public var triggering: [Example] { makeTriggering() }
    /// Forms the check must not report on; written when asked for, like `triggering`.
    public var nonTriggering: [Example] { makeNonTriggering() }
    private let makeTriggering: @Sendable () -> [Example]
    private let makeNonTriggering: @Sendable () -> [Example]

    public init(id: String, title: Message, severity: Severity, rationale: Message, isOptIn: Bool = false,
                options: [String] = [], triggering: @autoclosure @escaping @Sendable () -> [Example],
                nonTriggering: @autoclosure @escaping @Sendable () -> [Example]) {
        self.options = options
        self.id = id
        self.title = title
        self.severity = severity
        self.rationale = rationale
        self.isOptIn = isOptIn
        self.makeTriggering = triggering
        self.makeNonTriggering = nonTriggering
    }
}

/// A rule run over each form. One type per file in Checks/, registered in AllChecks.swift.
public protocol Check: Sendable {
    static var description: CheckDescription { get }
    /// The check as a run-level check, or nil (given by the protocol extensions). Asked of the
    /// protocol instead of by a cast: `as? RunCheck.Type` searches the conformance tables, about
    /// 200,000 instructions a check the first time, a sixth of what linting one form costs.
    static var asRunCheck: (any RunCheck.Type)? { get }
    init()
    func check(_ form: Form, context: CheckContext, into report: inout Report)
}

/// What a check may read besides the form: the configuration and the form's source text.
public struct CheckContext: Sendable {
    public var configuration: Configuration
    public var source: SourceText?
    /// Column positions in the source's long lines, found once (see `locate`).
    let columns = ColumnIndex()

    public init(configuration: Configuration, source: SourceText? = nil) {
        self.configuration = configuration
        self.source = source
    }

    /// The exact position of `needle` inside `range` (searched line by line), for pointing a
    /// diagnostic at a word inside a long cell. The search starts at the range's first column,
    /// found through `columns`, so a long line (a paragraph of many forms) is not walked from
    /// its start for every form.
    public func locate(_ needle: String, in range: SourceRange) -> SourceRange? {
        guard let source, !needle.isEmpty else { return nil }
        let lastLine = min(range.end.line, source.lineCount)
        guard range.start.line >= 1, range.start.line <= lastLine else { return nil }
        let length = needle.unicodeScalars.count
        for line in range.start.line...lastLine {
            let found: SourceRange? = source.lineBytes(line).withUnsafeBufferPointer { h in
                needle.withBytes { n in
                    // The byte where the range's first column starts (columns count scalars).
                    var (at, column) = (0, 1)
                    if line == range.start.line { (at, column) = columns.start(of: range.start.column, line: line, in: h) }
                    guard let i = firstIndexOfBytes(n, in: h, from: at) else { return nil }
                    for k in at..<i where h[k] & 0xC0 != 0x80 { column += 1 }
                    return SourceRange(line: line, column: column, length: length)
                }
            }
            if let found { return found }
        }
        return nil
    }
}

/// A check over all the forms of a run at once (e.g. text reused across projects).
public protocol RunCheck: Check {
    func check(run forms: [Form], context: CheckContext) -> [Diagnostic]
}

extension Check {
    public static var asRunCheck: (any RunCheck.Type)? { nil }
}

extension RunCheck {
    public static var asRunCheck: (any RunCheck.Type)? { self }
}

/// Collects the findings of one check on one form.
public struct Report: Sendable {
    public let checkID: String
    public let severity: Severity
    /// The file and the name of the form, all a finding needs of it (a copy of the whole form
    /// for every check and form was a measurable cost).
    public let file: String
    public let formName: String?
    public private(set) var diagnostics: [Diagnostic] = []

    public init(checkID: String, severity: Severity, form: Form) {
        self.checkID = checkID
        self.severity = severity
        self.file = form.file
        self.formName = form.name?.value
    }

    /// Adds a finding at `range`; `values` are what the fingerprint hashes besides form and row.
    public mutating func add(_ message: Message, at range: SourceRange, row: String? = nil, notes: [Message] = [],
                             values: [String] = [], severity: Severity? = nil) {
        diagnostics.append(Diagnostic(check: checkID, severity: severity ?? self.severity, message: message, notes: notes,
                                      file: file, range: range, form: formName, row: row, values: values))
    }
}
