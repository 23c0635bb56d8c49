import Testing
@testable import SelfEval

@Suite struct MeasureTests {
    @Test(arguments: [
        ("=100%", Comparator.equal, "100", "%"), (">=90%", .atLeast, "90", "%"), ("≥4000.00(件)", .atLeast, "4000.00", "件"),
        ("<=5件", .atMost, "5", "件"), ("<10次", .less, "10", "次"), ("=2(人)", .equal, "2", "人"), ("≧95%", .atLeast, "95", "%"),
        ("═1", .equal, "1", ""), ("＞90％", .greater, "90", "％"), ("=14.00(个街镇)", .equal, "14.00", "个街镇"), ("≤ 3 天", .atMost, "3", "天"),
    ])
    func parsesTargets(text: String, op: Comparator, value: String, unit: String) throws {
        let q = try #require(Measure.parse(text).quantity)
        #expect(q.comparator == op)
        #expect(q.value.description == value)
        #expect(q.unit == unit)
    }

    /// Figures typed in full width read as their ASCII forms; text with full-width digits in
    /// it stays text.
    @Test(arguments: [
        ("＝１００％", Comparator.equal, "100", "％"), ("≥９０%", .atLeast, "90", "%"), ("９５．５", nil, "95.5", ""), ("95．５", nil, "95.5", ""),
        ("＞＝４０００．００(件)", .atLeast, "4000.00", "件"), ("－１２", nil, "-12", ""), ("１０", nil, "10", ""),
    ] as [(String, Comparator?, String, String)])
    func fullWidthFiguresAreRead(text: String, op: Comparator?, value: String, unit: String) throws {
        let q = try #require(Measure.parse(text).quantity, "\(text)")
        #expect(q.comparator == op)
        #expect(q.value.description == value)
        #expect(q.unit == unit)
    }

    /// A currency sign before a figure, as a spreadsheet's currency format exports it: the
    /// figure alone. A sign without a figure after it is text.
    @Test(arguments: [("¥488,000.00", "488000.00"), ("￥448,000.00", "448000.00"), (" ¥10 ", "10")])
    func currencySignsBeforeFigures(text: String, value: String) throws {
        let q = try #require(Measure.parse(text).quantity, "\(text)")
        #expect(q.value.description == value)
        #expect(q.unit.isEmpty && q.comparator == nil)
    }

    @Test(arguments: ["¥", "￥", "¥元", "￥一万"])
    func currencySignsAloneAreText(text: String) {
        #expect(Measure.parse(text).quantity == nil, "\(text)")
    }

    /// Operators written in words, before the figure or after it and its unit.
    @Test(arguments: [
        ("不低于90%", Comparator.atLeast, "90", "%"), ("大于等于95%", .atLeast, "95", "%"), ("大于或等于 95 %", .atLeast, "95", "%"),
        ("不少于2(人)", .atLeast, "2", "人"), ("至少3次", .atLeast, "3", "次"), ("达到90%", .atLeast, "90", "%"), ("90%以上", .atLeast, "90", "%"), ("90%及以上", .atLeast, "90", "%"),
        ("5件以下", .atMost, "5", "件"), ("3天以内", .atMost, "3", "天"), ("不超过5件", .atMost, "5", "件"), ("小于等于 3 天", .atMost, "3", "天"),
        ("高于80分", .greater, "80", "分"), ("小于3次", .less, "3", "次"), ("等于100%", .equal, "100", "%"),
        ("≥90%以上", .atLeast, "90", "%"), ("<=5件以内", .atMost, "5", "件"), ("不低于９０％", .atLeast, "90", "％"),
    ] as [(String, Comparator, String, String)])
    func parsesOperatorsInWords(text: String, op: Comparator, value: String, unit: String) throws {
        let q = try #require(Measure.parse(text).quantity, "\(text)")
        #expect(q.comparator == op, "\(text)")
        #expect(q.value.description == value, "\(text)")
        #expect(q.unit == unit, "\(text)")
    }

