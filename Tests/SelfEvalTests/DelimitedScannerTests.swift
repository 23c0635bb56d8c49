import Testing
@testable import SelfEval

/// Rows of CSV and tab-separated exports with quoted cells: separators, doubled quotes and line
/// breaks inside quotes, and quotes that are only text.
@Suite struct DelimitedScannerTests {
    /// The row at line 1 of `text`: its cells and the last line it covers.
    static func row(_ text: String, _ mode: CellScanner.Mode) -> (cells: [Cell], last: Int) {
        let source = SourceText(text)
        var storage = LineStorage()
        let row = CellScanner(mode: mode).scanRecord(source, line: 1, through: source.lineCount, storage: &storage)
        return (row.line.cells, row.last)
    }

    @Test(arguments: [
        (",年度资金总额,\"448,000.00\",10,80.00%,", ["", "年度资金总额", "448,000.00", "10", "80.00%", ""]),
        ("项目名称,监督执法专项工作经费,,,", ["项目名称", "监督执法专项工作经费", "", "", ""]),
        ("\"他说\"\"好\"\"\",x", ["他说\"好\"", "x"]),
        ("\"\",\"\"\"\"", ["", "\""]),
        (" \"a, b\" ,c", ["a, b", "c"]),
        ("<p>甲 &amp; 乙</p>,\"<b>丙,丁</b>\"", ["甲 & 乙", "丙,丁"]),
        // Quotes that do not open a quoted cell are text.
        ("\"零重大故障\"稳定运行,x", ["\"零重大故障\"稳定运行", "x"]),
        ("a\"b,c", ["a\"b", "c"]),
        ("\"未闭合,x", ["\"未闭合", "x"]),
    ])
    func commaSeparatedCells(line: String, expected: [String]) {
        let row = Self.row(line, .commas)
        #expect(row.cells.map(\.text) == expected)
        #expect(row.cells.map(\.index) == Array(expected.indices))
        #expect(row.last == 1)
    }

    /// Columns count characters of the line as written: a quoted cell's range is its text
    /// inside the quotes; an empty cell stands where it starts.
    @Test func rangesPointIntoTheLineAsWritten() {
        let cells = Self.row(",年度资金总额,\"448,000.00\",\"他\"\"好\",", .commas).cells
        #expect(cells.map(\.range.start.column) == [1, 2, 10, 23, 29])
        #expect(cells.map(\.range.end.column) == [1, 8, 20, 27, 29])
        #expect(cells.allSatisfy { $0.range.start.line == 1 && $0.range.end.line == 1 })
    }

    @Test func aLineBreakInsideQuotesJoinsTheNextLines() {
        let text = ",\"1. 完成检查；\n2. 完成培训。\n\",next\nafter,row"
        let row = Self.row(text, .commas)
        #expect(row.last == 3)
        #expect(row.cells.map(\.text) == ["", "1. 完成检查；2. 完成培训。", "next"])
        let goal = row.cells[1]
        #expect(goal.range.start == SourceLocation(line: 1, column: 3))
        #expect(goal.range.end == SourceLocation(line: 2, column: 9))
        #expect(goal.hasInnerSpace)
        #expect(row.cells[2].range.start == SourceLocation(line: 3, column: 3))
        // The same with CRLF row ends and LF inside cells, as a spreadsheet writes them.
        let crlf = Self.row(",\"1. 完成检查；\n2. 完成培训。\",next\r\nafter,row", .commas)
        #expect(crlf.last == 2)
        #expect(crlf.cells.map(\.text) == ["", "1. 完成检查；2. 完成培训。", "next"])
        // Wrapped text joins as a PDF dump's wrapped cells do: a space only between ASCII
        // letters or digits.
        #expect(Self.row("\"Phase\n2\",\"共 100\n人\",\"达 \n100%\"", .commas).cells.map(\.text) == ["Phase 2", "共 100人", "达 100%"])
    }

