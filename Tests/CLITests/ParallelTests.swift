import Foundation
import Testing

/// Parallel linting gives the same bytes as serial linting, in every format.
@Suite struct ParallelTests {
    @Test func jobsDoNotChangeTheOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-jobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let gen = try CLI.run(["--forms", "400", "--per-file", "8", "--seed", "7", "--out", dir.path, "--generate-only"], executable: CLI.product("selfeval-bench"))
        #expect(gen.status == 0, "\(gen.stderr)")
        #expect(gen.stdout.hasPrefix("corpus: 400 forms in 50 files"))
        // The same seed writes the same corpus.
        let again = dir.appendingPathComponent("again")
        _ = try CLI.run(["--forms", "400", "--per-file", "8", "--seed", "7", "--out", again.path, "--generate-only"], executable: CLI.product("selfeval-bench"))
        let first = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(first.count == 50)
        for f in first {
            #expect(FileManager.default.contents(atPath: dir.appendingPathComponent(f).path) == FileManager.default.contents(atPath: again.appendingPathComponent(f).path))
        }
        try FileManager.default.removeItem(at: again)
        for format in ["text", "json", "sarif", "github"] {
            let one = try CLI.run(["lint", "--format", format, "--jobs", "1", dir.path, "Tests/Fixtures/seeds"])
            let two = try CLI.run(["lint", "--format", format, "--jobs", "2", dir.path, "Tests/Fixtures/seeds"])
            let four = try CLI.run(["lint", "--format", format, "--jobs", "4", dir.path, "Tests/Fixtures/seeds"])
            #expect(one.status == 1)
            #expect(one.stdout == two.stdout, "\(format): --jobs 1 and --jobs 2 differ")
            #expect(one.stdout == four.stdout, "\(format): --jobs 1 and --jobs 4 differ")
            #expect(!one.stdout.isEmpty)
        }
        let json = try CLI.run(["lint", "--format", "json", dir.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["forms"] as? [Any])?.count == 400)
        #expect(((object["diagnostics"] as? [[String: Any]]) ?? []).filter { $0["check"] as? String == "unparsed-row" }.isEmpty,
                "the synthetic corpus (every layout) reads without unparsed rows")
    }

    @Test func benchPrintsOneLinePerConfiguration() throws {
        let r = try CLI.run(["--forms", "60", "--per-file", "20", "--jobs", "1,2"], executable: CLI.product("selfeval-bench"))
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("jobs=1: 60 forms"))
        #expect(lines[2].hasPrefix("jobs=2: 60 forms"))
        #expect(lines[1].contains("MB/s") && lines[1].contains("forms/s"))
        #expect(lines[1].contains("(lint ") && lines[1].contains(", report "))
    }

    @Test func benchStagesSplitTheTimeOfOneThread() throws {
        let r = try CLI.run(["--forms", "60", "--per-file", "20", "--jobs", "1", "--stages"], executable: CLI.product("selfeval-bench"))
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let stages = try #require(lines.last)
        #expect(stages.hasPrefix("stages, one thread, 60 forms: "))
        for stage in ["read ", "decode ", "parse ", "per-form checks ", "finding the "] {
            #expect(stages.contains(stage), "names the stage \(stage)")
        }
    }
}
