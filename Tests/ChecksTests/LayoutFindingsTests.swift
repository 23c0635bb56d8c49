import Foundation
import Testing
import SelfEval
@testable import SelfEvalChecks

/// The same forms in another layout or encoding give the same findings (modulo positions).
@Suite struct LayoutFindingsTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/seeds")

    /// The findings of a file, each as `key` gives it, sorted.
    static func findings(_ bytes: [UInt8], _ key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")|\($0.fingerprint)" }) -> [String] {
        let linter = Linter(checks: AllChecks.types)
        var results = [linter.lint(bytes: bytes, file: "f.txt")]
        linter.runLevel(&results)
        return results[0].diagnostics.map(key).sorted()
    }

    @Test(arguments: FormRenderer.Style.allCases)
    func sameFindingsInEveryLayout(style: FormRenderer.Style) throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let rendered = forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
            let original = Self.findings(bytes)
            let again = Self.findings(Array(rendered.utf8))
            #expect(original == again, "\(name) as \(style): only in original \(Set(original).subtracting(again)), only in \(style) \(Set(again).subtracting(original))")
        }
    }

    /// Sichuan's template printed to PDF and read with `pdftotext -layout` gives the findings of
    /// its spreadsheet twin, the unfilled third form's included (its rows read by their 权重
    /// alone: its table not filled in, where the text gave "could not be placed").
    @Test func sichuanPDFTextGivesItsSpreadsheetTwinsFindings() throws {
        let dir = Self.seeds.deletingLastPathComponent().appendingPathComponent("sichuan")
        let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")" }
        let twin = Self.findings([UInt8](try Data(contentsOf: dir.appendingPathComponent("sichuan.tsv"))), key)
        let pdf = Self.findings([UInt8](try Data(contentsOf: dir.appendingPathComponent("sichuan-layout.txt"))), key)
        #expect(twin.count == 8)
        #expect(pdf == twin, "only in the spreadsheet \(Set(twin).subtracting(pdf)), only in the PDF's text \(Set(pdf).subtracting(twin))")
    }

    /// A form whose indicator table is not filled in yet gets one missing-actual and one
    /// missing-score finding for the whole table, naming its first rows, not two for every row
    /// (48 warnings before on the unfilled PDF dump fixture's two forms, now 4 and its 2
    /// stale years). A table with some rows filled is still reported row by row.
    @Test func aTableNotFilledInIsReportedOnce() throws {
        let url = Self.seeds.deletingLastPathComponent().appendingPathComponent("variants/unfilled-pdf-dump.txt")
        let all = Self.findings([UInt8](try Data(contentsOf: url)), { "\($0.check)|\($0.row ?? "-")|\($0.message.en)" })
        #expect(all.count == 6, "\(all)")
        #expect(all.filter { $0.hasPrefix("missing-actual|-|none of the") && $0.hasSuffix("not filled in yet") }.count == 2)
        #expect(all.filter { $0.hasPrefix("missing-score|-|none of the") && $0.hasSuffix("not filled in yet") }.count == 2)
        #expect(all.filter { $0.hasPrefix("stale-year") }.count == 2)
        // One row filled: the others are reported one by one.
        let partly = ExampleForm.tabular(rows: [
            "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t50\t50",
            "效益指标\t社会效益指标\t政策知晓率\t≥90%\t\t30\t",
            "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t\t10\t",
        ], total: "100\t")
        let rows = Self.findings(Array(partly.utf8), { "\($0.check)|\($0.row ?? "-")" })
        #expect(rows.filter { $0.hasPrefix("missing-actual|") } == ["missing-actual|政策知晓率", "missing-actual|服务对象满意度"], "\(rows)")
        #expect(rows.filter { $0.hasPrefix("missing-score|") } == ["missing-score|政策知晓率", "missing-score|服务对象满意度"], "\(rows)")
        // A table of one row is reported by that row's name.
        let one = ExampleForm.tabular(rows: ["产出指标\t数量指标\t检查覆盖率\t=100%\t\t90\t"], total: "100\t")
        #expect(Self.findings(Array(one.utf8), { "\($0.check)|\($0.row ?? "-")" }).contains("missing-actual|检查覆盖率"))
    }

    /// The seed forms typed into another province's template (`variantTemplate`): labels merged
    /// over two cells, 指标性质 and 度量单位 in columns of their own, 权重, 调整后预算数 / 预算执行数
    /// / 预算执行率, 合计 with the grade on its row. Saved from a spreadsheet as tab-separated
    /// text, a merged cell leaves empty cells after it; written as a markdown table, merged cells
    /// are missing and rows ragged. The same findings as the seeds' either way.
    @Test(arguments: [false, true])
    func seedsInAnotherTemplateWithMergedCells(markdown: Bool) throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let rendered = forms.map { Self.variantTemplate($0, markdown: markdown) }.joined(separator: "\n")
            let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")" }
            let original = Self.findings(bytes, key), again = Self.findings(Array(rendered.utf8), key)
            #expect(original.count > 10)
            #expect(original == again, "\(name): only in the seed \(Set(original).subtracting(again)), only in the other template \(Set(again).subtracting(original))")
        }
    }

    /// A form in the variant template of `seedsInAnotherTemplateWithMergedCells`, ten columns;
    /// nil stands for a cell merged into the one before it or above it.
    static func variantTemplate(_ form: Form, markdown: Bool) -> String {
        func line(_ cells: [String?]) -> String {
            let texts = markdown ? cells.compactMap { $0 } : cells.map { $0 ?? "" }
            let clean = texts.map { $0.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "|", with: "/") }
            return markdown ? "| " + clean.joined(separator: " | ") + " |" : clean.joined(separator: "\t")
        }
        var lines = [line(["项目支出绩效自评表"])]
        if let y = form.year { lines.append(line(["（\(y.value)年度）"])) }
        lines.append(line(["项目名称", nil, form.name?.raw ?? ""]))
        lines.append(line(["主管部门", nil, form.department?.raw ?? "", nil, nil, nil, "实施单位", nil, form.implementingUnit?.raw ?? ""]))
        if let funding = form.funding {
            let names: [FundingColumn: String] = [.initialBudget: "年初预算数", .fullYearBudget: "调整后预算数", .executed: "预算执行数",
                                                  .weight: "权重", .rate: funding.rateInPercent ? "预算执行率(%)" : "预算执行率", .score: "得分"]
            lines.append(line(["项目资金（\(funding.moneyUnit)）", nil, nil, nil] + funding.columns.map { names[$0] ?? "" }))
            for row in funding.rows { lines.append(line([nil, nil, row.label.raw, nil] + funding.columns.map { row.cells[$0]?.raw ?? "" })) }
        }
        lines.append(line(["年度总体目标", nil, "预期目标", nil, nil, nil, "实际完成情况"]))
        lines.append(line([nil, nil, form.goals.planned?.raw ?? "", nil, nil, nil, form.goals.actual?.raw ?? ""]))
        lines.append(line(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "权重", "得分", "未完成原因分析及改进措施"]))
        for row in natureAndUnitRows(form) { lines.append(line(row)) }
        lines.append(line(["合计", nil, nil, nil, nil, nil, nil, form.total?.weight?.raw ?? "", form.total?.score?.raw ?? "", form.grade?.raw ?? ""]))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The forms of `Tests/Fixtures/sichuan/`: the same findings whether saved from a spreadsheet
    /// or copied out of a web page (by check, form and row), and the ones they were written to
    /// have, the unfilled form's instructions among them.
    @Test func sichuanFormsInBothLayouts() throws {
        let folder = Self.seeds.deletingLastPathComponent().appendingPathComponent("sichuan")
        func findings(_ name: String) throws -> [String] {
            try Self.findings([UInt8](Data(contentsOf: folder.appendingPathComponent(name))), { "\($0.check) \($0.form ?? "") \($0.row ?? "")" })
        }
        let tsv = try findings("sichuan.tsv"), cells = try findings("sichuan-cells.txt")
        #expect(tsv == cells)
        let checks = Set(tsv.map { String($0.split(separator: " ")[0]) })
        #expect(checks == ["deduction-despite-met", "duplicated-goal-text", "funding-breakdown", "missing-actual", "full-marks-contradiction",
                           "missing-score", "template-instructions"])
        #expect(!tsv.contains { $0.hasPrefix("unparsed-row") || $0.hasPrefix("missing-part") })
    }

    /// The indicator rows of templates with 指标性质 and 度量单位 columns: 一级, 二级, 三级, 指标性质,
    /// 指标值, 度量单位, 实际完成值, 权重, 得分, analysis; a level label merged down from the row
    /// above is nil. The operator and the unit in columns of their own; an actual keeps an
    /// operator it copied.
    static func natureAndUnitRows(_ form: Form) -> [[String?]] {
        func parts(_ f: Field<Measure>?) -> (nature: String, value: String, unit: String) {
            guard let f else { return ("", "", "") }
            if case .quantity(let q) = f.value { return (q.comparator?.rawValue ?? "", q.value.description, q.unit) }
            return ("定性", f.raw, "")
        }
        var level1: String?, level2: String?
        return form.indicators.map { row in
            let target = parts(row.target), actual = parts(row.actual)
            let l1: String? = row.level1 == level1 ? nil : row.level1 ?? ""
            let l2: String? = row.level2 == level2 && row.level1 == level1 ? nil : row.level2 ?? ""
            level1 = row.level1; level2 = row.level2
            let actualText = actual.nature == "定性" ? actual.value : actual.nature + actual.value
            return [l1, l2, row.name.raw, target.nature.isEmpty && !target.value.isEmpty ? "=" : target.nature, target.value,
                    target.unit.isEmpty ? actual.unit : target.unit, actualText, row.weight?.raw ?? "", row.score?.raw ?? "", row.deviation?.raw ?? ""]
        }
    }

    /// The seed forms typed into Sichuan's 部门预算项目支出绩效自评表 (`Tests/Fixtures/sichuan/`):
    /// goals under 项目基本情况 before the funding table, the table headed 预算执行情况(10分) with
    /// 总额 for 年度资金总额 and a 原因 column of notes, 指标性质 / 度量单位 / 完成值 / 权重 columns.
    /// Saved from a spreadsheet (tabs, a merged cell leaving empty cells), copied out of a web
    /// page one cell per line with its empty cells kept as `|` alone and a merged cell written
    /// once, or flattened into a paragraph. The same findings as the seeds' every way: an empty
    /// 得分 or 完成值 keeps its place (in a paragraph, which loses empty cells, forms with one
    /// are not compared).
    @Test(arguments: SichuanStyle.allCases)
    func seedsInSichuansTemplate(style: SichuanStyle) throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let rendered = forms.map { Self.sichuanTemplate($0, style: style) }.joined(separator: style == .cells ? "" : "\n")
            // A funding finding names its row as printed: 总额 is the seeds' 年度资金总额.
            let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row == "总额" ? "年度资金总额" : $0.row ?? "")" }
            // A paragraph without its empty cells cannot tell a blank 得分 or 实际完成值 from the
            // next cell: the forms with one are left out there.
            let blank = style == .paragraph ? Set(forms.filter { $0.indicators.contains { $0.actual == nil || $0.score == nil } }.compactMap { $0.name?.value }) : []
            let kept: ([String]) -> [String] = { $0.filter { !blank.contains(String($0.split(separator: "|", omittingEmptySubsequences: false)[1])) } }
            let original = kept(Self.findings(bytes, key)), again = kept(Self.findings(Array(rendered.utf8), key))
            #expect(original.count > 10)
            #expect(original == again, "\(name): only in the seed \(Set(original).subtracting(again)), only in Sichuan's template \(Set(again).subtracting(original))")
        }
    }

    /// A form in Sichuan's template; nil stands for a cell merged into the one before it or
    /// above it (left empty in a spreadsheet, not written at all in a web page's cells).
    static func sichuanTemplate(_ form: Form, style: SichuanStyle) -> String {
        var out: [String] = []
        func line(_ row: [String?]) {
            let clean = row.map { $0.map { $0.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "|", with: "/") } }
            switch style {
            case .cells:
                for c in clean { if let c { out.append(c.isEmpty ? "|" : c + " |") } }
            case .tabs:
                out.append(clean.map { $0 ?? "" }.joined(separator: "\t"))
            case .paragraph:
                out.append(clean.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " "))
            case .pipes:
                // Merged cells written as empty ones at the row's end (`| |||`).
                out.append(clean.compactMap { $0 }.joined(separator: " | ") + " | " + String(repeating: "|", count: clean.count(where: { $0 == nil })))
            }
        }
        line(["部门预算项目支出绩效自评表(\(form.year?.value ?? 2023)年度)"])
        line(["项目名称", form.name?.raw ?? ""])
        line(["主管部门", form.department?.raw ?? "", "实施单位 (盖章)", form.implementingUnit?.raw ?? ""])
        if style == .pipes {
            // As such a page gives them: the goals' title and headings on one line, the work
            // described beside its title.
            line(["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", "年度目标完成情况"])
            line([nil, form.goals.planned?.raw ?? "", form.goals.actual?.raw ?? ""])
            line([nil, "2.项目实施内容及过程概述", "按年度计划组织实施，资金按进度支付。"])
        } else {
            line(["项目基本情况", "1.项目年度目标完成情况"])
            line([nil, "项目年度目标", "年度目标完成情况"])
            line([nil, form.goals.planned?.raw ?? "", form.goals.actual?.raw ?? ""])
            line([nil, "2.项目实施内容及过程概述"])
            line([nil, "按年度计划组织实施，资金按进度支付。"])
        }
        if let funding = form.funding {
            let names: [FundingColumn: String] = [.initialBudget: "年初预算", .fullYearBudget: "调整后预算数", .executed: "预算执行数",
                                                  .weight: "权重", .rate: "预算执行率", .score: "得分"]
            line(["预算执行情况(10分)", "年度预算数(\(funding.moneyUnit))"] + funding.columns.map { names[$0] ?? "" } + ["原因"])
            for (k, row) in funding.rows.enumerated() {
                let label = row.kind == .total ? "总额" : row.label.raw
                // The note is merged down beside every row (written once, in the first).
                line([nil, label] + funding.columns.map { row.cells[$0]?.raw ?? "" } + [k == 0 ? "1.预算执行率=预算执行数/调整后预算数，未达到90%的需说明原因。" : nil])
            }
        }
        line(["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"])
        // The 绩效指标 label merged down beside the rows.
        for row in natureAndUnitRows(form) { line([nil] + row) }
        line(["合计", nil, nil, nil, nil, nil, nil, nil, form.total?.weight?.raw ?? "", form.total?.score?.raw ?? "", form.grade?.raw ?? ""])
        line(["评价结论", "项目按计划实施。"])
        line(["存在问题", "无"])
        line(["改进措施", "无"])
        if style == .paragraph { return out.filter { !$0.isEmpty }.joined(separator: " ") + "\n" }
        return out.joined(separator: "\n") + "\n"
    }

    /// How `sichuanTemplate` writes a form: tab-separated, one cell per line with its empty
    /// cells, the whole form in one paragraph of cells between single spaces, its empty cells
    /// left out, or a row per line with pipes between cells and none before the first, the
    /// merged cells piled up at the end (`总额 | 0.00 | 3.36 | … | |||`), as some web pages'
    /// tables are copied out.
    enum SichuanStyle: String, CaseIterable, Sendable { case tabs, cells, paragraph, pipes }

    /// The seed forms as a Word web page's table reads when saved or copied as plain text: each
    /// cell a paragraph of its own between blank lines, a merged cell written once, an empty cell
    /// a paragraph holding a space (no line of its own once read), header words wrapped in their
    /// cells (`年初` / `预算数`, `年度` / `指标值`), an `附件1` over the title. The seeds' findings.
    @Test func seedsAsParagraphsOfAWebPage() throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let rendered = forms.map(Self.paragraphsOfAWebPage).joined()
            let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")" }
            let original = Self.findings(bytes, key), again = Self.findings(Array(rendered.utf8), key)
            #expect(original.count > 10)
            #expect(original == again, "\(name): only in the seed \(Set(original).subtracting(again)), only as paragraphs \(Set(again).subtracting(original))")
        }
    }

    /// A form in the standard template as `seedsAsParagraphsOfAWebPage` writes it.
    static func paragraphsOfAWebPage(_ form: Form) -> String {
        var out: [String] = ["附件1"]
        // nil: a merged cell, not written; "": an empty cell, a paragraph of one space.
        func row(_ cells: [String?]) {
            for c in cells { if let c { out.append(c.isEmpty ? " " : c.replacingOccurrences(of: "\n", with: "")) } }
        }
        row(["项目支出绩效自评表"])
        if let y = form.year { row(["（\(y.value)年度）"]) }
        row(["项目名称", form.name?.raw ?? ""])
        row(["主管部门", form.department?.raw ?? "", "实施单位", form.implementingUnit?.raw ?? ""])
        if let funding = form.funding {
            let words: [FundingColumn: [String]] = [.initialBudget: ["年初", "预算数"], .fullYearBudget: ["全年", "预算数"], .executed: ["全年", "执行数"],
                                                    .weight: ["分值"], .rate: ["执行率"], .score: ["得分"]]
            row(["项目资金", "（\(funding.moneyUnit)）", ""] + funding.columns.flatMap { words[$0] ?? [] })
            for r in funding.rows { row([r.label.raw] + funding.columns.map { r.cells[$0]?.raw ?? "" }) }
        }
        row(["年度总体目标", "预期目标", "实际完成情况", form.goals.planned?.raw ?? "", form.goals.actual?.raw ?? ""])
        row(["绩效指标", "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因分析及改进措施"])
        var level1: String?, level2: String?
        for r in form.indicators {
            let l1: String? = r.level1 == level1 ? nil : r.level1 ?? ""
            let l2: String? = r.level2 == level2 && r.level1 == level1 ? nil : r.level2 ?? ""
            level1 = r.level1; level2 = r.level2
            row([l1, l2, r.name.raw, r.target?.raw ?? "", r.actual?.raw ?? "", r.weight?.raw ?? "", r.score?.raw ?? "", r.deviation?.raw ?? ""])
        }
        if let t = form.total { row(["总分", t.weight?.raw ?? "", t.score?.raw ?? ""]) }
        if let g = form.grade { row(["评分等级", g.raw]) }
        return out.map { $0 + "\n\n" }.joined()
    }

    /// Tables set in columns with spaces, every way they come: padded in characters (as
    /// `pdftotext -layout` pads) or in display width (an editor with a CJK font), wrapped cells
    /// centred on their row or set at its top. The seeds' findings, the empty cells among them:
    /// the tabular seed's row without 得分 and its row without 实际完成值. Cut at spaces alone,
    /// those rows lost the empty cell (the actual was read as the target, the row without 得分
    /// was lost with its weight: 2 errors), and the goal texts side by side were one text.
    ///
    /// Cells wrapped at 30 columns of the page, and at 16 (a narrow column: names, targets,
    /// labels and the 偏差原因分析及改进措施 heading over two to four lines, `14.00(个街` over `镇)`).
    @Test(arguments: [(false, true), (false, false), (true, true), (true, false)], [30, 16])
    func sameFindingsInColumnsAlignedWithSpaces(mode: (inDisplayWidth: Bool, centred: Bool), wrapWidth: Int) throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let aligned = forms.map {
                FormRenderer.aligned(tabular: FormRenderer.render($0, as: .tabular), inDisplayWidth: mode.inDisplayWidth, centred: mode.centred, wrapWidth: wrapWidth)
            }.joined(separator: "\n")
            let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")" }
            let original = Self.findings(bytes, key), again = Self.findings(Array(aligned.utf8), key)
            #expect(original == again, "\(name) aligned (display width: \(mode.inDisplayWidth), centred: \(mode.centred), wrapped at \(wrapWidth)): only in original \(Set(original).subtracting(again)), only aligned \(Set(again).subtracting(original))")
        }
        let empty = Self.findings(Array(try Data(contentsOf: Self.seeds.appendingPathComponent("000_84adb1842e62a47c.txt"))), { $0.check })
        #expect(empty.contains("missing-score") && empty.contains("missing-actual"))
    }

    /// A PDF dump with two spaces between all its words (as some extractors space text runs),
    /// or only between its header's, is not a table in columns, though its headers stand two
    /// spaces apart: the seeds' findings.
    /// (The PDF dump seed as it is, the tabular seed as the flow layout writes it.)
    @Test func sameFindingsWithEverySpaceDoubled() throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let text = name.hasPrefix("004") ? String(decoding: bytes, as: UTF8.self)
                : forms.map { FormRenderer.render($0, as: .flow) }.joined(separator: "\n")
            // Every space doubled, or only the indicator header's (typed so, its rows not).
            let doubled = text.replacingOccurrences(of: " ", with: "  ")
            let header = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.contains("三级指标") && line.contains("得分") ? line.replacingOccurrences(of: " ", with: "  ") : String(line)
            }.joined(separator: "\n")
            #expect(header != text)
            let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")" }
            let original = Self.findings(Array(text.utf8), key)
            #expect(!original.isEmpty)
            for (way, changed) in [("every space", doubled), ("the header's", header)] {
                let again = Self.findings(Array(changed.utf8), key)
                #expect(original == again, "\(name), \(way) doubled: only before \(Set(original).subtracting(again)), only doubled \(Set(again).subtracting(original))")
            }
        }
    }

    @Test(arguments: ["GB18030", "UTF-16LE", "UTF-16BE"])
    func sameFindingsInEveryEncoding(encoding: String) throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let bom: [UInt8] = encoding == "UTF-16LE" ? [0xFF, 0xFE] : encoding == "UTF-16BE" ? [0xFE, 0xFF] : []
            let converted = bom + (try #require(Decoder.convert(bytes, from: "UTF-8", to: encoding)))
            let crlf = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
            #expect(Self.findings(converted) == Self.findings(bytes), "\(name) in \(encoding)")
            #expect(Self.findings(crlf) == Self.findings(bytes), "\(name) with CRLF")
        }
    }

    /// Digits typed in full width (０–９) give the same findings at the same places, in every
    /// layout: figures, years and goal-text figures are read as their ASCII forms. (In HTML,
    /// the digits of the text, not of the tags' `rowspan="2"`.)
    @Test(arguments: FormRenderer.Style.allCases)
    func sameFindingsWithFullWidthDigits(style: FormRenderer.Style) throws {
        try Self.sameFindingsPlaced(style) { text in
            var inTag = false
            return String(String.UnicodeScalarView(text.unicodeScalars.map { s in
                if style == .html && (s == "<" || s == ">") { inTag = s == "<" }
                return !inTag && s.value >= 48 && s.value <= 57 ? Unicode.Scalar(s.value - 48 + 0xFF10)! : s
            }))
        }
    }

    /// Other templates name the carry-over row 上年结余资金: the same row, the same findings.
    @Test(arguments: FormRenderer.Style.allCases)
    func sameFindingsWithTheCarryOverRowOfOtherTemplates(style: FormRenderer.Style) throws {
        try Self.sameFindingsPlaced(style) { $0.replacingOccurrences(of: "上年结转资金", with: "上年结余资金") }
    }

    /// A PDF dump as pdftotext writes it: a form feed before the first line of every page, and
    /// the page numbers on lines of their own wherever the page broke (inside a header value,
    /// between a funding label and its figures, inside an indicator table). The same findings
    /// in every layout that has lines (a paragraph has no lines to break). Before, a form feed
    /// hid the figures after it (`\f10.00 9.50`: a 总分 of 90 instead of 99.5) and a page
    /// number was read as part of a project name or as a funding row `第`.
    @Test(arguments: FormRenderer.Style.allCases.filter { $0 != .paragraph && $0 != .html })
    func sameFindingsAcrossPageBreaks(style: FormRenderer.Style) throws {
        let marks = ["第 %d 页 共 9 页", "- %d -", "第%d页，共9页", "Page %d of 9", "共 9 页 第 %d 页", "第 %d 页", "续表"]
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let text = style == .tabular ? String(decoding: bytes, as: UTF8.self) : forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
            var paged: [String] = []
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i % 23 == 22 {
                    let page = i / 23 + 1
                    paged.append(String(format: marks[page % marks.count], page))
                    paged.append("\u{0C}" + line)
                } else {
                    paged.append(String(line))
                }
            }
            let original = Self.findings(Array(text.utf8)), again = Self.findings(Array(paged.joined(separator: "\n").utf8))
            #expect(!original.isEmpty)
            #expect(original == again, "\(name) as \(style): only before \(Set(original).subtracting(again)), only with page breaks \(Set(again).subtracting(original))")
        }
    }

    /// The sign-off under a form (who filled it in, when, a telephone number) and a heading
    /// above the first one: the seeds' findings and nothing more. Before, each
    /// `填报日期：2024 年 3 月 15 日` under a form written with spaces was reported as a line not
    /// understood (its three figures made it look like a row).
    @Test(arguments: [("000_84adb1842e62a47c.txt", "\t"), ("004_c9f77f6b4bcb1ec1.txt", " ")])
    func sameFindingsWithASignOffUnderEachForm(name: String, separator: String) throws {
        let text = String(decoding: try Data(contentsOf: Self.seeds.appendingPathComponent(name)), as: UTF8.self)
        var signed: [String] = ["附件2", "", "2023年度区级项目支出绩效自评结果", ""]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            signed.append(String(line))
            if line.replacingOccurrences(of: " ", with: "").hasPrefix("总分") {
                signed += ["填报单位（盖章）：某区医疗保障局\(separator)填报人：张三\(separator)联系电话：021-64881234",
                           "填报日期：2024 年 3 月 15 日", "单位负责人：李四\(separator)财务负责人：王五"]
            }
        }
        let original = Self.findings(Array(text.utf8)), again = Self.findings(Array(signed.joined(separator: "\n").utf8))
        #expect(signed.count > text.split(separator: "\n", omittingEmptySubsequences: false).count + 20)
        #expect(original == again, "\(name): only before \(Set(original).subtracting(again)), only with sign-offs \(Set(again).subtracting(original))")
    }

    /// Words other templates print for the same parts: 年初设定目标 and 全年实际完成情况 over
    /// the goal texts, 其它资金 for 其他资金. The same findings in every layout. Before, 其它资金
    /// rows were reported as not understood (8 in seed 004, 18 in seed 000), and with the goal
    /// headings renamed one flow form's goals could not be split (its copied text was missed).
    @Test(arguments: FormRenderer.Style.allCases)
    func sameFindingsWithOtherTemplatesWords(style: FormRenderer.Style) throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let text = style == .tabular ? String(decoding: bytes, as: UTF8.self) : forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
            let renamed = text.replacingOccurrences(of: "预期目标", with: "年初设定目标")
                .replacingOccurrences(of: "实际完成情况", with: "全年实际完成情况")
                .replacingOccurrences(of: "其他资金", with: "其它资金")
            #expect(renamed != text)
            let original = Self.findings(Array(text.utf8)), again = Self.findings(Array(renamed.utf8))
            #expect(!original.isEmpty)
            #expect(original == again, "\(name) as \(style): only before \(Set(original).subtracting(again)), only renamed \(Set(again).subtracting(original))")
        }
    }

    /// A PDF dump whose text extractor writes each cell on a line of its own (as tools that walk
    /// a PDF's text blocks do): every indicator row of seed 004 cut into one cell per line, its
    /// 分值 and 得分 on lines of their own, with and without blank lines between. Before, no such
    /// row was read: 14 errors (weights adding up to 15 of 100, totals against 15) and 8 rows of
    /// text reported, against the seed's none.
    @Test(arguments: [true, false])
    func sameFindingsWithIndicatorCellsOnLinesOfTheirOwn(blankLines: Bool) throws {
        let text = String(decoding: try Data(contentsOf: Self.seeds.appendingPathComponent("004_c9f77f6b4bcb1ec1.txt")), as: UTF8.self)
        var cut: [String] = [], rows = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let cells = line.split(separator: " ").map(String.init)
            // An indicator row: four cells or more, the last two plain numbers (分值, 得分).
            if cells.count >= 4, cells.suffix(2).allSatisfy({ Double($0) != nil }), !line.hasPrefix("年度资金"), !line.hasPrefix("总分") {
                cut += cells
                rows += 1
            } else if blankLines || !line.isEmpty {
                cut.append(String(line))
            }
        }
        #expect(rows > 50)
        let original = Self.findings(Array(text.utf8)), again = Self.findings(Array(cut.joined(separator: "\n").utf8))
        #expect(original == again, "only before \(Set(original).subtracting(again)), only cut \(Set(again).subtracting(original))")
    }

    /// The tabular seed with every cell on a line of its own (a spreadsheet printed to PDF and
    /// extracted cell by cell): its headings are read as headings. Before, the goals heading
    /// `年度 总体 目标` was taken for a funding row without figures (13 times) and the indicator
    /// header's cells `年度 指标值`, `实际 完成值` for text before the first row (10 times). (Its
    /// rows are not all read as the seed's: with the empty cells gone, one row's cells cannot be
    /// told apart.)
    @Test func headingsOfTheTabularSeedWithOneCellPerLine() throws {
        let text = String(decoding: try Data(contentsOf: Self.seeds.appendingPathComponent("000_84adb1842e62a47c.txt")), as: UTF8.self)
        let cut = text.split(separator: "\n").flatMap { $0.split(separator: "\t") }.filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
        let linter = Linter(checks: AllChecks.types)
        var results = [linter.lint(bytes: Array(cut.utf8), file: "f.txt")]
        linter.runLevel(&results)
        let misread = results[0].diagnostics.filter {
            $0.message.en.hasPrefix("funding label \"年度") || $0.message.en.hasPrefix("text before the first indicator row")
        }
        #expect(results[0].forms.count == 18)
        #expect(misread.isEmpty, "\(misread.map(\.message.en))")
    }

    /// `change` made to the seeds' text in `style`. In the aligned style it is made to each
    /// form's tabular text before that is set in columns: text that grows or shrinks moves the
    /// columns after it, as it would on the page (changing the aligned text itself would
    /// break its columns, which no PDF does).
    static func changed(_ text: String, forms: [Form], style: FormRenderer.Style, _ change: (String) -> String) -> String {
        guard style == .aligned else { return change(text) }
        return forms.map { FormRenderer.aligned(tabular: change(FormRenderer.render($0, as: .tabular))) }.joined(separator: "\n")
    }

    /// Targets with their operator in words, as often typed as ≥90%: 不低于90%, 大于等于90%,
    /// 90%以上 (and 不高于 / 小于等于 / 以下 for ≤). The same findings in every layout. Before,
    /// such targets were text: seed 004 lost 5 of its 15 warnings (the partial scores against
    /// ≥950 件, the deductions despite 98% against ≥90%).
    @Test(arguments: FormRenderer.Style.allCases)
    func sameFindingsWithOperatorsInWords(style: FormRenderer.Style) throws {
        // In HTML `>=` is also a tag's end before a cell's `=100%`, and the targets' `>=` are
        // written `&gt;=`.
        let (ge, le) = style == .html ? ("&gt;=", "&lt;=") : (">=", "<=")
        let ways: [(String) -> String] = [
            { $0.replacingOccurrences(of: "≥", with: "不低于").replacingOccurrences(of: ge, with: "不低于")
                .replacingOccurrences(of: "≤", with: "不高于").replacingOccurrences(of: le, with: "不高于") },
            { $0.replacingOccurrences(of: "≥", with: "大于等于").replacingOccurrences(of: ge, with: "大于等于")
                .replacingOccurrences(of: "≤", with: "小于等于").replacingOccurrences(of: le, with: "小于等于") },
        ]
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let text = style == .tabular ? String(decoding: bytes, as: UTF8.self) : forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
            let original = Self.findings(Array(text.utf8))
            #expect(!original.isEmpty)
            for (k, way) in ways.enumerated() {
                let worded = Self.changed(text, forms: forms, style: style, way)
                #expect(worded != text)
                let again = Self.findings(Array(worded.utf8))
                #expect(original == again, "\(name) as \(style), way \(k): only before \(Set(original).subtracting(again)), only in words \(Set(again).subtracting(original))")
            }
        }
    }

    /// The year under the title written `（2024年）`, without 度: the same findings in every
    /// layout. Before, seed 004 reported the year line of each form as not understood (8
    /// warnings) and, without the year, missed its 3 goal texts that speak of an earlier one.
    @Test(arguments: FormRenderer.Style.allCases)
    func sameFindingsWithTheYearWithout度(style: FormRenderer.Style) throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let text = style == .tabular ? String(decoding: bytes, as: UTF8.self) : forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
            let changed = Self.changed(text, forms: forms, style: style) { $0.replacingOccurrences(of: "年度)", with: "年)").replacingOccurrences(of: "年度）", with: "年）") }
            #expect(changed != text)
            let original = Self.findings(Array(text.utf8)), again = Self.findings(Array(changed.utf8))
            #expect(!original.isEmpty)
            #expect(original == again, "\(name) as \(style): only before \(Set(original).subtracting(again)), only without 度 \(Set(again).subtracting(original))")
        }
    }

    /// The tabular seed as a spreadsheet exports cells formatted as percentages: their values,
    /// `0.98` for 98%, `1` for 100%, `0.8` for an 执行率 of 80.00%. The same checks on the same
    /// rows. Before, a bare 1 was compared with =100% as 1 against 100: 16 more warnings
    /// (full marks although the actual misses the target, 100 times the target).
    @Test func sameFindingsWithPercentagesExportedAsFractions() throws {
        let text = String(decoding: try Data(contentsOf: Self.seeds.appendingPathComponent("000_84adb1842e62a47c.txt")), as: UTF8.self)
        func fraction(_ cell: Substring) -> String? {
            guard cell.hasSuffix("%"), let v = Decimal(string: String(cell.dropLast())) else { return nil }
            return "\(v / 100)"
        }
        var changed = 0
        let exported = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // The actual of an indicator row (the 6th cell), the rate of a funding row (the 7th).
            for k in [5, 6] where cells.count >= 8 && (k == 5 || cells[1].contains("资金")) {
                if let f = fraction(Substring(cells[k])) { cells[k] = f; changed += 1 }
            }
            return cells.joined(separator: "\t")
        }.joined(separator: "\n")
        #expect(changed > 30)
        let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")" }
        let original = Self.findings(Array(text.utf8), key), again = Self.findings(Array(exported.utf8), key)
        #expect(original == again, "only before \(Set(original).subtracting(again)), only as fractions \(Set(again).subtracting(original))")
    }

    /// The tabular seed as a script exports a spreadsheet's computed cells: every figure with
    /// places written as the full binary fraction (`6.1499999999999995`, `488000.0000000001`).
    /// The same checks on the same rows. Before, 22 more errors: scores rejected as having more
    /// than 12 decimals, and totals compared without them.
    @Test func sameFindingsWithBinaryNoiseInTheFigures() throws {
        let text = String(decoding: try Data(contentsOf: Self.seeds.appendingPathComponent("000_84adb1842e62a47c.txt")), as: UTF8.self)
        var changed = 0
        let noisy = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { cell -> String in
                let plain = cell.replacingOccurrences(of: ",", with: "")
                guard cell.contains("."), let v = Double(plain), v != 0, v.nextUp.description.count > plain.count + 6 else { return String(cell) }
                changed += 1
                return v.nextUp.description
            }.joined(separator: "\t")
        }.joined(separator: "\n")
        #expect(changed > 50)
        let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")" }
        let original = Self.findings(Array(text.utf8), key), again = Self.findings(Array(noisy.utf8), key)
        #expect(original == again, "only before \(Set(original).subtracting(again)), only noisy \(Set(again).subtracting(original))")
    }

    /// Labels set in distributed alignment come out of a PDF a character at a time: `项 目 名 称`,
    /// `年 初 预 算 数`, `执 行 率(%)`, `总 分`. The same findings in every layout with lines.
    /// Before, no form after the first was found (18 forms read as 1: 项目名称 was looked for
    /// unspaced), and in a PDF dump none of the spaced labels was read (8 forms: 16 errors, 330
    /// warnings).
    @Test(arguments: FormRenderer.Style.allCases.filter { $0 != .paragraph })
    func sameFindingsWithSpacedOutLabels(style: FormRenderer.Style) throws {
        let labels = ["项目名称", "主管部门", "实施单位", "项目资金", "年初预算数", "全年预算数", "全年执行数", "年度资金总额", "上年结转资金", "其他资金",
                      "预期目标", "实际完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "总分", "执行率"]
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let text = style == .tabular ? String(decoding: bytes, as: UTF8.self) : forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
            let spaced = Self.changed(text, forms: forms, style: style) { text in
                labels.reduce(text) { t, label in t.replacingOccurrences(of: label, with: label.map(String.init).joined(separator: " ")) }
            }
            #expect(spaced != text)
            let original = Self.findings(Array(text.utf8)), again = Self.findings(Array(spaced.utf8))
            #expect(!original.isEmpty)
            #expect(original == again, "\(name) as \(style): only before \(Set(original).subtracting(again)), only spaced \(Set(again).subtracting(original))")
        }
    }

    /// A unit spaced apart from its figure, as a PDF dump may space it: `98.00 (%)`, `42.00 (件)`,
    /// `98 %`. The same findings in every layout. Before, in seed 004 the spaced unit was taken
    /// for the actual (`(%)`) and the figure for the target: 5 of its 15 warnings were lost.
    @Test(arguments: FormRenderer.Style.allCases)
    func sameFindingsWithUnitsSpacedFromTheirFigures(style: FormRenderer.Style) throws {
        let unit = try Regex(#"([0-9])(\([^)0-9]{1,4}\)|%)"#)
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let text = style == .tabular ? String(decoding: bytes, as: UTF8.self) : forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
            let spaced = Self.changed(text, forms: forms, style: style) { $0.replacing(unit) { m in "\(m.output[1].substring ?? "") \(m.output[2].substring ?? "")" } }
            #expect(spaced != text)
            let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")" }
            let original = Self.findings(Array(text.utf8), key), again = Self.findings(Array(spaced.utf8), key)
            #expect(!original.isEmpty)
            #expect(original == again, "\(name) as \(style): only before \(Set(original).subtracting(again)), only spaced \(Set(again).subtracting(original))")
        }
    }

    /// Weights and scores written with their unit (`10分`) are the same weights and scores: the
    /// same checks on the same lines, in every layout (columns move with the longer cells).
    @Test(arguments: FormRenderer.Style.allCases)
    func sameFindingsWithPointsWrittenOut(style: FormRenderer.Style) throws {
        func onLines(_ text: String) -> [String] { Self.findings(Array(text.utf8)) { "\($0.check)|\($0.range.start.line)" } }
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let points = forms.map { form -> Form in
                var f = form
                for k in f.indicators.indices {
                    f.indicators[k].weight?.raw += "分"
                    f.indicators[k].score?.raw += "分"
                }
                return f
            }
            let plain = onLines(forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n"))
            let written = points.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
            #expect(written.contains("分\t") || written.contains("分 ") || written.contains("分 |") || written.contains("分|") || written.contains("分,") || written.contains("分</td>"))
            let again = onLines(written)
            #expect(!plain.isEmpty)
            #expect(plain == again, "\(name) as \(style): only plain \(Set(plain).subtracting(again)), only with 分 \(Set(again).subtracting(plain))")
        }
    }

    /// A spreadsheet saved as CSV or tab-separated text writes a cell with line breaks (goal
    /// texts, deviation analyses typed with Alt+Enter) between quotes over several lines, rows
    /// ending in CRLF: the rows are read whole, with the same findings as the seeds.
    @Test(arguments: [FormRenderer.Style.csv, .tabular])
    func sameFindingsWithLineBreaksInsideQuotedCells(style: FormRenderer.Style) throws {
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let separator = style == .csv ? "," : "\t"
            var broken = 0
            // Every cell of more than 12 characters broken after its 6th, and quoted.
            let rows = forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let written = rows.map { row in
                row.components(separatedBy: separator).map { cell -> String in
                    guard style == .tabular || !cell.hasPrefix("\""), cell.count > 12 else { return cell }
                    broken += 1
                    let cut = cell.index(cell.startIndex, offsetBy: 6)
                    return "\"" + (cell[..<cut] + "\n" + cell[cut...]).replacingOccurrences(of: "\"", with: "\"\"") + "\""
                }.joined(separator: separator)
            }.joined(separator: "\r\n")
            #expect(broken > 20)
            let original = Self.findings(bytes)
            let again = Self.findings(Array(written.utf8))
            #expect(original == again, "\(name) as \(style): only in original \(Set(original).subtracting(again)), only with line breaks \(Set(again).subtracting(original))")
        }
    }

    /// The tabular seed as HTML tables written three ways (a row per line, a cell per line,
    /// the whole table on one line; its own HTML kept inside the cells): the seed's findings.
    @Test(arguments: ["row", "cell", "table"])
    func sameFindingsInHTMLTablesWhateverTheLines(per: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent("000_84adb1842e62a47c.txt")))
        let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let html: String
        switch per {
        case "row": html = "<html><body><table>\n" + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n") + "\n</table></body></html>\n"
        case "cell": html = "<table>\n" + rows.map { "<tr>\n" + $0.map { "  <td>\($0)</td>\n" }.joined() + "</tr>" }.joined(separator: "\n") + "\n</table>\n"
        default: html = "<table>" + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined() + "</table>\n"
        }
        let original = Self.findings(bytes), again = Self.findings(Array(html.utf8))
        #expect(original.count > 30)
        #expect(original == again, "per \(per): only in the seed \(Set(original).subtracting(again)), only in HTML \(Set(again).subtracting(original))")
    }

    /// The tabular seed as a grid table, as text-table writers draw one (pandoc and psql:
    /// `+---+` borders, `|` cells; terminal tables: box drawing, `│` cells): the seed's findings,
    /// the borders neither read nor reported.
    @Test(arguments: ["ascii", "box", "fancy"])
    func sameFindingsInGridTables(style: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent("000_84adb1842e62a47c.txt")))
        let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        var lines: [String] = []
        for (k, row) in rows.enumerated() {
            let widths = row.map { max(3, $0.count * 2) }
            switch style {
            case "ascii":
                lines.append("+" + widths.map { String(repeating: k == 1 ? "=" : "-", count: $0) }.joined(separator: "+") + "+")
                lines.append("| " + row.joined(separator: " | ") + " |")
            case "box":
                lines.append("├" + widths.map { String(repeating: "─", count: $0) }.joined(separator: "┼") + "┤")
                lines.append("│" + row.joined(separator: "│") + "│")
            default:
                lines.append((k == 0 ? "╒" : "╞") + widths.map { String(repeating: "═", count: $0) }.joined(separator: k == 0 ? "╤" : "╪") + (k == 0 ? "╕" : "╡"))
                lines.append("│ " + row.joined(separator: " │ ") + " │")
            }
        }
        if style == "fancy" { lines.append("╘═══╧═══╛") }
        let original = Self.findings(bytes), again = Self.findings(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(original.count > 30)
        #expect(original == again, "\(style): only in the seed \(Set(original).subtracting(again)), only in the grid \(Set(again).subtracting(original))")
    }

    /// Two seed forms as Word saves a document as a web page: GB2312, a head of document
    /// properties and styles, every tag broken over lines, `<o:p>` and `&nbsp;` in empty cells.
    /// The same findings as in the seed.
    @Test func wordWebPageHasTheSeedsFindings() throws {
        let url = Self.seeds.deletingLastPathComponent().appendingPathComponent("variants/word-web-page.html")
        let forms: Set<String> = ["政府购买服务人员专项经费", "物业管理费"]
        let seed = Self.findings([UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent("000_84adb1842e62a47c.txt"))))
            .filter { f in forms.contains { f.contains("|\($0)|") } && !f.hasPrefix("cross-form-duplicate") }
        let found = Self.findings([UInt8](try Data(contentsOf: url)))
        #expect(seed.count == 6)
        #expect(found == seed)
    }

    /// The Word export fixture: its two findings, at their cells.
    @Test func wordExportFindings() throws {
        let url = Self.seeds.deletingLastPathComponent().appendingPathComponent("variants/word-export.html")
        let found = Self.findings([UInt8](try Data(contentsOf: url))) { "\($0.check)|\($0.row ?? "")|\($0.range.start.line):\($0.range.start.column)" }
        #expect(found == ["funding-breakdown|年度资金总额|23:25", "missing-actual|定点机构满意度|53:42"])
    }

    /// Forms flattened into a paragraph with no spaces at all (DOMAIN.md: "spaces between cells,
    /// or none at all"): every form is found; the header, funding and goal findings are the
    /// spaced paragraph's, except for a funding table reported as not split; every indicator
    /// table is reported as not read (never silently dropped), and nothing else is reported.
    @Test func paragraphsWithoutSpacesKeepTheFindingsTheyCanRead() throws {
        let readable: Set<String> = ["funding-breakdown", "execution-rate", "budget-score", "duplicated-goal-text", "stale-year"]
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            let spaced = forms.map { FormRenderer.render($0, as: .paragraph) }.joined()
            let unspaced = spaced.split(separator: "\n").map { $0.filter { $0 != " " } }.joined(separator: "\n")
            let linter = Linter(checks: AllChecks.types)
            func lint(_ text: String) -> FileResult {
                var results = [linter.lint(bytes: Array(text.utf8), file: "f.txt")]
                linter.runLevel(&results)
                return results[0]
            }
            let before = lint(spaced), after = lint(unspaced)
            #expect(after.forms.count == forms.count)
            func key(_ d: Diagnostic) -> String { "\(d.check)|\(d.form ?? "")|\(d.fingerprint)" }
            let unsplit = Set(after.diagnostics.filter { $0.message.en.hasPrefix("funding figures written without spaces") }.compactMap(\.form))
            let expected = Set(before.diagnostics.filter { readable.contains($0.check) }
                .filter { !(unsplit.contains($0.form ?? "") && ["funding-breakdown", "execution-rate", "budget-score"].contains($0.check)) }.map(key))
            let found = Set(after.diagnostics.filter { readable.contains($0.check) }.map(key))
            #expect(found == expected, "\(name): only spaced \(expected.subtracting(found)), only unspaced \(found.subtracting(expected))")
            #expect(!expected.isEmpty)
            #expect(unsplit.count * 4 < forms.count, "\(name): \(unsplit.count) of \(forms.count) funding tables not split")
            let unread = after.diagnostics.filter { $0.message.en.hasPrefix("indicator rows written without spaces") }
            #expect(Set(unread.compactMap(\.form)).count == forms.count)
            let others = after.diagnostics.filter { !readable.contains($0.check) && $0.check != "unparsed-row" && $0.check != "cross-form-duplicate" }
            #expect(others.isEmpty, "\(name): \(others.map { "\($0.check): \($0.message.en)" })")
        }
    }

    /// The seeds as extracted (with the tabular style) and written in `style`, linted as they
    /// are and changed by `change`: the same checks at the same places.
    static func sameFindingsPlaced(_ style: FormRenderer.Style, _ change: (String) -> String) throws {
        func placed(_ text: String) -> [String] { findings(Array(text.utf8)) { "\($0.check)|\($0.range.start.line):\($0.range.start.column)" } }
        for name in ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"] {
            let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
            let forms = Linter.readForms(SourceText(utf8: bytes), file: "f.txt").forms
            // The seed as extracted, once, and the seed written in this layout.
            let rendered = style == .tabular ? String(decoding: bytes, as: UTF8.self) + "\n" + forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
                                             : forms.map { FormRenderer.render($0, as: style) }.joined(separator: "\n")
            let changed = change(rendered)
            #expect(changed != rendered)
            let original = placed(rendered), again = placed(changed)
            #expect(!original.isEmpty)
            #expect(original == again, "\(name) as \(style): only before the change \(Set(original).subtracting(again)), only after \(Set(again).subtracting(original))")
        }
    }
}