    @Test func tabSeparatedRowsReadQuotedCellsToo() {
        let row = Self.row("\t\"预期目标\t含制表符\"\t\"第一行\n第二行\"\t10\nnext", .tabs)
        #expect(row.cells.map(\.text) == ["", "预期目标\t含制表符", "第一行第二行", "10"])
        #expect(row.last == 2)
        // A stray quote at a cell start does not join the rows of cells after it.
        let stray = Self.row("\t\"零重大故障\t10\n\t稳定\"\t5\nnext", .tabs)
        #expect(stray.last == 1)
        #expect(stray.cells.map(\.text) == ["", "\"零重大故障", "10"])
        // A quote inside a cell leaves the line to the ordinary scanner.
        let plain = Self.row("达标\t全区 \"零重大故障\" 运行\t10", .tabs)
        #expect(plain.cells.map(\.text) == ["达标", "全区 \"零重大故障\" 运行", "10"])
    }

    /// An opening quote never closed is text, and its row is one line: it does not swallow the
    /// form, nor does it join more than `maxRecordLines` lines.
    @Test func anUnclosedQuoteStaysOnItsLine() {
        let unclosed = Self.row("\"开,x\nnext,line\n", .commas)
        #expect(unclosed.last == 1)
        #expect(unclosed.cells.map(\.text) == ["\"开", "x"])
        let far = "\"a" + String(repeating: "\nline", count: CellScanner.maxRecordLines + 5) + "\",x"
        let capped = Self.row(far, .commas)
        #expect(capped.last == 1)
        let near = "\"a" + String(repeating: "\nline", count: CellScanner.maxRecordLines - 2) + "\",x"
        #expect(Self.row(near, .commas).last == CellScanner.maxRecordLines - 1)
    }

    /// A row never runs past the line it is allowed to reach (the form's last line).
    @Test func aRowStopsAtTheFormsLastLine() {
        let source = SourceText(",\"a\nb\",c\nd")
        var storage = LineStorage()
        let row = CellScanner(mode: .commas).scanRecord(source, line: 1, through: 1, storage: &storage)
        #expect(row.last == 1)
        #expect(row.line.cells.map(\.text) == ["", "\"a"])
    }

    @Test(arguments: [
        ("财政项目支出绩效自评表,,,,\n项目名称,监督执法专项工作经费,,,\n主管部门,甲,,实施单位,乙\n,年度资金总额,\"448,000.00\",10,80.00%,8", Layout.csv),
        // Figures of a PDF dump hold commas between digits only.
        ("财政项目支出绩效自评表\n项目名称 甲\n年度资金总额 448,000.00 488,000.00 390,400 10 80.00% 8\n其中：当年财政拨款 1,000.00 2,000.00", .flow),
        // Tabs win over commas in the cells.
        ("项目名称\t甲,乙,丙\n主管部门\t甲\t实施单位\t乙", .tabular),
    ])
    func layoutIsDetected(text: String, layout: Layout) {
        let source = SourceText(text)
        #expect(FormSplitter.detectLayout(source, 1, source.lineCount) == layout)
    }
}

extension DelimitedScannerTests {
    /// Plain cells are trimmed in place; the result is the whole-line scanner's.
    @Test(arguments: ["", "   ", "甲", " 甲 乙 ", "\u{3000}项目\u{00A0}名称\u{3000}", "\t10\t", "a\u{1}b", "≥ 90%", "  完成 100 %  ", "x\u{3000}\u{3000}y", "，。"])
    func plainCellsAreCutAsTheScannerCutsThem(cell: String) throws {
        let bytes = Array(cell.utf8)
        bytes.withUnsafeBufferPointer { b in
            let fast = CellScanner.plainCellText(b)
            let whole = CellScanner(mode: .wholeLine).scanPlain(b, line: 1).cells.first
            #expect(fast?.text == (whole?.text ?? ""), "\(cell)")
            #expect(fast?.innerSpace == (whole?.hasInnerSpace ?? false), "\(cell)")
        }
    }
}
