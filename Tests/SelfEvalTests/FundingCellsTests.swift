import Testing
@testable import SelfEval

/// `FundingCells` stands in for `[FundingColumn: Field<Measure>]`: it must read, write, compare
/// and hash like one.
@Suite struct FundingCellsTests {
    static func field(_ text: String, line: Int = 1) -> Field<Measure> {
        Field(raw: text, value: Measure.parse(text), range: SourceRange(line: line, column: 1, length: text.unicodeScalars.count))
    }

    /// Every subset of columns, set in order and in reverse, read back like a dictionary.
    @Test func readsAndWritesLikeADictionary() {
        let all = FundingColumn.allCases
        for mask in 0..<(1 << all.count) {
            var dictionary: [FundingColumn: Field<Measure>] = [:]
            var cells = FundingCells(), reversed = FundingCells()
            for (i, column) in all.enumerated() where mask & (1 << i) != 0 { dictionary[column] = Self.field("\(i)00") }
            for column in all { if let f = dictionary[column] { cells[column] = f } }
            for column in all.reversed() { if let f = dictionary[column] { reversed[column] = f } }
            for column in all {
                #expect(cells[column] == dictionary[column])
                #expect(reversed[column] == dictionary[column])
                #expect(FundingCells(dictionary)[column] == dictionary[column])
            }
            #expect(cells.map(\.key) == all.filter { dictionary[$0] != nil })
            #expect(cells.map(\.value) == all.compactMap { dictionary[$0] })
            #expect(cells == reversed)
            #expect(cells.hashValue == reversed.hashValue)
        }
    }

    /// Cells set and then cleared equal cells never set, as with a dictionary.
    @Test func clearedCellsEqualEmptyCells() {
        var cells: FundingCells = [.rate: Self.field("95%")]
        #expect(cells != FundingCells())
        cells[.rate] = nil
        #expect(cells == FundingCells())
        #expect(cells.hashValue == FundingCells().hashValue)
        #expect(cells[.rate] == nil)
        var untouched = FundingCells()
        untouched[.score] = nil
        #expect(untouched == FundingCells())
    }

    /// A different cell in one column makes rows differ, as it would in a dictionary.
    @Test(arguments: FundingColumn.allCases)
    func aDifferentCellInAnyColumnMakesThemDiffer(column: FundingColumn) {
        var a = FundingCells(), b = FundingCells(), c = FundingCells()
        for other in FundingColumn.allCases { a[other] = Self.field("100"); b[other] = Self.field("100"); c[other] = Self.field("100") }
        b[column] = Self.field("100", line: 2)
        c[column] = nil
        #expect(a != b)
        #expect(a != c)
        #expect(c != a)
    }

    @Test func oneDifferentCellMakesThemDiffer() {
        let a: FundingCells = [.initialBudget: Self.field("100"), .executed: Self.field("90")]
        let b: FundingCells = [.initialBudget: Self.field("100"), .executed: Self.field("90", line: 2)]
        #expect(a != b)
        #expect(a == [.executed: Self.field("90"), .initialBudget: Self.field("100")])
    }
}
