import Foundation
import Testing
@testable import SelfEval

/// Template variants seen in other provinces, and every encoding, read to the right model.
@Suite struct VariantsTests {
    @Test func templateVariantsInAMarkdownTable() throws {
        let url = Fixtures.root.appendingPathComponent("variants/template-variants.md")
        let forms = Fixtures.forms(url)
        let form = try #require(forms.first)
        #expect(forms.count == 1)
        #expect(form.layout == .markdown)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        #expect(form.name?.value == "农村公路养护补助资金")
        #expect(form.year?.value == 2024)
        let funding = try #require(form.funding)
        // 调整后预算数 is the full-year budget, 预算执行数 the executed amount, 权重 the weight.
        #expect(funding.columns == [.initialBudget, .fullYearBudget, .executed, .weight, .rate, .score])
        #expect(funding.rows.map(\.kind) == [.total, .currentFiscal, .other])
        // "120万" in a 元 table is 1,200,000.
        #expect(funding.total?.number(.initialBudget)?.numericallyEquals(ExactDecimal(1_200_000)) == true)
        #expect(funding.ratePercent(try #require(funding.total?.cells[.rate]))?.description == "95.8")
        // 指标性质 and 度量单位 join the target; the weight column stands before the target.
        #expect(form.indicators.map(\.name.value) == ["养护里程", "路况优良率", "养护完成及时性", "群众出行安全事故", "沿线群众满意度"])
        let first = form.indicators[0]
        #expect(first.level1 == "产出指标")
        #expect(first.target?.value.quantity == Quantity(comparator: .atLeast, value: ExactDecimal(120), unit: "公里"))
        #expect(first.actual?.value.quantity?.unit == "公里")
        #expect(first.weight?.value.description == "20")
        #expect(form.indicators[2].target?.value == .text("及时"))
        #expect(form.indicators[3].target?.value.quantity?.comparator == .equal)
        // 合计 with the grade on the same row.
        #expect(form.total?.weight?.value.description == "100")
        #expect(form.total?.score?.value.description == "99.58")
        #expect(form.grade?.value == "优")
    }

