import Foundation
import Testing

@Suite struct CLITests {
    @Test func helpTeachesOnStdout() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("OVERVIEW:"))
        #expect(r.stdout.contains("USAGE: selfeval"))
        #expect(r.stderr.isEmpty)
        let lint = try CLI.run(["lint", "--help"])
        #expect(lint.stdout.contains("--fail-on"))
    }

    @Test func versionPrints() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("selfeval "))
    }

    @Test func usageErrorsExitTwoWithAHint() throws {
        for args in [["lint", "--bogus"], ["frobnicate"], ["lint", "--format", "xml", "Tests/Fixtures/seeds"], ["lint", "no/such/path"],
                     ["lint", "--select", "no-such-check", "Tests/Fixtures/seeds"], ["explain", "no-such-check"], ["parse"],
                     ["lint", "--max-file-size", "0", "Tests/Fixtures/seeds"], ["lint", "--max-file-size", "12X", "Tests/Fixtures/seeds"],
                     ["lint", "--output", "Tests", "Tests/Fixtures/seeds"], ["lint", "--output", "sarif:Tests", "Tests/Fixtures/seeds"]] {
            let r = try CLI.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.hasPrefix("Error: "), "\(args): \(r.stderr)")
            #expect(r.stderr.contains("\n"), "\(args) needs a hint line")
            #expect(r.stdout.isEmpty, "\(args)")
        }
    }

    /// A folder given to --output: the hint names a file of the format's kind in it.
    @Test func outputToAFolderSuggestsAFileOfItsFormat() throws {
        for (spec, name) in [("Tests", "Tests/report.txt"), ("sarif:Tests", "Tests/report.sarif"), ("json:Tests", "Tests/report.json")] {
            let r = try CLI.run(["lint", "--output", spec, "Tests/Fixtures/seeds"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("e.g. \(name)."), "\(spec): \(r.stderr)")
        }
    }

    @Test func lintingTheSeedsFindsProblemsAndExitsOne() throws {
        let r = try CLI.run(["lint", "Tests/Fixtures/seeds"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Tests/Fixtures/seeds/000_84adb1842e62a47c.txt:8:9: error: 年度资金总额 年初预算数 448,000.00 ≠ sum of its parts 488,000.00 (元) [funding-breakdown]"))
        #expect(r.stdout.hasSuffix("26 forms in 2 files: 3 errors, 26 warnings, 22 notes\n"))
    }

    @Test func failOnErrorAndSelectChangeTheExitStatus() throws {
        #expect(try CLI.run(["lint", "--select", "weight-sum", "Tests/Fixtures/seeds"]).status == 0)
        #expect(try CLI.run(["lint", "--fail-on", "error", "--ignore", "funding-breakdown", "Tests/Fixtures/seeds"]).status == 0)
        #expect(try CLI.run(["lint", "--fail-on", "error", "Tests/Fixtures/seeds"]).status == 1)
    }

    @Test func chineseMessages() throws {
        let r = try CLI.run(["lint", "--lang", "zh", "Tests/Fixtures/seeds"])
        #expect(r.stdout.contains("年度资金总额 年初预算数 448,000.00 ≠ 分项之和 488,000.00（元）"))
        let env = try CLI.run(["lint", "Tests/Fixtures/seeds"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(env.stdout.contains("分项之和"))
    }

    @Test func jsonListsEveryFormWithNameYearAndUnit() throws {
        let r = try CLI.run(["lint", "--format", "json", "Tests/Fixtures/seeds"])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let forms = try #require(object["forms"] as? [[String: Any]])
        #expect(forms.count == 26)
        #expect(forms.filter { $0["year"] as? Int == 2023 && $0["unit"] as? String == "元" }.count == 18)
        #expect(forms.filter { $0["year"] as? Int == 2024 && $0["unit"] as? String == "万元" }.count == 8)
        #expect(forms.contains { $0["name"] as? String == "市民社区医疗互助帮困（沪财预〔2022〕127号）（市级）" })
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        for key in ["check", "severity", "message", "file", "line", "column", "form", "fingerprint"] {
            #expect(diagnostics.allSatisfy { $0[key] != nil && !($0[key] is NSNull) }, "\(key)")
        }
        let missing = try #require(diagnostics.first { $0["check"] as? String == "missing-actual" })
        #expect(missing["row"] as? String == "服务对象和工作人员满意度")
        #expect(missing["form"] as? String == "房屋租赁费")
    }

    @Test func outputIsDeterministic() throws {
        let a = try CLI.run(["lint", "--format", "json", "Tests/Fixtures/seeds"])
        let b = try CLI.run(["lint", "--format", "json", "Tests/Fixtures/seeds"])
        #expect(a.stdout == b.stdout)
    }

    @Test func parseShowsEveryIndicatorRow() throws {
        let r = try CLI.run(["parse", "--format", "json", "Tests/Fixtures/seeds/004_c9f77f6b4bcb1ec1.txt"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let forms = try #require(object["forms"] as? [[String: Any]])
        #expect(forms.count == 8)
        let rows = forms.flatMap { ($0["indicators"] as? [[String: Any]]) ?? [] }
        #expect(rows.count == 81)
        #expect(rows.allSatisfy { $0["weight"] is [String: Any] && $0["score"] is [String: Any] })
        let text = try CLI.run(["parse", "Tests/Fixtures/seeds/000_84adb1842e62a47c.txt"])
        #expect(text.stdout.contains("补助发放准确率: 100% → 100%  ·/10"))
    }

    @Test func explainListsAndExplains() throws {
        let list = try CLI.run(["explain"])
        #expect(list.status == 0)
        for id in ["weight-sum", "funding-breakdown", "full-marks-contradiction", "missing-actual", "duplicated-goal-text", "unparsed-row"] {
            #expect(list.stdout.contains(id))
        }
        let one = try CLI.run(["explain", "funding-breakdown"])
        #expect(one.stdout.contains("Triggering examples:"))
        #expect(one.stdout.contains("448,000.00"))
    }

    @Test func badFilesAreReportedAndOthersStillLinted() throws {
        try CLI.withTemporaryFolder { dir in
            try Data().write(to: dir.appendingPathComponent("a-empty.txt"))
            try Data([0x00, 0x01, 0x02, 0xFF]).write(to: dir.appendingPathComponent("b-binary.txt"))
            try Data("just some notes\n".utf8).write(to: dir.appendingPathComponent("c-notes.txt"))
            try Data(contentsOf: CLI.fixtures.appendingPathComponent("seeds/004_c9f77f6b4bcb1ec1.txt")).write(to: dir.appendingPathComponent("d-forms.txt"))
            let r = try CLI.run(["lint", dir.path])
            #expect(r.status == 1)
            #expect(r.stdout.contains("a-empty.txt:1:1: error: the file is empty"))
            #expect(r.stdout.contains("b-binary.txt:1:1: error: the file looks binary"))
            #expect(r.stdout.contains("c-notes.txt:1:1: warning: no 项目支出绩效自评表 found"))
            #expect(r.stdout.contains("d-forms.txt:"))
            #expect(r.stdout.contains("8 forms in 4 files"))
        }
    }

    /// A folder of forms holding some as PDF or Excel files: each document is reported with
    /// what it is and how to get its text, not passed over; the text forms are still linted.
    @Test func documentsInAFolderAreReportedNotPassedOver() throws {
        try CLI.withTemporaryFolder { dir in
            try Data("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n".utf8 + [0, 1, 2]).write(to: dir.appendingPathComponent("a-form.pdf"))
            try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0] + Array("xl/workbook.xml".utf8)).write(to: dir.appendingPathComponent("b-form.xlsx"))
            try Data(contentsOf: CLI.fixtures.appendingPathComponent("seeds/004_c9f77f6b4bcb1ec1.txt")).write(to: dir.appendingPathComponent("c-forms.txt"))
            let r = try CLI.run(["lint", dir.path])
            #expect(r.status == 1)
            #expect(r.stdout.contains("a-form.pdf:1:1: error: the file is a PDF document, not text"))
            #expect(r.stdout.contains("pdftotext -layout"))
            #expect(r.stdout.contains("b-form.xlsx:1:1: error: the file is an Excel workbook (.xlsx), not text"))
            #expect(r.stdout.contains("8 forms in 3 files"))
            let zh = try CLI.run(["lint", "--lang", "zh", dir.appendingPathComponent("a-form.pdf").path])
            #expect(zh.stdout.contains("文件是 PDF 文档，不是文本"))
        }
    }

    /// Files over `--max-file-size` are reported and not read; the others are linted. A file
    /// that does not end (`/dev/zero`) is read up to the limit only.
    @Test func filesOverTheSizeLimitAreReportedNotRead() throws {
        let small = try CLI.run(["lint", "--max-file-size", "30K", "Tests/Fixtures/seeds"])
        #expect(small.status == 1)
        #expect(small.stdout.contains("000_84adb1842e62a47c.txt:1:1: error: the file is 35326 bytes, over the limit of 30720; split it or raise --max-file-size [unreadable-file]"))
        #expect(small.stdout.contains("8 forms in 2 files"), "the other file is linted")
        let endless = try CLI.run(["lint", "--max-file-size", "1M", "/dev/zero"])
        #expect(endless.status == 1)
        #expect(endless.stdout.contains("/dev/zero:1:1: error: the file holds more than 1048576 bytes (or does not end)"))
    }

    /// A file name in GBK passed by a shell (the bytes Swift's strings cannot hold) is read,
    /// and shown decoded.
    @Test func aFileNamedInGBKOnTheCommandLineIsRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-gbk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = CLI.fixtures.appendingPathComponent("seeds/004_c9f77f6b4bcb1ec1.txt").path
        // 自评表.txt in GBK, written and named by the shell.
        let name = #"$(printf '\327\324\306\300\261\355.txt')"#
        let script = "cp \"$1\" \"$2/\(name)\" && exec \"$0\" lint \"$2/\(name)\""
        let r = try CLI.run(["-c", script, CLI.binary.path, seed, dir.path], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("/自评表.txt:44:6: warning: 预期目标 speaks of 2023"))
        #expect(r.stdout.contains("8 forms in 1 file"))
    }

    /// `-` reads the forms from standard input, as a pipe from a PDF-to-text tool gives them;
    /// they are reported as `<stdin>`. `parse -` reads them too.
    @Test func aDashReadsStandardInput() throws {
        let seed = try Data(contentsOf: CLI.fixtures.appendingPathComponent("seeds/004_c9f77f6b4bcb1ec1.txt"))
        let r = try CLI.run(["lint", "-"], stdin: seed)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("<stdin>:44:6: warning: 预期目标 speaks of 2023"))
        #expect(r.stdout.contains("8 forms in 1 file"))
        let p = try CLI.run(["parse", "-"], stdin: seed)
        #expect(p.status == 0, "\(p.stderr)")
        #expect(p.stdout.hasPrefix("<stdin>: 8 forms"))
        let empty = try CLI.run(["lint", "-", "-"], stdin: Data())
        #expect(empty.stdout.contains("<stdin>:1:1: error: the file is empty"))
        #expect(empty.stdout.contains("0 forms in 1 file"), "read once")
    }

    /// The text report of a small form, golden-tested. Re-record on purpose with SELFEVAL_RECORD=1.
    @Test func textReportMatchesGolden() throws {
        let golden = CLI.fixtures.appendingPathComponent("golden/seeds-lint.txt")
        let r = try CLI.run(["lint", "Tests/Fixtures/seeds"])
        if ProcessInfo.processInfo.environment["SELFEVAL_RECORD"] == "1" {
            try r.stdout.write(to: golden, atomically: false, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(r.stdout == expected, "text output changed; review it and re-record with SELFEVAL_RECORD=1 swift test")
    }
}

@Suite struct ParseSkippedTests {
    @Test func parseListsWhatItSkippedAndWhy() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: CLI.fixtures.appendingPathComponent("seeds/000_84adb1842e62a47c.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "⇥", with: "").replacingOccurrences(of: "\t年度资金总额\t448,000.00", with: "\t年度资金总额\t44x8,000.00")
        text = text.replacingOccurrences(of: "\t其他资金\t0.00\t0.00\t\t—\t\t\t\n年度 总体 目标", with: "\t其他资金\t0.00\t0.00\t\t—\t\t\t\n\t神秘行\t1\t2\t3\t4\t5\t6\t7\t8\n年度 总体 目标")
        let file = dir.appendingPathComponent("damaged.txt")
        try text.write(to: file, atomically: false, encoding: .utf8)
        let r = try CLI.run(["parse", file.path])
        #expect(r.stdout.contains("Not read:"))
        #expect(r.stdout.contains("[bad-number]"))
        #expect(r.stdout.contains("44x8,000.00"))
        let json = try CLI.run(["parse", "--format", "json", file.path])
        #expect(json.stdout.contains("\"skipped\": ["))
        #expect(json.stdout.contains("\"kind\": \"bad-number\""))
    }
}