/// A 一级 label's printed weight heads its rows, in a table and in a web page's text flattened
/// into a paragraph; a `(50分)` alone where the label was lost heads the rows after it.
@Suite struct FirstLevelWeightTests {
    static let rowsText = (try? String(contentsOf: LayoutFindingsTests.seeds.deletingLastPathComponent().appendingPathComponent("variants/web-page-rows.txt"), encoding: .utf8)) ?? ""

    /// The web page's form with 5 points moved from its 社会效益 row to its 数量 row: the total
    /// is still 100, the groups weigh 55 and 25 against the 50 and 30 printed.
    static var movedWeights: String {
        rowsText.replacingOccurrences(of: "120公里 118公里 20 19", with: "120公里 118公里 25 24")
            .replacingOccurrences(of: "明显 明显 20 20", with: "明显 明显 15 15")
            .replacingOccurrences(of: "总分 100 97.5", with: "总分 100 97.5")
    }

    static func paragraph(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ") + "\n"
    }

    @Test(arguments: [false, true])
    func movedWeightsAreFound(flattened: Bool) {
        let text = flattened ? Self.paragraph(Self.movedWeights) : Self.movedWeights
        let found = LayoutFindingsTests.findings(Array(text.utf8)) { "\($0.check)|\($0.message.en)" }
        #expect(found.filter { $0.hasPrefix("first-level-weight") } == [
            "first-level-weight|the rows under a 一级指标 whose label was lost weigh 25 in all ≠ the 30 printed with the label",
            "first-level-weight|the rows under a 一级指标 whose label was lost weigh 55 in all ≠ the 50 printed with the label",
        ], "\(found)")
        #expect(!found.contains { $0.hasPrefix("weight-sum") || $0.hasPrefix("total-score") })
        let intact = flattened ? Self.paragraph(Self.rowsText) : Self.rowsText
        #expect(LayoutFindingsTests.findings(Array(intact.utf8)).isEmpty)
    }

    /// A paragraph whose label is written again on a later row without its weight (filled
    /// down): one group, the weight printed first.
    @Test func aLabelFilledDownKeepsItsWeight() {
        let text = Self.paragraph("""
            项目支出绩效自评表 (2023年度) 项目名称 示例项目 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
            年度资金总额: 10 10 10 10 100% 10 年度总体目标 预期目标 实际完成情况 完成任务。 已完成。
            绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
            产出指标(50分) 数量指标 检查次数 ≥10次 12次 30 30 产出指标 质量指标 合格率 ≥95% 98% 20 20
            效益指标(30分) 社会效益指标 知晓率 ≥90% 95% 30 30 满意度指标(10分) 服务对象满意度指标 满意度 ≥90% 98% 10 10
            总分 100 100
            """)
        #expect(LayoutFindingsTests.findings(Array(text.utf8)).isEmpty)
    }

    /// `selfeval parse` shows each row's printed 一级 weight after its label, `?` for a lost label.
    @Test func parseShowsPrintedWeights() {
        let result = Linter(checks: AllChecks.types).lint(bytes: Array(Self.rowsText.utf8), file: "f.txt")
        let text = ModelText.render(file: result, language: .en)
        #expect(text.contains(" ?(50分)/数量指标 指标1:养护里程:"), "\(text)")
        #expect(text.contains(" ?(30分)/社会效益指标 "), "\(text)")
        #expect(text.contains(" 满意度指标/服务对象满意度指标 "), "\(text)")
    }

    /// A printed weight is taken from a paragraph's label cell (`产出指标(50分)`), not from PDF
    /// text, where a merged label is centred among its rows.
    @Test func labelWeightsInAParagraph() {
        let text = Self.paragraph("""
            项目支出绩效自评表 (2023年度) 项目名称 示例项目 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
            年度资金总额: 10 10 10 10 100% 10 年度总体目标 预期目标 实际完成情况 完成任务。 已完成。
            绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
            产出指标(50分) 数量指标 检查次数 ≥10次 12次 30 30 质量指标 合格率 ≥95% 98% 25 25
            效益指标(30分) 社会效益指标 知晓率 ≥90% 95% 25 25 满意度指标(10分) 服务对象满意度指标 满意度 ≥90% 98% 10 10
            总分 100 100
            """)
        let found = LayoutFindingsTests.findings(Array(text.utf8)) { "\($0.check)|\($0.row ?? "")|\($0.message.en)" }
        #expect(found == [
            "first-level-weight|产出指标|the rows under 产出指标 weigh 55 in all ≠ the 50 printed with the label",
            "first-level-weight|效益指标|the rows under 效益指标 weigh 25 in all ≠ the 30 printed with the label",
        ], "\(found)")
    }
}

