import Foundation
import Testing
@testable import SelfEval

/// Forms written as HTML tables: rows and cells wherever the lines fall, merged cells
/// expanded as a spreadsheet export leaves them, text joined inside cells.
@Suite struct HTMLTablesTests {
    /// The rows of an HTML text, each as its cells' texts.
    static func rows(_ html: String) throws -> [[String]] {
        try #require(HTMLTables.lines(SourceText(html))).map { $0.cells.map(\.text) }
    }

    @Test func mergedCellsLeaveEmptyCellsWhereTheyReach() throws {
        let html = """
        <table>
        <tr><td>项目名称</td><td colspan=3>甲</td></tr>
        <tr><td rowspan="3">项目资金</td><td rowspan=2 colspan=2>合并</td><td>右</td></tr>
        <tr><td>下</td></tr>
        <tr><td>一</td><td>二</td><td>三</td></tr>
        <tr><td>四</td></tr>
        </table>
        """
        #expect(try Self.rows(html) == [["项目名称", "甲", "", ""], ["项目资金", "合并", "", "右"], ["", "", "", "下"], ["", "一", "二", "三"], ["四"]])
    }

    @Test func rowsAreFoundWhereverTheLinesFall() throws {
        let oneLine = "<TABLE><TR><TD>项目名称</TD><TD>甲</TD></TR><TR><TH>主管部门</TH><TH>乙</TH></TR></TABLE>"
        let cellPerLine = "<table>\n<tr>\n  <td>项目名称</td>\n  <td>甲</td>\n</tr>\n<tr>\n  <td>主管部门</td>\n  <td>乙</td>\n</tr>\n</table>"
        let unclosed = "<table><tr><td>项目名称<td>甲\n<tr><td>主管部门<td>乙"
        for html in [oneLine, cellPerLine, unclosed] {
            #expect(try Self.rows(html) == [["项目名称", "甲"], ["主管部门", "乙"]], "\(html)")
        }
        // Cells point at their text: line and column of 乙 in the cell-per-line text.
        let lines = try #require(HTMLTables.lines(SourceText(cellPerLine)))
        #expect(lines[1].number == 7)
        #expect(lines[1].cells[1].range == SourceRange(line: 8, column: 7, length: 1))
    }

    @Test func cellTextIsJoinedAndDecoded() throws {
        let html = """
        <table><tr><td>项目名称</td><td><p><span style='font-family:宋体'>确保区域内</span></p>
            <p>定点机构 &amp; 药店</p></td><td>Phase<br>2</td><td>&lt;=5件</td><td>年度<br>总体<br>目标</td></tr></table>
        """
        #expect(try Self.rows(html) == [["项目名称", "确保区域内定点机构 & 药店", "Phase 2", "<=5件", "年度总体目标"]])
    }

    /// Character references as web pages write them: named ones for operators and quotes,
    /// numeric ones for what a GB2312 page cannot hold; anything else stays as written.
    @Test(arguments: [
        ("&ge;90%", "≥90%"), ("&#8805;90%", "≥90%"), ("&#x2265;90%", "≥90%"), ("&le;5件", "≤5件"),
        ("&ldquo;零故障&rdquo;", "“零故障”"), ("A&amp;B", "A&B"), ("&amp;lt;", "&lt;"), ("&#160;x&nbsp;", "x"),
        ("&unknown; & &#; &#x; &#99999999; &#0;", "&unknown; & &#; &#x; &#99999999; &#0;"),
    ])
    func characterReferencesAreDecoded(written: String, read: String) throws {
        #expect(CellScanner.decodeEntities(written) == read)
        #expect(try Self.rows("<table><tr><td>项目名称</td><td>\(written)</td></tr></table>") == [["项目名称", read]])
    }

    @Test func textOutsideRowsIsReadAsLinesOfItsOwn() throws {
        let html = "<h1>财政项目支出绩效自评表</h1><p>(2023 年度)</p>\n<table><tr><td>项目名称</td><td>甲</td></tr></table>\n<p>填表人：张三</p>"
        #expect(try Self.rows(html) == [["财政项目支出绩效自评表"], ["(2023 年度)"], ["项目名称", "甲"], ["填表人：张三"]])
        // Cut at ideographic spaces, tabs and runs of spaces, not inside a tag; placed on the text.
        let header = "<p>主管部门：<span style='a:  b'>甲</span>　　实施单位：乙\t单位  负责人 丙</p><table><tr><td>项目名称</td></tr></table>"
        let lines = try #require(HTMLTables.lines(SourceText(header)))
        #expect(lines[0].cells.map(\.text) == ["主管部门：甲", "实施单位：乙", "单位", "负责人 丙"])
        #expect(lines[0].cells[1].range == SourceRange(line: 1, column: 39, length: 6))
    }

