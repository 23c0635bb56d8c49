/// Writes a `Form` back as text in a chosen layout. Used to test that the same form in every
/// layout reads the same (metamorphic tests) and to build synthetic corpora.
public enum FormRenderer {
    public enum Style: String, CaseIterable, Sendable {
        /// Tab-separated cells, one table row per line.
        case tabular
        /// Space-separated cells, one table row per line, labels on lines of their own.
        case flow
        /// Markdown pipe table rows.
        case markdown
        /// One cell per line, each ending in ` |`.
        case cellPerLine
        /// The whole form in one paragraph, cells separated by spaces.
        case paragraph
        /// The tabular rows as a spreadsheet saves CSV: commas between cells, a cell that
        /// holds a comma or a quote quoted (`"448,000.00"`), its quotes doubled.
        case csv
        /// The tabular rows as an HTML table, as a word processor saves one: title lines as
        /// paragraphs, the label columns merged down (`rowspan`) over the empty cells below
        /// them, a cell merged across (`colspan`) the empty cells after it, text escaped.
        case html
        /// The tabular rows as `pdftotext -layout` writes a PDF's table: each cell padded with
        /// spaces to its column (as wide as the column's widest line, counted in characters,
        /// two spaces between columns), an empty cell left blank, a cell wider than
        /// `alignedWrapWidth` columns of the page wrapped within its column, and each cell
        /// centred on its row's lines.
        case aligned
    }

    /// Where the aligned style wraps a cell: columns on the page (汉 two).
    public static let alignedWrapWidth = 30

    public static func render(_ form: Form, as style: Style) -> String {
        switch style {
        case .tabular: return tabular(form)
        case .flow: return flow(form)
        case .markdown: return markdown(form)
        case .cellPerLine: return cellPerLine(form)
        case .paragraph: return paragraph(form)
        case .csv: return csv(form)
        case .html: return html(form)
        case .aligned: return aligned(form)
        }
    }

    static func aligned(_ form: Form) -> String { aligned(tabular: tabular(form)) }

