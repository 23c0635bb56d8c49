/// Table rows whose cells are centred on the row, in text extracted from a PDF without
/// positions (pdfplumber, PyMuPDF, a reading-order dump): a cell wrapped over two lines stands
/// with one half on the line over the row's line and the other half on the line under it.
///
///     年度资金 10.0
///     13.20 13.20 13.20 10.00 100.00
///     总额 0
///
/// reads as `年度资金总额 13.20 13.20 13.20 10.00 100.00 10.00`, and
///
///     辅助用工到岗 100.00( 10.0
///     产出指标 =100(%) 10.00
///     率 %) 0
///
/// as `产出指标 辅助用工到岗率 =100(%) 100.00(%) 10.00 10.00`.
///
/// The line over and the line under must hold the same number of pieces, and each pair must
/// be one cell's two halves: words over words, or a figure cut at the column's edge
/// (`10.0` over `0`, `100.00(` over `%)`). The joined cells go in among the row's own by what
/// they are, as the template orders its columns: level labels, then words (the name, a target
/// in words), then a target with its operator, a figure with a unit (an actual), bare figures
/// (weights, scores: the row's own first, as the narrow score column is the one that wraps),
/// and last words after a figure (the deviation analysis).
///
/// Pairs of words join anything, so a three-line window is taken for such a row only on
/// evidence: a figure cut in two, or two halves that make a word of the template (`年度资金`
/// over `总额`, `满意度指` over `标`, `执行率` over `(%)`). Once a form has shown such a row,
/// its other rows with figures are taken on the pairing alone (`辅助用工到岗` over `及时性`).
/// Lines with a blank line between them are never joined: a dump that parts every line
/// with a blank line (the seed forms) is left as it is; nor are lines set in columns (two
/// spaces or more between cells), which are read by their columns.
struct CentredRows {
    /// Lines held until the next one tells whether they are a row's three lines.
    private var held: [TextLine] = []
    /// Whether this form has shown a centred row (see above).
    private var seen = false

    /// Takes the next line of a form (blank lines included); `emit` gets the lines to read,
    /// in order, three lines of a centred row as one. `inTable` says whether the reader is in
    /// the funding or indicator table, where rows are.
    /// `rateColumn` (the 执行率 column's place in the funding header) is asked only for a
    /// funding row so read.
    mutating func take(_ line: TextLine, inTable: Bool, rateColumn: @autoclosure () -> Int?, emit: (TextLine) -> Void) {
        if line.isBlank {
            flush(emit)
            emit(line)
            return
        }
        held.append(line)
        guard held.count == 3 else { return }
        if inTable, let one = merged(held[0], held[1], held[2], rateColumn: rateColumn()) {
            held.removeAll(keepingCapacity: true)
            emit(one)
        } else {
            emit(held.removeFirst())
        }
    }

    /// Hands on the lines still held.
    mutating func flush(_ emit: (TextLine) -> Void) {
        for line in held { emit(line) }
        held.removeAll(keepingCapacity: true)
    }

    /// The three lines as one row, or nil.
    mutating func merged(_ over: TextLine, _ row: TextLine, _ under: TextLine, rateColumn: @autoclosure () -> Int? = nil) -> TextLine? {
        var rowCells = row.nonEmpty
        var a = over.nonEmpty
        let b = under.nonEmpty
        // As many pieces over as under (see `pairs`), or one more: a section's label.
        guard rowCells.count >= 2, !b.isEmpty, a.count == b.count || a.count == b.count + 1 else { return nil }
        // Text set in columns (two spaces or more between cells) is read by its columns.
        guard !ColumnGrid<Never>.hasWideGap(over), !ColumnGrid<Never>.hasWideGap(row), !ColumnGrid<Never>.hasWideGap(under) else { return nil }
        // A section's label merged down beside its rows and centred on them (`项目资金` over
        // `（万元）`) stands first on the line over, before the row's own cells.
        var lead: [Cell] = []
        if a.count == b.count + 1, CentredRows.isSectionLabel(a[0].key) {
            lead.append(a.removeFirst())
        }
        guard var (joined, evidence) = CentredRows.pairs(a, b) else { return nil }
        // A label over three lines has its middle on the row's line (`其中：当` / `年财政拨` /
        // `款`): taken in when the three make a word of the template.
        for i in joined.indices where !ColumnGrid<Never>.startsWithFigure(a[i].text) && !CentredRows.isTemplateWord(joined[i].text) {
            if let k = rowCells.firstIndex(where: { !ColumnGrid<Never>.startsWithFigure($0.text) && CentredRows.isTemplateWord(a[i].text + $0.text + b[i].text) }) {
                joined[i] = Cell(text: a[i].text + rowCells[k].text + b[i].text, range: joined[i].range, index: i)
                rowCells.remove(at: k)
                evidence = true
            }
        }
        let figures = rowCells.countTexts(where: ColumnGrid<Never>.startsWithFigure)
        let isHeader = rowCells.countTexts(where: { FundingColumn.recognise($0) != nil }) >= 3
        guard figures >= 1 || isHeader else { return nil }
        guard evidence || (seen && figures >= 2) else { return nil }
        seen = true
        let number = over.number, indent = min(over.indent, row.indent)
        let namesFundingRow = { (c: Cell) in FundingRowKind.recognise(c.text) != nil }
        // The indicators' total (`100.0` / `合计  98.00  优` / `0`): 合计 also names a funding
        // row, but that has more figures than one and its wrapped one.
        let isTotal = CentredRows.isTotal(rowCells, figures: figures, wrapped: joined)
        if !isHeader, !isTotal, joined.contains(where: namesFundingRow) || rowCells.contains(where: namesFundingRow) {
            return CentredRows.fundingRow(lead: lead, row: rowCells, wrapped: joined, rateColumn: rateColumn(), number: number, indent: indent)
        }
        if isTotal { return CentredRows.total(lead: lead, row: rowCells, wrapped: joined, number: number, indent: indent) }
        return CentredRows.interleave(lead: lead, row: rowCells, wrapped: joined, header: isHeader, number: number, indent: indent)
    }

