/// A column of the funding table (项目资金).
public enum FundingColumn: String, Sendable, Hashable, CaseIterable, Codable {
    case initialBudget      // 年初预算数
    case fullYearBudget     // 全年预算数 / 调整后预算数
    case executed           // 全年执行数 / 预算执行数
    case weight             // 分值 / 分数 / 权重
    case rate               // 执行率
    case score              // 得分

    /// The columns of the usual template in its order, read when a table prints no header.
    public static let templateOrder: [FundingColumn] = allCases

    /// Columns that hold money and must add up across rows.
    public var isMoney: Bool { self == .initialBudget || self == .fullYearBudget || self == .executed }

    /// The column's place in `allCases`, which `FundingCells` stores its cells by.
    var ordinal: Int {
        switch self {
        case .initialBudget: return 0
        case .fullYearBudget: return 1
        case .executed: return 2
        case .weight: return 3
        case .rate: return 4
        case .score: return 5
        }
    }

    /// Hashed by case, not by raw value: the raw value's hash means hashing a string.
    public func hash(into hasher: inout Hasher) { hasher.combine(UInt8(ordinal)) }

    public var chineseName: String {
        switch self {
        case .initialBudget: return "年初预算数"
        case .fullYearBudget: return "全年预算数"
        case .executed: return "全年执行数"
        case .weight: return "分值"
        case .rate: return "执行率"
        case .score: return "得分"
        }
    }

    /// Every header word holds one of these (年初预算, 执行率, 支出数, 分值, 权重, 得分 …).
    static let headerCharacters = CharacterFilter("预执支分权得")

    /// Recognises a header cell (spaces removed).
    public static func recognise(_ header: String) -> FundingColumn? {
        // Headers are short Chinese words: numbers and long texts are never one.
        let plausible = header.withBytes { b in
            b.count >= 6 && b.count <= 96 && !((b[0] >= 48 && b[0] <= 57) || b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "."))
        }
        guard plausible, headerCharacters.matches(header) else { return nil }
        let h = header.compacted
        if h.containsBytes("年初预算") { return .initialBudget }
        if h.containsBytes("全年预算") || h.containsBytes("调整后预算") || h.sameBytes("预算数") { return .fullYearBudget }
        if h.containsBytes("执行率") { return .rate }
        if h.containsBytes("执行数") || h.containsBytes("实际支出") || h.containsBytes("支出数") { return .executed }
        if h.sameBytes("分值") || h.sameBytes("分数") || h.sameBytes("权重") || h.hasBytePrefix("分值") || h.hasBytePrefix("权重") { return .weight }
        if h.sameBytes("得分") || h.hasBytePrefix("得分") { return .score }
        return nil
    }
}

/// The role of a funding row.
public enum FundingRowKind: String, Sendable, Hashable, Codable {
    case total          // 年度资金总额
    case currentFiscal  // 其中：当年财政拨款 / 本年财政拨款 / 财政资金
    case carryover      // 上年结转资金
    case other          // 其他资金 (其它资金) / 单位资金 / 财政专户管理资金

    public var isPart: Bool { self != .total }

    /// Every row label holds one of these (资金总额, 合计, 结转, 财政, 其他, 单位资金, 自有资金).
    static let labelCharacters = CharacterFilter("总合结财其单自")

    /// The longest label read as a row's (`其中：当年财政拨款（万元）` spaced out is far shorter).
    static let maxLabelBytes = 96

    /// Names of the total row besides 年度资金总额 (and its pieces cut at a column's edge).
    /// Compared byte by byte: a `Set<String>` hashes each label through Unicode normalization,
    /// and labels are asked of many cells.
    static let totalLabels = ["资金总额", "合计", "总额", "年度总金额", "总金额", "项目资金总额", "资金合计", "年度资金合计"]

    /// Recognises a row label (spaces removed); nil for labels that are not funding rows.
    public static func recognise(_ label: String) -> FundingRowKind? {
        // A label is a few words: a note that names a row (`其他资金包括：…`) is none.
        guard label.utf8.count <= maxLabelBytes, labelCharacters.matches(label) else { return nil }
        var l = label.compacted
        for p in ["其中：", "其中:", "其中"] where l.hasBytePrefix(p) { l.removeFirst(p.count) }
        while l.hasByteSuffix("：") || l.hasByteSuffix(":") { l.removeLast() }
        if l.isEmpty { return nil }
        // Sichuan's template calls it 总额; others 年度总金额, 项目资金总额, 资金合计.
        if l.hasBytePrefix("年度资金总") || FundingRowKind.totalLabels.contains(where: { l.sameBytes($0) }) { return .total }
        // 上年结转资金, and the 上年结余资金 or 上年结转结余资金 of other templates.
        if l.containsBytes("结转") || l.containsBytes("结余") { return .carryover }
        if l.containsBytes("财政拨款") || l.sameBytes("财政资金") || l.hasBytePrefix("当年财政") || l.hasBytePrefix("本年财政") { return .currentFiscal }
        // 其它资金 is as often written as 其他资金.
        if l.containsBytes("其他") || l.containsBytes("其它") || l.containsBytes("单位资金") || l.containsBytes("财政专户") || l.containsBytes("自有资金") { return .other }
        return nil
    }
}

/// One row of the funding table with the cells it printed.
public struct FundingRow: Sendable, Hashable {
    public var kind: FundingRowKind
    public var label: Field<String>
    /// The cells by column; a column missing here was blank or absent.
    public var cells: FundingCells

    public init(kind: FundingRowKind, label: Field<String>, cells: FundingCells) {
        self.kind = kind
        self.label = label
        self.cells = cells
    }

    /// The number printed in a column, as a plain decimal (percent signs dropped).
    public func number(_ column: FundingColumn) -> ExactDecimal? {
        cells[column]?.value.quantity?.value
    }
}

/// The 项目资金 table.
public struct FundingTable: Sendable, Hashable {
    /// 元 or 万元 as printed in the header.
    public var moneyUnit: String
    public var columns: [FundingColumn]
    public var rows: [FundingRow]
    /// Whether the 执行率 column prints bare numbers meaning percent (`执行率(%)`).
    public var rateInPercent: Bool

    public init(moneyUnit: String, columns: [FundingColumn], rows: [FundingRow], rateInPercent: Bool) {
        self.moneyUnit = moneyUnit
        self.columns = columns
        self.rows = rows
        self.rateInPercent = rateInPercent
    }

    /// The 年度资金总额 row; rows are told apart by their kind, read in place.
    public var total: FundingRow? { rows.firstIndex(byAddress: { $0.pointee.kind == .total }).map { rows[$0] } }

    /// A 执行率 cell as a percentage: `80.00%`, `100.00` under a `执行率(%)` header, or a
    /// fraction such as `0.958` (a bare number of at most 1).
    public func ratePercent(_ cell: Field<Measure>) -> ExactDecimal? {
        guard let q = cell.value.quantity, q.comparator == nil else { return nil }
        if q.isPercent || rateInPercent { return q.value }
        if q.unit.isEmpty && q.value.compare(ExactDecimal(1)) <= 0 { return q.value.shifted(by: 2) }
        if q.unit.isEmpty { return q.value }
        return nil
    }

    /// The budget a rate is measured against: 全年预算数, else 年初预算数.
    public func budget(of row: FundingRow) -> (column: FundingColumn, value: ExactDecimal)? {
        if let v = row.number(.fullYearBudget) { return (.fullYearBudget, v) }
        if let v = row.number(.initialBudget) { return (.initialBudget, v) }
        return nil
    }
    public var parts: [FundingRow] { rows.filter { $0.kind.isPart } }
}
