import Testing
@testable import SelfEval

/// Figures printed with nothing between them, split one per funding column.
@Suite struct FigureRunTests {
    static let columns: [FundingColumn] = [.initialBudget, .fullYearBudget, .executed, .weight, .rate, .score]

    static func figures(_ run: String, _ columns: [FundingColumn] = columns, reference: [String?] = [], part: Bool = false) -> [String]? {
        let s = Array(run.unicodeScalars)
        guard let cuts = FigureRun.split(s, columns: columns, reference: reference, part: part) else { return nil }
        var start = 0
        return cuts.map { end in
            defer { start = end }
            return String(String.UnicodeScalarView(s[start..<end]))
        }
    }

    @Test(arguments: [
        ("448,000.00488,000.00390,4001080.00%8", ["448,000.00", "488,000.00", "390,400", "10", "80.00%", "8"]),
        ("362,500.00362,500.00362,500.0010100.00%10.00", ["362,500.00", "362,500.00", "362,500.00", "10", "100.00%", "10.00"]),
        ("488000.00488000.00390400—", ["488000.00", "488000.00", "390400", "—"]),
        ("00----", ["0", "0", "-", "-", "-", "-"]),
        ("0.000.00—", ["0.00", "0.00", "—"]),
        ("13.2013.2013.2010.00100.0010.00", ["13.20", "13.20", "13.20", "10.00", "100.00", "10.00"]),
        ("7.004.864.5610.0093.829.38", ["7.00", "4.86", "4.56", "10.00", "93.82", "9.38"]),
    ])
    func fundingRowsSplitByColumn(run: String, expected: [String]) {
        // Part rows (amounts only) are told so; total rows fill every column.
        #expect(Self.figures(run, part: expected.count < 6 || expected.last == "-") == expected)
    }

    /// A part row prints amounts only: its last amount is not cut to fill 分值 and 执行率.
    @Test func partRowsHoldAmountsOnly() {
        #expect(Self.figures("488000.00488000.00390400—", part: true) == ["488000.00", "488000.00", "390400", "—"])
        #expect(Self.figures("488000.00488000.00390400—", part: false) != ["488000.00", "488000.00", "390400", "—"])
    }

    @Test func totalsSplitIntoWeightAndScore() {
        #expect(Self.figures("10095", [.weight, .score]) == ["100", "95"])
        #expect(Self.figures("10088.68", [.weight, .score]) == ["100", "88.68"])
        #expect(Self.figures("10096.5", [.weight, .score]) == ["100", "96.5"])
    }

    /// Whole numbers without grouping run together every way: left whole, unless the total
    /// row's amounts show where they part.
    @Test func ambiguousRunsAreNotGuessed() {
        #expect(Self.figures("915200009152000091520000---") == nil)
        #expect(Self.figures("915200009152000091520000---", reference: ["91520000", "91520000", "91520000", nil, nil, nil])
                == ["91520000", "91520000", "91520000", "-", "-", "-"])
        // The total's amounts count even when printed otherwise (grouped, with decimals).
        let reference = ["479592", "479592", "474000"].map(Optional.some) + [nil, nil, nil]
        #expect(Self.figures("489592479592474000---", reference: reference) == ["489592", "479592", "474000", "-", "-", "-"])
        #expect(FigureRun.canonical("479,592.00".unicodeScalars) == "479592")
        #expect(FigureRun.canonical("18,764.50".unicodeScalars) == "18764.5")
        // Not figures at all.
        #expect(Self.figures("万元") == nil)
        #expect(Self.figures("12a") == nil)
    }
}
