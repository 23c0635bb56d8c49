import Foundation
import Testing

/// `.selfeval.json`: found upward from the linted path or given with --config; bad keys stop the run.
@Suite struct ConfigurationTests {
    func folder(config: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-config-\(UUID().uuidString)")
        let forms = dir.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
        try Data(contentsOf: CLI.fixtures.appendingPathComponent("seeds/000_84adb1842e62a47c.txt")).write(to: forms.appendingPathComponent("a.txt"))
        if let config { try Data(config.utf8).write(to: dir.appendingPathComponent(".selfeval.json")) }
        return dir
    }

    @Test func foundUpwardAndApplied() throws {
        let dir = try folder(config: #"{"checks": {"weight-distribution": "on", "funding-breakdown": "off", "missing-actual": "error"}, "weightGuideline": {"output": 30}}"#)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint", "--format", "json", dir.appendingPathComponent("forms").path])
        #expect(!r.stdout.contains("\"funding-breakdown\""))
        #expect(r.stdout.contains("\"weight-distribution\""))
        #expect(r.stdout.contains("\"check\": \"missing-actual\",\n      \"severity\": \"error\""))
    }

    @Test func thresholdsChangeFindings() throws {
        let strict = try folder(config: #"{"thresholds": {"lenientMargin": 0.5}}"#)
        defer { try? FileManager.default.removeItem(at: strict) }
        let r = try CLI.run(["lint", "--select", "lenient-partial-score", strict.appendingPathComponent("forms").path])
        #expect(r.stdout.contains("[lenient-partial-score]"))
        let lax = try folder(config: #"{"thresholds": {"lenientMargin": 100}}"#)
        defer { try? FileManager.default.removeItem(at: lax) }
        let s = try CLI.run(["lint", "--select", "lenient-partial-score", lax.appendingPathComponent("forms").path])
        #expect(!s.stdout.contains("[lenient-partial-score]"))
        #expect(s.status == 0)
    }

    @Test(arguments: [
        (#"{"checkz": {}}"#, "checkz"),
        (#"{"checks": {"no-such-check": "on"}}"#, "checks.no-such-check"),
        (#"{"checks": {"stale-year": "loud"}}"#, "checks.stale-year"),
        (#"{"thresholds": {"lenientMargin": "one"}}"#, "thresholds.lenientMargin"),
        (#"{"thresholds": {"overshootRatio": 0.5}}"#, "thresholds.overshootRatio"),
        (#"{"thresholds": {"goalSimilarity": 2}}"#, "thresholds.goalSimilarity"),
        (#"{"gradeBands": {"A": 90}}"#, "gradeBands.A"),
        (#"{"thresholds": {"bogus": 1}}"#, "thresholds.bogus"),
        (#"[1, 2]"#, "(file)"),
        (#"{not json"#, "(file)"),
    ])
    func badConfigurationStopsWithFileAndKey(config: String, key: String) throws {
        let dir = try folder(config: config)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint", dir.appendingPathComponent("forms").path])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("Error: bad configuration"))
        if key == "(file)" {
            // The file as a whole: no key named, and a hint about the file, not a key.
            #expect(r.stderr.contains(".selfeval.json: ") && !r.stderr.contains("(file)"), "\(r.stderr)")
            #expect(r.stderr.contains("is a readable JSON file"), "\(r.stderr)")
        } else {
            #expect(r.stderr.contains(".selfeval.json: \(key):"), "\(r.stderr)")
            #expect(r.stderr.contains("Fix the key"), "\(r.stderr)")
        }
    }

    @Test func explicitConfigAndMissingConfig() throws {
        let dir = try folder(config: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("strict.json")
        try Data(#"{"checks": {"execution-rate": "off", "actual-copies-target": "off", "cross-form-duplicate": "off"}}"#.utf8).write(to: config)
        let r = try CLI.run(["lint", "--config", config.path, "--fail-on", "note", "--select", "execution-rate,actual-copies-target", dir.appendingPathComponent("forms").path])
        #expect(r.status == 0, "\(r.stdout)")
        let missing = try CLI.run(["lint", "--config", dir.appendingPathComponent("nope.json").path, dir.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such configuration file"))
    }
}