    /// A form saved from a spreadsheet whose labels are merged over two cells: each label is
    /// followed by an empty cell, so the funding figures stand in the header's columns only when
    /// read by position (in order they moved one column on: 年初预算数 empty, 得分 left over).
    /// Labels the vocabulary does not know, in a table's label columns beside a name: read as
    /// the row's labels (filled down), whether both are unknown or the 二级 is the name again
    /// beside a known 一级. Beside a known label, two texts are two names (the seed's
    /// `成本指标  资金分配合理性  支出方向符合度`, the second's values on the next line).
    @Test func unknownLabelsInALabelColumn() throws {
        let header = "项目名称\t某项目\n绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        let rows = [
            "\t预算执行情况(10分)\t预算执行率\t预算执行率\t100%\t95%\t10\t9.5\t\n",
            "\t产出指标\t项目完成\t项目完成\t100%\t100%\t30\t30\t\n",
            "\t\t\t完成时间\t按时\t按时\t20\t20\t\n",
            "\t\t成本指标\t资金分配合理性\t支出方向符合度\t100%\t100%\t20\t20\t\n",
            "\t\t\t\t100%\t100%\t20\t20\t\n",
            "总分\t\t\t\t\t\t100\t99.5\n",
        ]
        let form = try #require(Fixtures.forms(text: header + rows.joined()).first)
        // (No funding table: that part is reported missing, and nothing else.)
        #expect(form.issues.map(\.kind) == [.missingPart], "\(form.issues.map(\.message.en))")
        #expect(form.indicators.map(\.name.value) == ["预算执行率", "项目完成", "完成时间", "资金分配合理性", "支出方向符合度"])
        #expect(form.indicators.map { $0.level1 ?? "" } == ["预算执行情况", "产出指标", "产出指标", "产出指标", "产出指标"])
        #expect(form.indicators.map { $0.level2 ?? "" } == ["预算执行率", "项目完成", "项目完成", "成本指标", "成本指标"])
        #expect(form.indicators[0].level1Weight?.value.description == "10")
    }

    /// Goals in rows: each heading at the head of its row, its text beside it or on the rows
    /// under it, read by heading; a header whose achieved heading is cut short (`实际完成`)
    /// is no such thing, its texts read by column as before.
    @Test(arguments: [
        ("年度总体目标\t预期目标\t完成甲。\n\t实际完成情况\t已完成甲。\n", "完成甲。", "已完成甲。"),
        ("年度总体目标\t预期目标\n\t完成甲。\n\t实际完成情况\n\t已完成甲。\n", "完成甲。", "已完成甲。"),
        ("年度总体目标\t预期目标\t实际完成\n\t完成甲。\t已完成甲。\n", "完成甲。", "已完成甲。"),
    ])
    func goalsInRows(goals: String, planned: String, actual: String) throws {
        let text = "项目名称\t某项目\n" + goals + "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            + "\t产出指标\t数量指标\t完成数\t1\t1\t100\t100\t\n总分\t\t\t\t\t\t100\t100\n"
        let form = try #require(Fixtures.forms(text: text).first)
        #expect(form.goals.planned?.value == planned)
        #expect(form.goals.actual?.value == actual)
    }

    @Test func mergedCellsFromASpreadsheet() throws {
        let url = Fixtures.root.appendingPathComponent("variants/merged-cells.tsv")
        let form = try #require(Fixtures.forms(url).first)
        #expect(form.layout == .tabular)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        let funding = try #require(form.funding)
        #expect(funding.columns == [.initialBudget, .fullYearBudget, .executed, .weight, .rate, .score])
        let total = try #require(funding.total)
        #expect(FundingColumn.allCases.map { total.cells[$0]?.raw ?? "" } == ["50.00", "48.00", "45.60", "10", "95.00%", "9.50"])
        #expect(funding.rows.map(\.kind) == [.total, .currentFiscal, .carryover, .other])
        #expect(funding.rows[1].cells[.executed]?.raw == "45.60" && funding.rows[1].cells[.weight] == nil)
        // A 度量单位 that starts with a figure (a ratio of 1 is 100%) stays apart from the figure.
        let ratio = try #require(form.indicators.first { $0.name.value == "结算及时率" })
        #expect(ratio.target?.value.quantity == Quantity(comparator: .equal, value: ExactDecimal(1), unit: "100%"))
        #expect(ratio.actual?.value.quantity?.value == ExactDecimal(1))
        #expect(form.indicators.count == 5)
        #expect(form.total?.score?.value.description == "98.5")
        #expect(form.grade?.value == "优")
    }

    /// Another province's template typed in an editor, its parts set apart by blank lines and
    /// its tables in columns aligned with spaces: `项目名称：…` and `主管部门：…  实施单位：…` under
    /// the title are header cells, not the rest of the title wrapped (blank lines around short
    /// runs of lines are also how pdftotext sets a bordered row); 指标性质 and 度量单位 in
    /// columns of their own join the target and the actual (they were dropped: `≤1%` read as 1).
    @Test func otherTemplateTypedInColumns() throws {
        let url = Fixtures.root.appendingPathComponent("variants/aligned-other-template.txt")
        let form = try #require(Fixtures.forms(url).first)
        #expect(form.layout == .flow)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        #expect(form.name?.value == "城乡居民医保经办服务")
        #expect(form.department?.value == "某区医疗保障局")
        #expect(form.implementingUnit?.value == "某区医疗保险事务中心")
        #expect(form.funding?.rows.count == 4)
        #expect(form.funding?.total?.cells[.score]?.raw == "9.50")
        #expect(form.indicators.map { $0.target?.raw ?? "" } == ["≥12000人次", "≤1%", "=1(100%)", "明显提升", "≥90%"])
        #expect(form.indicators.map { $0.actual?.raw ?? "" } == ["12650人次", "0.6%", "1(100%)", "明显提升", "93.5%"])
        #expect(form.indicators[1].target?.value.quantity?.comparator == .atMost)
        #expect(form.total?.score?.value.description == "98.5")
        #expect(form.grade?.value == "优")
    }

    /// Rows written one per line with single spaces, in a template with 指标性质 and 度量单位
    /// columns: the operator, the figure and the unit are tokens of their own. `=` `2` `人` is the
    /// target =2人 (not the name's end `=2` and a target `人`), the unit is the actual's too, a
    /// unit that is a percentage goes in brackets, and `定性` after the name is not part of it.
    @Test func rowsPerLineWithOperatorAndUnitColumns() throws {
        let text = """
        项目支出绩效自评表
        项目名称 城乡居民医保经办服务
        一级指标 二级指标 三级指标 指标性质 指标值 度量单位 实际完成值 权重 得分 未完成原因分析及改进措施
        产出指标 数量指标 辅助用工人数 = 2 人 2.00 40 40
        质量指标 邮件、快递送达率 = 1 100% 1.00 30 30
        效益指标 社会效益指标 群众办事便利度 定性 明显提升 达成指标 30 28 进一步简化流程
        合计 100 98 优

        """
        let form = try #require(Fixtures.forms(text: text).first)
        #expect(form.indicators.map(\.name.value) == ["辅助用工人数", "邮件、快递送达率", "群众办事便利度"])
        #expect(form.indicators.map { $0.target?.raw ?? "" } == ["=2人", "=1(100%)", "明显提升"])
        #expect(form.indicators.map { $0.actual?.raw ?? "" } == ["2.00人", "1.00(100%)", "达成指标"])
        #expect(form.indicators[2].deviation?.value == "进一步简化流程")
        // Without those columns in the header nothing is folded: the same tokens read as before.
        let plain = try #require(Fixtures.forms(text: text.replacingOccurrences(of: "指标性质 ", with: "").replacingOccurrences(of: "度量单位 ", with: "")).first)
        #expect(plain.indicators.first?.target?.raw == "人")
    }

    /// The same with one cell per line, as tools that walk a PDF's cells write them: the row's
    /// cells wait on lines above its numbers, and `定性` among them is not the name.
    @Test func cellsPerLineWithOperatorAndUnitColumns() throws {
        let cells = ["项目支出绩效自评表", "项目名称", "城乡居民医保经办服务", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
                     "实际完成值", "权重", "得分", "未完成原因分析及改进措施", "产出指标", "数量指标", "享受补贴人群", "定性", "按政策规定执行",
                     "按政策规定执行", "20", "20", "辅助用工人数", "=", "2", "人", "2.00", "80", "80", "合计", "100", "100"]
        let form = try #require(Fixtures.forms(text: cells.joined(separator: "\n") + "\n").first)
        #expect(form.indicators.map(\.name.value) == ["享受补贴人群", "辅助用工人数"])
        #expect(form.indicators.map { $0.target?.raw ?? "" } == ["按政策规定执行", "=2人"])
        #expect(form.indicators.map { $0.actual?.raw ?? "" } == ["按政策规定执行", "2.00人"])
    }

    /// One cell per line with empty cells left out: the analysis of a row that lost points is
    /// the text between its 得分 and the next row's label, not the start of the next row's
    /// name. After a row with full marks such text is still the next row's (a name wrapped
    /// over its label, as PDF dumps centre labels).
    @Test func analysisBeforeTheNextRowsLabel() throws {
        let cells = ["项目支出绩效自评表", "项目名称", "医保普法、宣教工作经费", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                     "分值", "得分", "偏差原因分析及改进措施", "效益指标", "社会效益指标", "医保政策知晓率", ">=90%", "98%", "10", "9",
                     "宣传力度需进一步 加大，开展形式多 样的宣传活动", "生态效益指标", "医疗服务行为规范性", "规范", "规范", "5", "5", "合计", "15", "14"]
        let form = try #require(Fixtures.forms(text: cells.joined(separator: "\n") + "\n").first)
        #expect(form.indicators.map(\.name.value) == ["医保政策知晓率", "医疗服务行为规范性"])
        #expect(form.indicators.map { $0.deviation?.value ?? "" } == ["宣传力度需进一步 加大，开展形式多 样的宣传活动", ""])
        #expect(form.indicators.map { $0.level2 ?? "" } == ["社会效益指标", "生态效益指标"])
        var full = cells
        full[full.firstIndex(of: "9")!] = "10"
        let kept = try #require(Fixtures.forms(text: full.joined(separator: "\n") + "\n").first)
        #expect(kept.indicators.map(\.name.value) == ["医保政策知晓率", "宣传力度需进一步加大，开展形式多样的宣传活动医疗服务行为规范性"])
    }

    /// A 偏差原因分析 left empty with a placeholder after the scores (`40 40 —`, `30 28 /`) is the
    /// analysis, not a missing 得分 (which made the first score the actual and the target part
    /// of the name); after an actual and a weight (`4 30 —`, the second above the first) it is.
    /// The same with one cell per line: the numbers and the blank stand on lines of their own.
    @Test(arguments: [false, true])
    func blankAnalysisAfterTheScores(cellPerLine: Bool) throws {
        let text = """
        项目支出绩效自评表
        项目名称 城乡居民医保经办服务
        一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
        产出指标 数量指标 辅助用工人数 =2人 2人 40 40 —
        质量指标 邮件送达率 =100% 98% 30 28 /
        效益指标 社会效益指标 办结人数 =4 4 30 —
        合计 100 68 中

        """
        let form = try #require(Fixtures.forms(text: cellPerLine ? text.replacingOccurrences(of: " ", with: "\n") : text).first)
        #expect(form.indicators.map(\.name.value) == ["辅助用工人数", "邮件送达率", "办结人数"])
        #expect(form.indicators.map { $0.target?.raw ?? "" } == ["=2人", "=100%", "=4"])
        #expect(form.indicators.map { $0.weight?.raw ?? "" } == ["40", "30", "30"])
        #expect(form.indicators.map { $0.score?.raw ?? "" } == ["40", "28", ""])
        #expect(form.indicators.map { $0.deviation?.value ?? "" } == ["—", "/", ""])
    }

    /// Text without columns (pdfplumber): the header's cells broken over three lines leave their
    /// first pieces on a line over it (`一级指 指标 度量单 实际完 未完成原因分`), which is the
    /// header's, not the end of the goal text, and names the 度量单位 column by a piece.
    @Test func headerPiecesOverTheHeaderWithoutColumns() throws {
        let text = """
        项目支出绩效自评表
        项目名称 城乡居民医保经办服务
        年度总体目标 预期目标 实际完成情况
        全年为参保人提供经办服务。
        实际完成情况：全年提供经办服务12650人次。
        一级指 指标 度量单 实际完 未完成原因分
        二级指标 三级指标 指标值 权重 得分
        标 性质 位 成值 析及改进措施
        产出指标 数量指标 辅助用工人数 = 2 人 2.00 100 100
        合计 100 100 优

        """
        let form = try #require(Fixtures.forms(text: text).first)
        #expect(form.goals.actual?.value == "全年提供经办服务12650人次。")
        #expect(form.indicators.first?.target?.raw == "=2人")
        #expect(form.indicators.first?.actual?.raw == "2.00人")
    }

    static func encode(_ text: String, to encoding: String) -> [UInt8] {
        Decoder.convert(Array(text.utf8), from: "UTF-8", to: encoding)!
    }

    /// What spreadsheet exports add around the cells leaves the tab-separated seed's model as
    /// it was: money in a currency format (`¥488,000.00` in the funding rows), cells padded with
    /// no-break spaces, empty cells trailing every line.
    @Test(arguments: ["currency", "NBSP", "trailing tabs"])
    func theTabularSeedReadsTheSameThroughExportNoise(variant: String) throws {
        let text = String(decoding: Fixtures.bytes(Fixtures.tabularSeed), as: UTF8.self)
        let fundingLabels = ["年度资金总额", "财政拨款", "上年结转", "其他资金"]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            switch variant {
            case "currency":
                guard fundingLabels.contains(where: { line.contains($0) }) else { return String(line) }
                return line.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
                    cell.first?.isNumber == true && cell.contains(".") && !cell.contains("%") ? "¥" + cell : String(cell)
                }.joined(separator: "\t")
            case "NBSP":
                return line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "\u{00A0}\($0)\u{00A0}" }.joined(separator: "\t")
            default:
                return line.isEmpty ? "" : line + "\t\t\t"
            }
        }
        let changed = lines.joined(separator: "\n")
        #expect(changed != text)
        let again = Fixtures.forms(text: changed)
        let original = Fixtures.forms(Fixtures.tabularSeed)
        #expect(again.map(FormDigest.init) == original.map(FormDigest.init), "\(variant)")
        #expect(again.flatMap(\.issues).map(\.message.en) == original.flatMap(\.issues).map(\.message.en), "\(variant)")
    }

    /// Each seed's forms read from its text as `change` rewrites it (which must change it), with
    /// the seed's own forms, as many.
    static func bothSeeds(changed change: (String) -> String) throws -> [(again: [Form], original: [Form])] {
        try [Fixtures.tabularSeed, Fixtures.flowSeed].map { url in
            let text = String(decoding: Fixtures.bytes(url), as: UTF8.self)
            let changed = change(text)
            #expect(changed != text)
            let again = Fixtures.forms(text: changed), original = Fixtures.forms(url)
            try #require(again.count == original.count)
            return (again, original)
        }
    }

    /// Other templates' names for the indicators' total row (得分合计, 总得分, 自评总分, 自评得分合计):
    /// both seeds so relabelled read their totals as they are. Before, 得分合计 was a row of the
    /// table (50 findings changed, among them a deduction without reason on a row named 得分合计).
    @Test(arguments: ["得分合计", "总得分", "自评总分", "自评得分合计"])
    func otherNamesOfTheTotalRow(label: String) throws {
        for (again, original) in try Self.bothSeeds(changed: {
            $0.replacingOccurrences(of: "\n总分\n", with: "\n\(label)\n").replacingOccurrences(of: "\n总分\t", with: "\n\(label)\t")
                .replacingOccurrences(of: "\n总分 ", with: "\n\(label) ")
        }) {
            for (a, o) in zip(again, original) {
                #expect(a.total?.weight?.raw == o.total?.weight?.raw && a.total?.score?.raw == o.total?.score?.raw, "\(label) in \(o.displayName)")
                #expect(a.indicators.count == o.indicators.count, "\(label) in \(o.displayName)")
                #expect(a.issues.map(\.message.en) == o.issues.map(\.message.en), "\(label) in \(o.displayName)")
            }
        }
    }

    /// Other templates' short planned-goal headings (`年度目标 | 实际完成情况`): both seeds so
    /// headed read their goals as they are. Before, the header row was no header: 4 lines were
    /// reported unplaced (the tabular seed's `年度` cut from 年度总体目标 on the row's line) and
    /// a PDF dump's goal texts were all read as the plan.
    @Test(arguments: ["年度目标", "绩效目标", "年度绩效目标"])
    func shortPlannedGoalHeadings(label: String) throws {
        for (again, original) in try Self.bothSeeds(changed: {
            $0.replacingOccurrences(of: "预期目标\t", with: label + "\t").replacingOccurrences(of: "\n预期目标 实际完成情况\n", with: "\n\(label) 实际完成情况\n")
        }) {
            // And each form set in columns with spaces (pdftotext -layout): the goals split by column.
            for o in original {
                let aligned = FormRenderer.aligned(tabular: FormRenderer.render(o, as: .tabular).replacingOccurrences(of: "预期目标\t", with: label + "\t"))
                let a = try #require(Fixtures.forms(text: aligned).first)
                // (Spaces are compared out: wrapping a cell drops the space it wraps at.)
                #expect(a.goals.planned?.value.compacted == o.goals.planned?.value.compacted, "\(label) in \(o.displayName), aligned")
                #expect(a.goals.actual?.value.compacted == o.goals.actual?.value.compacted, "\(label) in \(o.displayName), aligned")
            }
            for (a, o) in zip(again, original) {
                #expect(a.goals.planned?.value == o.goals.planned?.value, "\(label) in \(o.displayName)")
                #expect(a.goals.actual?.value == o.goals.actual?.value, "\(label) in \(o.displayName)")
                #expect(a.issues.map(\.message.en) == o.issues.map(\.message.en), "\(label) in \(o.displayName)")
            }
        }
    }

    /// Other templates' names for the funding total (年度总金额, 项目资金总额, 资金合计, 总金额):
    /// the tabular and the PDF dump seed so relabelled read as they are. 项目资金总额 starts
    /// like the table's label (项目资金（元）) and is no second one.
    @Test(arguments: ["年度总金额", "项目资金总额", "资金合计", "年度资金合计", "总金额", "资金总额"])
    func otherNamesOfTheFundingTotal(label: String) throws {
        for (again, original) in try Self.bothSeeds(changed: { $0.replacingOccurrences(of: "年度资金总额", with: label) }) {
            func total(_ f: Form) -> [String] { FundingColumn.allCases.map { f.funding?.total?.cells[$0]?.raw ?? "·" } }
            for (a, o) in zip(again, original) {
                #expect(total(a) == total(o), "\(label) in \(o.displayName)")
                #expect(a.funding?.rows.count == o.funding?.rows.count, "\(label) in \(o.displayName)")
                #expect(a.issues.map(\.message.en) == o.issues.map(\.message.en), "\(label) in \(o.displayName)")
            }
        }
    }

    @Test(arguments: ["GB18030", "UTF-16LE+BOM", "UTF-16BE+BOM", "UTF-8+BOM", "CRLF", "CR"])
    func everySeedReadsTheSameInEveryEncoding(variant: String) throws {
        for url in [Fixtures.tabularSeed, Fixtures.flowSeed] {
            let text = String(decoding: Fixtures.bytes(url), as: UTF8.self)
            let bytes: [UInt8]
            switch variant {
            case "GB18030": bytes = Self.encode(text, to: "GB18030")
            case "UTF-16LE+BOM": bytes = [0xFF, 0xFE] + Self.encode(text, to: "UTF-16LE")
            case "UTF-16BE+BOM": bytes = [0xFE, 0xFF] + Self.encode(text, to: "UTF-16BE")
            case "UTF-8+BOM": bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            case "CRLF": bytes = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            default: bytes = Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)
            }
            let decoded = try Decoder.decode(bytes).get()
            let again = Linter.readForms(SourceText(utf8: decoded.text), file: url.lastPathComponent).forms
            let original = Fixtures.forms(url)
            #expect(again.map(FormDigest.init) == original.map(FormDigest.init), "\(url.lastPathComponent) in \(variant)")
            #expect(again.map(\.range.start.line) == original.map(\.range.start.line), "line numbers survive \(variant)")
        }
    }
}

