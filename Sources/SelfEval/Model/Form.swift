/// Something in a form the reader could not place, reported instead of dropped.
public struct ParseIssue: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A line or cell that no part of the form took.
        case unparsedRow = "unparsed-row"
        /// A required part of the form that is not there.
        case missingPart = "missing-part"
        /// A number too large, too precise or malformed.
        case badNumber = "bad-number"
        /// A judgement call the reader made that the user should know about.
        case ambiguous = "ambiguous-layout"
    }
    public var kind: Kind
    public var message: Message
    public var range: SourceRange

    public init(kind: Kind, message: Message, range: SourceRange) {
        self.kind = kind
        self.message = message
        self.range = range
    }
}

/// The layout a form was read from.
public enum Layout: String, Sendable, Hashable, Codable {
    /// Tab-separated cells, one table row per line (spreadsheet export).
    case tabular
    /// Space-separated cells, long cells wrapped over lines (PDF text dump), or one row per line.
    case flow
    /// Markdown pipe tables: `| 项目名称 | … |`, ragged, merged cells missing.
    case markdown
    /// One cell per line, each ending in ` |`.
    case cellPerLine
    /// A whole form flattened into one paragraph.
    case paragraph
    /// The JSON that `selfeval parse --format json` prints.
    case json
    /// Comma-separated cells (a spreadsheet saved as CSV): quoted cells may hold commas,
    /// quotes (doubled) and line breaks.
    case csv
    /// HTML tables (`<tr><td>…`), merged cells (`rowspan`, `colspan`) expanded into empty cells.
    case html

    /// Whether cells are separated explicitly (empty cells kept), so column positions mean something.
    public var hasColumns: Bool { self == .tabular || self == .markdown || self == .csv || self == .html }
}

/// The 年度总体目标 part.
public struct Goals: Sendable, Hashable {
    /// 预期目标.
    public var planned: Field<String>?
    /// 实际完成情况.
    public var actual: Field<String>?

    public init(planned: Field<String>?, actual: Field<String>?) {
        self.planned = planned
        self.actual = actual
    }
}

/// The 总分 row.
public struct TotalRow: Sendable, Hashable {
    public var weight: Field<ExactDecimal>?
    public var score: Field<ExactDecimal>?
    public var range: SourceRange

    public init(weight: Field<ExactDecimal>?, score: Field<ExactDecimal>?, range: SourceRange) {
        self.weight = weight
        self.score = score
        self.range = range
    }
}

/// One 项目支出绩效自评表 as the linter understands it.
public struct Form: Sendable, Hashable {
    /// The file as given on the command line (relative where possible).
    public var file: String
    public var layout: Layout
    /// The first line of the form in the file.
    public var range: SourceRange
    public var name: Field<String>?
    public var year: Field<Int>?
    public var department: Field<String>?
    public var implementingUnit: Field<String>?
    public var funding: FundingTable?
    public var goals: Goals
    public var indicators: [IndicatorRow]
    public var total: TotalRow?
    public var grade: Field<String>?
    public var issues: [ParseIssue]

    public init(file: String, layout: Layout, range: SourceRange) {
        self.file = file
        self.layout = layout
        self.range = range
        self.goals = Goals(planned: nil, actual: nil)
        self.indicators = []
        self.issues = []
    }

    /// The project name as printed, or a placeholder naming the line.
    public var displayName: String { name?.value ?? "(unnamed form at line \(range.start.line))" }

    /// Whether the indicator table is not filled in yet: two rows or more, none with its
    /// 实际完成值 or its 得分 (a draft, targets and weights only). The checks that report those
    /// cells missing then say it once for the table, not twice for every row.
    public var indicatorsNotFilledIn: Bool {
        indicators.count >= 2 && !indicators.contains { $0.score != nil || !($0.actual?.value.isEmpty ?? true) }
    }

    /// A note on the whole indicator table naming its first rows: `rows: a, b, c and 8 more`.
    public var indicatorRowsNote: Message {
        let names = indicators.prefix(3).map(\.name.raw)
        let more = indicators.count - names.count
        return Message(en: "rows: " + names.joined(separator: ", ") + (more > 0 ? " and \(more) more" : ""),
                       zh: "指标行：" + names.joined(separator: "、") + (more > 0 ? " 等 \(indicators.count) 行" : ""))
    }

    /// 元 or 万元; 元 when the form does not say.
    public var moneyUnit: String { funding?.moneyUnit ?? "元" }

    /// The budget-execution weight (分值 of 年度资金总额), which counts toward the 100.
    public var budgetWeight: Field<ExactDecimal>? {
        guard let cell = funding?.total?.cells[.weight], let q = cell.value.quantity else { return nil }
        return Field(raw: cell.raw, value: q.value, range: cell.range)
    }

    /// The budget-execution score (得分 of 年度资金总额).
    public var budgetScore: Field<ExactDecimal>? {
        guard let cell = funding?.total?.cells[.score], let q = cell.value.quantity else { return nil }
        return Field(raw: cell.raw, value: q.value, range: cell.range)
    }
    /// Every weight printed: budget execution first, then the indicators in order (built in
    /// one pass: this runs for every form, in the summary and in several checks).
    public var weights: [ExactDecimal] { printed(budget: .weight) { $0.weight?.value } }

    /// Every score printed, in the same order.
    public var scores: [ExactDecimal] { printed(budget: .score) { $0.score?.value } }

    @inline(__always)
    private func printed(budget column: FundingColumn, _ value: (IndicatorRow) -> ExactDecimal?) -> [ExactDecimal] {
        var out: [ExactDecimal] = []
        out.reserveCapacity(indicators.count + 1)
        if let b = funding?.total?.number(column) { out.append(b) }
        for i in indicators.indices { if let v = value(indicators[i]) { out.append(v) } }
        return out
    }
}

extension Array where Element == ExactDecimal {
    /// The exact sum (zero when empty).
    public var sum: ExactDecimal { reduce(.zero, +) }
}