    /// The quick tests of a word operator's first character and a suffix's last know every word's.
    @Test func everyOperatorWordStartsLikeOne() {
        for (word, _) in Measure.operatorWords {
            let c = UInt32(word[0]) << 16 | UInt32(word[1]) << 8 | UInt32(word[2])
            #expect(Measure.startsOperatorWord(c), "\(String(decoding: word, as: UTF8.self))")
        }
        for (word, _) in Measure.operatorSuffixes {
            let n = word.count, c = UInt32(word[n - 3]) << 16 | UInt32(word[n - 2]) << 8 | UInt32(word[n - 1])
            #expect(Measure.isOperatorSuffixEnd(c), "\(String(decoding: word, as: UTF8.self))")
        }
    }

    /// A bare fraction beside a percentage is that many hundredths (a spreadsheet's percent
    /// cell exported as its value); a bare number above 1 is not, nor a fraction beside a
    /// percentage of at most 1%.
    @Test(arguments: [
        (">=90%", "0.98", Attainment.met), ("=100%", "1", .met), (">=90%", "0.8", .missed), ("<=5%", "0.03", .met),
        (">=0.9", "98%", .met), (">=90%", "95", .met), (">=90%", "85", .missed), ("<=1%", "0.8", .met), ("=100%", "0.9999", .missed),
    ] as [(String, String, Attainment)])
    func fractionsBesidePercentages(target: String, actual: String, expected: Attainment) {
        #expect(TargetEvaluation.evaluate(target: Measure.parse(target), actual: Measure.parse(actual)) == expected, "\(target) / \(actual)")
    }

    /// Words that are operators only before or after a figure: without one they are text.
    @Test(arguments: ["不低于", "以上", "大于等于标准", "不低于上年水平", "高于全市平均", "等于", "至少一次", "比上年提高以上", "以上均达标", "不超过预算", "达到要求", "达到预期"])
    func operatorWordsWithoutAFigureAreText(text: String) {
        #expect(Measure.parse(text).quantity == nil, "\(text)")
    }

    @Test(arguments: ["全年检查１２次", "第１季度完成", "１，２号楼"])
    func textWithFullWidthDigitsStaysText(text: String) {
        #expect(Measure.parse(text) == .text(text))
    }

    @Test(arguments: ["98.00(%)", "3344.00(件)", "100", "0.958", "4"])
    func parsesActuals(text: String) throws {
        let q = try #require(Measure.parse(text).quantity)
        #expect(q.comparator == nil)
    }

    @Test(arguments: ["及时", "达成指标", "2023年12月底前完成", "23年6月前完成", "执法记录仪2台，便携式打印机2台", "购买宣传手册8800个，宣传袋4000个", "有效"])
    func qualitativeStaysText(text: String) {
        #expect(Measure.parse(text) == .text(text))
    }

    @Test(arguments: ["", "—", "-", "  "])
    func blanksAreEmpty(text: String) {
        #expect(Measure.parse(text).isEmpty)
    }

    @Test func attainmentFollowsTheScoringRules() {
        func eval(_ t: String, _ a: String) -> Attainment { TargetEvaluation.evaluate(target: Measure.parse(t), actual: Measure.parse(a)) }
        #expect(eval(">=90%", "98%") == .met)
        #expect(eval(">=90%", "90") == .met)            // bare number next to a percent target is a percent
        #expect(eval("≥950(件)", "42.00(件)") == .missed)
        #expect(eval("<=5件", "8件") == .missed)
        #expect(eval("<=5件", "5件") == .met)
        #expect(eval("=4人", "7") == .exceeded)
        #expect(eval("=0.00(例)", "0.00(例)") == .met)
        #expect(eval(">=45000人", ">=45000人") == .unknown) // an actual with an operator measures nothing
        #expect(eval("规范", "较规范") == .partial)
        #expect(eval("及时", "达成指标") == .met)
        #expect(eval("建立健全", "逐步完善") == .partial)
        #expect(eval("≥90(%)", "部分达成") == .partial)
    }

    /// Compaction copies the runs between spaces whole; it must drop exactly the space-like
    /// scalars, wherever they stand.
    @Test(arguments: ["项 目 名 称", " 前后 ", "a\tb\nc\rd", "甲\u{3000}乙\u{00A0}丙\u{FEFF}丁\u{200B}戊", "𠀀 扩展", "无空格", "", "   ", "e\u{301} x"])
    func compactionDropsExactlyTheSpaces(text: String) {
        let expected = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.isSpaceLike }))
        #expect(text.compacted == expected)
        #expect(text.compactedUTF8Count == expected.utf8.count)
    }
}
