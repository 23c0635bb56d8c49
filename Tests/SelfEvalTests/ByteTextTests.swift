import Testing
@testable import SelfEval

/// Character-count helpers that stop early on long texts must agree with counting them.
@Suite struct ByteTextTests {
    @Test(arguments: ["", "甲", "项目支出绩效自评表", "e\u{301}e\u{301}e\u{301}", "🇨🇳🇨🇳", String(repeating: "长", count: 61), String(repeating: "a", count: 60)])
    func earlyCountsAgreeWithCounting(text: String) {
        for n in [0, 1, 2, 3, 8, 60] {
            #expect(text.hasAtMostCharacters(n) == (text.count <= n), "\(n)")
            #expect(text.shortened(to: n) == (text.count > n ? String(text.prefix(n)) + "…" : text), "\(n)")
        }
    }
}
