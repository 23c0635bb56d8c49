import Testing
@testable import SelfEval

/// Cells as the scanner cuts them: separators, HTML tags and entities, trailing pipes.
@Suite struct CellScannerTests {
    static func cells(_ line: String, _ mode: CellScanner.Mode) -> [String] {
        CellScanner(mode: mode).scan(SourceText(utf8: Array(line.utf8)), line: 1).cells.map(\.text)
    }

    @Test(arguments: [
        // An entity after a space goes through the scanner's slow path, one straight after text
        // through its fast path: both are decoded.
        ("<td>甲 &amp; 乙</td>\t丙", ["甲 & 乙", "丙"]),
        ("<td>甲&amp;乙</td>\t丙", ["甲&乙", "丙"]),
        ("a&lt;b\t&gt;c", ["a<b", ">c"]),
        ("R&D\tx", ["R&D", "x"]),
    ])
    func entitiesAreDecoded(line: String, expected: [String]) {
        #expect(Self.cells(line, .tabs) == expected)
    }

    @Test func nbspEntityCountsAsASpaceInsideACell() {
        let cell = CellScanner(mode: .tabs).scan(SourceText(utf8: Array("甲&nbsp;乙".utf8)), line: 1).cells[0]
        #expect(cell.text == "甲 乙")
        #expect(cell.key == "甲乙")
    }

    @Test func trailingPipesAreDroppedFromWholeLines() {
        #expect(Self.cells("项目名称 | ", .wholeLine) == ["项目名称"])
        #expect(Self.cells("甲｜", .wholeLine) == ["甲"])
        #expect(Self.cells("|", .wholeLine) == [""])
    }

    /// Lines without `<` are cut in place; the general scanner (which removes tags) must cut
    /// them the same way: same texts, ranges, indices, inner-space flags and indent.
    @Test(arguments: [CellScanner.Mode.tabs, .spaces, .pipes, .wholeLine])
    func inPlaceScanAgreesWithTheGeneralScanner(mode: CellScanner.Mode) {
        let lines = [
            "\t产出指标\t数量指标\t检查次数\t≥4次\t5次\t20\t20\t",
            "  项目名称：\u{3000}医疗 救助\u{00A0}资金  |  x ",
            "| 一级指标 | 二级指标 |  | 分值 |",
            "| --- | :-: |",
            "总 分\t\t100\t96.5 |",
            "甲 &amp; 乙\t&nbsp;丙\tR&D",
            "\u{3000}\u{3000}全角空格开头\u{3000}\u{3000}",
            "控制\u{7}字符\t‘引号’\t—\t｜全角竖线｜",
            "",
            "   ",
            "𠀀扩展汉字 e\u{301}",
        ]
        let scanner = CellScanner(mode: mode)
        for line in lines {
            let bytes = Array(line.utf8)
            let fast = bytes.withUnsafeBufferPointer { scanner.finished(scanner.scanPlain($0, line: 3), 3) }
            let general = bytes.withUnsafeBufferPointer { scanner.finished(scanner.scanTagged($0, line: 3), 3) }
            #expect(fast.cells == general.cells, "\(mode) \(line)")
            #expect(fast.cells.map(\.hasInnerSpace) == general.cells.map(\.hasInnerSpace), "\(mode) \(line)")
            #expect(fast.indent == general.indent, "\(mode) \(line)")
        }
    }

    /// Whole-line cells have their trailing ` |` cut from the bytes before the text is made;
    /// the result must be the cell that cutting the made text gives.
    @Test func trailingPipeCutInBytesAgreesWithCuttingTheText() {
        let lines = [
            "项目名称 |", "项目名称 | ", "项目名称|\t", "甲 | 乙 |", "甲 | |", "甲｜", "甲\u{3000}|", "甲\u{00A0}|",
            "甲\t|", "|", " | ", "｜｜", "甲 &amp; 乙 |", "甲&nbsp;|", "  缩进 |  ", "无竖线", "无竖线 ", "甲\u{200B}乙 |",
            "控制\u{7}|", "𠀀扩展 |", "e\u{301} |", "",
        ]
        let scanner = CellScanner(mode: .wholeLine)
        for (n, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            let cut = scanner.scan(SourceText(utf8: bytes), line: 1)
            let made = bytes.withUnsafeBufferPointer { scanner.finished(scanner.scanPlain($0, line: 1), 1) }
            #expect(cut.cells == made.cells, "line \(n): \(line)")
            #expect(cut.cells.map(\.hasInnerSpace) == made.cells.map(\.hasInnerSpace), "line \(n): \(line)")
            #expect(cut.indent == made.indent, "line \(n): \(line)")
        }
    }

    /// Lines scanned into reused arrays (`LineStorage`) are the lines a fresh scan gives, whether
    /// the caller keeps every line (so no array may be written over) or lets each go; lines with
    /// empty cells, with none, blank, and one too long for its room to be handed on.
    @Test(arguments: [CellScanner.Mode.tabs, .spaces, .pipes, .wholeLine])
    func linesScannedIntoReusedArraysAreTheLinesAFreshScanGives(mode: CellScanner.Mode) {
        let lines = [
            "\t产出指标\t数量指标\t每年检查次数\t=1次\t1次\t10\t10\t",
            "项目名称\t医疗救助资金专项检查工作经费",
            "",
            "\t\t\t检查人员资质\t符合要求\t符合要求\t10\t10\t",
            "总分 100 96.5",
            String(repeating: "甲\t", count: 400) + "乙",
            "| 一级指标 | 二级指标 |  | 分值 |",
            "年度总体目标 |",
            "\t\t时效指标\t检查工作完成及时性\t及时\t及时\t10\t10\t",
        ]
        let source = SourceText(utf8: Array(lines.joined(separator: "\n").utf8))
        let scanner = CellScanner(mode: mode)
        var kept: [TextLine] = []
        var storage = LineStorage(), other = LineStorage()
        for n in 1...lines.count {
            let fresh = scanner.scan(source, line: n)
            kept.append(scanner.scan(source, line: n, storage: &storage))
            let passing = scanner.scan(source, line: n, storage: &other)
            #expect(passing.cells == fresh.cells && passing.nonEmpty == fresh.nonEmpty, "\(mode) line \(n)")
        }
        for n in 1...lines.count {
            let fresh = scanner.scan(source, line: n)
            #expect(kept[n - 1].cells == fresh.cells, "\(mode) kept line \(n)")
            #expect(kept[n - 1].nonEmpty == fresh.nonEmpty, "\(mode) kept line \(n)")
            #expect(kept[n - 1].cells.map(\.hasInnerSpace) == fresh.cells.map(\.hasInnerSpace), "\(mode) kept line \(n)")
        }
    }
}
