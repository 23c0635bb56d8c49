import Testing
@testable import SelfEval

/// Goal-text similarity: normalization keeps letters and digits, scalars go back to text.
@Suite struct TextSimilarityTests {
    @Test(arguments: ["确保医疗救助资金足额发放", "a1 ©é", "𠀀扩展B区", "满意度≥90%，完成。", ""])
    func scalarsGoBackToTheSameText(text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(TextSimilarity.string(scalars) == text)
        #expect(TextSimilarity.string(scalars.prefix(3)) == String(String.UnicodeScalarView(scalars.prefix(3))))
    }

    @Test func normalizationKeepsOnlyLettersAndDigits() {
        #expect(TextSimilarity.string(TextSimilarity.normalized("满意度 ≥ 90%，完成。e\u{301}")) == "满意度90完成e")
    }

    /// A text past the length written into room for one scalar per byte (64 KiB) is normalized
    /// the other way; both ways give the scalars of the text's pieces one after another.
    @Test func longTextsNormalizeLikeTheirPieces() {
        let piece = "满意度 ≥ 90%，完成。e\u{301}𠀀 a1"
        for count in [1, 1_000, 3_000, 3_500] {
            let text = String(repeating: piece, count: count)
            #expect(TextSimilarity.normalized(text) == Array(repeating: TextSimilarity.normalized(piece), count: count).flatMap { $0 }, "\(text.utf8.count) bytes")
        }
    }

    /// The figures of a text: each run of digits once.
    @Test func numbersAreTheRunsOfDigits() {
        #expect(TextSimilarity.numbers(TextSimilarity.normalized("2024年印刷6250份，覆盖14个街镇，满意度90%，共6250份")) == ["2024", "6250", "14", "90"])
        #expect(TextSimilarity.numbers(TextSimilarity.normalized("按计划推进")) == [])
        #expect(TextSimilarity.numbers(TextSimilarity.normalized("7")) == ["7"])
        #expect(TextSimilarity.numbers(TextSimilarity.normalized("a1b22c333")) == ["1", "22", "333"])
    }

    @Test func hashAgreesWithTheNormalizedText() {
        let a = "确保医疗救助资金 严格按照规定及时、准确、足额发放。", b = "确保医疗救助资金严格按照规定及时准确足额发放"
        #expect(TextSimilarity.normalizedHash(a).count == TextSimilarity.normalized(a).count)
        #expect(TextSimilarity.normalizedHash(a) == TextSimilarity.normalizedHash(b))
        #expect(TextSimilarity.normalizedHash(a).hash != TextSimilarity.normalizedHash("确保医疗救助资金严格按照规定及时准确足额发放了").hash)
    }

    /// The shared-bigram count the table gives is the multiset intersection that sorting both
    /// bigram lists and merging them gives, on texts with repeats and on random ones.
    @Test func sharedBigramsAgreeWithSortAndMerge() {
        func reference(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
            func bigrams(_ s: [Unicode.Scalar]) -> [UInt64] { (0..<(s.count - 1)).map { UInt64(s[$0].value) << 32 | UInt64(s[$0 + 1].value) }.sorted() }
            let x = bigrams(a), y = bigrams(b)
            var i = 0, j = 0, shared = 0
            while i < x.count && j < y.count { if x[i] == y[j] { shared += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 } }
            return shared
        }
        var pairs: [([Unicode.Scalar], [Unicode.Scalar])] = [
            (Array("哈哈哈哈哈".unicodeScalars), Array("哈哈哈".unicodeScalars)),
            (Array("abab".unicodeScalars), Array("babab".unicodeScalars)),
            (Array("确保资金足额发放".unicodeScalars), Array("资金足额发放确保".unicodeScalars)),
        ]
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("甲乙丙丁戊己庚12".unicodeScalars)
        for _ in 0..<200 {
            let a = (0..<Int.random(in: 2...300, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let b = (0..<Int.random(in: 2...300, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            pairs.append((a, b))
        }
        for (a, b) in pairs {
            #expect(TextSimilarity.sharedBigrams(a, b) == reference(a, b))
            #expect(TextSimilarity.sharedBigrams(a, b) == TextSimilarity.sharedBigrams(b, a))
        }
    }

    /// Full-width digits state the same figures as ASCII ones.
    @Test func fullWidthFiguresAreTheSameFigures() {
        #expect(TextSimilarity.numbers(TextSimilarity.normalized("满意度达９８％，完成１２次")) == ["98", "12"])
        #expect(TextSimilarity.numbers(TextSimilarity.normalized("满意度达98%，完成12次")) == ["98", "12"])
    }
}
