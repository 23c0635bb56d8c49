import Foundation
import Testing
@testable import SelfEval

/// Sichuan's 部门预算项目支出绩效自评表 (`Tests/Fixtures/sichuan/`): goals before the funding
/// table, 总额 for 年度资金总额, a 原因 column of notes beside the figures, 权重 and 完成值, and a
/// form left unfilled. Saved from a spreadsheet (tabs), and copied out of a web page one cell
/// per line with its empty cells kept (`|` alone), which must read the same.
@Suite struct SichuanTemplateTests {
    static let files = ["sichuan.tsv", "sichuan-cells.txt"]

    static func forms(_ name: String) -> [Form] {
        Fixtures.forms(Fixtures.root.appendingPathComponent("sichuan/\(name)"))
    }

    @Test(arguments: files)
    func readsEveryPart(_ name: String) throws {
        let forms = Self.forms(name)
        try #require(forms.count == 3)
        #expect(forms.map(\.layout) == Array(repeating: name.hasSuffix(".tsv") ? Layout.tabular : .cellPerLine, count: 3))
        for form in forms {
            #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
            // `实施单位 (盖章)` is the label; the header values stop at 项目基本情况.
            #expect(form.implementingUnit?.value.hasSuffix("局") == true || form.implementingUnit?.value.hasSuffix("中心") == true)
            #expect(form.department?.value.hasSuffix("本级") == true)
            let funding = try #require(form.funding)
            #expect(funding.moneyUnit == "万元")
            #expect(funding.columns == [.initialBudget, .fullYearBudget, .executed, .rate, .weight, .score])
            // 总额 is the total; the 原因 note beside it is no row.
            #expect(funding.rows.map(\.kind) == [.total, .currentFiscal, .other, .other, .other])
            #expect(funding.total?.cells[.weight]?.raw == "10")
            // The goals under 项目年度目标 and 年度目标完成情况; the work described under
            // 2.项目实施内容及过程概述 is neither.
            #expect(form.goals.planned?.value.hasPrefix("保障") == true || form.goals.planned?.value.hasPrefix("全年") == true)
            #expect(form.goals.actual != nil)
            #expect(form.goals.planned?.value.contains("按") == false || form.goals.planned?.value.contains("季度") == false)
            #expect(form.total?.weight?.value.description == "100")
        }
        #expect(forms.map(\.indicators.count) == [4, 3, 2])
        #expect(forms[0].funding?.total?.cells[.score]?.raw == "9.5")
        #expect(forms[0].indicators.map(\.name.value) == ["经办服务人次", "审核差错率", "群众办事便利度", "参保人满意度"])
        #expect(forms[0].indicators.map { $0.target?.raw ?? "" } == ["≥12000人次", "≤1%", "明显提升", "≥90%"])
        #expect(forms[0].indicators[3].deviation?.value == "样本偏少,下年扩大样本")
        // A blank 完成值 keeps its place: the target stays the target.
        #expect(forms[1].indicators[1].target?.raw == "=100%")
        #expect(forms[1].indicators[1].actual == nil)
        #expect(forms[1].indicators[1].score?.raw == "30")
        // Unfilled: no actual, no score, and the total's one figure is the weights'.
        #expect(forms[2].indicators.allSatisfy { $0.actual == nil && $0.score == nil && $0.weight != nil })
        #expect(forms[2].total?.score == nil)
        #expect(forms[2].funding?.total?.cells[.score] == nil)
    }

