/// Reads the indicator table of a tabular layout (one row per line, cells by tab).
///
/// Column meaning comes from the header row. Merged cells shift rows left or right, so each
/// row is aligned to the header by trying small shifts and keeping the one whose cells best
/// fit their columns (numbers under 分值/得分, labels under 一级/二级, text under 三级).
struct TabularIndicatorReader {
    /// `serial` is a 序号 column: its numbers are read as no part of the row.
    enum Role: Int, CaseIterable { case level1, level2, name, target, actual, weight, score, deviation, nature, unit, serial }

    private(set) var rows: [IndicatorRow] = []
    private(set) var issues: [ParseIssue] = []
    /// Column index of each role from the header, by `Role.rawValue`; -1 where there is none.
    private(set) var columnByRole: [Int]
    /// The header's cells, for a second header row to complete (see `extendHeader`).
    private var header: TextLine
    private var level1: String?
    private var level2: String?
    /// The weight printed with the current 一级 label (`产出指标(50分)`).
    private var level1Weight: Field<ExactDecimal>?
    /// A name wrapped onto a line of its own, waiting for the rest of it.
    private var namePrefix: [Cell] = []
    /// Names printed in a row that has values for only one of them, waiting for a nameless row.
    private var spareNames: [Cell] = []
    /// Room for a row's measures and cell kinds, kept from row to row.
    private var measureRoom: [Measure] = [], kindRoom: [CellKind] = []

    init(header: TextLine) {
        self.header = header
        // Column of each role by `Role.rawValue`, -1 where the header does not name it.
        var cols = [Int](repeating: -1, count: Role.allCases.count)
        for cell in header.cells where !cell.isEmpty {
            guard let role = TabularIndicatorReader.role(ofHeader: cell.key) else { continue }
            if cols[role.rawValue] < 0 { cols[role.rawValue] = cell.index }
        }
        func has(_ r: Role) -> Bool { cols[r.rawValue] >= 0 }
        // Fill what the header did not name from the usual order.
        let usual: [(Role, Int)] = [(.level1, 1), (.level2, 2), (.name, 3), (.target, 4), (.actual, 5), (.weight, 6), (.score, 7), (.deviation, 8)]
        if !has(.weight) || !has(.score) || !has(.name) {
            for (r, i) in usual where !has(r) { cols[r.rawValue] = i }
        }
        if !has(.deviation), has(.score) { cols[Role.deviation.rawValue] = cols[Role.score.rawValue] + 1 }
        if !has(.level1), has(.name) { cols[Role.level1.rawValue] = cols[Role.name.rawValue] - 2 }
        if !has(.level2), has(.name) { cols[Role.level2.rawValue] = cols[Role.name.rawValue] - 1 }
        if !has(.target), has(.name) { cols[Role.target.rawValue] = cols[Role.name.rawValue] + 1 }
        if !has(.actual), has(.target) { cols[Role.actual.rawValue] = cols[Role.target.rawValue] + 1 }
        self.columnByRole = cols
    }

    /// Takes a second header row, before any row: every cell of `line` names a column (the
    /// headings under a merged `指标值`: `年度指标值  实际完成值`). Its cells replace the
    /// header's in their columns, and the columns are worked out again.
    mutating func extendHeader(with line: TextLine) -> Bool {
        guard rows.isEmpty, !line.nonEmpty.isEmpty,
              line.nonEmpty.allSatisfy({ TabularIndicatorReader.role(ofHeader: $0.key) != nil }) else { return false }
        var cells = header.cells
        for c in line.nonEmpty {
            while cells.count <= c.index { cells.append(Cell(text: "", range: c.range, index: cells.count)) }
            cells[c.index] = c
        }
        self = TabularIndicatorReader(header: TextLine(number: header.number, cells: cells, indent: header.indent))
        return true
    }

    /// The column a header cell names (its text without spaces), if any.
    static func role(ofHeader t: String) -> Role? {
        if t.containsBytes("一级指标") { return .level1 }
        if t.containsBytes("二级指标") { return .level2 }
        if t.containsBytes("三级指标") { return .name }
        if t.containsBytes("实际完成") || t.containsBytes("完成值") || t.containsBytes("实际值") { return .actual }
        if t.containsBytes("指标值") || t.containsBytes("目标值") || t.sameBytes("年度目标") { return .target }
        if t.sameBytes("分值") || t.sameBytes("权重") || t.sameBytes("分数") || t.hasBytePrefix("分值") || t.hasBytePrefix("权重") { return .weight }
        if t.sameBytes("得分") || t.hasBytePrefix("得分") || t.sameBytes("自评得分") { return .score }
        if t.containsBytes("偏差") || t.containsBytes("改进措施") { return .deviation }
        if t.containsBytes("指标性质") || t.sameBytes("性质") || t.containsBytes("指标方向") { return .nature }
        if t.containsBytes("度量单位") || t.containsBytes("计量单位") || t.sameBytes("单位") { return .unit }
        if t.sameBytes("序号") { return .serial }
        return nil
    }