    /// The label of a section merged down beside its rows: 项目资金, 资金投入, 绩效指标.
    static func isSectionLabel(_ key: String) -> Bool { Vocabulary.isFundingLabel(key) || key.sameBytes("绩效指标") }

    /// The pieces of the line over joined with those of the line under, in order, and whether
    /// one pair is evidence (see above); nil when they do not pair.
    static func pairs(_ a: [Cell], _ b: [Cell]) -> (cells: [Cell], evidence: Bool)? {
        guard !a.isEmpty, a.count == b.count, a.count <= 8 else { return nil }
        // A line with two figures of its own is a row, not a row's halves (rows one per line).
        guard a.countTexts(where: CellKind.isBareNumber) <= 1, b.countTexts(where: CellKind.isBareNumber) <= 1 else { return nil }
        var cells: [Cell] = []
        cells.reserveCapacity(a.count)
        var evidence = false
        for i in a.indices {
            let top = a[i].text, bottom = b[i].text
            if ColumnGrid<Never>.startsWithFigure(top) {
                // A figure cut at its column's edge: a short tail that makes it one figure. The
                // top fills its column, which is not one or two characters wide (`4` over `4`
                // are two rows' weights, a form not filled in).
                guard top.unicodeScalars.count >= Piece.cutFigureMinimum, bottom.unicodeScalars.count <= 4, isFigureTail(bottom),
                      case .quantity = Measure.parse(top + bottom) else { return nil }
                evidence = true
            } else {
                // Two labels of their own (`可持续影响指标` over `满意度指标`) are two cells.
                guard !ColumnGrid<Never>.startsWithFigure(bottom), !(isTemplateWord(top) && isTemplateWord(bottom)) else { return nil }
                if !evidence, isTemplateWord(top + bottom) { evidence = true }
            }
            guard let piece = Piece.join([Piece(text: top, range: a[i].range), Piece(text: bottom, range: b[i].range)][...]) else { return nil }
            cells.append(Cell(text: piece.text, range: a[i].range, index: i))
        }
        return (cells, evidence)
    }

    /// A word of the template: a funding row's label, a funding header's word, a level label.
    static func isTemplateWord(_ text: String) -> Bool {
        FundingRowKind.recognise(text) != nil || FundingColumn.recognise(text) != nil || Vocabulary.isLevelLabel(text)
    }

