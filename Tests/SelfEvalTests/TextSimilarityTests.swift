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
}
