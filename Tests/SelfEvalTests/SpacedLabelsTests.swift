import Testing
@testable import SelfEval

/// A label spelled out a character to a cell is one cell again; other single characters stay.
@Suite struct SpacedLabelsTests {
    static func cells(_ text: String) -> [String] {
        let line = CellScanner(mode: .spaces).scan(SourceText(utf8: Array(text.utf8)), line: 1)
        return SpacedLabels.joined(line).nonEmpty.map(\.text)
    }

    @Test func joinsLabels() {
        #expect(Self.cells("项 目 名 称 政府购买辅助服务") == ["项目名称", "政府购买辅助服务"])
        #expect(Self.cells("年 初 预 算 数 全 年 预 算 数 执 行 率(%) 得 分") == ["年初预算数", "全年预算数", "执行率(%)", "得分"])
        #expect(Self.cells("总 分 100.00 98.00") == ["总分", "100.00", "98.00"])
        #expect(Self.cells("主　管　部　门 上海市医疗保障局") == ["主管部门", "上海市医疗保障局"])
    }

    @Test func leavesOtherSingleCharacters() {
        #expect(Self.cells("是 否 10 10") == ["是", "否", "10", "10"])
        #expect(Self.cells("产 出 数 量 检查次数 =1次 1次 10 10") == ["产", "出", "数", "量", "检查次数", "=1次", "1次", "10", "10"])
        // A note only on the label's last character.
        #expect(Self.cells("执 行(%) 率") == ["执", "行(%)", "率"])
        #expect(Self.cells("- - 13.20") == ["-", "-", "13.20"])
    }
}
