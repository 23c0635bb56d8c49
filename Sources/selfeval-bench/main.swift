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
}

let usage = """
OVERVIEW: Benchmark selfeval on a deterministic synthetic corpus.

USAGE: selfeval-bench [--forms N] [--seed S] [--per-file K] [--out DIR] [--seeds PATH] [--jobs 1,2] [--generate-only]

  --forms N        forms in the corpus (default 20000)
  --seed S         random seed; the same seed writes the same bytes (default 42)
  --per-file K     forms per file (default 50)
  --out DIR        where to write the corpus (default: a temporary folder, removed after)
  --seeds PATH     real forms used as templates (default Tests/Fixtures/seeds)
  --jobs LIST      thread counts to measure (default 1,<cores>)
  --generate-only  write the corpus and stop
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

let styles = FormRenderer.Style.allCases
let outDir = options.out ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("selfeval-bench-\(options.seed)-\(options.forms)")
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

let files = try! FileDiscovery.find([outDir]).map { (path: $0.path, display: $0.display) }
let linter = Linter(checks: AllChecks.types)
for jobs in options.jobs {
    let start = Date()
    let results = linter.lint(files: files, jobs: jobs, compact: true)
    let run = RunResult(files: results, checks: AllChecks.descriptions, toolVersion: "bench")
    let json = JSONReporter(language: .en, jobs: jobs).render(run)
    let seconds = Date().timeIntervalSince(start)
    print(String(format: "jobs=%d: %d forms, %.1f MB in %.2f s: %.1f MB/s, %.0f forms/s, %d findings, report %.1f MB",
                 jobs, run.formCount, Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / seconds, Double(run.formCount) / seconds,
                 run.diagnostics.count, Double(json.utf8.count) / 1e6))
}
if options.out == nil { try? FileManager.default.removeItem(atPath: outDir) }
