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

    /// Counting scalars on the bytes agrees with the stdlib's scalar view, for one- to four-byte
    /// scalars, combining marks, flags, NBSP and U+3000, in strings and substrings.
    @Test(arguments: ["", "a", "甲", "总 分", "项目支出绩效自评表", "e\u{301}e\u{301}", "🇨🇳🇨🇳", "\u{A0}\u{3000}x", "≥95%", "é", String(repeating: "长", count: 61)])
    func scalarCountAgreesWithTheScalarView(text: String) {
        #expect(text.scalarCount == text.unicodeScalars.count)
        let sub = text.dropFirst()
        #expect(sub.scalarCount == sub.unicodeScalars.count)
    }

    /// The byte loop for one three-byte character agrees with a substring search, at the start,
    /// the end, inside, not at all, and in texts shorter than the character.
    @Test(arguments: ["", "表", "a", "ab", "自评表", "表格", "项目支出绩效自评表（2023）", "一级指标", "级", "无", "衣表"])
    func threeByteCharacterLoopAgreesWithASubstringSearch(text: String) {
        #expect(text.containsCharacter(0xE8, 0xA1, 0xA8) == text.contains("表"))
        #expect(text.containsCharacter(0xE7, 0xBA, 0xA7) == text.contains("级"))
    }

    /// The character filter (which skips characters by their last byte before comparing them)
    /// agrees with testing the scalars one by one, for filters of one- to four-byte characters,
    /// including characters whose last byte has the same low six bits as a filter character's
    /// (`(` and 表 = E8 A1 A8, `'` and 级 = E7 BA A7, `!` and `a`), which the filter must compare.
    @Test func characterFilterAgreesWithAScalarTest() {
        let filters = ["表", "总合综", "行a%", "é😀", "级"]
        let alphabet = Array("表衩总合综行衡a%é😀级纹A 　('!".unicodeScalars)
        var rng = SystemRandomNumberGenerator()
        for f in filters {
            let filter = CharacterFilter(f), set = Set(f.unicodeScalars)
            let firsts = CharacterFilter(firstCharactersOf: f.unicodeScalars.map { String($0) + "尾" })
            for _ in 0..<300 {
                var s = String.UnicodeScalarView()
                for _ in 0..<Int.random(in: 0...12, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
                let text = String(s)
                #expect(filter.matches(text) == text.unicodeScalars.contains { set.contains($0) }, "\(f) \(text)")
                #expect(firsts.matches(text) == filter.matches(text), "\(f) \(text)")
            }
        }
    }

    /// Scalars encoded by hand give the string the scalar view gives, for every UTF-8 length.
    @Test(arguments: ["", "abc", "é\u{0}ü", "项目支出", "𠀀𝄞a", "a\té\u{3000}项\u{10FFFF}"])
    func scalarsEncodeAsTheScalarViewDoes(text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars) == String(String.UnicodeScalarView(scalars)))
        #expect(String(scalars: scalars.dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
    }

    /// A window of scalars cut on the bytes is the window of the scalar array, clamped.
    @Test(arguments: ["", "abc", "项目支出绩效自评表", "a𠀀b\u{301}c项"])
    func aWindowOfScalarsIsCutWhereTheScalarsAre(text: String) {
        let scalars = Array(text.unicodeScalars)
        for from in 0...(scalars.count + 1) {
            for to in [from, from + 1, from + 3, scalars.count, scalars.count + 5] where to >= from {
                let f = min(from, scalars.count), t = min(to, scalars.count)
                #expect(text.scalars(from: from, to: to) == String(String.UnicodeScalarView(scalars[f..<max(f, t)])), "\(from)..<\(to)")
            }
        }
    }
}