    /// Word breaks long tags over lines, between attributes: the tag is read whole, the
    /// paragraph or cell it stands in goes on after it, and the cell starts where its text does.
    @Test func tagsBrokenOverLines() throws {
        let html = """
        <p class=MsoNormal align=center><span lang=EN-US>(2023 </span><span
        style='font-family:宋体'>年度)</span></p>
        <table class=MsoTableGrid border=1 cellspacing=0
         style='border-collapse:collapse'>
         <tr>
          <td width=80 valign=top style='width:60.0pt;
          padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><span style='font-family:
          宋体'>项目名称</span></p></td>
          <td colspan=2
          style='border:solid'>监督执法<span
          lang=EN-US>专项</span></td>
         </tr>
        </table>
        """
        let lines = try #require(HTMLTables.lines(SourceText(html)))
        #expect(lines.map { $0.cells.map(\.text) } == [["(2023 年度)"], ["项目名称", "监督执法专项", ""]])
        #expect(lines[0].cells[0].range == SourceRange(start: SourceLocation(line: 1, column: 50), end: SourceLocation(line: 2, column: 27)))
        #expect(lines[1].cells[0].range == SourceRange(line: 8, column: 7, length: 4))
        #expect(lines[1].cells[1].range.start == SourceLocation(line: 10, column: 24))
    }

    /// Comments, style sheets, scripts and Word's `<xml>` document properties are not text,
    /// whatever they hold and over however many lines.
    @Test func commentsAndHiddenBlocksAreNotText() throws {
        let html = """
        <head><title>自评</title>
        <!--[if gte mso 9]><xml>
         <o:Author>财务科工作人员某某某，负责本单位全部项目支出绩效自评表的填报和汇总工作</o:Author>
        </xml><![endif]-->
        <style>
        <!--
         p.MsoNormal {margin:0cm; font-family:等线;}
        -->
        </STYLE>
        <script>var 项目名称 = "<td>x</td>";</script>
        </head>
        <p>财政项目支出绩效自评表</p><!-- 注释：项目名称 --><p>(2023 年度)</p>
        <table><tr><td>项目名称</td><td>甲<!-- 旧名称：乙 -->丁</td></tr></table>
        """
        #expect(try Self.rows(html) == [["自评"], ["财政项目支出绩效自评表"], ["(2023 年度)"], ["项目名称", "甲丁"]])
    }

    /// A paragraph broken by several tags over lines: each piece joins the one before it
    /// with the spaces written between them, and only those.
    @Test func aParagraphBrokenByTagsTwice() throws {
        let html = "<p><span>(2023 </span><span\nstyle='a'>年度</span><span\nstyle='b'>)</span></p>\n<table><tr><td>项目名称</td></tr></table>"
        #expect(try Self.rows(html) == [["(2023 年度)"], ["项目名称"]])
    }

    /// A `<td>` in a form of another layout (here in a goal text) does not make it a table.
    @Test func aStrayCellTagIsNotATable() {
        #expect(HTMLTables.lines(SourceText("项目名称 甲\n预期目标 在网页中加入<td>标签\n")) == nil)
        #expect(HTMLTables.lines(SourceText("项目名称\t甲\n")) == nil)
    }

    /// Absurd spans and broken markup are read without crash or runaway memory.
    @Test func absurdSpansAndBrokenMarkup() throws {
        let html = "<table><tr><td>项目名称</td><td rowspan=99999999999 colspan=99999999999>甲</td></tr><tr><td>x</td></tr><tr><td colspan=\"abc\">y</td><td>\n"
        let rows = try Self.rows(html)
        #expect(rows.count == 3)
        // Merged across and down as far as the row's width limit allows.
        #expect(rows[0].count == HTMLTables.maxSpan)
        #expect(rows[1] == ["x"] + Array(repeating: "", count: HTMLTables.maxSpan - 1))
        for text in ["<table><tr><td>项目名称<td", "<td>项目名称</td></table></table></tr><tr>", "<tr><td>项目名称</td><td><table><tr><td>内</td></tr></table></td></tr>"] {
            _ = HTMLTables.lines(SourceText(text))
        }
        // Many wide merged cells in one row: the row stops widening at the limit.
        let wide = "<table><tr><td>项目名称</td>" + String(repeating: "<td colspan=1000>x</td>", count: 2_000) + "</tr></table>"
        #expect(try Self.rows(wide)[0].count <= 2_000 + HTMLTables.maxSpan)
        // A long line of `<a` with no `>`: read in time linear in its length.
        let start = Date()
        _ = HTMLTables.lines(SourceText("<table><tr><td>项目名称</td><td>" + String(repeating: "<a", count: 200_000) + "\n"))
        #expect(Date().timeIntervalSince(start) < 20)
    }

