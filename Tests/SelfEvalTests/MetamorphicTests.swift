import Foundation
import Testing
@testable import SelfEval

/// The same form written in every layout reads to the same model.
@Suite struct MetamorphicTests {
    static let seedForms: [Form] = Fixtures.forms(Fixtures.tabularSeed) + Fixtures.forms(Fixtures.flowSeed)

    @Test(arguments: FormRenderer.Style.allCases)
    func everySeedFormReadsTheSameInEveryLayout(style: FormRenderer.Style) throws {
        for form in Self.seedForms {
            let text = FormRenderer.render(form, as: style)
            let again = Fixtures.forms(text: text)
            if style != .paragraph { #expect(again.first?.layout.rawValue == (style == .aligned ? "flow" : style.rawValue)) }
            try #require(again.count == 1, "\(form.displayName) as \(style): \(again.count) forms")
            let a = FormDigest(form), b = FormDigest(again[0])
            #expect(a == b, "\(form.displayName) as \(style):\n\(diff(a, b))")
            #expect(again[0].issues.isEmpty, "\(form.displayName) as \(style): \(again[0].issues.map(\.message.en))")
        }
    }

    /// Every seed form in narrow columns aligned with spaces reads to the same model: cells
    /// wrapped at 16 columns of the page, centred on their row or set at its top, and at 8 set
    /// at the top (headers, funding labels and names over two to four lines: `年初预算` / `数`,
    /// `其中：当` / `年财政拨` / `款`).
    @Test(arguments: [(true, 16), (false, 16), (false, 8)])
    func everySeedFormReadsTheSameInNarrowColumns(centred: Bool, wrapWidth: Int) throws {
        for form in Self.seedForms {
            let text = FormRenderer.aligned(tabular: FormRenderer.render(form, as: .tabular), centred: centred, wrapWidth: wrapWidth)
            let again = Fixtures.forms(text: text)
            try #require(again.count == 1, "\(form.displayName): \(again.count) forms")
            let a = FormDigest(form), b = FormDigest(again[0])
            #expect(a == b, "\(form.displayName) in narrow columns:\n\(diff(a, b))")
            let labels = { (f: Form) in f.funding?.rows.map { $0.label.value.compacted } ?? [] }
            #expect(labels(form) == labels(again[0]), "\(form.displayName)")
            #expect(again[0].issues.isEmpty, "\(form.displayName): \(again[0].issues.map(\.message.en))")
        }
    }

    /// The 主管部门 and 实施单位 values wrapped in their columns (set at the top): each line of a
    /// value goes to the label it stands under. Before, all went to the last label on the line
    /// (实施单位 took 主管部门's `（汇总）`).
    @Test(arguments: [16, 24])
    func everySeedFormReadsTheSameWithItsHeaderWrapped(wrapWidth: Int) throws {
        for form in Self.seedForms {
            let text = FormRenderer.aligned(tabular: FormRenderer.render(form, as: .tabular), centred: false, wrapWidth: wrapWidth, wrapsHeader: true)
            let again = Fixtures.forms(text: text)
            try #require(again.count == 1, "\(form.displayName): \(again.count) forms")
            let a = FormDigest(form), b = FormDigest(again[0])
            #expect(a == b, "\(form.displayName) with its header wrapped:\n\(diff(a, b))")
        }
    }

    /// The 项目资金 label merged down beside the funding rows, printed on the line of the second
    /// row (as pdftotext -layout centres a merged cell), in columns or in a flow dump. Before, that
    /// line was taken for the funding header and its row was lost (年度资金总额 448,000.00 ≠ the
    /// sum of the parts left, 0.00).
    @Test(arguments: [FormRenderer.Style.aligned, .flow])
    func everySeedFormReadsTheSameWithTheFundingLabelBesideItsRows(style: FormRenderer.Style) throws {
        for form in Self.seedForms {
            var lines = FormRenderer.render(form, as: .tabular).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if style == .flow { lines = FormRenderer.render(form, as: .flow).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            let header = try #require(lines.firstIndex { $0.hasPrefix("项目资金") })
            let label = String(lines[header].prefix { $0 != "\t" })
            if style == .aligned {
                lines[header] = String(lines[header].drop { $0 != "\t" })
                lines[header + 2] = label + lines[header + 2]
            } else {
                lines.remove(at: header)
                lines[header + 2] = label + " " + lines[header + 2]
            }
            let text = style == .aligned ? FormRenderer.aligned(tabular: lines.joined(separator: "\n")) : lines.joined(separator: "\n")
            let again = Fixtures.forms(text: text)
            try #require(again.count == 1, "\(form.displayName): \(again.count) forms")
            let a = FormDigest(form), b = FormDigest(again[0])
            #expect(a == b, "\(form.displayName) as \(style), 项目资金 beside its rows:\n\(diff(a, b))")
            #expect(again[0].issues.isEmpty, "\(form.displayName): \(again[0].issues.map(\.message.en))")
        }
    }

    /// A form not filled in yet (targets and weights only, as a unit drafts it) reads to the
    /// same model in every layout; in PDF text, one cell per line and a flattened paragraph also
    /// with its empty cells leaving no mark (a PDF's text drops them): rows anchored on their 分值
    /// alone. Before, such a table read no row ("text before the first indicator row could not be
    /// placed").
    @Test(arguments: FormRenderer.Style.allCases)
    func everySeedFormUnfilledReadsTheSame(style: FormRenderer.Style) throws {
        for form in Self.seedForms {
            var unfilled = form
            for i in unfilled.indicators.indices {
                unfilled.indicators[i].actual = nil
                unfilled.indicators[i].score = nil
                unfilled.indicators[i].deviation = nil
            }
            unfilled.total?.score = nil
            let (text, written) = Self.written(unfilled, as: style)
            if Self.marksEmptyCells(style) { #expect(written != text) }
            try expectReadsBack(unfilled, from: written, as: style, "unfilled")
        }
    }

    /// A row whose 得分 is empty among filled rows (its third) reads to the same model in every
    /// layout; in PDF text and one cell per line also with the empty cell leaving no mark. So
    /// does one whose 实际完成值 is empty too (the first after the second whose target has an
    /// operator, see `everySeedFormWithARowsActualEmptyReadsTheSame`).
    @Test(arguments: FormRenderer.Style.allCases, [false, true])
    func everySeedFormWithARowsScoreEmptyReadsTheSame(style: FormRenderer.Style, actualToo: Bool) throws {
        for form in Self.seedForms {
            func fits(_ k: Int) -> Bool {
                let r = form.indicators[k]
                return r.score != nil && r.actual != nil && (!actualToo || r.target?.value.quantity?.comparator != nil)
            }
            guard form.indicators.count > 3, let k = form.indicators.indices.dropFirst(2).first(where: fits) else { continue }
            var changed = form
            changed.indicators[k].score = nil
            changed.indicators[k].deviation = nil
            if actualToo { changed.indicators[k].actual = nil }
            try expectReadsBack(changed, from: Self.written(changed, as: style).written, as: style, "with a row's 得分 empty (actual too: \(actualToo))")
        }
    }

    /// A row whose 实际完成值 alone is empty among filled rows (the first after the first row
    /// whose target has an operator, `≥90`, `=100%`) reads to the same model in every layout; in
    /// PDF text and one cell per line also with the empty cell leaving no mark: the one value
    /// after the name, with its operator, is the target. (A value in words, `准确`, is left as
    /// read, the actual: in PDF text set in columns the row's line often holds its name and
    /// actual, the target wrapped elsewhere.)
    @Test(arguments: FormRenderer.Style.allCases)
    func everySeedFormWithARowsActualEmptyReadsTheSame(style: FormRenderer.Style) throws {
        for form in Self.seedForms {
            func hasOperator(_ r: IndicatorRow) -> Bool { r.target?.value.quantity?.comparator != nil }
            guard let k = form.indicators.indices.dropFirst().first(where: { hasOperator(form.indicators[$0]) && form.indicators[$0].actual != nil }) else { continue }
            var changed = form
            changed.indicators[k].actual = nil
            try expectReadsBack(changed, from: Self.written(changed, as: style).written, as: style, "with a row's 实际完成值 empty")
        }
    }

    /// A template that scores the budget's execution as an indicator row, under labels the
    /// vocabulary does not know (`预算执行情况` / `预算执行率` / `预算执行率`): every seed form
    /// with that row first reads to the same model in every layout with columns. Before, a
    /// table read the row's 一级 label as its name and reported the other two cells as names
    /// without values. (Not yet in text without columns: there labels are told from text by
    /// their words, and these are unknown. Before the first row they are reported as not
    /// placed; after it, they are read as the row above's analysis.)
    @Test(arguments: [FormRenderer.Style.tabular, .markdown, .csv, .html, .aligned])
    func everySeedFormWithABudgetRowOfItsOwnReadsTheSame(style: FormRenderer.Style) throws {
        for form in Self.seedForms where !form.indicators.isEmpty {
            let changed = try Self.withBudgetRow(form)
            try expectReadsBack(changed, from: Self.written(changed, as: style).written, as: style, "with a budget row")
        }
    }

    /// The same in narrow columns aligned with spaces (PDF text), the unknown labels wrapped
    /// over lines (`预算执` / `行情况`).
    @Test(arguments: [(true, 16), (false, 16), (false, 8)])
    func everySeedFormWithABudgetRowOfItsOwnReadsTheSameInNarrowColumns(centred: Bool, wrapWidth: Int) throws {
        for form in Self.seedForms where !form.indicators.isEmpty {
            let changed = try Self.withBudgetRow(form)
            let text = FormRenderer.aligned(tabular: FormRenderer.render(changed, as: .tabular), centred: centred, wrapWidth: wrapWidth)
            try expectReadsBack(changed, from: text, as: .aligned, "with a budget row, wrapped at \(wrapWidth) (centred: \(centred))")
        }
    }

    /// Templates whose indicator table has a 序号 column before its labels, or a header of two
    /// rows (`指标值` merged over `年度指标值  实际完成值`), or whose goals stand in rows, each
    /// heading at the head of its row (`预期目标 | 确保…` over `实际完成情况 | 完成…`; before,
    /// the planned text was lost without a word and the achieved read as the planned one, and
    /// in PDF text the plan's first line on the heading's line too):
    /// every seed form so written reads to
    /// the same model as a table and as PDF text set in columns. Before, the 序号 was read as
    /// the row's deviation analysis (hiding a missing one), and the second header row as a row
    /// in a table and, in PDF text, joined to the merged heading (`指标值年度指标值`).
    @Test(arguments: [("serial", false), ("serial", true), ("twoRowHeader", false), ("twoRowHeader", true), ("goalsInRows", false), ("goalsInRows", true)])
    func everySeedFormInAnotherTableShapeReadsTheSame(shape: String, aligned: Bool) throws {
        for form in Self.seedForms {
            var tsv = FormRenderer.render(form, as: .tabular)
            switch shape {
            case "serial": tsv = Self.withSerialColumn(tsv)
            case "twoRowHeader": tsv = Self.withTwoRowHeader(tsv)
            default: tsv = Self.withGoalsInRows(tsv)
            }
            // In PDF text, wrapped cells set at their row's top or centred on it (goals in rows
            // at the top only: centred, a goal's first lines stand above its heading, among
            // the funding table's, and are reported as not understood).
            let placements = shape == "goalsInRows" ? [false] : [true, false]
            for text in aligned ? placements.map({ FormRenderer.aligned(tabular: tsv, centred: $0, wrapWidth: 16) }) : [tsv] {
                try expectReadsBack(form, from: text, as: aligned ? .aligned : .tabular, "with a table shaped \(shape)")
            }
        }
    }

    /// A 序号 column in text without columns, each row on a line of words one space apart
    /// (`1 产出指标 数量指标 监督检查覆盖率 =100% …`): every seed form reads as the same text
    /// without it. Before, the number and the labels were read into the name
    /// (`1产出指标数量指标监督检查覆盖率`).
    @Test func aSerialColumnInTextWithoutColumns() throws {
        func spaced(_ tsv: String) -> String {
            tsv.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.split(separator: "\t").joined(separator: " ") }.joined(separator: "\n")
        }
        // A figure alone on its line (the first row's 得分 wrapped) is no row's number.
        func wrapped(_ text: String) -> String {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let h = lines.firstIndex(where: { $0.hasPrefix("绩效指标 ") }), h + 1 < lines.count,
                  let cut = lines[h + 1].lastIndex(of: " ") else { return text }
            let row = lines[h + 1]
            lines[h + 1] = String(row[..<cut])
            lines.insert(String(row[row.index(after: cut)...]), at: h + 2)
            return lines.joined(separator: "\n")
        }
        for form in Self.seedForms {
            let tsv = FormRenderer.render(form, as: .tabular)
            for shape in [{ (t: String) in t }, wrapped] {
                let plain = Fixtures.forms(text: shape(spaced(tsv))), numbered = Fixtures.forms(text: shape(spaced(Self.withSerialColumn(tsv))))
                try #require(plain.count == 1 && numbered.count == 1, "\(form.displayName)")
                #expect(FormDigest(numbered[0]) == FormDigest(plain[0]), "\(form.displayName)")
            }
        }
    }

    /// Text other than a number in a 序号 column of PDF text is kept (in the row's analysis),
    /// not dropped with the numbers.
    @Test func textInASerialColumnIsKept() throws {
        let form = try #require(Self.seedForms.first)
        let tsv = Self.withSerialColumn(FormRenderer.render(form, as: .tabular)).replacingOccurrences(of: "\n\t1\t", with: "\n\t备注\t")
        let text = FormRenderer.aligned(tabular: tsv, centred: true, wrapWidth: 16)
        let again = try #require(Fixtures.forms(text: text).first)
        #expect(again.indicators.first?.deviation?.value.contains("备注") == true)
    }

    /// A tabular form's indicator table with a 序号 column before its 一级指标: 1, 2, … per row.
    static func withSerialColumn(_ tsv: String) -> String {
        var inTable = false, n = 0
        return tsv.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if cells.first == "绩效指标" { inTable = true; cells.insert("序号", at: 1); return cells.joined(separator: "\t") }
            if cells.first == "总分" { inTable = false; cells.insert("", at: 1); return cells.joined(separator: "\t") }
            guard inTable, cells.count > 1 else { return String(line) }
            n += 1
            cells.insert("\(n)", at: 1)
            return cells.joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// A tabular form's goals in rows, each heading at the head of its row and its text beside
    /// it: `年度总体目标 | 预期目标 | 确保…` over ` | 实际完成情况 | 完成…`.
    static func withGoalsInRows(_ tsv: String) -> String {
        var lines = tsv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let h = lines.firstIndex(where: { $0.hasPrefix("年度总体目标\t预期目标") }), h + 1 < lines.count else { return tsv }
        let cells = lines[h + 1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        guard cells.count == 2 else { return tsv }
        lines[h] = "年度总体目标\t预期目标\t\(cells[0])"
        lines[h + 1] = "\t实际完成情况\t\(cells[1])"
        return lines.joined(separator: "\n")
    }

    /// A tabular form's indicator header in two rows: `指标值` merged over the target's and the
    /// actual's headings, which stand on the row below.
    static func withTwoRowHeader(_ tsv: String) -> String {
        tsv.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("绩效指标\t") else { return String(line) }
            return "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t\t分值\t得分\t偏差原因分析及改进措施\n\t\t\t\t年度指标值\t实际完成值\t\t\t"
        }.joined(separator: "\n")
    }

    /// `form` with a first row scoring the budget's execution under labels no template of the
    /// vocabulary prints.
    static func withBudgetRow(_ form: Form) throws -> Form {
        var changed = form
        let at = form.indicators[0].range
        func field<V>(_ raw: String, _ value: V) -> Field<V> { Field(raw: raw, value: value, range: at) }
        changed.indicators.insert(IndicatorRow(
            level1: "预算执行情况", level2: "预算执行率", name: field("预算执行率", "预算执行率"),
            target: field("100%", Measure.parse("100%")), actual: field("95%", Measure.parse("95%")),
            weight: field("10", ExactDecimal(10)), score: field("9.5", try ExactDecimal.parse("9.5").get()),
            deviation: nil, range: at), at: 0)
        return changed
    }

    /// Whether the renderer marks an empty indicator cell `—` in `style`: text where cells are
    /// not counted (PDF text, one cell per line, a flattened paragraph).
    static func marksEmptyCells(_ style: FormRenderer.Style) -> Bool { [.flow, .cellPerLine, .paragraph].contains(style) }

    /// `form` rendered as `style`, and as read here: without the empty cells' marks where the
    /// renderer writes them, as a PDF's text gives such a table.
    static func written(_ form: Form, as style: FormRenderer.Style) -> (rendered: String, written: String) {
        let text = FormRenderer.render(form, as: style)
        return (text, marksEmptyCells(style) ? withoutBlankMarks(text) : text)
    }

    /// `written` reads back as one form with `form`'s model and no issue; `what` names the change.
    func expectReadsBack(_ form: Form, from written: String, as style: FormRenderer.Style, _ what: String) throws {
        let again = Fixtures.forms(text: written)
        try #require(again.count == 1, "\(form.displayName) \(what) as \(style): \(again.count) forms")
        let a = FormDigest(form), b = FormDigest(again[0])
        #expect(a == b, "\(form.displayName) \(what) as \(style):\n\(diff(a, b))")
        #expect(again[0].issues.isEmpty, "\(form.displayName) \(what) as \(style): \(again[0].issues.map(\.message.en))")
    }

    /// The text with every `—` token (an empty cell's mark) left out, and lines with no cell
    /// left so or written so (` |`, an empty cell on a line of its own).
    static func withoutBlankMarks(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            let tokens = line.split(separator: " ", omittingEmptySubsequences: false)
            let kept = tokens.filter { $0 != "—" }
            // One cell per line ends each with ` |`: an empty one (the total's 得分) is left out too.
            if kept.allSatisfy({ $0.isEmpty || $0 == "|" }) { return line.isEmpty ? "" : nil }
            return kept.count == tokens.count ? String(line) : kept.joined(separator: " ")
        }.joined(separator: "\n")
    }

    func diff(_ a: FormDigest, _ b: FormDigest) -> String {
        let x = a.description.split(separator: "\n", omittingEmptySubsequences: false), y = b.description.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : "∅", r = i < y.count ? String(y[i]) : "∅"
            if l != r { out += "- \(l)\n+ \(r)\n" }
        }
        return out
    }
}
