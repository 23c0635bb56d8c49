import Foundation
import SelfEval
import SelfEvalChecks

/// Exit statuses: 0 clean, 1 findings, 2 usage/configuration/I/O error.
enum ExitStatus: Int32 {
    case clean = 0
    case findings = 1
    case usage = 2
}

func writeStderr(_ s: String) {
    FileHandle.standardError.write((s.hasSuffix("\n") ? s : s + "\n").data(using: .utf8)!)
}

func writeStdout(_ s: String) {
    FileHandle.standardOutput.write(s.data(using: .utf8)!)
}

/// The bytes of each command-line argument that is not UTF-8, by the text `CommandLine.arguments`
/// gives for it (with U+FFFD): a file name in GBK typed or globbed in a shell still opens.
func rawArguments() -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    for i in 0..<Int(CommandLine.argc) {
        guard let p = CommandLine.unsafeArgv[i] else { continue }
        let bytes = UnsafeRawBufferPointer(start: p, count: strlen(p)).map { $0 }
        let text = String(decoding: bytes, as: UTF8.self)
        if !text.utf8.elementsEqual(bytes) { out[text] = bytes }
    }
    return out
}

func fail(_ e: UsageError) -> Never {
    writeStderr("Error: \(e.message)\n\(e.hint)")
    exit(ExitStatus.usage.rawValue)
}

/// Only the locale variables are read: `ProcessInfo.environment` copies every variable into a
/// dictionary (330,000 instructions, 2% of linting one form from start to exit).
let defaultLanguage = Language.fromEnvironment(Dictionary(uniqueKeysWithValues: ["LC_ALL", "LC_MESSAGES", "LANG"].compactMap { key in
    getenv(key).map { (key, String(cString: $0)) }
}))
let allDescriptions = AllChecks.descriptions + BuiltinDiagnostics.all
let knownIDs = Set(allDescriptions.map(\.id))

func languageOption(_ args: inout [String]) throws -> Language {
    var language = defaultLanguage
    if let i = args.firstIndex(where: { $0 == "--lang" || $0.hasPrefix("--lang=") }) {
        let v: String
        if args[i].hasPrefix("--lang=") { v = String(args[i].dropFirst(7)); args.remove(at: i) }
        else {
            guard i + 1 < args.count else { throw UsageError(message: "option '--lang' needs a value") }
            v = args[i + 1]
            args.removeSubrange(i...(i + 1))
        }
        guard let l = Language(rawValue: v) else { throw UsageError(message: "unknown language '\(v)'", hint: "Use en or zh.") }
        language = l
    }
    return language
}