    /// The end of a figure cut at its column's edge: digits (`0`), or a unit's closing part
    /// (`%`, `%)`, `人)`), not words (`提升`).
    static func isFigureTail(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) { return true }
        return text.hasByteSuffix("%") || text.hasByteSuffix("％") || text.hasByteSuffix(")") || text.hasByteSuffix("）")
    }

    /// Whether the three lines are the indicators' total: its label first, one figure of its
    /// own and one wrapped around it.
    static func isTotal(_ row: [Cell], figures: Int, wrapped: [Cell]) -> Bool {
        guard let first = row.first, Vocabulary.isTotalLabel(first.key), figures == 1, wrapped.count == 1 else { return false }
        return CellKind.isBareNumber(wrapped[0].text)
    }

    /// The total's line with its wrapped figure put in: which of its two figures wrapped does
    /// not tell which is the 分值 (the first template wraps the 得分, `98.0` / `总分  100.00` /
    /// `0`; another the 分值, `100.0` / `合计  98.00` / `0`), but the weights' total is 100 and
    /// the score is not above it: 100 goes first when the other is below it, else the wrapped
    /// figure goes after the row's own.
    static func total(lead: [Cell], row: [Cell], wrapped: [Cell], number: Int, indent: Int) -> TextLine {
        func value(_ c: Cell) -> ExactDecimal? { Measure.parse(c.text).quantity.flatMap { $0.comparator == nil ? $0.value : nil } }
        var cells = lead + row
        let own = cells.firstIndex { CellKind.isBareNumber($0.text) }!
        let hundred = ExactDecimal(100)
        let first = value(wrapped[0]).map { $0.compare(hundred) == 0 } == true && value(cells[own]).map { $0.compare(hundred) < 0 } == true
        cells.insert(wrapped[0], at: first ? own : own + 1)
        for i in cells.indices { cells[i].index = i }
        return TextLine(number: number, cells: cells, indent: indent)
    }

    /// The row's cells and the joined ones merged in the order of the template's columns.
    static func interleave(lead: [Cell], row: [Cell], wrapped: [Cell], header: Bool, number: Int, indent: Int) -> TextLine {
        let rowRanks = ranks(row, header: header), wrappedRanks = ranks(wrapped, header: header)
        var out: [Cell] = lead
        out.reserveCapacity(lead.count + row.count + wrapped.count)
        // A row whose 指标性质 stands on its line (`定性  有效  5.00  5.00`, the name and the actual
        // wrapped around it): the wrapped words after the name are the actual, after the target,
        // or, when the line has its target, actual, 分值 and 得分 (four figures), the analysis.
        let hasNature = !header && row.contains { Piece.isNature($0.text) }
        let laterWords = row.count { ColumnGrid<Never>.startsWithFigure($0.text) } >= 4 ? Rank.after : Rank.actual
        var wrappedWords = 0
        var i = 0, j = 0
        while i < row.count || j < wrapped.count {
            let takeWrapped: Bool
            if i == row.count { takeWrapped = true } else if j == wrapped.count { takeWrapped = false } else {
                let r = rowRanks[i]
                let w = hasNature && wrappedWords > 0 && wrappedRanks[j] == Rank.words ? laterWords : wrappedRanks[j]
                // Words: the wrapped one first (the longer text, a name); figures: the row's own.
                takeWrapped = w < r || (w == r && w <= Rank.words)
            }
            var cell = takeWrapped ? wrapped[j] : row[i]
            if takeWrapped && wrappedRanks[j] == Rank.words { wrappedWords += 1 }
            cell.index = out.count
            out.append(cell)
            if takeWrapped { j += 1 } else { i += 1 }
        }
        return TextLine(number: number, cells: out, indent: indent)
    }

    /// A funding row: the labels, then the row's own figures with the wrapped ones put in: a
    /// rate (`80.00` over `%`) where the header has 执行率, others after the row's own (the
    /// narrow 得分 column is the one that wraps: `10.0` over `0`).
    static func fundingRow(lead: [Cell], row: [Cell], wrapped: [Cell], rateColumn: Int?, number: Int, indent: Int) -> TextLine {
        let isFigure = { (c: Cell) in ColumnGrid<Never>.startsWithFigure(c.text) }
        var out = lead
        out += row.filter { !isFigure($0) && Piece.isBracketedUnit($0.text) }
        out += wrapped.filter { !isFigure($0) }
        out += row.filter { !isFigure($0) && !Piece.isBracketedUnit($0.text) }
        var figures = row.filter(isFigure)
        var after: [Cell] = []
        for c in wrapped where isFigure(c) {
            if let r = rateColumn, r <= figures.count, c.text.hasByteSuffix("%") || c.text.hasByteSuffix("％") {
                figures.insert(c, at: r)
            } else {
                after.append(c)
            }
        }
        out += figures + after
        for k in out.indices { out[k].index = k }
        return TextLine(number: number, cells: out, indent: indent)
    }

    /// What a cell is, in the order the template's columns stand.
    enum Rank {
        static let level = 0, words = 1, target = 2, actual = 3, figure = 4, after = 5
    }

    static func ranks(_ cells: [Cell], header: Bool) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(cells.count)
        var afterFigure = false
        for c in cells {
            let t = c.text
            if header {
                // A funding header: its words by the template's order.
                out.append(FundingColumn.recognise(t).map { 10 + $0.ordinal } ?? Rank.words)
                continue
            }
            if ColumnGrid<Never>.startsWithFigure(t) {
                afterFigure = true
                if Measure.leadingComparator(t.unicodeScalars[...]) != nil { out.append(Rank.target) } else { out.append(CellKind.isBareNumber(t) ? Rank.figure : Rank.actual) }
            } else if afterFigure {
                out.append(Rank.after)
            } else {
                // A level label, and the money unit of a section label beside the rows.
                out.append(Vocabulary.isLevelLabel(t) || Piece.isBracketedUnit(t) ? Rank.level : Rank.words)
            }
        }
        return out
    }
}
