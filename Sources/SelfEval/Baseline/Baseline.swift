import Foundation

/// Whether a finding was already accepted in the baseline.
public enum BaselineState: String, Sendable, Hashable, Codable {
    /// Not in the baseline: fails the run.
    case new
    /// Matched by a baseline entry: accepted.
    case unchanged
    /// A baseline entry that no finding matched any more: fixed.
    case absent
}

/// One accepted finding. No line numbers: the fingerprint hashes check + form + row + values.
public struct BaselineEntry: Sendable, Hashable, Comparable {
    public var check: String
    public var file: String
    public var form: String
    public var row: String
    public var fingerprint: String

    public init(check: String, file: String, form: String, row: String, fingerprint: String) {
        self.check = check
        self.file = file
        self.form = form
        self.row = row
        self.fingerprint = fingerprint
    }

    public init(_ d: Diagnostic) {
        self.init(check: d.check, file: d.file, form: d.form ?? "", row: d.row ?? "", fingerprint: d.fingerprint)
    }

    public static func < (a: BaselineEntry, b: BaselineEntry) -> Bool {
        (a.file, a.form, a.check, a.row, a.fingerprint) < (b.file, b.form, b.check, b.row, b.fingerprint)
    }
}

/// Why a baseline file could not be used.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problem: String
    public var description: String { "\(file): \(problem)" }
}

/// A committed list of accepted findings: sorted, one entry per line, versioned.
public struct Baseline: Sendable, Equatable {
    public static let formatVersion = 1
    public var entries: [BaselineEntry]

    public init(entries: [BaselineEntry]) { self.entries = entries.sorted() }

    public static func load(_ path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(file: path, problem: "cannot be read")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw BaselineError(file: path, problem: "is not a selfeval baseline (expected a JSON object with \"version\" and \"entries\")")
        }
        guard let version = root["version"] as? Int, version == formatVersion else {
            throw BaselineError(file: path, problem: "has an unsupported version (this selfeval reads version \(formatVersion))")
        }
        guard let list = root["entries"] as? [[String: Any]] else { throw BaselineError(file: path, problem: "has no \"entries\" list") }
        var entries: [BaselineEntry] = []
        for (i, e) in list.enumerated() {
            guard let check = e["check"] as? String, let file = e["file"] as? String, let fp = e["fingerprint"] as? String else {
                throw BaselineError(file: path, problem: "entry \(i + 1) lacks check, file or fingerprint")
            }
            entries.append(BaselineEntry(check: check, file: file, form: e["form"] as? String ?? "", row: e["row"] as? String ?? "", fingerprint: fp))
        }
        return Baseline(entries: entries)
    }

    /// Pretty, sorted JSON with one entry per line, so diffs and merges stay readable.
    public func encoded() -> String {
        var out = "{\n  \"version\": \(Baseline.formatVersion),\n  \"tool\": \"selfeval\",\n  \"entries\": ["
        for (i, e) in entries.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"check\": \(JSONWriter.escape(e.check)), \"file\": \(JSONWriter.escape(e.file)), \"form\": \(JSONWriter.escape(e.form)), "
            out += "\"row\": \(JSONWriter.escape(e.row)), \"fingerprint\": \(JSONWriter.escape(e.fingerprint))}"
        }
        out += entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// Writes atomically: a temporary file in the same folder, then a rename.
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(encoded().utf8).write(to: temp)
            if rename(temp.path, url.path) != 0 {
                try? FileManager.default.removeItem(at: temp)
                throw BaselineError(file: path, problem: "cannot be replaced (rename failed)")
            }
        } catch let e as BaselineError {
            throw e
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw BaselineError(file: path, problem: "cannot be written: \(error.localizedDescription)")
        }
    }

    /// This run's findings for the linted files, plus the entries of files not linted this time.
    public static func merged(existing: Baseline?, results: [FileResult]) -> Baseline {
        let linted = Set(results.map(\.file))
        let kept = existing?.entries.filter { !linted.contains($0.file) } ?? []
        return Baseline(entries: kept + results.flatMap(\.diagnostics).map(BaselineEntry.init))
    }

    /// Marks each finding new or unchanged (each entry absorbs one finding with the same file
    /// and fingerprint) and returns the entries of linted files that matched nothing: fixed.
    public func apply(to results: inout [FileResult]) -> [BaselineEntry] {
        var available: [String: Int] = [:]
        func key(_ file: String, _ fp: String) -> String { file + "\u{0}" + fp }
        for e in entries { available[key(e.file, e.fingerprint), default: 0] += 1 }
        for i in results.indices {
            for j in results[i].diagnostics.indices {
                let k = key(results[i].file, results[i].diagnostics[j].fingerprint)
                if let n = available[k], n > 0 {
                    available[k] = n - 1
                    results[i].diagnostics[j].baselineState = .unchanged
                } else {
                    results[i].diagnostics[j].baselineState = .new
                }
            }
        }
        let linted = Set(results.map(\.file))
        var fixed: [BaselineEntry] = []
        for e in entries where linted.contains(e.file) {
            let k = key(e.file, e.fingerprint)
            if let n = available[k], n > 0 {
                available[k] = n - 1
                fixed.append(e)
            }
        }
        return fixed
    }
}
