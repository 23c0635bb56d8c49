import Foundation
import Testing
@testable import SelfEval

/// Bad input gets a clear diagnostic with file and line, never a crash or a hang.
@Suite struct RobustnessTests {
    static let linter = Linter(checks: [])

    static func lint(_ bytes: [UInt8], _ file: String = "bad.txt") -> FileResult { linter.lint(bytes: bytes, file: file) }

    @Test func emptyBinaryAndUndecodable() {
        #expect(Self.lint([]).diagnostics.map(\.check) == ["unreadable-file"])
        #expect(Self.lint([0x00, 0x01, 0x02, 0x03, 0x04, 0xFF, 0x00, 0x00]).diagnostics.first?.message.en.contains("binary") == true)
        // Random high bytes: neither UTF-8 nor sensible GB18030 text.
        var random = [UInt8]()
        var x: UInt32 = 12345
        for _ in 0..<4096 { x = x &* 1103515245 &+ 12345; random.append(UInt8(truncatingIfNeeded: x >> 16)) }
        let r = Self.lint(random)
        #expect(r.forms.isEmpty)
        #expect(!r.diagnostics.isEmpty)
    }

    @Test func strayNULBytesAreRemovedAndReportedWithTheLine() throws {
        var bytes = Fixtures.bytes(Fixtures.tabularSeed)
        let at = try #require(bytes.indices.first { bytes[$0] == 0x0A && bytes[..<$0].filter { $0 == 0x0A }.count == 99 })
        bytes.insert(0, at: at - 3)
        let r = Self.lint(bytes)
        #expect(r.forms.count == 18)
        let d = try #require(r.diagnostics.first { $0.check == "encoding-repaired" })
        #expect(d.range.start.line == 100)
        #expect(d.message.en.contains("1 NUL byte removed"))
    }

