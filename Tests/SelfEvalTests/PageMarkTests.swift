import Testing
@testable import SelfEval

/// Page numbers on lines of their own, as a PDF dump leaves them, are dropped before any
/// section reads the line; text that only looks like one is kept.
@Suite struct PageMarkTests {
    static func line(_ text: String) -> TextLine { CellScanner(mode: .spaces).scan(SourceText(utf8: Array(text.utf8)), line: 1) }

    @Test(arguments: ["第 2 页", "第2页", "共 9 页", "第 2 页 共 9 页", "第2页/共9页", "第 2 页，共 9 页", "共9页 第2页",
                      "- 2 -", "-12-", "— 3 —", "－4－", "Page 2", "Page 2 of 9", "page 2/9", "\u{0C}第 3 页",
                      "续表", "（续表）", "(续)"])
    func pageMarks(text: String) {
        #expect(PageMark.isMark(Self.line(text)), "\(text)")
        #expect(PageMark.isFooter(text), "\(text)")
    }

    /// A bare `3/8` or `12` may be a value (an actual of 3/8): only a line nothing read is
    /// taken as a footer for it, so it is not a page mark.
    @Test(arguments: ["3/8", "12", "第三方评价", "第1季度完成", "第 2 页的说明", "共3个街镇", "共 9 页 合计",
                      "-", "—", "- -", "-2", "Pages", "Page one", "页", "第页", "项目名称 第 2 页", "第 2 页 第 3 行 说明 很 长 的 一 行 文字",
                      "续表说明", "(续) 产出指标", "(10)"])
    func notPageMarks(text: String) {
        #expect(!PageMark.isMark(Self.line(text)), "\(text)")
    }
}
