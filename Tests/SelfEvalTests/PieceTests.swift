import Testing
@testable import SelfEval

/// Wrapped flow fragments: merging pieces whose brackets are left open.
@Suite struct PieceTests {
    static let brackets: [Unicode.Scalar] = ["(", "（", "[", "【", "“", ")", "）", "]", "】", "”"]

    /// Texts of brackets, CJK text and other characters with the brackets' lead bytes (— ‘ ’ 、 「 」 ｜ ，).
    static func randomText(_ rng: inout SystemRandomNumberGenerator) -> String {
        let alphabet = brackets + Array("甲a1—、｜，‘’「」".unicodeScalars)
        var s = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...10, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
        return String(s)
    }

    /// The merge as it was written first: every piece goes through an array of open pieces.
    static func referenceBalance(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = [], open: [Piece] = [], depth = 0
        for p in pieces {
            open.append(p)
            depth += BracketBalance.openCount(p.text)
            if depth <= 0 { out.append(Piece.join(open[...])!); open.removeAll(); depth = 0 }
        }
        if !open.isEmpty { out.append(Piece.join(open[...])!) }
        return out
    }

    @Test func balanceAgreesWithMergingThroughAnArray() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let pieces = (0..<Int.random(in: 0...8, using: &rng)).map { k in
                Piece(text: PieceTests.randomText(&rng), range: SourceRange(line: 1 + k / 3, column: 1 + 10 * k, length: 5))
            }
            let got = Piece.balance(pieces), want = PieceTests.referenceBalance(pieces)
            #expect(got.map(\.text) == want.map(\.text))
            #expect(got.map(\.range) == want.map(\.range))
        }
    }

    /// A cell wraps at its edge wherever that falls: its lines join without a space, digits
    /// too (`社23` / `011`, `35,475,000.0` / `0`); pieces on one line, and Latin words wrapped at
    /// their space, keep one.
    @Test func wrappedLinesJoinWithoutASpace() {
        func piece(_ t: String, line: Int, column: Int = 1) -> Piece { Piece(text: t, range: SourceRange(line: line, column: column, length: t.unicodeScalars.count)) }
        #expect(Piece.join([piece("医疗救助补助资金—社23", line: 1), piece("011", line: 2)][...])?.text == "医疗救助补助资金—社23011")
        #expect(Piece.join([piece("35,475,000.0", line: 1), piece("0", line: 2)][...])?.text == "35,475,000.00")
        #expect(Piece.join([piece("≥95", line: 1), piece("0(件)", line: 2)][...])?.text == "≥950(件)")
        #expect(Piece.join([piece("Project", line: 1), piece("Name", line: 2)][...])?.text == "Project Name")
        #expect(Piece.join([piece("≥", line: 1), piece("90%", line: 1, column: 3)][...])?.text == "≥ 90%")
    }
}