    /// The spreadsheet's rows typed one per line with single spaces and no empty cells (as a PDF
    /// of the form extracts without positions): the funding note after the 总额 row's figures
    /// is no row, and a row whose 完成值 was left blank keeps `= 100 %` as its target (its
    /// operator stood in the 指标性质 column) instead of reading it as the actual.
    @Test func rowsWithSingleSpaces() throws {
        let tsv = String(decoding: Fixtures.bytes(Fixtures.root.appendingPathComponent("sichuan/sichuan.tsv")), as: UTF8.self)
        let rows = tsv.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: "\t").filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: "\n")
        let forms = Fixtures.forms(text: rows)
        try #require(forms.count == 3)
        #expect(forms.map(\.layout) == [.flow, .flow, .flow])
        for form in forms.prefix(2) {
            #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
            // `实施单位 (盖章)` cut at its space: the seal note is no part of the value.
            #expect(form.implementingUnit?.value.hasPrefix("(") == false)
            #expect(form.funding?.rows.map(\.kind) == [.total, .currentFiscal, .other, .other, .other])
        }
        let blank = try #require(forms[1].indicators.first { $0.name.value == "按时发放率" })
        #expect(blank.target?.raw == "=100%")
        #expect(blank.actual == nil)
        #expect(blank.weight?.raw == "30" && blank.score?.raw == "30")
    }

    /// The forms set as the template's table, printed to PDF and extracted with `pdftotext
    /// -layout` (`sichuan-pdf.py`): the header's values without `(盖章)`, cut from its label at
    /// their space; the goals under their headings (`项目年度目标  年度目标完成情况` under
    /// `1.项目年度目标完成情况`, `项目基本情况` centred on a goal line left out of the text); the
    /// indicator rows and the 合计, the unfilled third form's by their 权重 alone; the funding
    /// table after the goals, its label centred beside the rows and its 原因 notes wrapped over
    /// the rows' lines beside the figures.
    /// Also with the label's weight note in full-width brackets (`绩效指标（90 分）`).
    @Test(arguments: [false, true])
    func readFromAPDFsText(fullWidthBrackets: Bool) throws {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("sichuan/sichuan-layout.txt"), encoding: .utf8)
        let forms = Fixtures.forms(text: fullWidthBrackets ? text.replacingOccurrences(of: "绩效指标(90 分)", with: "绩效指标（90 分）") : text)
        try #require(forms.count == 3)
        #expect(forms.map { $0.implementingUnit?.value ?? "" } == ["某县医疗保险事务中心", "某县发展和改革局", "某县统计局"])
        #expect(forms.map { $0.department?.value ?? "" } == ["某县医疗保障局本级", "某县发展和改革局本级", "某县统计局本级"])
        for form in forms {
            #expect(form.goals.planned?.value.hasPrefix("项目") == false)
            #expect(form.goals.actual != nil)
            #expect(!form.issues.contains { $0.kind == .ambiguous })
        }
        #expect(forms.map(\.indicators.count) == [4, 3, 2])
        #expect(forms.allSatisfy { $0.total?.weight?.value.description == "100" })
        // The third form is not filled in: its rows, read by their 权重 alone, are its TSV twin's.
        #expect(forms[2].indicators.map { "\($0.level1 ?? "")/\($0.level2 ?? "")/\($0.name.value)/\($0.target?.raw ?? "")/\($0.weight?.raw ?? "")" }
                == ["产出指标/数量指标/统计调查任务完成数/≥12项/60", "效益指标/社会效益指标/统计数据按时发布率/=100%/30"])
        #expect(forms[2].indicators.allSatisfy { $0.actual == nil && $0.score == nil })
        #expect(forms[2].total?.score == nil)
        #expect(forms[1].indicators.map { $0.target?.raw ?? "" } == ["=100%", "=100%", "=100%"])
        // The funding table after the goals, its label centred beside the rows and its notes
        // wrapped beside them: the header starts it, the notes are no row's label.
        let columns: [FundingColumn] = [.initialBudget, .fullYearBudget, .executed, .rate, .weight, .score]
        for (k, expected) in [(0, ["50.00", "48.00", "45.60", "95.00%", "10", "9.5"]), (1, ["238.93", "251.89", "231.89", "92.06%", "10", "9.21"])] {
            let total = try #require(forms[k].funding?.total)
            #expect(columns.map { total.cells[$0]?.raw ?? "" } == expected, "form \(k + 1)")
        }
        let parts = try #require(forms[1].funding?.rows.filter { $0.kind.isPart })
        #expect(parts.map { $0.cells[.initialBudget]?.raw ?? "" }.filter { !$0.isEmpty } == ["238.93", "0.00", "10.00"])
        // The end of the label's note (`分)`) and the notes' text are no part's label.
        #expect(parts.map(\.label.value) == ["其中:财政资金", "财政专户管理资金", "单位资金", "其他资金"])
        let firstParts = try #require(forms[0].funding?.rows.filter { $0.kind.isPart })
        #expect(firstParts.compactMap { $0.cells[.initialBudget]?.raw } == ["50.00", "0.00", "0.00"])
        // The label's line beside a note naming 执行率 is no second header.
        #expect(forms[0].funding?.columns == [.initialBudget, .fullYearBudget, .executed, .rate, .weight, .score])
        #expect(firstParts.map(\.label.value) == ["其中:财政资金", "财政专户管理资金", "单位资金", "其他资金"])
        // A piece of the note on a label's line, naming 其他资金, is no row of its own.
        let thirdParts = try #require(forms[2].funding?.rows.filter { $0.kind.isPart })
        #expect(thirdParts.count == 4, "\(thirdParts.map(\.label.value))")
        #expect(thirdParts.compactMap { $0.cells[.initialBudget]?.raw } == ["12.00", "0.00", "0.00"])
        // The end of a label wrapped under its figures beside a note (`财政专户管理资` / `金
        // 括:社会投入资金…`) finishes the label; before, it went silently with the note.
        #expect(thirdParts.map(\.label.value) == ["其中:财政资金", "财政专户管理资金", "单位资金", "其他资金"])
    }

    /// Counting cells rebuilds a row whose 一级 and 二级 labels are merged from the rows above,
    /// and one named like a label (服务对象满意度 under 服务对象满意度指标).
    @Test func cellRowsFillMergedLabels() throws {
        var rows = CellRows()
        for h in ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "原因"] {
            rows.addHeader(Cell(text: h, range: SourceRange(line: 1, column: 1, length: 2), index: 0))
        }
        func feed(_ texts: [String]) -> [TextLine] {
            texts.enumerated().compactMap { k, t in rows.take(Cell(text: t, range: SourceRange(line: k + 2, column: 1, length: 1), index: 0)) }
        }
        let out = feed(["产出指标", "数量指标", "人次", "≥10", "12", "50", "50", "",
                        "质量指标", "合格率", "=100%", "", "20", "", "",
                        "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", "30", "30", ""])
        try #require(out.count == 3)
        #expect(out.map { $0.cells.map(\.text) } == [
            ["", "产出指标", "数量指标", "人次", "≥10", "12", "50", "50", ""],
            ["", "", "质量指标", "合格率", "=100%", "", "20", "", ""],
            ["", "", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", "30", "30", ""],
        ])
        #expect(rows.flush() == nil)
    }
}
