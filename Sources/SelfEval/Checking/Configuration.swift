import Foundation

/// Settings of a run: which checks, their severities, and every threshold.
///
/// Defaults follow the rules in DOMAIN.md (财预〔2020〕10号); local bureaus change them in a
/// `.selfeval.json` file.
public struct Configuration: Sendable {
    /// Checks to run; nil means every check that is not opt-in.
    public var enabled: Set<String>?
    /// Opt-in checks switched on by the configuration file.
    public var optedIn: Set<String> = []
    public var disabled: Set<String> = []
    public var severityOverrides: [String: Severity] = [:]
    /// Planned and actual goal texts at least this similar (0...1) are reported as duplicated.
    public var goalSimilarity: Double = 0.9
    /// The total of all weights.
    public var expectedWeightTotal = ExactDecimal(100)
    /// `lenient-partial-score`: points above the proportional score that are still accepted.
    public var lenientMargin = ExactDecimal(1)
    /// `target-overshoot`: actual / target at or above this is "far more than planned".
    public var overshootRatio = ExactDecimal(significand: 15, scale: 1)
    /// `weight-distribution`: points a first-level weight may stray from the guideline.
    public var weightTolerance = ExactDecimal(10)
    /// `weight-distribution`: the guideline weights of budget execution, 产出, 效益, 满意度.
    public var weightGuideline: [String: ExactDecimal] = ["budget": ExactDecimal(10), "output": ExactDecimal(50), "effect": ExactDecimal(30), "satisfaction": ExactDecimal(10)]
    /// `grade-mismatch`: lowest 总分 of each grade; below the last is 差.
    public var gradeBands: [(grade: String, minimum: ExactDecimal)] = [("优", ExactDecimal(90)), ("良", ExactDecimal(80)), ("中", ExactDecimal(60))]
    /// `stale-year`: how many years back a year counts as stale.
    public var staleYearWindow = 5
    /// `cross-form-duplicate`: minimum length (characters) of a goal text worth comparing.
    public var crossFormMinimumLength = 20
    /// Words in a deviation analysis that admit a shortfall.
    public var shortfallWords: [String] = Configuration.defaultShortfallWords {
        didSet { shortfallFilter = CharacterFilter(firstCharactersOf: shortfallWords) }
    }
    public static let defaultShortfallWords = ["未完成", "未达到", "未达成", "未达标", "没有完成", "没有达到", "未能", "尚未", "不足", "低于目标", "差距"]
    /// The first characters of `shortfallWords`, worked out once instead of once per form.
    public private(set) var shortfallFilter = CharacterFilter(firstCharactersOf: Configuration.defaultShortfallWords)

    public init() {}

    public func isEnabled(_ description: CheckDescription) -> Bool {
        if disabled.contains(description.id) { return false }
        if let enabled { return enabled.contains(description.id) }
        return !description.isOptIn || optedIn.contains(description.id)
    }

    public func severity(of description: CheckDescription) -> Severity {
        severityOverrides[description.id] ?? description.severity
    }

    /// The grade a 总分 earns under the configured bands.
    public func grade(for score: ExactDecimal) -> String {
        for band in gradeBands where score.compare(band.minimum) >= 0 { return band.grade }
        return "差"
    }
}

/// A problem in a configuration file: which file, which key, what is wrong.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var key: String
    public var problem: String
    public var description: String { "\(file): \(key): \(problem)" }
}

/// Reads `.selfeval.json`.
///
/// ```json
/// {
///   "checks": { "weight-distribution": "on", "stale-year": "off", "missing-actual": "error" },
///   "thresholds": { "goalSimilarity": 0.9, "lenientMargin": 1, "overshootRatio": 1.5,
///                   "weightTolerance": 10, "expectedWeightTotal": 100, "staleYearWindow": 5,
///                   "crossFormMinimumLength": 20 },
///   "gradeBands": { "优": 90, "良": 80, "中": 60 },
///   "weightGuideline": { "budget": 10, "output": 50, "effect": 30, "satisfaction": 10 },
///   "shortfallWords": ["未完成", "未达到"]
/// }
/// ```
public enum ConfigurationFile {
    public static let fileName = ".selfeval.json"

    /// The nearest `.selfeval.json` in `start` or a folder above it.
    public static func find(from start: String) -> String? {
        var dir = URL(fileURLWithPath: start).standardizedFileURL
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), !isDir.boolValue { dir.deleteLastPathComponent() }
        while true {
            let candidate = dir.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    public static func load(_ path: String, into base: Configuration = Configuration(), knownChecks: [CheckDescription]) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, key: "(file)", problem: "cannot be read")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ConfigurationError(file: path, key: "(file)", problem: "is not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw ConfigurationError(file: path, key: "(file)", problem: "must be a JSON object") }
        return try parse(root, file: path, into: base, knownChecks: knownChecks)
    }

