import Foundation
import SelfEval
import SelfEvalChecks

// selfeval-bench: writes a deterministic synthetic corpus and measures parse + check + report
// throughput, single-threaded and with all cores. One summary line per configuration.

struct Options {
    var forms = 20_000
    var seed: UInt64 = 42
    var perFile = 50
    var out: String?
    var seeds = "Tests/Fixtures/seeds"
    var jobs: [Int] = [1, ProcessInfo.processInfo.activeProcessorCount]
    var generateOnly = false
    var stages = false
}

let usage = """
OVERVIEW: Benchmark selfeval on a deterministic synthetic corpus.

USAGE: selfeval-bench [--forms N] [--seed S] [--per-file K] [--out DIR] [--seeds PATH] [--jobs 1,2] [--stages] [--generate-only]

  --forms N        forms in the corpus (default 20000)
  --seed S         random seed; the same seed writes the same bytes (default 42)
  --per-file K     forms per file (default 50)
  --out DIR        where to write the corpus (default: a temporary folder, removed after)
  --seeds PATH     real forms used as templates (default Tests/Fixtures/seeds)
  --jobs LIST      thread counts to measure (default 1,<cores>)
  --stages         also time each stage on one thread (read, decode, parse, checks,
                   report) against reading the bytes and finding the lines alone
  --generate-only  write the corpus and stop

Each configuration prints one line: MB/s and forms/s of lint + JSON report, end to end
in the process (no process start), and how the time splits between the two.
"""

var options = Options()
var args = Array(CommandLine.arguments.dropFirst())[...]
while let a = args.popFirst() {
    func value() -> String {
        guard let v = args.popFirst() else { FileHandle.standardError.write("Error: \(a) needs a value\n".data(using: .utf8)!); exit(2) }
        return v
    }
    switch a {
    case "--forms": options.forms = Int(value()) ?? options.forms
    case "--seed": options.seed = UInt64(value()) ?? options.seed
    case "--per-file": options.perFile = max(1, Int(value()) ?? options.perFile)
    case "--out": options.out = value()
    case "--seeds": options.seeds = value()
    case "--jobs": options.jobs = value().split(separator: ",").compactMap { Int($0) }.filter { $0 >= 1 }
    case "--generate-only": options.generateOnly = true
    case "--stages": options.stages = true
    case "-h", "--help": print(usage); exit(0)
    default: FileHandle.standardError.write("Error: unknown option \(a)\nSee 'selfeval-bench --help'.\n".data(using: .utf8)!); exit(2)
    }
}

/// SplitMix64: small, fast, deterministic.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

// Templates: every form of the seed files.
let templateFiles = (try? FileDiscovery.find([options.seeds])) ?? []
let templates = templateFiles.flatMap { f -> [Form] in
    guard let data = FileManager.default.contents(atPath: f.path), case .success(let d) = Decoder.decode([UInt8](data)) else { return [] }
    return Linter.readForms(SourceText(utf8: d.text), file: f.display).forms
}
guard !templates.isEmpty else { FileHandle.standardError.write("Error: no template forms in \(options.seeds)\n".data(using: .utf8)!); exit(2) }

/// One synthetic form: a template with a new name and a realistic share of anomalies.
func synthesize(_ i: Int, _ rng: inout Random) -> Form {
    var f = templates[rng.below(templates.count)]
    if var n = f.name { n.raw += "（样本\(i)）"; n.value = n.raw; f.name = n }
    // Each project writes its own goals: a per-form sentence keeps cross-form reuse realistic.
    let own = "本项目编号\(i)，按计划推进。"
    if var p = f.goals.planned { p.raw = own + p.raw; p.value = p.raw; f.goals.planned = p }
    if var a = f.goals.actual { a.raw = own + a.raw; a.value = a.raw; f.goals.actual = a }
    // About one form in four gets an extra anomaly.
    switch rng.below(16) {
    case 0: // funding total that differs from its parts
        if var t = f.funding?.rows.first, var c = t.cells[.initialBudget], case .quantity(let q) = c.value {
            let v = q.value + ExactDecimal(10_000)
            c.raw = v.description; c.value = .quantity(Quantity(comparator: nil, value: v, unit: q.unit))
            t.cells[.initialBudget] = c
            f.funding!.rows[0] = t
        }
    case 1: // a missing actual
        if !f.indicators.isEmpty { f.indicators[rng.below(f.indicators.count)].actual = nil }
    case 2: // achieved text copied from the plan
        if let p = f.goals.planned { f.goals.actual = p }
    case 3: // a deduction without reason
        if !f.indicators.isEmpty {
            let k = rng.below(f.indicators.count)
            if var s = f.indicators[k].score, !s.value.isZero {
                s.value = s.value - ExactDecimal(1); s.raw = s.value.description
                f.indicators[k].score = s
                f.indicators[k].deviation = nil
            }
        }
    default: break
    }
    return f
}

