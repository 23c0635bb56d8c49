import Testing
@testable import SelfEval

/// Text in columns aligned with spaces: chunks, columns, and where each chunk stands.
@Suite struct ColumnGridTests {
    enum Col: Equatable { case name, target, weight }

    static func role(_ t: String) -> Col? {
        t.contains("名称") ? .name : t.contains("指标值") ? .target : t.contains("分值") ? .weight : nil
    }

    /// `text` as line `number` of a source, cut at spaces.
    static func line(_ text: String, _ number: Int = 1) -> TextLine {
        CellScanner(mode: .spaces).scan(SourceText(utf8: Array((String(repeating: "\n", count: number - 1) + text).utf8)), line: number)
    }

    static func grid(_ header: String) -> ColumnGrid<Col>? { ColumnGrid(header: line(header), minimumColumns: 2, role: role) }

    /// The roles of the columns the line's chunks stand under.
    static func roles(_ grid: ColumnGrid<Col>, _ text: String) -> [Col?]? {
        grid.place(ColumnGrid<Col>.chunks(of: line(text))).map { $0.map { grid.columns[$0].role } }
    }

    @Test func cellsOneSpaceApartAreOneChunk() {
        let chunks = ColumnGrid<Col>.chunks(of: Self.line("  年度 指标值   ≥ 90%  10"))
        #expect(chunks.map(\.text) == ["年度 指标值", "≥ 90%", "10"])
        #expect(chunks.map(\.chars) == [.init(start: 2, end: 8), .init(start: 11, end: 16), .init(start: 18, end: 20)])
        // 年度 指标值 is 11 columns wide on screen, 6 characters.
        #expect(chunks.map(\.display) == [.init(start: 2, end: 13), .init(start: 16, end: 21), .init(start: 23, end: 25)])
    }

    @Test func figuresOneSpaceApartAreTwoChunks() throws {
        // Narrow 分值 and 得分 columns: pdftotext may leave one space between their figures.
        let chunks = ColumnGrid<Col>.chunks(of: Self.line("覆盖率  ≥ 90%  10.00 10.00  95 %"))
        #expect(chunks.map(\.text) == ["覆盖率", "≥ 90%", "10.00", "10.00", "95 %"])
    }

    /// Pieces of two header cells one space apart (`调整后预 预算执`) are two chunks when only
    /// each alone is a piece of a header word; a word's pieces that read on (`年度 指标值`) and
    /// figures stay one chunk.
    @Test func headerPiecesOneSpaceApartAreCut() {
        let fits = { (t: String) in ["调整后预算数", "预算执行率", "年度指标值"].contains { $0.contains(t) } }
        let header = ColumnGrid<Col>.chunks(of: Self.line("   调整后预 预算执   年度 指标值"), splittingUnless: fits)
        #expect(header.map(\.text) == ["调整后预", "预算执", "年度 指标值"])
        #expect(header.map(\.chars) == [.init(start: 3, end: 7), .init(start: 8, end: 11), .init(start: 14, end: 20)])
        #expect(ColumnGrid<Col>.chunks(of: Self.line("  ≥ 90%  达成 指标"), splittingUnless: fits).map(\.text) == ["≥ 90%", "达成 指标"])
    }

    @Test func aHeaderWithSingleSpacesIsNoGrid() {
        #expect(Self.grid("指标名称 年度指标值 分值") == nil)
        #expect(Self.grid("指标名称  年度指标值  分值") != nil)
        // Wide spaces, but one column named.
        #expect(Self.grid("指标名称  说明  备注") == nil)
    }

    @Test func anEmptyCellLeavesItsColumnEmpty() throws {
        // Padded in characters, as pdftotext pads: 名称 and 分值, no 指标值.
        let grid = try #require(Self.grid("指标名称      年度指标值  分值"))
        #expect(Self.roles(grid, "覆盖率                    10") == [.name, .weight])
        #expect(Self.roles(grid, "覆盖率        ≥90%        10") == [.name, .target, .weight])
    }