    /// A Word document saved as a web page: a title in paragraphs, two tables, merged labels,
    /// `<br>` and `<p>` inside cells, entities. Every part is read; the findings are the seed
    /// form's (the 448,000.00 total) plus the actual this copy leaves blank.
    @Test func aWordExportReadsWhole() throws {
        let url = Fixtures.root.appendingPathComponent("variants/word-export.html")
        let forms = Fixtures.forms(url)
        let form = try #require(forms.first)
        #expect(forms.count == 1)
        #expect(form.layout == .html)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        #expect(form.name?.value == "监督执法专项工作经费")
        #expect(form.year?.value == 2023)
        #expect(form.funding?.rows.map(\.kind) == [.total, .currentFiscal, .carryover, .other])
        #expect(form.goals.actual?.value == "区域内定点医药机构监督检查覆盖率达到100%，执法规范，查处违法违规行为。")
        #expect(form.indicators.map(\.level2) == ["数量指标", "质量指标", "时效指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"])
        #expect(form.indicators[5].deviation?.value == "部分定点机构存在违规行为，已督促整改")
        #expect(form.total?.score?.value.description == "97")
        let result = Linter(checks: []).lint(path: url.path, display: "word-export.html")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message.en))")
    }

    /// The same document saved as text by LibreOffice (`--convert-to txt`, from it as .docx):
    /// one cell per line, an empty cell an empty line, a cell's paragraphs on lines of their
    /// own (the planned goal's two, the `绩效` / `指标` label's two). It reads as the web page:
    /// goals split where the planned cell's sentence ends, not after its first line, and the
    /// label not taken into 实际完成情况.
    @Test func theSameDocumentAsTextOneCellPerLine() throws {
        let page = try #require(Fixtures.forms(Fixtures.root.appendingPathComponent("variants/word-export.html")).first)
        let forms = Fixtures.forms(Fixtures.root.appendingPathComponent("variants/word-table-text.txt"))
        let form = try #require(forms.first)
        #expect(forms.count == 1)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        #expect(form.name?.value == page.name?.value)
        #expect(form.year?.value == page.year?.value)
        #expect(form.funding?.rows.map(\.kind) == page.funding?.rows.map(\.kind))
        #expect(form.goals.planned?.value == "确保区域内定点机构实现监督检查100%覆盖的前提下，提升监督检查质量。")
        #expect(form.goals.planned?.value == page.goals.planned?.value)
        #expect(form.goals.actual?.value == page.goals.actual?.value)
        #expect(form.indicators.map(\.name.value) == page.indicators.map(\.name.value))
        #expect(form.indicators.map(\.level2) == page.indicators.map(\.level2))
        #expect(form.indicators.map { $0.weight?.value } == page.indicators.map { $0.weight?.value })
        #expect(form.indicators.map { $0.score?.value } == page.indicators.map { $0.score?.value })
        // Not the last row's: its actual is empty, and `>90%` alone after the name is read as
        // the actual (a note that it copies a target's operator) rather than the target.
        #expect(form.indicators.dropLast().map { $0.target?.raw } == page.indicators.dropLast().map { $0.target?.raw })
        #expect(form.indicators.dropLast().map { $0.actual?.raw } == page.indicators.dropLast().map { $0.actual?.raw })
        #expect(form.total?.score?.value == page.total?.score?.value)
    }

    /// The same export with the indicator header in two rows, `指标值` merged over the target's
    /// and the actual's headings (`colspan`, `rowspan`): the same model. Before, the second
    /// header row was read as an indicator row named 年度指标值.
    @Test func anIndicatorHeaderOfTwoRows() throws {
        let url = Fixtures.root.appendingPathComponent("variants/word-export.html")
        var text = try String(contentsOf: url, encoding: .utf8)
        let header = "  <th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度<br>指标值</th><th>实际<br>完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及<br>改进措施</th>\n </tr>"
        try #require(text.contains(header))
        text = text.replacingOccurrences(of: header, with: """
              <th rowspan=2>一级指标</th><th rowspan=2>二级指标</th><th rowspan=2>三级指标</th><th colspan=2>指标值</th><th rowspan=2>分值</th><th rowspan=2>得分</th><th rowspan=2>偏差原因分析及改进措施</th>
             </tr>
             <tr><th>年度指标值</th><th>实际完成值</th></tr>
            """).replacingOccurrences(of: "<th rowspan=10>绩效<br>指标</th>", with: "<th rowspan=11>绩效<br>指标</th>")
        let page = try #require(Fixtures.forms(url).first), form = try #require(Fixtures.forms(text: text).first)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        #expect(FormDigest(form) == FormDigest(page))
    }

    /// The same export with its header typed as paragraphs above the tables (`项目名称：…`):
    /// still read as tables, the header from the paragraphs.
    @Test func aHeaderInParagraphsAboveTheTables() throws {
        var text = try String(contentsOf: Fixtures.root.appendingPathComponent("variants/word-export.html"), encoding: .utf8)
        let from = try #require(text.range(of: " <TR>\n  <TD width=80>项目名称</TD>")), to = try #require(text.range(of: " <tr>\n  <td rowspan=5 colspan=2>项目资金"))
        text.removeSubrange(from.lowerBound..<to.lowerBound)
        text = text.replacingOccurrences(of: "<p align=center>(2023 年度)</p>", with: "<p align=center>(2023 年度)</p>\n<p>项目名称：监督执法专项工作经费</p>\n<p>主管部门：上海市宝山区医疗保障局　　实施单位：上海市宝山区医疗保障局</p>")
        let form = try #require(Fixtures.forms(text: text).first)
        #expect(form.layout == .html)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        #expect(form.name?.value == "监督执法专项工作经费")
        #expect(form.department?.value == "上海市宝山区医疗保障局")
        #expect(form.implementingUnit?.value == "上海市宝山区医疗保障局")
        #expect(form.indicators.count == 8)
    }
}
