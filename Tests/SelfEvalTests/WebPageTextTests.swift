import Foundation
import Testing
@testable import SelfEval

/// A form filed as a Word web page and saved or copied as plain text: each cell a paragraph
/// between blank lines, an empty cell a paragraph of one space (NBSP here), header words and
/// level labels wrapped in their cells into two paragraphs (`年初` / `预算数`, `经济效益` /
/// `指标`), template placeholder rows (`指标2`, `……`) left in, an analysis typed as `0`.
/// Read with its empty cells (one cell per line), and with them lost (a flow text whose
/// blank cells left no line): the same model either way.
@Suite struct WebPageTextTests {
    /// The form's cells in order; nil for a cell merged into the one above (not written),
    /// "" for an empty one.
    static let cells: [String?] = [
        "附件1", "项目支出绩效自评表", "（2023年度）",
        "项目名称", "食堂暖通改造经费", "主管部门", "某市发改委", "实施单位", "某市食品工程学校",
        "项目资金", "(万元)", "", "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
        "年度资金总额", "43.2", "43.2", "37.24", "10", "86%", "8.6",
        "其中：当年财政拨款", "43.2", "43.2", "37.24", "", "", "",
        "上年结转资金", "", "", "", "", "", "",
        "其他资金", "", "", "", "", "", "",
        "年度总体目标", "预期目标", "实际完成情况", "完成食堂暖通改造。", "改造已完工，尾款待付。",
        "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "指标1工程资金金额", "43.2", "37.24", "20", "18", "尾款未付。",
        "指标2", "", "", "", "", "",
        "质量指标", "指标1工程验收合格率", "100", "100", "20", "20", "",
        "……", "", "", "", "", "",
        "效益指标", "经济效益", "指标", "指标1安全率", "100", "100", "20", "20", "0",
        "满意度", "指标", "服务对象满意度指标", "指标1学生满意度", "95", "96", "20", "20", "",
        "总分", "100", "98.6",
    ]

    static func text(emptyCellsKept: Bool) -> String {
        cells.compactMap { c -> String? in
            guard let c else { return nil }
            if c.isEmpty { return emptyCellsKept ? "\u{00A0}\n\n" : nil }
            return c + "\n\n"
        }.joined()
    }

    @Test(arguments: [true, false])
    func readsTheForm(emptyCellsKept: Bool) throws {
        let forms = Fixtures.forms(text: Self.text(emptyCellsKept: emptyCellsKept))
        let form = try #require(forms.first)
        #expect(forms.count == 1)
        #expect(form.layout == (emptyCellsKept ? .cellPerLine : .flow))
        // 附件1 over the title is the attachment's mark, not a line left unread.
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        let funding = try #require(form.funding)
        #expect(funding.moneyUnit == "万元")
        #expect(funding.columns == [.initialBudget, .fullYearBudget, .executed, .weight, .rate, .score])
        // The two rows left blank are rows of blank cells, not one label `上年结转资金其他资金`.
        #expect(funding.rows.map(\.kind) == [.total, .currentFiscal, .carryover, .other])
        #expect(funding.total?.cells[.score]?.raw == "8.6")
        #expect(form.goals.planned?.value == "完成食堂暖通改造。")
        #expect(form.indicators.map(\.name.value) == ["指标1工程资金金额", "指标1工程验收合格率", "指标1安全率", "指标1学生满意度"])
        #expect(form.indicators.map { $0.level2 ?? "" } == ["数量指标", "质量指标", "经济效益指标", "服务对象满意度指标"])
        #expect(form.indicators.map { $0.level1 ?? "" } == ["产出指标", "产出指标", "效益指标", "满意度指标"])
        #expect(form.indicators.map { $0.target?.raw ?? "" } == ["43.2", "100", "100", "95"])
        #expect(form.indicators.map { $0.actual?.raw ?? "" } == ["37.24", "100", "100", "96"])
        #expect(form.indicators.map { $0.score?.raw ?? "" } == ["18", "20", "20", "20"])
        // `0` after the 得分 is the analysis (no deviation), not a score of 0 with a figure lost.
        #expect(form.indicators[2].deviation?.value == "0")
        #expect(form.total?.score?.raw == "98.6")
    }

    @Test func attachmentMarks() {
        for mark in ["附件1", "附件 2：", "附表3", "附件", "附件一"] { #expect(Vocabulary.isAttachmentMark(mark.compacted), "\(mark)") }
        for other in ["附件1项目支出绩效自评表", "附注", "附件材料清单"] { #expect(!Vocabulary.isAttachmentMark(other), "\(other)") }
    }
}
