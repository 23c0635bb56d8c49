import Testing
@testable import SelfEval

/// `WordList` answers what comparing the text with every word answers.
@Suite struct WordListTests {
    static let lists: [[String]] = [
        Vocabulary.level1, Vocabulary.level2, [], [""], ["甲"], ["甲", "甲", "乙"],
        ["年度总体目标", "总体目标", "年度", "总体", "目标", "预期目标", "实际完成情况", "年度目标", "绩效目标", "实际完成", "完成情况"],
        ["a", "ab", "abc", "b", "abcdefghijk", "abcdefghijl", "é", "e\u{301}"],
    ]

    static let texts: [String] = [
        "", "甲", "乙", "丙", "甲乙", "产出指标", "产出指标 ", "产出", "指标", "数量指标", "服务对象满意度指标", "服务对象满意度",
        "服务对象满意度指", "年度", "年度总体目标", "年度总体目标值", "a", "ab", "abc", "abd", "abcdefghijk", "abcdefghijl",
        "abcdefghijm", "abcdefghijkl", "é", "e\u{301}", "e", String(repeating: "长", count: 40),
    ]

    @Test(arguments: 0..<lists.count)
    func agreesWithComparingEveryWord(list: Int) {
        let words = Self.lists[list]
        let wordList = WordList(words)
        for text in Self.texts {
            #expect(wordList.contains(text) == words.containsBytes(text), "\(words) \(text)")
            let sub = Substring("x" + text).dropFirst()
            #expect(wordList.contains(sub) == words.containsBytes(text), "\(words) \(text) as a substring")
        }
        for word in words { #expect(wordList.contains(word), "\(word)") }
    }
}
