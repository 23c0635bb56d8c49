/// Reading a flow table by column, when its header stands in columns aligned with spaces
/// (`pdftotext -layout`, a table typed in an editor): each piece of a line is the cell of the
/// header column it stands under, so an empty 实际完成值 or 得分 is seen as empty instead of
/// the next cell moving into its place.
///
/// A line with a number under 分值 or 得分 is a row. Pieces on the lines between two rows are
/// cells that wrapped: in each column they first finish the last row's cell while that cell's
/// lines are as wide as the column's widest (a wrapped line fills its column), and the rest
/// begin the next row's cell (a PDF centres a short cell beside a tall one, so a tall cell
/// starts above its row's numbers).
///
/// The table's lines wait until its end, when they show whether they stand in the header's
/// columns. When they do not (a header that only happened to have wide spaces, a dump with
/// two spaces between all its words), every line is read as a flow line.
extension FlowIndicatorReader {
    typealias Role = TabularIndicatorReader.Role

    /// Columns a row needs before the table is read by column.
    static func usableGrid(_ grid: ColumnGrid<Role>) -> Bool {
        grid.column(of: .name) != nil && grid.column(of: .weight) != nil && grid.column(of: .score) != nil
    }

    /// Whether a line of a row has been read (or is waiting to be): header pieces come before.
    var sawRow: Bool { !rows.isEmpty || sawRowLine }

    /// Holds a line of a table that may be read by column: the whole table waits, and is read
    /// by column at its end if every line stands in the header's columns (see `finishColumns`).
    mutating func holdForColumns(_ line: TextLine) {
        if !sawRowLine, FlowIndicatorReader.numberRun(line.nonEmpty) != nil { sawRowLine = true }
        heldLines.append(line)
    }

    /// Reads the held table by column when its lines stand in the header's columns: each places
    /// under them, and each line a flow line would take for a row (a run of numbers) has a
    /// number under 分值 or 得分 there. Else every held line is read as a flow line.
    mutating func finishColumns() {
        guard var grid else { return }
        let lines = heldLines
        heldLines = []
        var fits = FlowIndicatorReader.usableGrid(grid)
        var placed: [[ColumnGrid<Role>.Chunk]] = []
        var rowsByColumn = 0
        for line in lines where fits {
            let chunks = ColumnGrid<Role>.chunks(of: line)
            grid.settle(chunks)
            placed.append(chunks)
        }
        for (line, chunks) in zip(lines, placed) where fits {
            guard let columns = grid.place(chunks) else { fits = false; break }
            let isRow = FlowIndicatorReader.columnCells(chunks, columns, grid).isRow
            if isRow { rowsByColumn += 1 }
            if !isRow && FlowIndicatorReader.numberRun(line.nonEmpty) != nil { fits = false }
        }
        if !fits || rowsByColumn == 0 {
            self.grid = nil
            for line in lines { take(line) }
            return
        }
        self.grid = grid
        for (line, chunks) in zip(lines, placed) { takeByColumn(chunks, columns: grid.place(chunks)!, line: line.number) }
        guard !columnPending.isEmpty else { return }
        // Lines after the last row: the rest of its cells, as far as they go on, then its analysis.
        var slots = Slots(), deviation: Piece?
        placePending(&slots, deviation: &deviation)
        attachToPrevious([slots.name, slots.target, slots.actual, deviation].compactMap { $0 })
    }

    /// A line's pieces by column, and whether they make a row: a number under 分值 or 得分, and
    /// nothing but a number or a blank under the other.
    static func columnCells(_ chunks: [ColumnGrid<Role>.Chunk], _ columns: [Int], _ grid: ColumnGrid<Role>)
        -> (cells: ColumnCells, unnamed: [Piece], isRow: Bool) {
        var cells = ColumnCells()
        var unnamed: [Piece] = []
        for (chunk, i) in zip(chunks, columns) {
            let piece = Piece(text: chunk.text, range: chunk.range)
            if let role = grid.columns[i].role { cells.add(piece, as: role) } else { unnamed.append(piece) }
        }
        let weight = cells[.weight].map { TokenKind($0.text) }, score = cells[.score].map { TokenKind($0.text) }
        let isRow = (weight == .number || score == .number) && weight != .other && score != .other
        return (cells, unnamed, isRow)
    }

