/// The funding table of a flow layout when its header stands in columns aligned with spaces
/// (`pdftotext -layout`; see `ColumnGrid`): each value is the cell of the header column it
/// stands under, so an empty 分值 does not move 执行率 into its place.
///
/// Before the first row, a line of pieces under the header's words goes on with them (`年初预算`
/// over `数`). The rows' lines are held until the table ends; a line with two values or more is
/// a row's line, and the lines around it are shared between rows as their cells are centred on
/// them (`WrappedRows`): a row's label joins its pieces over and under its line (`其中：当` /
/// `年财政拨` / `款`), and a figure cut at a column's edge joins (`10.0` over `0`). When no line
/// has two values, a label's pieces join the values after them, and those after while the label
/// fills its column. A line whose pieces do not stand in the header's columns (a label under a
/// figure's column, two figures under one) ends reading by column: it and the lines after it
/// are read as flow lines.
extension FormReader {
    /// Reads the funding table by column from here on when `header` stands in aligned columns.
    mutating func alignFunding(_ header: TextLine) {
        guard layout == .flow else { return }
        // The rows of a table read so far are read before another header starts one.
        readHeldFunding()
        fundingGrid = ColumnGrid(header: header, minimumColumns: 3, role: FundingColumn.recognise)
        // Header words over the header's line where it has none (`执行率`): columns of their own.
        if let above = fundingHeaderAbove, fundingGrid != nil {
            fundingHeaderAbove = nil
            // Left as it was when the line does not stand in its columns.
            if fundingGrid!.extend(with: above, above: true, fits: FormReader.fitsFundingHeader) { renameFundingColumns() }
        }
    }

    /// A piece of a funding header word, or a short title that names a column (`执行率(%)`),
    /// not two words.
    static func fitsFundingHeader(_ t: String) -> Bool {
        let bare = withoutPercent(t)
        if isPieceOfFundingHeaderWord(bare) { return true }
        guard FundingColumn.recognise(t) != nil else { return false }
        let scalars = Array(bare.unicodeScalars)
        guard scalars.count <= 7 else { return false }
        func text(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }
        // Not the pieces of two header words run together (`调整后` `预算执行`), two characters each.
        return !stride(from: 2, through: scalars.count - 2, by: 1).contains { k in
            isPieceOfFundingHeaderWord(text(scalars[..<k])) && isPieceOfFundingHeaderWord(text(scalars[k...]))
        }
    }

    /// Whether `bare` (no `(%)`) is part of a funding header word, or a short one. Not
    /// `isFundingHeaderPiece`, which asks for a word's start.
    private static func isPieceOfFundingHeaderWord(_ bare: String) -> Bool {
        !bare.isEmpty && fundingHeaderWords.contains { $0.containsBytes(bare) } || ["分值", "得分", "权重", "分数"].contains { $0.sameBytes(bare) }
    }

    /// Whether `t` is a whole funding header word (`预算执行率(%)`, `分值`).
    static func isFundingHeaderWord(_ t: String) -> Bool {
        let bare = withoutPercent(t)
        return fundingHeaderWords.contains { $0.sameBytes(bare) } || ["分值", "得分", "权重", "年初预算", "全年预算"].contains { $0.sameBytes(bare) }
    }

    /// `t` without a `(%)` ending (`率(%)` is a piece of 预算执行率).
    static func withoutPercent(_ t: String) -> String {
        for p in ["(%)", "（%）", "(％)", "（％）"] where t.hasByteSuffix(p) { return String(t.utf8.dropLast(p.utf8.count))! }
        return t
    }

