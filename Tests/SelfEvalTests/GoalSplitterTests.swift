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
}