    /// A file cut anywhere, even inside a character, still reads what it holds.
    @Test func truncatedAnywhere() {
        let bytes = Fixtures.bytes(Fixtures.flowSeed)
        var cuts = [1, 2, 3, 100, 101, 102, 5000, bytes.count - 1]
        for k in stride(from: 7, to: bytes.count, by: 997) { cuts.append(k) }
        for cut in cuts {
            let r = Self.lint(Array(bytes[..<cut]))
            #expect(!r.diagnostics.isEmpty || !r.forms.isEmpty, "cut at \(cut)")
            if cut > 2000 { #expect(!r.forms.isEmpty, "cut at \(cut) loses the forms before it") }
        }
        // Cut inside a 3-byte character: repaired, reported.
        let mid = bytes.firstIndex { $0 >= 0xE0 }! + 1
        let r = Self.lint(Array(bytes[..<(mid + 5000 - (5000 % 3))]))
        #expect(r.encoding == .utf8 || r.encoding == .utf8Repaired)
    }

    @Test func absurdNumbersAreReported() throws {
        let text = ExampleForm.tabular(funding: [
            "年度资金总额\t1e400\t99999999999999999999\t--5\t10\t100.00%\t10",
            "其中：当年财政拨款\t100\t100\t100\t—",
        ], rows: ["产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t1e400\t90", "满意度指标\t服务对象满意度指标\t满意度\t≥90%\t98%\t0.1234567890123\t10"])
        let r = Linter(checks: []).lint(bytes: Array(text.utf8), file: "n.txt")
        let bad = r.diagnostics.filter { $0.check == "bad-number" }
        #expect(bad.count == 5, "\(bad.map(\.message.en))")
        #expect(bad.contains { $0.message.en.contains("too large") })
        #expect(bad.contains { $0.message.en.contains("decimals") })
        #expect(bad.allSatisfy { $0.range.start.line > 1 })
    }

    @Test func duplicatedHeadersAndFormsWithoutTables() {
        var text = ExampleForm.tabular()
        text = text.replacingOccurrences(of: "绩效指标\t一级指标", with: "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n绩效指标\t一级指标")
        let r = Self.lint(Array(("项目名称\t孤立的标题\n" + text + text).utf8))
        #expect(r.forms.count == 3)
        #expect(r.forms[0].issues.contains { $0.kind == .missingPart })
        #expect(r.forms[1].indicators.count == 4)
        #expect(r.forms[2].indicators.count == 4)
    }

    @Test func aFiftyMegabyteLineNeitherCrashesNorHangs() {
        var bytes = Array("项目名称\t测试\n".utf8)
        let chunk = Array("很长的一行文字，没有任何表格结构 12 34 ".utf8)
        bytes.reserveCapacity(50_000_000)
        while bytes.count < 50_000_000 { bytes += chunk }
        let start = Date()
        let r = Self.lint(bytes)
        #expect(r.forms.count == 1)
        #expect(!r.diagnostics.isEmpty)
        #expect(Date().timeIntervalSince(start) < 120)
    }

    /// Long lines shaped like forms flattened without spaces (many 项目名称 in a row, thousands
    /// of funding rows, long digit runs): read in time linear in their length, every form found.
    @Test func unspacedParagraphsOfAbsurdShapeNeitherCrashNorHang() {
        let shapes = [
            "财政项目支出绩效自评表" + String(repeating: "项目名称甲", count: 20_000) + "年度资金总额" + String(repeating: "1", count: 5_000) + "预期目标",
            "项目名称甲项目资金年初预算数全年预算数全年执行数分值执行率得分" + String(repeating: "年度资金总额" + String(repeating: "1234567890", count: 10), count: 5_000) + "预期目标",
            "项目名称甲主管部门乙" + String(repeating: "一级指标合计" + String(repeating: "1", count: 20), count: 10_000) + "年度资金总额",
        ]
        for text in shapes {
            let start = Date()
            let r = Self.lint(Array(text.utf8))
            #expect(!r.diagnostics.isEmpty)
            #expect(Date().timeIntervalSince(start) < 60)
        }
    }

    /// A form flattened into a paragraph whose header cell starts like a header word without
    /// being one (`一级指标（分值）`, `绩效指标(90分)`): the splitter took nothing from it and looked
    /// at it again for ever. Linted on a thread of its own, so a hang fails the test instead of
    /// stopping the run.
    @Test(arguments: ["一级指标（分值）", "绩效指标(90分) 一级指标", "三级指标名称"])
    func paragraphWithAHeaderCellLikeAWord(_ cell: String) throws {
        let seeds = Fixtures.forms(Fixtures.tabularSeed)
        let paragraph = seeds.prefix(3).map { FormRenderer.render($0, as: .paragraph) }.joined(separator: "\n")
        let text = paragraph.replacingOccurrences(of: " 一级指标 ", with: " \(cell) ")
        #expect(text != paragraph)
        final class Box: @unchecked Sendable { var forms = 0 }
        let box = Box(), done = DispatchSemaphore(value: 0)
        Thread {
            box.forms = Self.lint(Array(text.utf8)).forms.count
            done.signal()
        }.start()
        try #require(done.wait(timeout: .now() + 60) == .success, "still reading after 60 s")
        #expect(box.forms == 3)
    }

    /// A long line of `<` starting tags that never close (`<a<a<a…`) is read in linear time:
    /// 400 KB of it hung the cell scanner, which searched to the line's end at every `<`.
    @Test func unclosedTagsOnALongLine() {
        for layout in ["项目名称\t", "项目名称 ", "| 项目名称 | "] {
            let start = Date()
            let r = Self.lint(Array((layout + String(repeating: "<a", count: 200_000) + "\n").utf8))
            #expect(!r.diagnostics.isEmpty)
            #expect(Date().timeIntervalSince(start) < 30)
        }
    }

    /// A cell of 300,000 entities (`&amp;&amp;…`) is decoded in linear time: replacing them
    /// one by one copied the text each time (3.5 s; 600,000 took 12.7 s).
    @Test func manyEntitiesInOneCell() throws {
        let start = Date()
        let r = Self.lint(Array(("项目名称\t" + String(repeating: "&amp;", count: 300_000) + "\n").utf8))
        #expect(!r.diagnostics.isEmpty)
        #expect(Date().timeIntervalSince(start) < 30)
        #expect("a&amp;b&lt;&amp;".replacingAll("&amp;", with: "&") == "a&b&lt;&")
        #expect("\r\n\r".replacingAll("\r", with: "") == "\n")
        #expect("无".replacingAll("&amp;", with: "&") == "无")
    }

    /// A header line of 300,000 cells is read in linear time: each value cell was appended to
    /// a copy of the field's cells, so the line never finished.
    @Test func aHeaderOfVeryManyCells() {
        let start = Date()
        let r = Self.lint(Array(("项目名称 甲\n" + Array(repeating: "1", count: 300_000).joined(separator: " ") + "\n").utf8))
        #expect(r.forms.count == 1)
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func modelJSONRoundTrip() throws {
        for url in [Fixtures.tabularSeed, Fixtures.flowSeed] {
            let result = Linter(checks: []).lint(path: url.path, display: url.lastPathComponent)
            let json = ModelJSON.render(file: result, language: .en)
            let again = try ModelJSONReader.read(Array(json.utf8), file: "model.json").get()
            #expect(again.map(FormDigest.init) == result.forms.map(FormDigest.init))
            #expect(again.map { $0.indicators.map(\.weight?.range.start) } == result.forms.map { $0.indicators.map(\.weight?.range.start) })
        }
        let notModel = Self.lint(Array("{\"version\": 1, \"entries\": []}".utf8), "baseline.json")
        #expect(notModel.diagnostics.first?.message.en.contains("not selfeval model JSON") == true)
    }

    /// A file over the size limit is reported with its size, not read; one under it is read.
    @Test func fileOverTheSizeLimitIsReportedNotRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("form.txt").path
        let bytes = Fixtures.bytes(Fixtures.tabularSeed)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var linter = Linter(checks: [])
        linter.maxFileSize = bytes.count - 1
        let over = linter.lint(path: path, display: "form.txt")
        #expect(over.forms.isEmpty)
        #expect(over.diagnostics.map(\.check) == ["unreadable-file"])
        #expect(over.diagnostics.first?.message.en.contains("\(bytes.count) bytes") == true)
        linter.maxFileSize = bytes.count
        #expect(linter.lint(path: path, display: "form.txt").forms.count == 18)
        #expect(linter.lint(path: dir.appendingPathComponent("missing.txt").path, display: "missing.txt").diagnostics.first?.message.en.contains("cannot read") == true)
    }
}