/// The PDF dump seed with each form's lines joined into one paragraph, as a page that shows a
/// PDF's text without its line breaks gives it: vertical labels in pieces of two characters
/// (`经济` `成本` `指标`), `年度` `总体` `目标`, the header's `偏差原因分析` `及改进措施` cut in two,
/// targets cut at their column's edge.
@Suite struct FlattenedPDFDumpTests {
    @Test func seedFindingsFromAFlattenedDump() throws {
        let url = LayoutFindingsTests.seeds.appendingPathComponent("004_c9f77f6b4bcb1ec1.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let title = "财政项目支出绩效自评表"
        let forms = text.components(separatedBy: title).dropFirst().map { form in
            title + " " + form.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        let key: (Diagnostic) -> String = { "\($0.check)|\($0.form ?? "")|\($0.row ?? "")" }
        let original = LayoutFindingsTests.findings(Array(text.utf8), key)
        let flattened = LayoutFindingsTests.findings(Array((forms.joined(separator: "\n") + "\n").utf8), key)
        // Nothing that is not the seed's (16 before: label pieces, the goals' label, the header's
        // last words left as text), and every one of the seed's 15 (3 missed before: a target
        // and actual wrapped in their cells, `=14.00(个街` / `镇)`, are joined; `一级` `指标`
        // starts the header, not the end of the achieved goal's text).
        var rest = original
        let extra = flattened.filter { f in
            if let k = rest.firstIndex(of: f) { rest.remove(at: k); return false }
            return true
        }
        #expect(extra.isEmpty, "\(extra)")
        #expect(rest.isEmpty, "\(rest)")
    }
}
