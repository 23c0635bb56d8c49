import Testing
@testable import SelfEval

/// Which row each line of a table read by column belongs to (`R`: a row's line, `.`: a line of
/// wrapped cells).
@Suite struct WrappedRowsTests {
    static func owners(_ pattern: String, centred: Bool, continues: Bool = false) -> [Int] {
        WrappedRows.owners(isRow: pattern.map { $0 == "R" }, centred: centred) { _, _ in continues }
    }

    @Test func setAtTheTopEveryLineGoesOnTheRowAbove() {
        #expect(Self.owners("R..R.", centred: false) == [0, 0, 0, 1, 1])
        #expect(Self.owners("RRR", centred: false) == [0, 1, 2])
    }

    @Test func centredTheLinesBetweenTwoRowsSplit() {
        // One line above the first row: one below it, the next above the second.
        #expect(Self.owners(".R..R.", centred: true) == [0, 0, 0, 1, 1, 1])
        // None above: the line after it goes on from it only when its pieces do.
        #expect(Self.owners("R..R..", centred: true) == [0, 1, 1, 1, 1, 1])
        #expect(Self.owners("R..R..", centred: true, continues: true) == [0, 0, 1, 1, 1, 1])
        // The second row cannot have two lines above and none below: one is the first row's.
        #expect(Self.owners("R..R", centred: true) == [0, 0, 1, 1])
    }

    @Test func noRowsNoLines() {
        #expect(Self.owners("", centred: true).isEmpty)
        #expect(Self.owners("..", centred: true) == [0, 0])
    }

    @Test func eachRowsLinesStandTogether() {
        #expect(WrappedRows.rows([0, 0, 1, 1, 1, 2]) == [0...1, 2...4, 5...5])
        #expect(WrappedRows.rows([]).isEmpty)
    }
}