/// One row per line, labels written at the start of rows, a spaced 总 分, 单位：万元 above the form.
@Suite struct RowPerLineTests {
    @Test func readsEveryPart() throws {
        let forms = Fixtures.forms(Fixtures.root.appendingPathComponent("variants/row-per-line.txt"))
        let form = try #require(forms.first)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        #expect(form.year?.value == 2023)
        #expect(form.moneyUnit == "万元")
        #expect(form.implementingUnit?.value == "某区社区卫生服务中心")
        #expect(form.goals.planned?.value == "完成辖区居民健康管理服务。")
        #expect(form.goals.actual?.value == "全年管理居民12000人，满意度95%。")
        #expect(form.indicators.map(\.name.value) == ["健康管理人数", "规范管理率", "居民健康水平", "居民满意度"])
        #expect(form.indicators.map { $0.level2 ?? "" } == ["数量指标", "质量指标", "社会效益指标", "服务对象满意度指标"])
        #expect(form.total?.weight?.value.description == "100")
        #expect(form.total?.score?.value.description == "96")
        #expect(form.grade?.value == "优")
    }
}

/// Operators and percent signs written apart from their numbers (`≥ 90%`, `98 %`).
@Suite struct SpacedOperatorTests {
    @Test func operatorsJoinTheirNumbers() throws {
        let form = try #require(Fixtures.forms(Fixtures.root.appendingPathComponent("variants/spaced-operators.txt")).first)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        #expect(form.indicators.map(\.name.value) == ["检查覆盖率", "群众知晓率", "满意度"])
        #expect(form.indicators.map { $0.target?.value.canonical ?? "" } == ["≥90%", "=100%", "≥90%"])
        #expect(form.indicators.map { $0.actual?.value.canonical ?? "" } == ["98%", "100%", "95%"])
    }
}