    /// Reads one line by column: a row when it has its numbers, else pieces of the cells around.
    private mutating func takeByColumn(_ chunks: [ColumnGrid<Role>.Chunk], columns: [Int], line: Int) {
        guard let grid else { return }
        let (cells, unnamed, isRow) = FlowIndicatorReader.columnCells(chunks, columns, grid)
        for r in [Role.name, .target, .actual, .deviation] { if let p = cells[r] { widest[r.rawValue] = max(widest[r.rawValue], p.width) } }
        // Level labels, whole or in pieces; the vertical 绩效指标 beside the header is no cell.
        for r in [Role.level1, .level2] {
            if let p = cells[r], !labels.accept(p.text) { columnPending.append((r, p)) }
        }
        for p in unnamed where !FormReader.indicatorHeaderFragments.contains(p.text.compacted) { columnPending.append((nil, p)) }
        guard isRow else {
            for r in [Role.name, .target, .actual, .deviation, .weight, .score, .nature, .unit] {
                if let p = cells[r] { columnPending.append((r, p)) }
            }
            return
        }
        var slots = Slots()
        slots.name = cells[.name]
        slots.target = cells[.target]
        slots.actual = cells[.actual]
        var deviation = cells[.deviation]
        placePending(&slots, deviation: &deviation)
        // The column's pieces end a cell when they are narrower than its widest.
        func wide(_ p: Piece?, _ r: Role) -> Bool { p.map { $0.width >= widest[r.rawValue] - 2 } ?? false }
        for r in [Role.name, .target, .actual, .deviation] { lastRowWide[r.rawValue] = wide(cells[r], r) }
        func cell(_ p: Piece?) -> Cell? { p.map { Cell(text: $0.text, range: $0.range, index: 0) } }
        appendRow(slots, weight: cell(cells[.weight]), score: cell(cells[.score]), deviation: deviation, lineNumber: line)
    }

    /// Gives the pieces waiting since the last row to the cells they wrapped from: the last
    /// row's while its cell went on, then the new row's (before the piece on its line).
    private mutating func placePending(_ slots: inout Slots, deviation: inout Piece?) {
        guard !columnPending.isEmpty else { return }
        let waiting = columnPending
        columnPending.removeAll()
        var leftOver: [Piece] = []
        for (k, r) in [(0, Role.name), (1, .target), (2, .actual), (3, .deviation)] {
            var open = !rows.isEmpty && lastRowWide[r.rawValue]
            var head: [Piece] = []
            for (role, p) in waiting where role == r {
                if open {
                    extendLastRow(r, with: p)
                    open = p.width >= widest[r.rawValue] - 2
                } else {
                    head.append(p)
                }
            }
            guard !head.isEmpty else { continue }
            let current = k == 3 ? deviation : slots[k]
            let joined = Piece.join((head + (current.map { [$0] } ?? []))[...])
            if k == 3 { deviation = joined } else { slots[k] = joined }
        }
        for (role, p) in waiting where role == nil || ![Role.name, .target, .actual, .deviation].contains(role!) { leftOver.append(p) }
        attachToPrevious(leftOver)
    }

    /// The last row's cell in column `r` goes on with `piece`.
    private mutating func extendLastRow(_ r: Role, with piece: Piece) {
        guard !rows.isEmpty else { return }
        let i = rows.count - 1
        func joined(_ f: Field<some Sendable & Hashable>) -> Piece { Piece.join([Piece(text: f.raw, range: f.range), piece][...])! }
        switch r {
        case .name:
            let p = rows[i].name.raw.isEmpty ? piece : joined(rows[i].name)
            rows[i].name = Field(raw: p.text, value: p.text.compacted, range: p.range)
        case .target:
            let p = rows[i].target.map(joined) ?? piece
            rows[i].target = Field(raw: p.text, value: Measure.parse(p.text), range: p.range)
        case .actual:
            let p = rows[i].actual.map(joined) ?? piece
            rows[i].actual = Field(raw: p.text, value: Measure.parse(p.text), range: p.range)
        default:
            attachToPrevious([piece])
            return
        }
        rows[i].range = rows[i].range.union(piece.range)
    }

    /// A line's pieces by the role of their column; two pieces in one column are one cell.
    struct ColumnCells {
        private var pieces = [Piece?](repeating: nil, count: Role.allCases.count)

        subscript(_ r: Role) -> Piece? { pieces[r.rawValue] }

        mutating func add(_ p: Piece, as r: Role) {
            if let q = pieces[r.rawValue] {
                pieces[r.rawValue] = Piece(text: q.text + " " + p.text, range: q.range.union(p.range))
            } else {
                pieces[r.rawValue] = p
            }
        }
    }
}
