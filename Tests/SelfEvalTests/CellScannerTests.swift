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
}