/// A funding table without 项目资金, goals without a 预期目标 header row.
@Suite struct MissingSectionLabelTests {
    @Test func sectionsAreFoundByTheirContent() throws {
        let form = try #require(Fixtures.forms(Fixtures.root.appendingPathComponent("variants/no-section-labels.txt")).first)
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
        #expect(form.implementingUnit?.value == "某中心")
        #expect(form.funding?.rows.map(\.kind) == [.total, .currentFiscal])
        #expect(form.goals.planned?.value == "完成全年检查任务。")
        #expect(form.goals.actual?.value == "完成检查12次。")
        #expect(form.indicators.count == 3)
    }
}

/// Two seed forms as a spreadsheet saves CSV: quoted figures (`"448,000.00"`), a goal text
/// typed over two lines inside its quotes, CRLF row ends.
@Suite struct SpreadsheetCSVTests {
    @Test func readsAsTheTabSeparatedSeed() throws {
        let forms = Fixtures.forms(Fixtures.root.appendingPathComponent("variants/spreadsheet.csv"))
        #expect(forms.map(\.layout) == [.csv, .csv])
        #expect(forms.map(\.displayName) == ["监督执法专项工作经费", "医保普法、宣教工作经费"])
        let form = try #require(forms.first)
        #expect(form.funding?.total?.cells[.initialBudget]?.raw == "448,000.00")
        #expect(form.goals.planned?.value == "确保区域内定点机构实地监督检查100%覆盖的前提下，提升监管的专业性、规范性和高效性。")
        #expect(form.goals.planned?.range.start.line == 11)
        #expect(form.goals.planned?.range.end.line == 12)
        #expect(form.indicators.count == 8)
        #expect(form.total?.score?.value.description == "97")
        #expect(forms.allSatisfy { $0.issues.isEmpty }, "\(forms.flatMap(\.issues).map(\.message.en))")
    }

