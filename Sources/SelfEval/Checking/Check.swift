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
    public var triggering: [Example]
    public var nonTriggering: [Example]

    public init(id: String, title: Message, severity: Severity, rationale: Message, isOptIn: Bool = false,
                triggering: [Example], nonTriggering: [Example]) {
        self.id = id
        self.title = title
        self.severity = severity
        self.rationale = rationale
        self.isOptIn = isOptIn
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A rule run over each form. One type per file in Checks/, registered in AllChecks.swift.
public protocol Check: Sendable {
    static var description: CheckDescription { get }
    init()
    func check(_ form: Form, context: CheckContext, into report: inout Report)
}

/// What a check may read besides the form: configuration and the other forms of the run.
public struct CheckContext: Sendable {
    public var configuration: Configuration
    public init(configuration: Configuration) {
        self.configuration = configuration
    }
}

/// Collects the findings of one check on one form.
public struct Report: Sendable {
    public let checkID: String
    public let severity: Severity
    public let form: Form
    public private(set) var diagnostics: [Diagnostic] = []

    public init(checkID: String, severity: Severity, form: Form) {
        self.checkID = checkID
        self.severity = severity
        self.form = form
    }

    /// Adds a finding at `range`; `values` are what the fingerprint hashes besides form and row.
    public mutating func add(_ message: Message, at range: SourceRange, row: String? = nil, notes: [Message] = [],
                             values: [String] = [], severity: Severity? = nil) {
        diagnostics.append(Diagnostic(check: checkID, severity: severity ?? self.severity, message: message, notes: notes,
                                      file: form.file, range: range, form: form.name?.value, row: row, values: values))
    }
}