    @inline(__always) func column(_ role: Role) -> Int? {
        let c = columnByRole[role.rawValue]
        return c < 0 ? nil : c
    }

    mutating func take(_ line: TextLine) {
        let cells = line.cells
        // Each cell is parsed once: its kind places it, its measure becomes the value. Texts
        // are read through the cells' addresses (`cells[i].text` copies the whole cell).
        // The lists of the last row are reused for their room (one allocation per table, not
        // two per row), and given back when the row is read.
        var measures: [Measure] = [], kinds: [CellKind] = []
        swap(&measures, &measureRoom)
        swap(&kinds, &kindRoom)
        measures.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        defer {
            measureRoom = measures
            kindRoom = kinds
        }
        measures.reserveCapacity(cells.count)
        kinds.reserveCapacity(cells.count)
        cells.withUnsafeBufferPointer { b in
            for i in 0..<b.count {
                let text = b.baseAddress![i].text
                if text.isEmpty {
                    measures.append(.empty)
                    kinds.append(.empty)
                } else {
                    let m = Measure.parse(text)
                    measures.append(m)
                    kinds.append(CellKind.of(text, measure: m))
                }
            }
        }
        // What the row holds, counted without building lists.
        var filled = 0, texts = 0, firstText = -1, hasValue = false, labelsOnly = true
        for (i, k) in kinds.enumerated() where k != .empty {
            filled += 1
            if k == .text { texts += 1; if firstText < 0 { firstText = i } }
            if k == .bareNumber || k == .quantity { hasValue = true }
            if !k.isLabel { labelsOnly = false }
        }
        if filled == 0 { return }
        // Labels only: they set the merged 一级/二级 for the rows below. A fragment of a
        // wrapped name (one piece of text, no values) sets its labels and waits for the rest.
        let nameFragment = !hasValue && texts == 1 && filled - texts <= 2
        if labelsOnly || nameFragment {
            for (i, k) in kinds.enumerated() where k.isLabel {
                setLabel(cells.text(at: i), range: cells[i].range, kind: k, inLevel1Column: cells.position(at: i) == column(.level1))
            }
            if nameFragment { namePrefix.append(cells[firstText]) }
            return
        }
        let shift = bestShift(cells, kinds)
        func index(_ role: Role) -> Int? {
            guard let base = column(role) else { return nil }
            let i = base + shift
            guard i >= 0, i < cells.count, !cells[i].isEmpty else { return nil }
            return i
        }
        func cell(_ role: Role) -> Cell? { index(role).map { cells[$0] } }
        // A cell is used when some role's column, shifted, is its own.
        func used(_ i: Int) -> Bool { columnByRole.contains { $0 >= 0 && $0 + shift == i } }
        // Labels, and text standing in a label column (a name written one column left).
        var names: [Cell] = []
        // With text in the 三级 column, text in a label column is a label the vocabulary does
        // not know (`预算执行情况` / `预算执行率` / `预算执行率`), not a second name: when no label
        // of the row is known, or when it is the name again. (Beside a known label, two texts
        // are two names, the second's values on the next line: `成本指标  资金分配合理性
        // 支出方向符合度`.)
        var nameIndex: Int?, knownLabel = false
        if let n = index(.name), kinds[n] == .text { nameIndex = n }
        if let i = index(.level1), kinds[i].isLabel { knownLabel = true }
        if let i = index(.level2), kinds[i].isLabel { knownLabel = true }
        for role in [Role.level1, .level2] {
            guard let i = index(role) else { continue }
            let c = cells[i], k = kinds[i]
            if k.isLabel {
                let rowHasLevel2 = index(.level2).map { kinds[$0] == .level2Label || kinds[$0] == .eitherLabel } ?? false
                setLabel(c.text, range: c.range, kind: k, inLevel1Column: role == .level1, rowHasLevel2: rowHasLevel2)
            } else if let n = nameIndex, k == .text, !knownLabel || cells.text(at: i).compacted.sameBytes(cells.text(at: n).compacted) {
                setLabel(c.text, range: c.range, kind: role == .level1 ? .level1Label : .level2Label, inLevel1Column: role == .level1)
            } else {
                names.append(c)
            }
        }
        if let n = index(.name) { names.append(cells[n]) }
        // Stray cells outside every column are kept as text of the deviation column.
        var stray: [Cell] = []
        for i in kinds.indices where kinds[i] != .empty && !used(i) { stray.append(cells[i]) }

        var nameCell: Cell?
        if let first = names.first {
            nameCell = first
            spareNames.append(contentsOf: names.dropFirst())
        } else if !spareNames.isEmpty {
            nameCell = spareNames.removeFirst()
        }
        if !namePrefix.isEmpty {
            let joinedText = namePrefix.map(\.text).joined() + (nameCell?.text ?? "")
            let range = namePrefix.map(\.range).reduce(nameCell?.range ?? namePrefix[0].range) { $0.union($1) }
            nameCell = Cell(text: joinedText, range: SourceRange(start: namePrefix[0].range.start, end: range.end), index: namePrefix[0].index)
            namePrefix.removeAll()
        }
        // Indices rather than optional cells: an optional Cell is copied through type metadata.
        let weightIndex = index(.weight), scoreIndex = index(.score)
        func number(_ role: Role) -> Field<ExactDecimal>? {
            guard let i = index(role), case .quantity(let q) = measures[i], q.comparator == nil else { return nil }
            return Field(raw: cells[i].text, value: q.value, range: cells[i].range)
        }
        let weightField = number(.weight), scoreField = number(.score)
        let targetField: Field<Measure>?, actualField: Field<Measure>?
        if index(.nature) == nil && index(.unit) == nil {
            targetField = index(.target).map { Field(raw: cells[$0].text, value: measures[$0], range: cells[$0].range) }
            actualField = index(.actual).map { Field(raw: cells[$0].text, value: measures[$0], range: cells[$0].range) }
        } else {
            let (target, actual) = TabularIndicatorReader.withNatureAndUnit(target: cell(.target), actual: cell(.actual), nature: cell(.nature), unit: cell(.unit))
            targetField = target.map { Field(raw: $0.text, value: Measure.parse($0.text), range: $0.range) }
            actualField = actual.map { Field(raw: $0.text, value: Measure.parse($0.text), range: $0.range) }
        }
        var deviationCells = stray
        if let d = index(.deviation) { deviationCells.append(cells[d]) }
        deviationCells.sort { $0.index < $1.index }
        let rowRange = line.range
        if nameCell == nil {
            issues.append(ParseIssue(kind: .unparsedRow, message: Message(
                en: "indicator row has no 三级指标 name", zh: "该指标行没有三级指标名称"), range: rowRange))
        }
        let name = nameCell.map { Field(raw: $0.text, value: $0.text.compacted, range: $0.range) }
            ?? Field(raw: "", value: "", range: SourceRange(line: line.number, column: 1, length: 0))
        var deviation: Field<String>?
        if let f = deviationCells.first, let l = deviationCells.last {
            let text = deviationCells.map(\.text).joined(separator: " ")
            deviation = Field(raw: text, value: text, range: f.range.union(l.range))
        }
        rows.append(IndicatorRow(
            level1: level1, level2: level2, name: name,
            target: targetField, actual: actualField,
            weight: weightField, score: scoreField,
            deviation: deviation, range: rowRange, level1Weight: level1Weight))
        // A blank mark (`—`, `/`) is an empty cell, reported as missing by the checks.
        if let w = weightIndex, weightField.isNone, !FlowIndicatorReader.isBlank(cells[w].text) { badNumber(cells[w], "分值") }
        if let s = scoreIndex, scoreField.isNone, !FlowIndicatorReader.isBlank(cells[s].text) { badNumber(cells[s], "得分") }
    }