    /// A form without a title starts at its 项目名称, quoted or not.
    @Test func aQuotedNameCellStartsAForm() throws {
        var text = try String(contentsOf: Fixtures.root.appendingPathComponent("variants/spreadsheet.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "财政项目支出绩效自评表,,,,,,,,\r\n", with: "").replacingOccurrences(of: "项目名称,", with: "\"项目名称\",")
        #expect(Fixtures.forms(text: text).map(\.displayName) == ["监督执法专项工作经费", "医保普法、宣教工作经费"])
    }
}

/// Two seed forms flattened into one paragraph each with no spaces at all.
@Suite struct UnspacedParagraphTests {
    @Test func readsWhatCanBeToldApartAndReportsTheRest() throws {
        let forms = Fixtures.forms(Fixtures.root.appendingPathComponent("variants/unspaced-paragraph.txt"))
        #expect(forms.map(\.displayName) == ["监督执法专项工作经费", "医保普法、宣教工作经费"])
        let form = try #require(forms.first)
        #expect(form.year?.value == 2023)
        #expect(form.department?.value == "上海市宝山区医疗保障局")
        let total = try #require(form.funding?.total)
        #expect(FundingColumn.allCases.compactMap { total.cells[$0]?.raw } == ["448,000.00", "488,000.00", "390,400", "10", "80.00%", "8"])
        #expect(form.funding?.rows.map(\.kind) == [.total, .currentFiscal, .carryover, .other])
        #expect(form.total?.weight?.value.description == "100")
        #expect(form.total?.score?.value.description == "97")
        // Both goal texts run together after both labels: read, and said not to be told apart.
        #expect(form.goals.planned?.value.hasPrefix("确保区域内定点机构") == true)
        #expect(form.issues.contains { $0.kind == .ambiguous })
        // The indicator rows are reported as not read, not silently dropped.
        #expect(form.indicators.isEmpty)
        for f in forms {
            #expect(f.issues.contains { $0.kind == .unparsedRow && $0.message.en.hasPrefix("indicator rows written without spaces") })
        }
    }
}

/// Many forms flattened without spaces on one line.
@Suite struct LongUnspacedParagraphTests {
    static let fixture = Fixtures.root.appendingPathComponent("variants/unspaced-paragraph.txt")