    @Test func columnsPaddedInDisplayWidthAreReadInDisplayWidth() throws {
        // An editor with a CJK font: 汉 takes two columns, so the characters do not line up
        // (counted in characters, 95% stands under 分值).
        enum Col4: Equatable { case name, target, actual, weight }
        var grid = try #require(ColumnGrid<Col4>(header: Self.line("指标名称    年度指标值    实际完成值    分值"), minimumColumns: 2) { t in
            t.contains("名称") ? .name : t.contains("指标值") ? .target : t.contains("完成值") ? .actual : t.contains("分值") ? .weight : nil
        })
        let row = ColumnGrid<Col4>.chunks(of: Self.line("满意度      ≥90%          95%           10"))
        grid.settle(row)
        #expect(grid.inDisplay == true)
        #expect(grid.place(row).map { $0.map { grid.columns[$0].role } } == [.name, .target, .actual, .weight])
    }

    @Test func centredAndRightAlignedCellsStandUnderTheirHeader() throws {
        let grid = try #require(Self.grid("    指标名称          年度指标值    分值"))
        #expect(Self.roles(grid, "  群众满意度覆盖率          95%        5") == [.name, .target, .weight])
        #expect(Self.roles(grid, "                                       10") == [.weight])
    }

    @Test func proseAcrossTheColumnsIsNotPlaced() throws {
        let grid = try #require(Self.grid("名称  指标值  分值"))
        #expect(Self.roles(grid, "这是一段很长的说明文字跨过了所有的列") == nil)
    }

    @Test func aHeaderBrokenOverLinesNamesItsColumns() throws {
        // 年度 above 指标值: the first line names 名称 and 分值 only.
        var grid = try #require(Self.grid("指标名称  年度    分值"))
        #expect(grid.column(of: .target) == nil)
        let extended = grid.extend(with: Self.line("          指标值", 2))
        #expect(extended)
        #expect(grid.column(of: .target) == 1)
        #expect(grid.columns[1].title == "年度指标值")
    }

    /// An absurdly long table set in columns is not held whole (the memory would grow with
    /// the file): past `maxHeldLines` its lines are read as flow lines, every row still read.
    @Test func anAbsurdlyLongTableIsReadRowByRow() throws {
        let form = try #require(MetamorphicTests.seedForms.first)
        let text = FormRenderer.render(form, as: .aligned)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("绩效指标") })
        let row = try #require(lines[(header + 1)...].first { $0.contains("监督检查覆盖率") })
        let count = FlowIndicatorReader.maxHeldLines + 500
        let long = (lines[...header] + Array(repeating: row, count: count)).joined(separator: "\n")
        let again = try #require(Fixtures.forms(text: long).first)
        #expect(again.indicators.count == count)
        #expect(again.indicators.allSatisfy { $0.name.value == "监督检查覆盖率" && $0.weight?.value.description == "20" })
    }

    /// A header with cells over and under its main line (LibreOffice Writer's PDF through
    /// pdftotext -layout): `实际完成` over `值` and `偏差原因分析` over `及改进措施` stand where the
    /// main line has nothing, and `值` stands nearer 年度指标值 than 实际完成.
    @Test func headerCellsOverAndUnderItsLine() throws {
        typealias Grid = ColumnGrid<TabularIndicatorReader.Role>
        let header = Self.line("       一级指标   二级指标    三级指标       年度指标值             分值           得分", 2)
        var grid = try #require(Grid(header: header, minimumColumns: 4, role: TabularIndicatorReader.role(ofHeader:)))
        let fits = { FormReader.indicatorHeaderText.containsBytes($0) }
        let over = grid.extend(with: Self.line("绩效指标                                          实际完成                     偏差原因分析", 1), above: true, fits: fits)
        let under = grid.extend(with: Self.line("                                              值                        及改进措施", 3), fits: fits)
        #expect(over && under)
        #expect(grid.columns.map(\.role) == [.level1, .level2, .name, .target, .actual, .weight, .score, .deviation])
        #expect(grid.columns.map { $0.title.compacted } == ["绩效指标一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    }
}
