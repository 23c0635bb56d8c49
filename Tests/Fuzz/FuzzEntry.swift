// libFuzzer entry point over the whole pipeline: decode → split → read → checks → reporters.
// Built by Tests/Fuzz/run.sh together with the SelfEval and check sources in one module.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var configuration = Configuration()
    configuration.enabled = Set(AllChecks.descriptions.map(\.id) + BuiltinDiagnostics.all.map(\.id))
    let linter = Linter(checks: AllChecks.types, configuration: configuration)
    var results = [linter.lint(bytes: bytes, file: "fuzz.txt")]
    linter.runLevel(&results)
    let run = RunResult(files: results, checks: AllChecks.descriptions, toolVersion: "fuzz")
    _ = TextReporter(language: .zh).render(run)
    _ = JSONReporter(language: .en).render(run)
    _ = SARIFReporter(language: .en).render(run)
    _ = GitHubReporter(language: .en).render(run)
    for form in results[0].forms {
        for style in FormRenderer.Style.allCases { _ = FormRenderer.render(form, as: style) }
    }
    return 0
}