    /// A line far longer than the longest cell the scanner keeps (`maxCellBytes`): every form
    /// is read, not only those in its first 200 KB.
    @Test func everyFormOfAVeryLongLineIsRead() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let forms = text.split(separator: "\n").joined()
        let line = String(repeating: forms, count: 80)
        #expect(line.utf8.count > CellScanner.maxCellBytes)
        let read = Fixtures.forms(text: line + "\n")
        #expect(read.count == 160)
        #expect(read.last?.funding?.total?.cells[.initialBudget]?.raw == Fixtures.forms(text: text).last?.funding?.total?.cells[.initialBudget]?.raw)
        #expect(read.allSatisfy { $0.funding?.total != nil })
    }

    /// A line longer than the segmenter reads is reported, not taken for a file without forms.
    @Test func aLineTooLongToCutIsReported() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let forms = text.split(separator: "\n").joined()
        let line = String(repeating: forms, count: UnspacedParagraph.maxBytes / forms.utf8.count + 1)
        let result = Linter(checks: []).lint(bytes: Array(("标题\n" + line + "\n").utf8), file: "long.txt")
        #expect(result.diagnostics.map(\.check) == ["unparsed-row"])
        let d = try #require(result.diagnostics.first)
        #expect(d.range.start.line == 2)
        #expect(d.message.en.contains("\(line.utf8.count) bytes"))
        #expect(d.message.en.contains("not checked"))
    }
}

/// The report year written `(2023 年度)` on a line of a layout that cuts cells at spaces.
@Suite struct SpacedYearTests {
    @Test(arguments: ["(2023 年度)", "（2023 年度）", "财政项目支出绩效自评表 (2023 年度)"])
    func theYearIsReadAcrossTheSpace(line: String) throws {
        let text = (line.hasPrefix("财政") ? "" : "财政项目支出绩效自评表\n") + line + "\n项目名称 监督执法专项工作经费\n主管部门 甲 实施单位 乙\n"
        let form = try #require(Fixtures.forms(text: text).first)
        #expect(form.year?.value == 2023)
        let row = line.hasPrefix("财政") ? 1 : 2
        #expect(form.year?.range == SourceRange(line: row, column: line.unicodeScalars.count - 7, length: 4))
        #expect(!form.issues.contains { $0.kind == .unparsedRow }, "\(form.issues.map(\.message.en))")
    }
}