    mutating func finish() {
        for c in namePrefix + spareNames {
            issues.append(ParseIssue(kind: .unparsedRow, message: Message(
                en: "indicator name \"\(c.text)\" has no row of values", zh: "指标名称“\(c.text)”没有对应的数值行"), range: c.range))
        }
        namePrefix.removeAll()
        spareNames.removeAll()
    }

    private mutating func badNumber(_ c: Cell, _ what: String) {
        issues.append(ParseIssue(kind: .badNumber, message: BadNumber.message(c.text, what), range: c.range))
    }

    /// A 一级 label and the weight it prints; the same label filled down without its weight
    /// keeps the weight printed above it.
    private mutating func setLevel1(_ label: String, printing weight: Field<ExactDecimal>?) {
        if weight != nil || label != level1 { level1Weight = weight }
        level1 = label
    }

    private mutating func setLabel(_ text: String, range: SourceRange, kind: CellKind, inLevel1Column: Bool, rowHasLevel2: Bool = false) {
        let label = Vocabulary.normalizedLabel(text)
        switch kind {
        case .level1Label:
            setLevel1(label, printing: Vocabulary.labelWeight(text, range: range))
            level2 = nil
        case .level2Label:
            level2 = label
            // A 二级 label printed before its 一级 (shifted rows) still belongs to its family.
            if let family = Vocabulary.level1(forLevel2: label), let current = level1, current != family {
                level1 = family
                level1Weight = nil
            }
        case .eitherLabel:
            // 成本指标: first level only in the 一级 column with a 二级 label beside it or no 一级 yet.
            if inLevel1Column && (rowHasLevel2 || level1 == nil) {
                setLevel1(label, printing: Vocabulary.labelWeight(text, range: range))
                level2 = nil
            } else {
                level2 = label
            }
        default: break
        }
    }