    /// Builds the funding grid from the held header lines when none named three columns: the
    /// line that names most (of those naming as many, the one with most pieces) is the header's
    /// line, the others join it over and under it as pieces of its cells, or as cells of their
    /// own (see `ColumnGrid.extend`). False, the lines given back to the header, when the grid
    /// does not name three columns.
    mutating func alignFundingBlock() -> Bool {
        let block = fundingHeaderBlock.map(\.line)
        guard layout == .flow, block.count >= 2 else { return false }
        func named(_ l: TextLine) -> Int { l.nonEmpty.countTexts { FundingColumn.recognise($0) != nil } }
        let base = block.indices.max { a, b in (named(block[a]), block[a].nonEmpty.count) < (named(block[b]), block[b].nonEmpty.count) }!
        guard var grid = ColumnGrid(header: block[base], minimumColumns: 1, role: FundingColumn.recognise) else { return false }
        for i in block.indices.reversed() where i < base {
            guard grid.extend(with: block[i], above: true, fits: FormReader.fitsFundingHeader, whole: FormReader.isFundingHeaderWord) else { return false }
        }
        for i in block.indices where i > base {
            guard grid.extend(with: block[i], fits: FormReader.fitsFundingHeader, whole: FormReader.isFundingHeaderWord) else { return false }
        }
        let roles = grid.columns.compactMap(\.role)
        guard Set(roles).count >= 3, Set(roles).count == roles.count, grid.columns.count == roles.count else { return false }
        fundingGrid = grid
        renameFundingColumns()
        fundingHeaderBlock = []
        fundingHeaderAbove = nil
        return true
    }

    /// The header lines held as funding header pieces, back to the header's values, as they were
    /// read before pieces were held, when they make no funding header.
    mutating func giveBackDivertedLines() {
        guard !fundingHeaderBlock.isEmpty else { return }
        let block = fundingHeaderBlock
        fundingHeaderBlock = []
        for (l, diverted) in block where diverted { if !takeHeader(l) { unparsed(l) } }
    }

    /// The columns named again from the grid's whole header (`全年执行` + `数`, `执行率` over
    /// the header's line).
    mutating func renameFundingColumns() {
        fundingColumns = []
        for column in fundingGrid!.columns {
            let title = column.title.compacted
            noteMoneyUnit(title)
            guard let role = column.role, !fundingColumns.contains(role) else { continue }
            fundingColumns.append(role)
            if role == .rate && FormReader.namesPercent(title) { rateInPercent = true }
        }
    }

    /// Reads a funding line by column; false when the table is not (or no longer) read so.
    mutating func takeFundingByColumn(_ line: TextLine) -> Bool {
        guard fundingGrid != nil else { return false }
        let chunks = ColumnGrid<FundingColumn>.chunks(of: line)
        // A row's label that stands before the figures only when counted in characters settles
        // the count: words under a figure's column are not a count that fits.
        if chunks.count > 1, !FormReader.isFundingValue(chunks[0].text), fundingGrid!.labelNeedsCharacters(chunks[0]) {
            fundingGrid!.settleInCharacters()
        }
        fundingGrid!.settle(chunks)
        let grid = fundingGrid!
        guard let placed = grid.place(chunks) else { readHeldFunding(); fundingGrid = nil; return false }
        var label: [Cell] = []
        var values = [Cell?](repeating: nil, count: fundingColumns.count)
        // In a table with a column of notes after the figures (Sichuan's 原因), text right of
        // every figure's column is a piece of the note wrapped beside the rows: no label's.
        let lastNamed = fundingHasNotes ? grid.columns.lastIndex(where: { $0.role != nil }) : nil
        for (chunk, i) in zip(chunks, placed) {
            let cell = Cell(text: chunk.text, range: chunk.range, index: i)
            if let lastNamed, i > lastNamed, !FormReader.isFundingValue(chunk.text) { continue }
            // Text left of the figures' columns is a row's label, however far it reaches; the
            // end of a label's weight note wrapped onto a row's line (`预算执行情况(10` / `分)`)
            // is not.
            if !FormReader.isFundingValue(chunk.text), grid.standsBeforeNamedColumns(chunk) {
                if FormReader.isWeightNoteTail(chunk.text.compacted) { continue }
                label.append(cell)
            } else if let column = grid.columns[i].role {
                guard let k = fundingColumns.firstIndex(of: column), values[k] == nil,
                      FundingRowKind.recognise(chunk.text) == nil else { readHeldFunding(); fundingGrid = nil; return false }
                values[k] = cell
            } else {
                guard !FormReader.isFundingValue(chunk.text) else { readHeldFunding(); fundingGrid = nil; return false }
                label.append(cell)
            }
        }
        // The header broken over lines (`项目资金 (万元` above `)`, `年初预算` above `数`), before
        // any row: no figures, each piece under its column's header text.
        if fundingRows.isEmpty, fundingValues.isEmpty, fundingLabel.isEmpty, fundingHeld.isEmpty,
           !chunks.contains(where: { FormReader.isFundingValue($0.text) }),
           zip(chunks, placed).allSatisfy({ grid.standsUnderTitle($0, column: $1) }), fundingGrid!.extend(with: line) {
            renameFundingColumns()
            return true
        }
        fundingHeld.append(HeldFundingLine(label: label, values: values, number: line.number, blankBefore: blankBefore))
        // No funding table is this long: the lines of an absurd one are read as they come, so
        // that memory does not grow with the file.
        if fundingHeld.count >= FlowIndicatorReader.maxHeldLines { readHeldFunding() }
        return true
    }