func runLint(_ args: [String]) -> ExitStatus {
    if args.contains("--help") || args.contains("-h") { writeStdout(Help.lint + "\n"); return .clean }
    let options: LintOptions
    do { options = try LintOptions(arguments: args, language: defaultLanguage, knownChecks: knownIDs) } catch let e as UsageError { fail(e) } catch { fail(UsageError(message: "\(error)")) }
    var configuration = Configuration()
    let configPath = options.config ?? ConfigurationFile.find(from: options.paths.first ?? ".")
    if let configPath {
        guard FileManager.default.fileExists(atPath: configPath) else {
            fail(UsageError(message: "no such configuration file: \(configPath)", hint: "Check the path given to --config."))
        }
        do { configuration = try ConfigurationFile.load(configPath, knownChecks: allDescriptions) } catch let e as ConfigurationError {
            // A file that cannot be read or parsed has no key to fix.
            let hint = e.key == "(file)"
                ? "Check that \(e.file) is a readable JSON file; 'selfeval lint --help' shows its form."
                : "Fix the key in \(e.file); 'selfeval explain ID' lists each check's options."
            fail(UsageError(message: "bad configuration: \(e.file): \(e.key == "(file)" ? e.problem : "\(e.key): \(e.problem)")", hint: hint))
        } catch { fail(UsageError(message: "\(error)")) }
    }
    if let select = options.select { configuration.enabled = select }
    configuration.disabled.formUnion(options.ignore)
    var linter = Linter(checks: AllChecks.types, configuration: configuration)
    if let size = options.maxFileSize { linter.maxFileSize = size }
    let formats = [options.format] + options.extraOutputs.map(\.format)
    linter.keepsSourceLines = formats.contains(.text) || formats.contains(.sarif)
    let files: [FileDiscovery.Found]
    do { files = try FileDiscovery.find(options.paths, raw: rawArguments()) } catch FileDiscovery.Failure.notFound(let p) {
        fail(UsageError(message: "no such file or folder: \(p)", hint: "Check the path; 'selfeval lint' takes files and folders of forms."))
    } catch { fail(UsageError(message: "\(error)")) }
    if files.isEmpty {
        fail(UsageError(message: "no form files (.txt .md .tsv .csv .html) found in \(options.paths.joined(separator: ", "))",
                        hint: "Name the files directly to read files with other extensions."))
    }
    var results = linter.lint(found: files, jobs: options.jobs, compact: true, language: options.language)
    var fixed: [BaselineEntry]?
    if let path = options.baseline {
        guard FileManager.default.fileExists(atPath: path) else {
            fail(UsageError(message: "no such baseline: \(path)", hint: "Create one with --write-baseline \(path)."))
        }
        do { fixed = try Baseline.load(path).apply(to: &results) } catch let e as BaselineError {
            fail(UsageError(message: "bad baseline: \(e.description)", hint: "Re-create it with --write-baseline."))
        } catch { fail(UsageError(message: "\(error)")) }
    } else if options.strictBaseline {
        fail(UsageError(message: "--strict-baseline needs --baseline FILE"))
    }
    let run = RunResult(files: results, checks: allDescriptions, toolVersion: Help.version, fixed: fixed)
    func render(_ format: OutputFormat) -> String {
        switch format {
        case .text: return TextReporter(language: options.language).render(run)
        case .json: return JSONReporter(language: options.language).render(run)
        case .sarif: return SARIFReporter(language: options.language).render(run)
        case .github: return GitHubReporter(language: options.language).render(run)
        }
    }
    func write(_ text: String, to path: String, as format: OutputFormat) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            // The example file name carries the format's usual extension.
            let name = ["text": "report.txt", "json": "report.json", "sarif": "report.sarif", "github": "annotations.txt"]["\(format)"] ?? "report.txt"
            fail(UsageError(message: "cannot write \(path): it is a folder", hint: "Name a file in it, e.g. \((path as NSString).appendingPathComponent(name))."))
        }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            fail(UsageError(message: "cannot write \(path): \(error.localizedDescription)", hint: "Check that the folder exists and is writable."))
        }
    }
    for extra in options.extraOutputs { write(render(extra.format), to: extra.path, as: extra.format) }
    if let out = options.output {
        write(render(options.format), to: out, as: options.format)
    } else if options.format == .json || options.format == .sarif || options.format == .text {
        // Stream large reports instead of building them in memory.
        let sink: @Sendable ([UInt8]) -> Void = { FileHandle.standardOutput.write(Data($0)) }
        switch options.format {
        case .json: _ = JSONReporter(language: options.language, jobs: options.jobs).render(run, sink: sink)
        case .sarif: _ = SARIFReporter(language: options.language).render(run, sink: sink)
        default:
            var text = TextReporter(language: options.language)
            text.jobs = options.jobs
            text.render(run, sink: sink)
        }
    } else {
        writeStdout(render(options.format))
    }
    if let path = options.writeBaseline {
        let existing = FileManager.default.fileExists(atPath: path) ? (try? Baseline.load(path)) : nil
        do { try Baseline.merged(existing: existing, results: results).write(to: path) } catch {
            fail(UsageError(message: "cannot write baseline: \(error)", hint: "Check that the folder exists and is writable."))
        }
        writeStderr("wrote baseline \(path)")
    }
    let failing = run.countReportable { $0.severity >= options.failOn } > 0
    let stale = options.strictBaseline && !(fixed ?? []).isEmpty
    return failing || stale ? .findings : .clean
}