    /// Templates with 指标性质 (`≥`, `=`, `定性`) and 度量单位 (`%`, `件`) columns: the operator
    /// joins the target, the unit joins target and actual when they print a bare number.
    static func withNatureAndUnit(target: Cell?, actual: Cell?, nature: Cell?, unit: Cell?) -> (Cell?, Cell?) {
        guard nature != nil || unit != nil else { return (target, actual) }
        let op = nature.map { $0.text.compacted } ?? ""
        let isOperator = !op.isEmpty && Measure.leadingComparator(Substring(op).unicodeScalars) != nil && op.unicodeScalars.count <= 2
        let u = unit?.text.trimmingSpaces() ?? ""
        func bare(_ c: Cell) -> Bool { if case .quantity(let q) = Measure.parse(c.text) { return q.unit.isEmpty } ; return false }
        let suffix = unitSuffix(u)
        var t = target, a = actual
        if var c = t, case .quantity(let q) = Measure.parse(c.text) {
            if isOperator && q.comparator == nil { c.text = op + c.text }
            if !u.isEmpty && q.unit.isEmpty { c.text += suffix }
            t = c
        }
        if var c = a, !u.isEmpty, bare(c) {
            c.text += suffix
            a = c
        }
        return (t, a)
    }

    /// A 度量单位 as it joins a figure: a unit that starts with a figure (`100%` for a ratio of 1)
    /// goes in brackets, as the template prints it in one cell (`=1(100%)`): joined bare it would
    /// make `1100%`.
    static func unitSuffix(_ u: String) -> String {
        u.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } == true ? "(" + u + ")" : u
    }

    /// The shift in -3...3 whose placement of cells fits the columns best (0 on ties).
    func bestShift(_ cells: [Cell], _ kinds: [CellKind]) -> Int {
        var best = 0
        var bestScore = -Double.infinity
        let nonEmpty = kinds.reduce(0) { $0 + ($1 == .empty ? 0 : 1) }
        for shift in [0, -1, 1, -2, 2, -3, 3] {
            var score = 0.0
            var covered = 0
            for role in Role.allCases {
                guard let c = column(role) else { continue }
                let i = c + shift
                let kind: CellKind = (i >= 0 && i < kinds.count) ? kinds[i] : .empty
                if kind != .empty { covered += 1 }
                score += TabularIndicatorReader.fit(role, kind)
            }
            // Cells no column takes count against the shift.
            score -= 2.5 * Double(nonEmpty - covered)
            if score > bestScore + 1e-9 {
                bestScore = score
                best = shift
            }
        }
        return best
    }

    static func fit(_ role: Role, _ kind: CellKind) -> Double {
        switch (role, kind) {
        case (.level1, .empty), (.level2, .empty), (.deviation, .empty): return 0
        case (.name, .empty), (.target, .empty): return -1
        case (.actual, .empty): return -0.5
        case (.weight, .empty): return -2
        case (.score, .empty): return -1
        case (.level1, .level1Label), (.level1, .eitherLabel), (.level2, .level2Label), (.level2, .eitherLabel): return 2
        case (.level1, .level2Label): return -0.5
        case (.level2, .level1Label): return -1
        case (.level1, .text), (.level2, .text): return -1
        case (.level1, _), (.level2, _): return -3
        case (.name, .text): return 2
        case (.name, .bareNumber): return -2
        case (.name, _): return -1
        case (.target, .quantity), (.actual, .quantity): return 1.5
        case (.target, .bareNumber), (.actual, .bareNumber): return 1
        case (.target, .text), (.actual, .text): return 0.5
        case (.target, _), (.actual, _): return -1
        case (.weight, .bareNumber), (.score, .bareNumber): return 3
        case (.weight, .quantity), (.score, .quantity): return -2
        case (.weight, _), (.score, _): return -3
        case (.deviation, .text): return 0.5
        case (.deviation, .bareNumber): return -1
        case (.deviation, _): return -0.5
        case (.nature, .empty), (.unit, .empty): return 0
        case (.nature, .text), (.unit, .text): return 0.5
        case (.nature, _), (.unit, _): return -1
        case (.serial, _): return 0
        }
    }
}