    /// Tab-separated rows (one form's) set in columns as the aligned style sets them, cells
    /// wrapped at `wrapWidth` columns of the page; or, with
    /// `inDisplayWidth`, as an editor with a CJK font aligns them (汉 two columns wide), and
    /// with `centred` false, each cell on its row's first line (a PDF's cells set at the top).
    /// With `wrapsHeader`, the 主管部门 / 实施单位 row wraps too (cells narrower than the page).
    public static func aligned(tabular text: String, inDisplayWidth: Bool = false, centred: Bool = true, wrapWidth: Int = alignedWrapWidth,
                               wrapsHeader: Bool = false) -> String {
        func width(_ s: String) -> Int { inDisplayWidth ? DisplayWidth.of(s) : s.unicodeScalars.count }
        // The title lines and the header rows span the page (merged cells): not wrapped.
        var rows = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            let spansThePage = cells.count(where: { !$0.isEmpty }) <= 1 || cells[0].hasPrefix("项目名称") || (!wrapsHeader && cells[0].hasPrefix("主管部门"))
            return cells.map { spansThePage ? [String($0)] : wrapped(String($0), at: wrapWidth) }
        }
        if rows.last?.allSatisfy({ $0 == [""] }) == true { rows.removeLast() }
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i == widths.count { widths.append(0) }
                widths[i] = max(widths[i], cell.map(width).max() ?? 0)
            }
        }
        var out: [String] = []
        for row in rows {
            let height = row.map(\.count).max() ?? 1
            for k in 0..<height {
                var line = ""
                for (i, cell) in row.enumerated() {
                    let top = centred ? (height - cell.count) / 2 : 0
                    let text = k >= top && k - top < cell.count ? cell[k - top] : ""
                    line += text + String(repeating: " ", count: widths[i] - width(text) + 2)
                }
                while line.hasSuffix(" ") { line.removeLast() }
                out.append(line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A cell's text in lines at most `width` columns wide on the page (汉 two, as a PDF's
    /// glyphs are about twice a digit's width). Figures and other text without Chinese are not
    /// wrapped (a spreadsheet widens their column or shows ###).
    static func wrapped(_ text: String, at width: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        guard DisplayWidth.of(text) > width, scalars.contains(where: { DisplayWidth.of($0) == 2 }) else { return [text] }
        var lines: [String] = [], line = String.UnicodeScalarView(), used = 0
        for s in scalars {
            let w = DisplayWidth.of(s)
            if used + w > width { lines.append(String(line)); line = String.UnicodeScalarView(); used = 0 }
            line.append(s)
            used += w
        }
        if !line.isEmpty { lines.append(String(line)) }
        return lines.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    static func html(_ form: Form) -> String {
        var rows = tabular(form).split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        if rows.last == [""] { rows.removeLast() }
        func escaped(_ text: String) -> String {
            text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
        }
        // Lines before the 项目名称 row are the title: paragraphs, not rows.
        let first = rows.firstIndex { $0.first?.hasPrefix("项目名称") == true } ?? 0
        var out = rows[..<first].map { "<p><b>" + escaped($0.filter { !$0.isEmpty }.joined(separator: " ")) + "</b></p>" }
        let table = Array(rows[first...])
        // covered[r][c]: the cell is merged into one above it or before it.
        var covered = table.map { Array(repeating: false, count: $0.count) }
        var rowspan = table.map { Array(repeating: 1, count: $0.count) }
        var colspan = rowspan
        for c in 0..<2 {
            for r in table.indices where c < table[r].count && !table[r][c].isEmpty && !covered[r][c] {
                var below = r + 1
                while below < table.count && c < table[below].count && table[below][c].isEmpty && !covered[below][c] {
                    covered[below][c] = true
                    below += 1
                }
                rowspan[r][c] = below - r
            }
        }
        for r in table.indices {
            // A cell merged down is not merged across too (that would cover a rectangle).
            for c in table[r].indices where !table[r][c].isEmpty && !covered[r][c] && rowspan[r][c] == 1 {
                var after = c + 1
                while after < table[r].count && table[r][after].isEmpty && !covered[r][after] {
                    covered[r][after] = true
                    after += 1
                }
                colspan[r][c] = after - c
            }
        }
        out.append("<table border=\"1\">")
        for r in table.indices {
            var cells = ""
            for c in table[r].indices where !covered[r][c] {
                let spans = (rowspan[r][c] > 1 ? " rowspan=\"\(rowspan[r][c])\"" : "") + (colspan[r][c] > 1 ? " colspan=\"\(colspan[r][c])\"" : "")
                cells += "<td\(spans)>" + escaped(table[r][c]) + "</td>"
            }
            out.append("<tr>" + cells + "</tr>")
        }
        out.append("</table>")
        return out.joined(separator: "\n") + "\n"
    }

    static func csv(_ form: Form) -> String {
        tabular(form).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { csvField(String($0)) }.joined(separator: ",")
        }.joined(separator: "\n")
    }

    /// A cell as CSV writes it: quoted when it holds a comma, a quote, a line break or spaces
    /// at its ends.
    public static func csvField(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
        return needsQuotes ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
    }

    static func markdown(_ form: Form) -> String {
        var lines = tabular(form).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            out.append("| " + line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).replacingAll("|", with: "/") }.joined(separator: " | ") + " |")
            if i == 0 { out.append("| --- |") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func cellPerLine(_ form: Form) -> String {
        var cells: [String] = ["财政项目支出绩效自评表"]
        if let y = form.year { cells.append("（\(y.value)年度）") }
        cells += ["项目名称", form.name?.raw ?? "", "主管部门", form.department?.raw ?? "", "实施单位", form.implementingUnit?.raw ?? ""]
        if let funding = form.funding {
            let cols = columns(form)
            cells.append("项目资金（\(funding.moneyUnit)）")
            cells += cols.map { header($0, form) }
            for row in funding.rows {
                cells.append(row.label.raw.compacted)
                cells += cols.map { raw(row.cells[$0]).isEmpty ? "-" : raw(row.cells[$0]) }
            }
        }
        cells += ["年度总体目标", "预期目标", "实际完成情况", oneLine(form.goals.planned?.raw ?? ""), oneLine(form.goals.actual?.raw ?? "")]
        cells += ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
        for (row, labels) in zip(form.indicators, labelsBeforeRows(form)) {
            cells += labels
            func cell(_ s: String) -> String { s.isEmpty ? "—" : s }
            cells += [row.name.raw, cell(raw(row.target)), cell(raw(row.actual)), row.weight?.raw ?? "—", row.score?.raw ?? "—"]
            if let d = row.deviation?.raw, !d.compacted.isEmpty { cells.append(oneLine(d)) }
        }
        if let t = form.total { cells += ["总分", t.weight?.raw ?? "", t.score?.raw ?? ""] }
        if let g = form.grade { cells += ["评分等级", g.raw] }
        return cells.map { $0.replacingAll("|", with: "/") + " |" }.joined(separator: "\n") + "\n"
    }

    /// Every cell of the flow layout on one line; texts lose their inner spaces.
    static func paragraph(_ form: Form) -> String {
        var copy = form
        copy.goals.planned?.raw = (form.goals.planned?.raw ?? "").compacted
        copy.goals.actual?.raw = (form.goals.actual?.raw ?? "").compacted
        for i in copy.indicators.indices {
            copy.indicators[i].deviation?.raw = (form.indicators[i].deviation?.raw ?? "").compacted
        }
        return flow(copy).split(separator: "\n").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ") + "\n"
    }

    static func raw(_ f: Field<Measure>?) -> String { f?.raw ?? "" }

    static func columns(_ form: Form) -> [FundingColumn] {
        let c = form.funding?.columns ?? []
        return c.isEmpty ? FundingColumn.templateOrder : c
    }

    static func header(_ column: FundingColumn, _ form: Form) -> String {
        column == .rate && form.funding?.rateInPercent == true ? "执行率(%)" : column.chineseName
    }

    static func tabular(_ form: Form) -> String {
        var lines: [String] = ["财政项目支出绩效自评表"]
        if let y = form.year { lines.append("(\(y.value) 年度)") }
        lines.append("项目名称\t\(form.name?.raw ?? "")")
        lines.append("主管部门\t\(form.department?.raw ?? "")\t\t\t实施单位\t\(form.implementingUnit?.raw ?? "")")
        if let funding = form.funding {
            let cols = columns(form)
            lines.append("项目资金 (\(funding.moneyUnit))\t\t" + cols.map { header($0, form) }.joined(separator: "\t"))
            for row in funding.rows {
                lines.append("\t\(row.label.raw)\t" + cols.map { raw(row.cells[$0]) }.joined(separator: "\t"))
            }
        }
        lines.append("年度总体目标\t预期目标\t\t\t实际完成情况")
        lines.append("\t\(oneLine(form.goals.planned?.raw ?? ""))\t\t\t\(oneLine(form.goals.actual?.raw ?? ""))")
        lines.append("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施")
        var l1: String?, l2: String?
        for row in form.indicators {
            let c1 = row.level1 != l1 ? (row.level1 ?? "") : ""
            let c2 = row.level2 != l2 || row.level1 != l1 ? (row.level2 ?? "") : ""
            l1 = row.level1
            l2 = row.level2
            lines.append(["", c1, c2, row.name.raw, raw(row.target), raw(row.actual), row.weight?.raw ?? "", row.score?.raw ?? "",
                          oneLine(row.deviation?.raw ?? "")].joined(separator: "\t"))
        }
        if let t = form.total { lines.append("总分\t\t\t\t\t\t\(t.weight?.raw ?? "")\t\(t.score?.raw ?? "")") }
        if let g = form.grade { lines.append("评分等级\t\(g.raw)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func flow(_ form: Form) -> String {
        var lines: [String] = ["财政项目支出绩效自评表", ""]
        if let y = form.year { lines.append("（\(y.value)年度）") }
        lines.append("项目名称 \(form.name?.raw ?? "")")
        lines.append("主管部门 \(form.department?.raw ?? "") 实施单位 \(form.implementingUnit?.raw ?? "")")
        if let funding = form.funding {
            let cols = columns(form)
            lines.append("项目资金（\(funding.moneyUnit)）")
            lines.append(cols.map { header($0, form) }.joined(separator: " "))
            for row in funding.rows {
                lines.append(row.label.raw.compacted + " " + cols.map { raw(row.cells[$0]).isEmpty ? "-" : raw(row.cells[$0]).compacted }.joined(separator: " "))
            }
        }
        lines.append("年度总体目标")
        lines.append("预期目标")
        if let p = form.goals.planned { lines.append(oneLine(p.raw)) }
        lines.append("实际完成情况")
        if let a = form.goals.actual { lines.append(oneLine(a.raw)) }
        lines.append("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施")
        for (row, labels) in zip(form.indicators, labelsBeforeRows(form)) {
            lines += labels
            func cell(_ s: String) -> String { s.isEmpty ? "—" : s.compacted }
            var line = [row.name.raw.compacted, cell(raw(row.target)), cell(raw(row.actual)), row.weight?.raw ?? "—", row.score?.raw ?? "—"].joined(separator: " ")
            if let d = row.deviation?.raw, !d.compacted.isEmpty { line += " " + oneLine(d) }
            lines.append(line)
        }
        if let t = form.total { lines.append("总分 \(t.weight?.raw ?? "") \(t.score?.raw ?? "")") }
        if let g = form.grade { lines.append("评分等级 \(g.raw)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The 一级/二级 labels to write before each row: the ones that change there (merged cells).
    static func labelsBeforeRows(_ form: Form) -> [[String]] {
        var l1: String?, l2: String?
        return form.indicators.map { row in
            var labels: [String] = []
            if row.level1 != l1, let v = row.level1 { labels.append(v) }
            if row.level2 != l2 || row.level1 != l1, let v = row.level2 { labels.append(v) }
            l1 = row.level1
            l2 = row.level2
            return labels
        }
    }

    static func oneLine(_ s: String) -> String {
        s.replacingAll("\r", with: "").replacingAll("\n", with: "").replacingAll("\t", with: " ")
    }
}

/// The meaning of a form without positions or spelling: two readings of the same form in
/// different layouts must give equal digests.
public struct FormDigest: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var year: Int?
    public var unit: String
    public var department: String
    public var implementingUnit: String
    public var funding: [String]
    public var planned: String
    public var actual: String
    public var indicators: [String]
    public var total: String
    public var grade: String

    public init(_ form: Form) {
        func c(_ s: String?) -> String { (s ?? "").compacted }
        name = c(form.name?.value)
        year = form.year?.value
        unit = form.moneyUnit
        department = c(form.department?.value)
        implementingUnit = c(form.implementingUnit?.value)
        funding = form.funding?.rows.map { row in
            row.kind.rawValue + ":" + FundingColumn.allCases.map { row.cells[$0]?.value.canonical ?? "" }.joined(separator: "|")
        } ?? []
        planned = c(form.goals.planned?.value)
        actual = c(form.goals.actual?.value)
        indicators = form.indicators.map { r in
            [r.level1 ?? "", r.level2 ?? "", r.name.value.compacted, r.target?.value.canonical ?? "", r.actual?.value.canonical ?? "",
             r.weight?.value.description ?? "", r.score?.value.description ?? "", r.deviationText.compacted].joined(separator: "|")
        }
        total = (form.total?.weight?.value.description ?? "") + "/" + (form.total?.score?.value.description ?? "")
        grade = form.grade?.value ?? ""
    }

    public var description: String {
        ([name, "\(year ?? 0)", unit, department, implementingUnit] + funding + [planned, actual] + indicators + [total, grade]).joined(separator: "\n")
    }
}
