/// Everything one run found, ready for a reporter.
public struct RunResult: Sendable {
    public var files: [FileResult]
    public var checks: [CheckDescription]
    public var toolVersion: String

    public init(files: [FileResult], checks: [CheckDescription], toolVersion: String) {
        self.files = files
        self.checks = checks
        self.toolVersion = toolVersion
    }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    public var formCount: Int { files.reduce(0) { $0 + $1.forms.count } }

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
}
