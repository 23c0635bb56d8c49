import Foundation
import SelfEval

/// Output formats of `lint`.
enum OutputFormat: String, CaseIterable {
    case text, json, sarif, github
}

/// A usage error: printed as `Error: …` with a hint, exit status 2.
struct UsageError: Error {
    var message: String
    var hint: String = "See 'selfeval --help'."
}

/// Parsed command line of `selfeval lint`.
struct LintOptions {
    var paths: [String] = []
    var format: OutputFormat = .text
    /// Plain `--output FILE`: the main report goes there instead of stdout.
    var output: String?
    /// `--output FORMAT:FILE`: extra reports, written besides the main one.
    var extraOutputs: [(format: OutputFormat, path: String)] = []
    var baseline: String?
    var writeBaseline: String?
    var strictBaseline = false
    var select: Set<String>?
    var ignore: Set<String> = []
    var failOn: Severity = .warning
    var config: String?
    /// Files linted at once (default: the number of cores).
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var language: Language
    /// Files larger than this are reported, not read (`--max-file-size`).
    var maxFileSize: Int?

    init(arguments: [String], language defaultLanguage: Language, knownChecks: Set<String>) throws {
        self.language = defaultLanguage
        var args = arguments[...]
        while let arg = args.popFirst() {
            func value() throws -> String {
                if let eq = arg.firstIndex(of: "=") { return String(arg[arg.index(after: eq)...]) }
                guard let v = args.popFirst() else { throw UsageError(message: "option '\(arg)' needs a value") }
                return v
            }
            let name = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
            switch name {
            case "--format", "-f":
                let v = try value()
                guard let f = OutputFormat(rawValue: v) else {
                    throw UsageError(message: "unknown format '\(v)'", hint: "Use one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                format = f
            case "--config":
                config = try value()
            case "--jobs", "-j":
                let v = try value()
                guard let n = Int(v), n >= 1, n <= 256 else { throw UsageError(message: "'--jobs' takes a whole number from 1 to 256, not '\(v)'") }
                jobs = n
            case "--max-file-size":
                let v = try value()
                guard let n = Self.byteCount(v) else {
                    throw UsageError(message: "'--max-file-size' takes a size in bytes, with K, M or G for KiB, MiB or GiB, not '\(v)'", hint: "For example --max-file-size 512M.")
                }
                maxFileSize = n
            case "--output", "-o":
                let v = try value()
                if let colon = v.firstIndex(of: ":"), let f = OutputFormat(rawValue: String(v[..<colon])) {
                    let path = String(v[v.index(after: colon)...])
                    guard !path.isEmpty else { throw UsageError(message: "'--output \(v)' names no file", hint: "Write it as --output FORMAT:FILE, e.g. --output sarif:report.sarif.") }
                    extraOutputs.append((f, path))
                } else {
                    output = v
                }
            case "--baseline":
                baseline = try value()
            case "--write-baseline":
                writeBaseline = try value()
            case "--strict-baseline":
                strictBaseline = true
            case "--select":
                let ids = try Self.ids(try value(), knownChecks)
                select = (select ?? []).union(ids)
            case "--ignore":
                ignore.formUnion(try Self.ids(try value(), knownChecks))
            case "--fail-on":
                let v = try value()
                guard let s = Severity(rawValue: v) else { throw UsageError(message: "unknown severity '\(v)'", hint: "Use note, warning or error.") }
                failOn = s
            case "--lang":
                let v = try value()
                guard let l = Language(rawValue: v) else { throw UsageError(message: "unknown language '\(v)'", hint: "Use en or zh.") }
                language = l
            case "--":
                paths.append(contentsOf: args)
                args = []
            default:
                if arg.hasPrefix("-") && arg != "-" { throw UsageError(message: "unknown option '\(arg)' for 'selfeval lint'") }
                paths.append(arg)
            }
        }
        if paths.isEmpty { paths = ["."] }
    }

    /// `300000`, `512K`, `256M`, `2G` (powers of 1024); nil when not a positive size.
    static func byteCount(_ text: String) -> Int? {
        var digits = Substring(text)
        var scale = 1
        switch digits.last {
        case "K", "k": scale = 1 << 10
        case "M", "m": scale = 1 << 20
        case "G", "g": scale = 1 << 30
        default: break
        }
        if scale > 1 { digits = digits.dropLast() }
        guard let n = Int(digits), n >= 1 else { return nil }
        let (total, overflow) = n.multipliedReportingOverflow(by: scale)
        return overflow ? nil : total
    }

    static func ids(_ list: String, _ known: Set<String>) throws -> Set<String> {
        let ids = Set(list.split(separator: ",").map { $0.trimmingCharacters() })
        for id in ids where !known.contains(id) {
            throw UsageError(message: "unknown check '\(id)'", hint: "Run 'selfeval explain' to list the checks.")
        }
        return ids
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingSpaces() }
}
