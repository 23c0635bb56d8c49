import Testing
@testable import SelfEval

/// Years before 年: four ASCII or four full-width digits, no digit before them, spaces allowed
/// before 年; 年度 marks the report year.
@Suite struct YearMentionTests {
    static func all(_ text: String) -> [YearMention] {
        var out: [YearMention] = []
        YearMention.first(in: text) { out.append($0); return false }
        return out
    }

    /// The scan the finder replaced (forward over ASCII digits), as the reference for text
    /// without full-width digits.
    static func reference(_ text: String) -> [YearMention] {
        let b = Array(text.utf8)
        func isDigit(_ k: Int) -> Bool { b[k] >= 48 && b[k] <= 57 }
        var out: [YearMention] = []
        var i = 0
        while i + 4 <= b.count {
            guard isDigit(i), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), i == 0 || !isDigit(i - 1) else { i += 1; continue }
            var j = i + 4
            while j < b.count && b[j] == 0x20 { j += 1 }
            if j + 2 < b.count && b[j] == 0xE5 && b[j + 1] == 0xB9 && b[j + 2] == 0xB4 {
                let du = j + 5 < b.count && b[j + 3] == 0xE5 && b[j + 4] == 0xBA && b[j + 5] == 0xA6
                out.append(YearMention(year: Int(String(decoding: b[i..<(i + 4)], as: UTF8.self))!, start: i, isYearOfReport: du))
            }
            i += 4
        }
        return out
    }

    @Test func agreesWithTheForwardScanOnAsciiDigits() {
        let pieces = ["2023", "2024", "1", "12345", " ", "年", "年度", "度", "较", "a", "-", "。", "2023年", "20232024年"]
        // A fixed seed: the same 3,000 texts on every run.
        struct SplitMix: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
        var rng = SplitMix(state: 2024)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(Self.all(text) == Self.reference(text), "\(text)")
        }
    }

    @Test(arguments: [
        ("（２０２３ 年度）", [2023], [true]), ("２０２４年", [2024], [false]), ("１２０２３年", [], []), ("2023年与２０２４年度", [2023, 2024], [false, true]),
        ("２０２３２０２４年", [], []), ("3２０２４年", [], []), ("２０２４ 年度", [2024], [true]),
    ])
    func fullWidthYearsAreRead(text: String, years: [Int], ofReport: [Bool]) {
        let found = Self.all(text)
        #expect(found.map(\.year) == years)
        #expect(found.map(\.isYearOfReport) == ofReport)
    }

    /// Years in Chinese numerals, as official documents date them: 〇, ○, 零 or Ｏ for the zero.
    /// Not a longer run of numerals (`一二〇二三年`), nor fewer than four (`二四年`).
    @Test(arguments: [
        ("（二〇二四年度）", [2024], [true]), ("二○二三年", [2023], [false]), ("二零二四 年度", [2024], [true]), ("二Ｏ二四年度", [2024], [true]),
        ("一九九九年与二〇二四年度", [1999, 2024], [false, true]), ("一二〇二三年", [], []), ("二四年", [], []), ("第二〇二三年", [2023], [false]),
    ])
    func yearsInChineseNumeralsAreRead(text: String, years: [Int], ofReport: [Bool]) throws {
        let found = Self.all(text)
        #expect(found.map(\.year) == years, "\(text)")
        #expect(found.map(\.isYearOfReport) == ofReport, "\(text)")
        if let m = found.last, text.hasPrefix("（") { #expect(m.column(in: text, startingAt: 1) == 2) }
    }

    /// The PDF dump seed dated `（二〇二四年度）` reads its year, and so finds the goal texts
    /// that speak of 2023 (stale-year), as with `（2024年度）`.
    @Test func aFormDatedInChineseNumeralsHasItsYear() throws {
        let text = String(decoding: Fixtures.bytes(Fixtures.flowSeed), as: UTF8.self).replacingOccurrences(of: "（2024年度）", with: "（二〇二四年度）")
        let forms = Fixtures.forms(text: text)
        #expect(forms.count == 8)
        #expect(forms.allSatisfy { $0.year?.value == 2024 })
        #expect(forms.allSatisfy { $0.issues.isEmpty })
    }

    /// The column of a full-width year counts scalars, as the caret does.
    @Test func aFullWidthYearIsPlacedByScalars() throws {
        let m = try #require(Self.all("（２０２３ 年度）").first)
        #expect(m.column(in: "（２０２３ 年度）", startingAt: 1) == 2)
    }
}
