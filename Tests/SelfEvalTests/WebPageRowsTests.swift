import Foundation
import Testing
@testable import SelfEval

/// A form published as a government web page and copied as text: one table row per line,
/// cells apart by single spaces, empty cells lost. The 一级 labels did not survive (only their
/// `(50分)` notes, on lines of their own, after blank lines), 二级 labels are wrapped over two
/// lines, a not-applicable row is `指标1:/ / /`, the indicator table's label
/// `年度绩效指标完成情况` stands beside the first piece of its header, the planned and achieved
/// goals share a line, and the funding total lost its blank 执行率 (five figures under six
/// columns).
@Suite struct WebPageRowsTests {
    /// `Tests/Fixtures/variants/web-page-rows.txt`.
    static let text = (try? String(contentsOf: Fixtures.root.appendingPathComponent("variants/web-page-rows.txt"), encoding: .utf8)) ?? ""

    /// The same form flattened into one paragraph (its lines joined with a space), as a page
    /// whose table lost its line breaks gives it: label pieces, placeholders and notes are
    /// then whole cells among the others.
    static var paragraph: String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ") + "\n"
    }

    @Test(arguments: [false, true])
    func readsEveryPart(flattened: Bool) throws {
        let forms = Fixtures.forms(text: flattened ? Self.paragraph : Self.text)
        let form = try #require(forms.first)
        #expect(forms.count == 1)
        #expect(form.layout == (flattened ? .paragraph : .flow))
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        let total = try #require(form.funding?.total)
        // 执行率 is the blank: 10 and 9.5 are 分值 and 得分 (9.5 read as 执行率 would be 9.5%
        // against 456 / 480 = 95%).
        #expect(total.cells[.weight]?.raw == "10")
        #expect(total.cells[.rate] == nil)
        #expect(total.cells[.score]?.raw == "9.5")
        #expect(form.goals.planned?.value == "完成全县乡村道路日常养护。")
        #expect(form.goals.actual?.value == "完成日常养护,部分路段延期。")
        #expect(form.indicators.map(\.name.value) == [
            "指标1:养护里程", "指标1:路况优良率", "指标1:按期完成率", "指标1:单位里程养护成本",
            "指标1:群众出行便利度提升", "指标1:养护机制长效运行", "指标1:沿线群众满意度",
        ])
        // The 一级 labels are lost, not guessed; 成本指标 after 时效指标 is a 二级 label of the
        // same group, not a 一级 label the 效益 rows would fall under.
        #expect(form.indicators.map { $0.level1 ?? "" } == ["", "", "", "", "", "", "满意度指标"])
        #expect(form.indicators.map { $0.level2 ?? "" } == ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"])
        #expect(form.indicators.map { $0.target?.raw ?? "" } == ["120公里", "≥85%", "100%", "≤4万元", "明显", "长期", "≥90%"])
        #expect(form.indicators.map { $0.weight?.raw ?? "" } == ["20", "10", "10", "10", "20", "10", "10"])
        #expect(form.indicators.map { $0.score?.raw ?? "" } == ["19", "10", "9", "10", "20", "10", "10"])
        // The not-applicable row gives nothing: not the analysis of the row above it.
        #expect(form.indicators.map { $0.deviation?.value ?? "" } == ["两段路面雨季延期。", "", "雨季延期。", "", "", "", ""])
        #expect(form.total?.score?.raw == "97.5")
    }

    /// Five figures under 年初预算数 全年预算数 全年执行数 分值 执行率 得分: the blank is where every
    /// figure then fits its column, and last when they fit as read or when no place or two fit.
    @Test(arguments: [
        ("880 880 880 10 10", 4),          // 执行率 blank: 分值 10, 得分 10
        ("880 800 10 90.91 9", 0),         // 年初预算数 blank: 800 / 880 = 90.91%
        ("880 880 880 10 100%", nil),      // 得分 blank, as read
        ("100 100 60 10 80%", nil),        // a wrong 执行率 with 得分 blank: no other place fits
        ("100 100 100 10 10", 4),
    ] as [(String, Int?)])
    func blankOfAShortTotalRow(figures: String, blank: Int?) {
        let values = figures.split(separator: " ").map { Measure.parse(String($0)) }
        let columns: [FundingColumn] = [.initialBudget, .fullYearBudget, .executed, .weight, .rate, .score]
        #expect(FundingRowAlignment.blankColumn(columns: columns, values: values, rateInPercent: false) == blank)
    }

    @Test func weightNotesAndNotApplicableRows() {
        for note in ["(50分)", "（30分）", "(10 分)", "(12.5分)"] { #expect(Vocabulary.isWeightNote(note), "\(note)") }
        for other in ["(万元)", "50分", "(分)", "产出指标(50分)", "(50分以上)"] { #expect(!Vocabulary.isWeightNote(other), "\(other)") }
        for p in ["指标1:/", "指标2：—", "指标1"] { #expect(Vocabulary.isPlaceholder(p), "\(p)") }
        #expect(!Vocabulary.isPlaceholder("指标1:/次"))
    }
}