    /// Reads the held lines of a funding table set in columns into rows (see above).
    mutating func readHeldFunding() {
        var held = fundingHeld
        fundingHeld.removeAll()
        guard !held.isEmpty else { return }
        if let again = FormReader.placedByFigures(held, columns: fundingColumns.count) { held = again }
        FormReader.joinFiguresCutAroundRows(&held)
        func count(_ i: Int) -> Int { held[i].values.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
        // A row's line holds two values or more. A line beside it whose values all stand where
        // it has none holds the pieces of its figures cut at a column's edge (`659,510.1` and
        // `86.75` over `554,560.00  760,256.80  10  8.68`), not a row of its own.
        func fillsGaps(_ i: Int, of j: Int) -> Bool {
            guard held.indices.contains(j), abs(i - j) == 1, !held[max(i, j)].blankBefore, count(j) > count(i) else { return false }
            return held[i].values.indices.allSatisfy { held[i].values[$0] == nil || held[j].values[$0] == nil }
        }
        let isRow = held.indices.map { count($0) >= 2 && !fillsGaps($0, of: $0 - 1) && !fillsGaps($0, of: $0 + 1) }
        guard isRow.contains(true) else {
            for line in held { takeHeldInTurn(line) }
            return
        }
        let widest = held.lazy.flatMap(\.label).map { DisplayWidth.of($0.text) }.max() ?? 0
        // The next line goes on from a row when it is more of its label: no values, and the
        // row's label so far fills its column.
        func fills(_ c: Cell) -> Bool { DisplayWidth.of(c.text) >= widest - 2 }
        func owners(centred: Bool) -> [Int] {
            WrappedRows.owners(isRow: isRow, centred: centred, parted: { held[$0].blankBefore }) { i, rows in
                guard count(i) == 0, !held[i].label.isEmpty else { return false }
                guard let last = rows.reversed().lazy.compactMap({ held[$0].label.last }).first else { return false }
                return fills(last)
            }
        }
        // Labels set at the top of their rows or centred on them: the reading in which fewer
        // labels break the way text is set (as `FlowIndicatorReader.readByColumn` chooses): a
        // wrapped label's lines fill its column but its last, and it starts on its row's line
        // (set at the top) or crosses it (centred).
        func breaks(_ owner: [Int], top: Bool) -> Int {
            var n = 0
            for rows in WrappedRows.rows(owner) {
                let with = rows.filter { !held[$0].label.isEmpty }
                let pieces = with.flatMap { held[$0].label }
                n += pieces.dropLast().filter { !fills($0) }.count
                if let a = rows.first(where: { isRow[$0] }), let f = with.first, let l = with.last, top ? f != a : (f > a || l < a) { n += 2 }
            }
            return n
        }
        let top = owners(centred: false), centred = owners(centred: true)
        let owner = top == centred || breaks(top, top: true) <= breaks(centred, top: false) ? top : centred
        var built: [(label: [Cell], values: [Cell])] = []
        func flushBuilt() {
            FormReader.moveLabelPieces(&built)
            for row in built {
                flushFundingRow()
                fundingLabel = row.label
                for c in fundingLabel { fundingWidestLabel = max(fundingWidestLabel, DisplayWidth.of(c.text)) }
                fundingValues = row.values
                flushFundingRow()
            }
            built = []
        }
        for rows in WrappedRows.rows(owner) {
            guard let anchor = rows.first(where: { isRow[$0] }) else {
                flushBuilt()
                for i in rows { takeHeldInTurn(held[i]) }
                continue
            }
            var joined = Set<Int>()
            let values: [Cell] = held[anchor].values.indices.map { k in
                if let v = held[anchor].values[k] { return v }
                // A figure cut at the column's edge, its pieces over and under the row's line.
                let pieces = rows.compactMap { held[$0].values[k] }.map { Piece(text: $0.text, range: $0.range) }
                // A unit may be its rest (`80.00` over `%`).
                if pieces.count >= 2, pieces[0].text.unicodeScalars.count >= Piece.cutFigureMinimum, let p = Piece.join(pieces[...]),
                   FormReader.isFundingValue(p.text) {
                    joined.insert(k)
                    return Cell(text: p.text, range: p.range, index: k)
                }
                return Cell(text: "", range: SourceRange(line: held[anchor].number, column: 1, length: 0), index: 0)
            }
            // Another line's value that is no piece of a cut figure has no place in the row.
            for i in rows where i != anchor {
                for (k, v) in held[i].values.enumerated() where v != nil && !joined.contains(k) {
                    unparsed(TextLine(number: held[i].number, cells: [v!], indent: 0))
                }
            }
            built.append((rows.flatMap { held[$0].label }, values))
        }
        flushBuilt()
    }

    /// Figures cut at their column's edge around a row's line, as many as the row has or more
    /// (`554,560.0  760,256.8  659,510.1  86.75` / `年度资金总额  10  8.68` / `0  0  9  %`),
    /// joined into that line first: every value of the line over it is the top of a figure
    /// whose rest stands under it on the line below, where nothing else stands, and neither
    /// has a value in a column the row's line has one. Lines left with no label and no values
    /// are dropped; a label stays on its line.
    static func joinFiguresCutAroundRows(_ held: inout [HeldFundingLine]) {
        func count(_ i: Int) -> Int { held[i].values.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
        var j = 1
        while j + 1 < held.count {
            let top = j - 1, rest = j + 1
            let pairs = held[top].values.indices
            guard count(j) >= 2, count(top) > 0, !held[j].blankBefore, !held[rest].blankBefore,
                  pairs.allSatisfy({ k in
                      switch (held[top].values[k], held[rest].values[k]) {
                      case (nil, nil): return true
                      case let (t?, r?): return held[j].values[k] == nil && isCutFundingFigure(top: t.text, rest: r.text)
                      default: return false
                      }
                  }) else { j += 1; continue }
            for k in pairs {
                guard let t = held[top].values[k], let r = held[rest].values[k] else { continue }
                let p = Piece.join([Piece(text: t.text, range: t.range), Piece(text: r.text, range: r.range)][...])!
                held[j].values[k] = Cell(text: p.text, range: p.range, index: k)
                held[top].values[k] = nil
                held[rest].values[k] = nil
            }
            let emptied = [rest, top].filter { held[$0].label.isEmpty }
            for i in emptied { held.remove(at: i) }
            j += emptied.contains(top) ? 1 : 2
        }
    }

    /// Whether `top` over `rest` is a funding figure cut at its column's edge, its rest a unit
    /// maybe (`448,000.0` over `0`, `80.00` over `%`).
    /// Unlike `Piece.isCutFigure`, the rest may be a unit.
    static func isCutFundingFigure(top: String, rest: String) -> Bool {
        top.unicodeScalars.count >= Piece.cutFigureMinimum && isFundingValue(top + rest)
    }

    /// The held lines' values placed again by where the table's figures stand, when they stand
    /// in as many columns apart as the header has: the `k`-th such column is the header's `k`-th.
    /// pdftotext squeezes a line of CJK words, so a header set over several lines may stand
    /// columns left of its figures (`分值` at 49 and `预算执` at 52, their figures `10` at 52 and
    /// `80.00` at 58), and each figure placed under the header cell it overlaps lands one on.
    /// Nil when they do not (a column empty in every row, figures of two columns overlapping).
    static func placedByFigures(_ held: [HeldFundingLine], columns: Int) -> [HeldFundingLine]? {
        var spans: [(start: Int, end: Int)] = []
        for line in held { for v in line.values { if let v { spans.append((v.range.start.column, v.range.end.column)) } } }
        guard columns >= 3, spans.count >= columns else { return nil }
        spans.sort { $0.start < $1.start }
        // Columns of figures: spans that overlap, in order.
        var figureColumns: [(start: Int, end: Int)] = []
        for s in spans {
            if let last = figureColumns.last, s.start < last.end {
                figureColumns[figureColumns.count - 1].end = max(last.end, s.end)
            } else {
                figureColumns.append(s)
            }
        }
        guard figureColumns.count == columns else { return nil }
        var again = held
        for i in again.indices {
            var values = [Cell?](repeating: nil, count: columns)
            for v in held[i].values {
                guard let v else { continue }
                guard let k = figureColumns.firstIndex(where: { $0.start <= v.range.start.column && v.range.start.column < $0.end }),
                      values[k] == nil else { return nil }
                values[k] = Cell(text: v.text, range: v.range, index: k)
            }
            again[i].values = values
        }
        return again
    }

    /// Label pieces moved between two rows so that both labels name a row (年度资金总额,
    /// 其中：当年财政拨款): a label over three lines centred on a row of one line has pieces on
    /// both sides of the border the lines were shared at (`年度资金` `总额` `其中` over
    /// `当年财政拨款`).
    static func moveLabelPieces(_ rows: inout [(label: [Cell], values: [Cell])]) {
        // A label that ends in 其中 (or 其) holds the start of the next row's (`其中：当年财政拨款`).
        func names(_ cells: some Collection<Cell>) -> Bool {
            let t = cells.map(\.text).joined().compacted
            return FundingRowKind.recognise(t) != nil && !["其", "其中", "其中：", "其中:"].contains { t.hasByteSuffix($0) }
                && !t.hasBytePrefix("中：") && !t.hasBytePrefix("中:")
        }
        for r in rows.indices.dropLast() {
            let a = rows[r].label, b = rows[r + 1].label
            guard !(names(a) && names(b)) else { continue }
            // The border moved back (pieces of the first go to the second) or on.
            for k in 1...max(1, min(2, a.count)) where k < a.count && names(a.dropLast(k)) && names(a.suffix(k) + b) {
                rows[r].label = Array(a.dropLast(k)); rows[r + 1].label = Array(a.suffix(k) + b)
                break
            }
            if names(rows[r].label) && names(rows[r + 1].label) { continue }
            for k in 1...max(1, min(2, b.count)) where k < b.count && names(a + b.prefix(k)) && names(b.dropFirst(k)) {
                rows[r].label = a + b.prefix(k); rows[r + 1].label = Array(b.dropFirst(k))
                break
            }
        }
    }

    /// One held line read after the one before it: a label's pieces before a row's values join
    /// its label; after them they start the next row's label, unless the label wrapped and goes
    /// on (its last piece fills its column).
    private mutating func takeHeldInTurn(_ line: HeldFundingLine) {
        let hasValues = line.values.contains { $0 != nil }
        if !line.label.isEmpty {
            if !fundingValues.isEmpty {
                let goesOn = !hasValues && (fundingLabel.last.map { DisplayWidth.of($0.text) >= fundingWidestLabel - 2 } ?? false)
                if !goesOn { flushFundingRow() }
            }
            fundingLabel += line.label
            for c in line.label { fundingWidestLabel = max(fundingWidestLabel, DisplayWidth.of(c.text)) }
        }
        if hasValues {
            if !fundingValues.isEmpty { flushFundingRow() }
            fundingValues = line.values.map { $0 ?? Cell(text: "", range: SourceRange(line: line.number, column: 1, length: 0), index: 0) }
        }
    }
}

/// A line of a funding table read by column, held until the table ends (see
/// `FormReader.readHeldFunding`).
struct HeldFundingLine {
    var label: [Cell]
    var values: [Cell?]
    var number: Int
    /// Whether a blank line stands before it: the border of a row.
    var blankBefore: Bool
}