// The seven layouts the figures in the README were measured on since the benchmark began.
// Text aligned with spaces (`.aligned`) is read and tested but not in the corpus: its padding
// (nearly half its bytes for the seeds) would raise MB/s without the reader doing more, and the
// figures would no longer compare with the earlier ones.
let styles = FormRenderer.Style.allCases.filter { $0 != .aligned }
let outDir = options.out ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("selfeval-bench-\(options.seed)-\(options.forms)-\(ProcessInfo.processInfo.processIdentifier)")
try? FileManager.default.removeItem(atPath: outDir)
try! FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
var rng = Random(state: options.seed)
var written = 0, bytes = 0, fileIndex = 0
while written < options.forms {
    let count = min(options.perFile, options.forms - written)
    let style = styles[fileIndex % styles.count]
    var text = ""
    for k in 0..<count {
        text += FormRenderer.render(synthesize(written + k, &rng), as: style)
        text += style == .paragraph ? "\n" : "\n\n"
    }
    let name = String(format: "%05d-%@.txt", fileIndex, style.rawValue)
    let data = Data(text.utf8)
    try! data.write(to: URL(fileURLWithPath: outDir).appendingPathComponent(name))
    bytes += data.count
    written += count
    fileIndex += 1
}
print(String(format: "corpus: %d forms in %d files, %.1f MB, layouts %@, seed %llu, at %@",
             written, fileIndex, Double(bytes) / 1e6, styles.map(\.rawValue).joined(separator: "/"), options.seed, outDir))
if options.generateOnly { exit(0) }

let files = try! FileDiscovery.find([outDir])
let linter = Linter(checks: AllChecks.types)
let mb = Double(bytes) / 1e6

/// Seconds on a monotonic clock.
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

for jobs in options.jobs {
    let start = now()
    let results = linter.lint(found: files, jobs: jobs, compact: true)
    let run = RunResult(files: results, checks: AllChecks.descriptions, toolVersion: "bench")
    let linted = now()
    let json = JSONReporter(language: .en, jobs: jobs).render(run)
    let end = now()
    let seconds = end - start
    print(String(format: "jobs=%d: %d forms, %.1f MB in %.2f s: %.1f MB/s, %.0f forms/s, %d findings, report %.1f MB (lint %.2f s, report %.2f s)",
                 jobs, run.formCount, mb, seconds, mb / seconds, Double(run.formCount) / seconds,
                 run.diagnostics.count, Double(json.utf8.count) / 1e6, linted - start, end - linted))
}

/// One thread, stage by stage, file by file: where the time of `lint` goes, and how far it
/// is from reading the bytes and finding the lines (the floor no linter goes under).
if options.stages {
    var read = 0.0, decode = 0.0, parse = 0.0, check = 0.0, floor = 0.0, lines = 0, forms = 0
    let context = CheckContext(configuration: Configuration())
    for f in files {
        var t = now()
        guard let data = FileManager.default.contents(atPath: f.path) else { continue }
        let raw = [UInt8](data)
        var u = now(); read += u - t; t = u
        guard case .success(let d) = Decoder.decodeRepairing(raw) else { continue }
        let source = SourceText(utf8: d.text)
        u = now(); decode += u - t; t = u
        let parsed = Linter.readForms(source, file: f.display).forms
        u = now(); parse += u - t; t = u
        for form in parsed { _ = Linter.run(AllChecks.types, on: form, context: context) }
        u = now(); check += u - t; t = u
        forms += parsed.count
        // The floor: the file's bytes read and its lines found, nothing else.
        if let again = FileManager.default.contents(atPath: f.path) {
            again.withUnsafeBytes { (b: UnsafeRawBufferPointer) in
                guard let base = b.baseAddress else { return }
                var at = 0
                while at < b.count, let nl = memchr(base + at, 0x0A, b.count - at) {
                    lines += 1
                    at = UnsafeRawPointer(nl) - base + 1
                }
            }
        }
        u = now(); floor += u - t
    }
    func share(_ name: String, _ s: Double) -> String { String(format: "%@ %.2f s (%.0f MB/s)", name, s, mb / s) }
    let parts: [String] = [share("read", read), share("decode", decode), share("parse", parse), share("per-form checks", check)]
    let floorText = String(format: "reading the bytes and finding the %d lines alone: %.2f s (%.0f MB/s)", lines, floor, mb / floor)
    print("stages, one thread, \(forms) forms: \(parts.joined(separator: " · ")); \(floorText)")
}
if options.out == nil { try? FileManager.default.removeItem(atPath: outDir) }
