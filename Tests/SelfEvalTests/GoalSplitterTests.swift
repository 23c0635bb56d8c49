import Testing
@testable import SelfEval

/// Goal text of a flow layout printed on one line: 预期目标 and 实际完成情况 side by side.
@Suite struct GoalSplitterTests {
    static func line(_ text: String) -> TextLine {
        CellScanner(mode: .spaces).scan(SourceText(utf8: Array(text.utf8)), line: 1)
    }

    static func split(_ text: String) -> (planned: [String], actual: [String])? {
        let l = line(text)
        guard let r = GoalSplitter.splitOneLine(Piece(text: l.text, range: l.range), [l]) else { return nil }
        return (r.planned.map(\.text), r.actual.map(\.text))
    }

    @Test func identicalHalvesAreSplitInTheMiddle() {
        let r = Self.split("按时 发放 补贴。 按时 发放 补贴。")
        #expect(r?.planned == ["按时 发放 补贴。"])
        #expect(r?.actual == ["按时 发放 补贴。"])
    }

    @Test func twoDifferentCellsAreTheTwoHalves() {
        let r = Self.split("计划发放补贴。 已全部发放。")
        #expect(r?.planned == ["计划发放补贴。"])
        #expect(r?.actual == ["已全部发放。"])
    }

    /// Both headings first, then the cells one after the other, each line one paragraph
    /// (`GoalSplitter.split`): a planned cell's line ending at a comma goes on to the line that
    /// ends its sentence; lines wrapped at a column's width (a cut word, no sentence end) do not.
    @Test(arguments: [
        (["确保覆盖的前提下，", "提升监督检查质量。", "覆盖率达到100%，", "查处违法违规行为。"], 2),
        (["完成年度工作任务", "已完成，", "按时支付。"], 1),
        (["确保发放及时、准确、足额；", "加强资金监管，对补", "助人员的申请材料进行审核。"], 1),
    ])
    func cellsAfterBothHeadings(lines: [String], plannedLines: Int) {
        let text = (["预期目标", "实际完成情况"] + lines).enumerated().map { n, t in
            TextLine(number: n + 1, cells: [Cell(text: t, range: SourceRange(line: n + 1, column: 1, length: t.count), index: 0)], indent: 0)
        }
        let r = GoalSplitter.split(text)
        #expect(r.planned.map(\.text) == Array(lines.prefix(plannedLines)))
        #expect(r.actual.map(\.text) == Array(lines.dropFirst(plannedLines)))
        #expect(!r.ambiguous)
    }

    @Test func threeUnequalCellsCannotBeSplit() {
        #expect(Self.split("甲 乙 丙") == nil)
    }

    /// A very long copied line: the halves are found at the one cut with half of the bytes on
    /// each side, so the work stays linear in the number of words.
    @Test func longRepeatedLineIsSplitInTheMiddle() {
        let half = (0..<3000).map { "词\($0)" }.joined(separator: " ")
        let r = Self.split(half + " " + half)
        #expect(r?.planned == [half])
        #expect(r?.actual == [half])
    }

    /// Goal text over several lines, the whole of it written twice: split after the piece
    /// that ends the first copy, even when a piece of spaces only stands at the middle; a text
    /// whose middle falls inside a piece is not split there.
    @Test(arguments: [
        (["按时发放补贴，", "确保足额。", "按时发放补贴，", "确保足额。"], 2),
        (["按时 发放补贴，", "确保 足额。", "\u{3000}", "按时发放 补贴，", "确保足额。"], 2),
        (["甲乙丙丁", "甲乙", "丙丁"], 1),
    ])
    func aTextWrittenTwiceIsSplitAtItsMiddle(pieces: [String], plannedCount: Int) {
        let lines = pieces.enumerated().map { TextLine(number: $0.offset + 1, cells: [Cell(text: $0.element, range: SourceRange(line: $0.offset + 1, column: 1, length: 4), index: 0)], indent: 0) }
        let r = GoalSplitter.split(lines)
        #expect(r.planned.map(\.text) == Array(pieces.prefix(plannedCount)))
        #expect(r.actual.count == pieces.count - plannedCount)
        #expect(!r.ambiguous)
    }

    @Test func aTextWhoseMiddleFallsInsideAPieceIsNotSplitThere() {
        let pieces = ["甲乙丙", "丁甲乙", "丙丁"]
        let lines = pieces.enumerated().map { TextLine(number: $0.offset + 1, cells: [Cell(text: $0.element, range: SourceRange(line: $0.offset + 1, column: 1, length: 3), index: 0)], indent: 0) }
        let r = GoalSplitter.split(lines)
        #expect(r.ambiguous, "no piece ends at the middle and no sentence ends: all of it is 预期目标")
        #expect(r.planned.count == 3)
    }
}
