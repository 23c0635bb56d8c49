import Testing
@testable import SelfEval

/// Rows of text set in columns, read between blank lines (`WrappedRowBlock.merged`): words one
/// space apart that are two cells, and figures of two rows that are not one figure.
@Suite struct WrappedRowBlockTests {
    /// The lines of one block, numbered from 1, each laid out as pdftotext -layout writes it.
    static func merged(_ lines: [String]) -> [String]? {
        let block = lines.enumerated().map { ColumnGridTests.line($0.element, $0.offset + 1) }
        return WrappedRowBlock.merged(block).map { $0.nonEmpty.map(\.text) }
    }

    @Test(arguments: [
        // Two header cells one space apart, each wrapped: 年度指标值 and 实际完成值.
        (["  年度指标 实际完    分值",
          "  值    成值"], ["年度指标值", "实际完成值", "分值"]),
        // A level label wrapped beside a whole one: 产出指 over 标, then 质量指标.
        (["     产出指 质量指标   审核准确率   10.00   10.00",
          "     标"], ["产出指标", "质量指标", "审核准确率", "10.00", "10.00"]),
        // Two whole level labels one space apart.
        (["  产出指标 质量指标   监督执法达标率   20   20",
          "                    率"], ["产出指标", "质量指标", "监督执法达标率率", "20", "20"]),
        // A target one space after the name, the actual wrapped at its column's edge.
        (["                    =100",
          "  监督检查覆盖率 =100%           20   20",
          "                    %"], ["监督检查覆盖率", "=100%", "=100%", "20", "20"]),
    ])
    func wordsOneSpaceApartThatAreTwoCells(lines: [String], cells: [String]) {
        #expect(Self.merged(lines) == cells)
    }

    @Test(arguments: [
        // Prose over prose: one cell, its words kept together.
        ["  确保区域内定点机构实地 监督检查全覆盖   20",
         "  提升监管的专业性"],
    ])
    func proseStaysOneCell(lines: [String]) {
        #expect(Self.merged(lines)?.first == "确保区域内定点机构实地 监督检查全覆盖提升监管的专业性")
    }

    /// `5` over `10` in one column are two rows' weights (no blank line between the rows), not
    /// the figure 510; `10.0` over `0` is one figure cut at the column's edge.
    @Test func shortFiguresAreNotJoined() {
        #expect(Self.merged(["  社会效益指标   执行率   5   5",
                             "  生态效益指标   规范性  10   9"]) == nil)
        #expect(Self.merged(["  用工单位满意度   10.00   10.0",
                             "                       0"]) == ["用工单位满意度", "10.00", "10.00"])
    }
}
