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

    @Test func hashAgreesWithTheNormalizedText() {
        let a = "确保医疗救助资金 严格按照规定及时、准确、足额发放。", b = "确保医疗救助资金严格按照规定及时准确足额发放"
        #expect(TextSimilarity.normalizedHash(a).count == TextSimilarity.normalized(a).count)
        #expect(TextSimilarity.normalizedHash(a) == TextSimilarity.normalizedHash(b))
        #expect(TextSimilarity.normalizedHash(a).hash != TextSimilarity.normalizedHash("确保医疗救助资金严格按照规定及时准确足额发放了").hash)
    }
}