    static func decimal(_ value: Any, _ file: String, _ key: String) throws -> ExactDecimal {
        guard let n = value as? NSNumber, !(value is Bool), case .success(let d) = ExactDecimal.parse("\(n)") else {
            throw ConfigurationError(file: file, key: key, problem: "must be a number")
        }
        return d
    }

    public static func parse(_ root: [String: Any], file: String, into base: Configuration, knownChecks: [CheckDescription]) throws -> Configuration {
        var c = base
        let known = Set(knownChecks.map(\.id))
        for (key, value) in root.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "checks":
                guard let map = value as? [String: Any] else { throw ConfigurationError(file: file, key: key, problem: "must be an object of check id → on|off|note|warning|error") }
                for (id, setting) in map.sorted(by: { $0.key < $1.key }) {
                    guard known.contains(id) else { throw ConfigurationError(file: file, key: "checks.\(id)", problem: "unknown check (run 'selfeval explain' for the list)") }
                    guard let s = setting as? String else { throw ConfigurationError(file: file, key: "checks.\(id)", problem: "must be on, off, note, warning or error") }
                    switch s {
                    case "on": c.optedIn.insert(id); c.disabled.remove(id)
                    case "off": c.disabled.insert(id)
                    default:
                        guard let sev = Severity(rawValue: s) else { throw ConfigurationError(file: file, key: "checks.\(id)", problem: "'\(s)' is not on, off, note, warning or error") }
                        c.severityOverrides[id] = sev
                        c.optedIn.insert(id)
                    }
                }
            case "thresholds":
                guard let map = value as? [String: Any] else { throw ConfigurationError(file: file, key: key, problem: "must be an object") }
                for (name, v) in map.sorted(by: { $0.key < $1.key }) {
                    let k = "thresholds.\(name)"
                    let d = try decimal(v, file, k)
                    func positive() throws { if d.isNegative || d.isZero { throw ConfigurationError(file: file, key: k, problem: "must be greater than 0") } }
                    switch name {
                    case "goalSimilarity":
                        guard let n = v as? NSNumber, n.doubleValue > 0, n.doubleValue <= 1 else { throw ConfigurationError(file: file, key: k, problem: "must be a number in (0, 1]") }
                        c.goalSimilarity = n.doubleValue
                    case "lenientMargin":
                        if d.isNegative { throw ConfigurationError(file: file, key: k, problem: "must not be negative") }
                        c.lenientMargin = d
                    case "overshootRatio":
                        if d.compare(ExactDecimal(1)) <= 0 { throw ConfigurationError(file: file, key: k, problem: "must be greater than 1") }
                        c.overshootRatio = d
                    case "weightTolerance": try positive(); c.weightTolerance = d
                    case "expectedWeightTotal": try positive(); c.expectedWeightTotal = d
                    case "staleYearWindow":
                        guard d.scale == 0, d.significand >= 1, d.significand <= 50 else { throw ConfigurationError(file: file, key: k, problem: "must be a whole number from 1 to 50") }
                        c.staleYearWindow = Int(d.significand)
                    case "crossFormMinimumLength":
                        guard d.scale == 0, d.significand >= 1 else { throw ConfigurationError(file: file, key: k, problem: "must be a whole number ≥ 1") }
                        c.crossFormMinimumLength = Int(d.significand)
                    default: throw ConfigurationError(file: file, key: k, problem: "unknown threshold")
                    }
                }
            case "gradeBands":
                guard let map = value as? [String: Any] else { throw ConfigurationError(file: file, key: key, problem: "must be an object of grade → lowest 总分") }
                var bands: [(String, ExactDecimal)] = []
                for (g, v) in map {
                    guard ["优", "良", "中"].contains(g) else { throw ConfigurationError(file: file, key: "gradeBands.\(g)", problem: "grades are 优, 良 and 中 (差 is below the last)") }
                    bands.append((g, try decimal(v, file, "gradeBands.\(g)")))
                }
                bands.sort { $0.1.compare($1.1) > 0 }
                c.gradeBands = bands.map { (grade: $0.0, minimum: $0.1) }
            case "weightGuideline":
                guard let map = value as? [String: Any] else { throw ConfigurationError(file: file, key: key, problem: "must be an object") }
                for (name, v) in map {
                    guard ["budget", "output", "effect", "satisfaction"].contains(name) else {
                        throw ConfigurationError(file: file, key: "weightGuideline.\(name)", problem: "unknown part (budget, output, effect, satisfaction)")
                    }
                    c.weightGuideline[name] = try decimal(v, file, "weightGuideline.\(name)")
                }
            case "shortfallWords":
                guard let words = value as? [String], !words.contains(where: \.isEmpty) else {
                    throw ConfigurationError(file: file, key: key, problem: "must be a list of non-empty strings")
                }
                c.shortfallWords = words
            default:
                throw ConfigurationError(file: file, key: key, problem: "unknown key (known: checks, thresholds, gradeBands, weightGuideline, shortfallWords)")
            }
        }
        return c
    }
}