func runBaseline(_ arguments: [String]) -> ExitStatus {
    var args = arguments
    if args.isEmpty || args.contains("--help") || args.contains("-h") { writeStdout(Help.baseline + "\n"); return args.isEmpty ? .usage : .clean }
    guard args.removeFirst() == "prune" else { fail(UsageError(message: "unknown baseline command", hint: "Use: selfeval baseline prune FILE [PATH ...]")) }
    guard !args.isEmpty else { fail(UsageError(message: "'selfeval baseline prune' needs the baseline FILE")) }
    let path = args.removeFirst()
    let baseline: Baseline
    do { baseline = try Baseline.load(path) } catch let e as BaselineError { fail(UsageError(message: "bad baseline: \(e.description)")) } catch { fail(UsageError(message: "\(error)")) }
    // Lint the given paths, or the files the baseline names.
    var paths = args
    var missing: Set<String> = []
    if paths.isEmpty {
        for file in Set(baseline.entries.map(\.file)).sorted() {
            // Found as discovery finds it: a name shown decoded from GB18030 is there too.
            if (try? FileDiscovery.find([file])) != nil { paths.append(file) } else { missing.insert(file) }
        }
    }
    var configuration = Configuration()
    if let configPath = ConfigurationFile.find(from: paths.first ?? ".") {
        do { configuration = try ConfigurationFile.load(configPath, knownChecks: allDescriptions) } catch let e as ConfigurationError {
            fail(UsageError(message: "bad configuration: \(e.description)"))
        } catch { fail(UsageError(message: "\(error)")) }
    }
    let files: [FileDiscovery.Found]
    do { files = try FileDiscovery.find(paths, raw: rawArguments()) } catch { fail(UsageError(message: "\(error)")) }
    var results = Linter(checks: AllChecks.types, configuration: configuration).lint(found: files)
    let fixed = baseline.apply(to: &results)
    let drop = Set(fixed)
    var remaining: [BaselineEntry] = []
    var dropped = 0
    var pool = fixed
    for e in baseline.entries {
        if missing.contains(e.file) { dropped += 1; continue }
        if drop.contains(e), let i = pool.firstIndex(of: e) { pool.remove(at: i); dropped += 1; continue }
        remaining.append(e)
    }
    do { try Baseline(entries: remaining).write(to: path) } catch { fail(UsageError(message: "cannot write baseline: \(error)")) }
    writeStdout("pruned \(dropped) entr\(dropped == 1 ? "y" : "ies") from \(path); \(remaining.count) remain\n")
    return .clean
}

func runParse(_ arguments: [String]) -> ExitStatus {
    var args = arguments
    if args.contains("--help") || args.contains("-h") { writeStdout(Help.parse + "\n"); return .clean }
    let language: Language
    do { language = try languageOption(&args) } catch let e as UsageError { fail(e) } catch { fail(UsageError(message: "\(error)")) }
    var format = OutputFormat.text
    if let i = args.firstIndex(where: { $0 == "--format" || $0 == "-f" }) {
        guard i + 1 < args.count, let f = OutputFormat(rawValue: args[i + 1]), f == .text || f == .json else {
            fail(UsageError(message: "'selfeval parse --format' takes text or json"))
        }
        format = f
        args.removeSubrange(i...(i + 1))
    }
    if let bad = args.first(where: { $0.hasPrefix("-") && $0 != "-" }) { fail(UsageError(message: "unknown option '\(bad)' for 'selfeval parse'")) }
    guard args.count == 1 else { fail(UsageError(message: "'selfeval parse' takes exactly one FILE")) }
    guard let file = try? FileDiscovery.find([args[0]], raw: rawArguments()).first else {
        fail(UsageError(message: "no such file: \(args[0])", hint: "Check the path."))
    }
    let linter = Linter(checks: [], configuration: Configuration())
    let result = linter.lint(pathBytes: file.pathBytes, display: file.display)
    switch format {
    case .json: writeStdout(ModelJSON.render(file: result, language: language))
    default: writeStdout(ModelText.render(file: result, language: language))
    }
    return result.diagnostics.contains { $0.check == BuiltinDiagnostics.unreadableFile.id } ? .usage : .clean
}

func runExplain(_ arguments: [String]) -> ExitStatus {
    var args = arguments
    if args.contains("--help") || args.contains("-h") { writeStdout(Help.explain + "\n"); return .clean }
    let language: Language
    do { language = try languageOption(&args) } catch let e as UsageError { fail(e) } catch { fail(UsageError(message: "\(error)")) }
    if args.isEmpty {
        writeStdout(Explain.list(AllChecks.descriptions, builtin: BuiltinDiagnostics.all, language: language))
        return .clean
    }
    guard args.count == 1, let d = allDescriptions.first(where: { $0.id == args[0] }) else {
        fail(UsageError(message: "unknown check '\(args.joined(separator: " "))'", hint: "Run 'selfeval explain' to list the checks."))
    }
    writeStdout(Explain.one(d, language: language))
    return .clean
}

var arguments = Array(CommandLine.arguments.dropFirst())
let status: ExitStatus
switch arguments.first {
case nil, "--help", "-h", "help":
    writeStdout(Help.main + "\n")
    status = .clean
case "--version":
    writeStdout("selfeval \(Help.version)\n")
    status = .clean
case "lint": status = runLint(Array(arguments.dropFirst()))
case "parse": status = runParse(Array(arguments.dropFirst()))
case "explain": status = runExplain(Array(arguments.dropFirst()))
case "baseline": status = runBaseline(Array(arguments.dropFirst()))
default:
    fail(UsageError(message: "unknown subcommand '\(arguments[0])'", hint: "See 'selfeval --help'. To lint files: selfeval lint PATH ..."))
}
exit(status.rawValue)
