/// Everything one run found, ready for a reporter.
public struct RunResult: Sendable {
    public var files: [FileResult]
    public var checks: [CheckDescription]
    public var toolVersion: String
    /// Baseline entries of the linted files that no finding matched (nil without a baseline).
    public var fixed: [BaselineEntry]?

    public init(files: [FileResult], checks: [CheckDescription], toolVersion: String, fixed: [BaselineEntry]? = nil) {
        self.files = files
        self.checks = checks
        self.toolVersion = toolVersion
        self.fixed = fixed
    }

    public var usesBaseline: Bool { fixed != nil }

    /// The findings that count: all of them, or with a baseline only the new ones.
    public var reportable: [Diagnostic] { diagnostics.filter { $0.baselineState != .unchanged } }

    public func countNew(_ severity: Severity) -> Int { countReportable { $0.severity == severity } }

    /// The findings that count (see `reportable`) that also pass `test`, counted in place.
    public func countReportable(_ test: (Diagnostic) -> Bool = { _ in true }) -> Int {
        countFindings { $0.baselineState != .unchanged && test($0) }
    }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    public var formCount: Int { files.reduce(0) { $0 + $1.summaries.count } }

    /// The severity is read where each finding is stored: handing findings to a closure copies them.
    public func count(_ severity: Severity) -> Int { countFindings(byAddress: { $0.pointee.severity == severity }) }

    /// Findings matching `test`, counted in place (`diagnostics` copies every finding).
    public func countFindings(_ test: (Diagnostic) -> Bool) -> Int { countFindings(byAddress: { test($0.pointee) }) }

    /// Findings matching `test`, each read where it is stored (`for d in f.diagnostics` copies it).
    func countFindings(byAddress test: (UnsafePointer<Diagnostic>) -> Bool) -> Int {
        var n = 0
        for k in files.indices { n += files.read(at: k) { $0.pointee.diagnostics.count(byAddress: test) } }
        return n
    }
}
