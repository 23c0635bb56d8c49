/// Reading a flow table by column, when its header stands in columns aligned with spaces
/// (`pdftotext -layout`, a table typed in an editor): each piece of a line is the cell of the
/// header column it stands under, so an empty 实际完成值 or 得分 is seen as empty instead of
/// the next cell moving into its place.
///
/// A line with a number under 分值 or 得分 is a row's line; the lines around it that hold the
/// parts of its cells that wrapped go with it (see `WrappedRows`), and its cells are joined
/// column by column.
///
/// The table's lines wait until its end, when they show whether they stand in the header's
/// columns. When they do not (a header that only happened to have wide spaces, a dump with
/// two spaces between all its words), every line is read as a flow line.
extension FlowIndicatorReader {
    typealias Role = TabularIndicatorReader.Role
    /// A line read by column: its pieces by column, those under no named column, and whether
    /// it is a row's line (see `columnCells`).
    typealias ColumnLine = (cells: ColumnCells, unnamed: [Piece], isRow: Bool)

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
        // No indicator table is this long: the lines of an absurd one are not all held (the
        // memory would grow with the file), they are read as flow lines as they come.
        if heldLines.count > FlowIndicatorReader.maxHeldLines {
            grid = nil
            let lines = heldLines
            heldLines = []
            for l in lines { take(l) }
        }
    }

    /// The last held line when it is a figure alone, cut at its column's edge (three characters
    /// or more): the top of a figure centred on the line that comes next (`98.0` over `总分`).
    mutating func takeTrailingFigure() -> Cell? {
        guard grid != nil, let last = heldLines.last, last.nonEmpty.count == 1, case let c = last.nonEmpty[0],
              Piece.isCutFigure(c.text) else { return nil }
        heldLines.removeLast()
        return c
    }

    /// Lines of a table held to be read by column, at most.
    static let maxHeldLines = 2_000

    /// Reads the held table by column when its lines stand in the header's columns: each places
    /// under them, and each line a flow line would take for a row (a run of numbers) has a
    /// number under 分值 or 得分 there. Else every held line is read as a flow line.
    mutating func finishColumns() {
        guard var grid else { return }
        let lines = heldLines
        heldLines = []
        var fits = FlowIndicatorReader.usableGrid(grid)
        var chunked = lines.map { ColumnGrid<Role>.chunks(of: $0) }
        for chunks in chunked { grid.settle(chunks) }
        // Words of two label columns one space apart (`经济效益指 定点机构政`: a 二级指标 and a
        // name that fill their narrow columns) are two cells.
        let settled = grid
        for (i, line) in lines.enumerated() where chunked[i].count < line.nonEmpty.count {
            chunked[i] = ColumnGrid<Role>.chunks(of: line, joined: chunked[i]) { _, parts in FlowIndicatorReader.standInLabelColumns(parts, settled) }
        }
        var read: [ColumnLine] = []
        for (line, chunks) in zip(lines, chunked) where fits {
            guard let columns = grid.place(chunks) else { fits = false; break }
            read.append(FlowIndicatorReader.columnCells(chunks, columns, grid))
            if !read[read.count - 1].isRow && FlowIndicatorReader.numberRun(line.nonEmpty) != nil { fits = false }
        }
        guard fits, read.contains(where: \.isRow) else {
            self.grid = nil
            for line in lines { take(line) }
            return
        }
        self.grid = grid
        FlowIndicatorReader.keepWrappedFiguresInRows(&read)
        readByColumn(read, lineNumbers: lines.map(\.number))
    }

    /// A figure wrapped in a narrow 得分 column (`10.0` over `0`) is centred over and under the
    /// 分值 of its row, as pdftotext -layout writes a centred cell: a line with a number under
    /// 得分 alone next to a line with one under 分值 is part of that line's row, not a row.
    static func keepWrappedFiguresInRows(_ lines: inout [ColumnLine]) {
        // Asks only of cells, which demoting a line leaves as they are: one pass.
        func hasWeight(_ i: Int) -> Bool { lines.indices.contains(i) && lines[i].cells[.weight].map { TokenKind($0.text) == .number } == true }
        for i in lines.indices where lines[i].isRow && lines[i].cells[.weight] == nil && (hasWeight(i - 1) || hasWeight(i + 1)) {
            lines[i].isRow = false
        }
    }

    /// The cells of the table's rows from its lines read by column: each line goes to its row
    /// (see `WrappedRows`), and a row's pieces join column by column in line order.
    private mutating func readByColumn(_ lines: [ColumnLine], lineNumbers: [Int]) {
        let texts: [Role] = [.name, .target, .actual, .deviation]
        // The widest piece in each column: a wrapped cell's lines are about as wide.
        var widest = [Int](repeating: 0, count: Role.allCases.count)
        for line in lines { for r in Role.allCases { if let p = line.cells[r] { widest[r.rawValue] = max(widest[r.rawValue], p.width) } } }
        let isRow = lines.map(\.isRow)
        // A line goes on from a row when each of its pieces goes on from the row's last piece
        // in its column (a label's too): that one fills the column (as wide as its widest, but
        // for a character that did not fit) without ending a sentence, and this one is not wider.
        func fills(_ p: Piece, _ r: Role) -> Bool { p.width >= widest[r.rawValue] - 1 && !p.text.hasByteSuffix("。") }
        // Lines of nothing but level labels (`数量指标`, `产出指标  质量指标`) belong to no row's
        // cells: merged down beside several rows, a label is centred on them. They are left
        // out when the lines are shared between rows (a row centred on its line would count
        // one as a line of its own above it, and take as many of the next row's below), and go
        // with the row before them.
        func labelsOnly(_ line: ColumnLine) -> Bool {
            !line.isRow && line.unnamed.isEmpty && (line.cells[.level1] != nil || line.cells[.level2] != nil)
                && Role.allCases.allSatisfy { $0 == .level1 || $0 == .level2 || line.cells[$0] == nil }
        }
        let rowLines = lines.indices.filter { !labelsOnly(lines[$0]) }
        // Whether a blank line stands before each line.
        let blankBefore = lines.indices.map { $0 > 0 && lineNumbers[$0] > lineNumbers[$0 - 1] + 1 }
        func owners(centred: Bool) -> [Int] {
            let sub = rowLines.map { isRow[$0] }
            // A blank line between two of the lines kept, wherever it stands between them.
            func parted(_ j: Int) -> Bool { j > 0 && (rowLines[j - 1] + 1...rowLines[j]).contains { blankBefore[$0] } }
            let kept = WrappedRows.owners(isRow: sub, centred: centred, parted: parted) { j, rows in
                let i = rowLines[j]
                // A figure under 分值 or 得分 goes on from the row above only as the rest of a
                // figure cut at the column's edge (`10.0` over `0`); else it is a piece of the
                // next row's, wrapped around that row's line (`5.00` on the row's line, then
                // `10.0` over the next row's `10.00`).
                for r in [Role.weight, .score] {
                    guard let p = lines[i].cells[r] else { continue }
                    guard let last = rows.reversed().lazy.compactMap({ lines[rowLines[$0]].cells[r] }).first,
                          Piece.isCutFigure(last.text, rest: p.text) else { return false }
                }
                return ([Role.level1, .level2] + texts).allSatisfy { r in
                    guard let p = lines[i].cells[r] else { return true }
                    guard let last = rows.reversed().lazy.compactMap({ lines[rowLines[$0]].cells[r] }).first else { return false }
                    return fills(last, r) && p.width <= last.width + 2
                }
            }
            // Back to every line: a label line goes with the line kept before it (a label
            // centred beside several rows stands below the first of them), or with the next
            // when none is before it or a blank line (a row's border) parts them.
            var owner = [Int](repeating: 0, count: lines.count)
            var j = 0
            for i in lines.indices {
                while j < rowLines.count && rowLines[j] < i { j += 1 }
                if j < rowLines.count && rowLines[j] == i { owner[i] = kept[j]; continue }
                let bordered = j > 0 && (rowLines[j - 1] + 1...i).contains { blankBefore[$0] }
                owner[i] = j > 0 && (!bordered || j == rowLines.count) ? kept[j - 1] : j < kept.count ? kept[j] : (kept.last ?? 0)
            }
            return owner
        }
        // Cells set at the top or centred: the reading in which fewer cells break the way text
        // is set. A wrapped cell's lines fill its column but its last (one point when not); set
        // at the top a cell starts on its row's line, centred it crosses that line (two points
        // when not: a short line may be a line break typed in the cell, this may not).
        func breaks(_ owner: [Int], top: Bool) -> Int {
            var count = 0
            for row in WrappedRows.rows(owner) {
                let anchor = row.first { isRow[$0] }
                for r in texts {
                    let with = row.filter { lines[$0].cells[r] != nil }
                    for k in with.dropLast() where !fills(lines[k].cells[r]!, r) { count += 1 }
                    if let a = anchor, let f = with.first, let l = with.last, top ? f != a : (f > a || l < a) { count += 2 }
                }
            }
            return count
        }
        let top = owners(centred: false), centred = owners(centred: true)
        let owners = top == centred || breaks(top, top: true) <= breaks(centred, top: false) ? top : centred
        for row in WrappedRows.rows(owners) { readRow(lines[row], lineNumbers: lineNumbers[row]) }
    }

    /// One row from its lines: labels first, then each column's pieces joined; what has no
    /// place in the row goes to its deviation analysis.
    private mutating func readRow(_ lines: ArraySlice<ColumnLine>, lineNumbers: ArraySlice<Int>) {
        var extra: [Piece] = []
        // The row's 一级 label before its 二级 one, whichever line each starts on. Text the
        // vocabulary does not know, alone in a label column beside a named row, is the row's
        // label (`预算执行情况`), not text for the row above's analysis; but not the table's
        // 绩效指标 label, nor the end of a known label broken over lines (`标`).
        let named = lines.contains { $0.cells[.name] != nil }
        for r in [Role.level1, .level2] {
            var unknown: [Piece] = [], known = false
            for line in lines {
                guard let p = line.cells[r] else { continue }
                if labels.accept(p.text) { known = true } else { unknown.append(p) }
            }
            if named, !known, let label = Piece.join(unknown[...]), unknown.allSatisfy({ labels.isUnknownPiece($0.text) }) {
                labels.setUnknown(label.text, level1: r == .level1)
            } else {
                extra += unknown
            }
        }
        for line in lines { extra += line.unnamed.filter { !FormReader.indicatorHeaderFragments.contains($0.text.compacted) } }
        // A 序号 column's numbers are no part of the row; anything else there is kept.
        for line in lines { if let p = line.cells[.serial], TokenKind(p.text) != .number { extra.append(p) } }
        guard let anchor = lines.firstIndex(where: \.isRow) else {
            // Every line goes to a row with a row's line (`WrappedRows`); should one not, its
            // text goes to the last row's analysis rather than nowhere.
            for line in lines { for r in [Role.name, .target, .actual, .deviation, .weight, .score, .nature, .unit] { if let p = line.cells[r] { extra.append(p) } } }
            attachToPrevious(extra)
            return
        }
        func joined(_ r: Role) -> Piece? { Piece.join(lines.compactMap { $0.cells[r] }[...]) }
        func cell(_ p: Piece?) -> Cell? { p.map { Cell(text: $0.text, range: $0.range, index: 0) } }
        var slots = Slots()
        slots.name = joined(.name)
        slots.target = joined(.target)
        slots.actual = joined(.actual)
        // 指标性质 (`≥`, `定性`) and 度量单位 (`%`, `人`) in columns of their own join the target
        // and the actual, as in a table with cells.
        let nature = joined(.nature), unit = joined(.unit)
        if nature != nil || unit != nil {
            let (t, a) = TabularIndicatorReader.withNatureAndUnit(target: cell(slots.target), actual: cell(slots.actual), nature: cell(nature), unit: cell(unit))
            slots.target = t.map { Piece(text: $0.text, range: $0.range) }
            slots.actual = a.map { Piece(text: $0.text, range: $0.range) }
        }
        // 分值 and 得分 from the row's line; a figure wrapped over the lines around it (`10.0`
        // over `0`) joins when the row's line has none there and the pieces make a number.
        var figures: [Role: Piece] = [:], joinedAround: [Role] = []
        for r in [Role.weight, .score] {
            if let p = lines[anchor].cells[r] {
                figures[r] = p
            } else if let p = joined(r), TokenKind(p.text) == .number {
                figures[r] = p
                joinedAround.append(r)
            }
        }
        // Other lines' pieces under those columns, but for a figure so joined, have no place.
        for (k, line) in zip(lines.indices, lines) where k != anchor {
            for r in [Role.weight, .score] where !joinedAround.contains(r) {
                if let p = line.cells[r] { extra.append(p) }
            }
        }
        appendRow(slots, weight: cell(figures[.weight]), score: cell(figures[.score]),
                  deviation: joined(.deviation), lineNumber: lineNumbers[anchor])
        attachToPrevious(extra)
    }

    /// A line's pieces by column, and whether they make a row: a number under 分值 or 得分, and
    /// nothing but a number or a blank under the other.
    static func columnCells(_ chunks: [ColumnGrid<Role>.Chunk], _ columns: [Int], _ grid: ColumnGrid<Role>) -> ColumnLine {
        var cells = ColumnCells()
        var unnamed: [Piece] = []
        var lastActual: Piece?, actualBefore: Piece?
        for (chunk, i) in zip(chunks, columns) {
            let piece = Piece(text: chunk.text, range: chunk.range)
            guard var role = grid.columns[i].role else { unnamed.append(piece); continue }
            // A number first under the deviation analysis, just past the narrow 分值 and 得分
            // columns, is the score when one of those is empty (pdftotext moved the row's
            // numbers right of the middle of the gaps): the two numbers are 分值 then 得分.
            if role == .deviation, cells[.deviation] == nil, cells[.weight] == nil || cells[.score] == nil, TokenKind(piece.text) == .number {
                if let score = cells[.score] { cells.move(score, to: .weight) }
                role = .score
            }
            // Two numbers under one of 分值 and 得分 and none under the other are 分值 then 得分:
            // pdftotext squeezed the header's words left of the figures (`权重 得分` over `20   20`).
            if role == .score, cells[.weight] == nil, let s = cells[.score], TokenKind(s.text) == .number, TokenKind(piece.text) == .number {
                cells.move(s, to: .weight)
            } else if role == .weight, cells[.score] == nil, let w = cells[.weight], TokenKind(w.text) == .number, TokenKind(piece.text) == .number {
                role = .score
            }
            if role == .actual { lastActual = piece; actualBefore = cells[.actual] }
            // An operator or 定性 alone just left of the 指标性质 column, under the name's, is
            // that column's.
            if role == .name, grid.column(of: .nature) != nil, cells[.nature] == nil, Piece.isNature(piece.text) {
                cells.add(piece, as: .nature)
                continue
            }
            // So is one a space after the name on its line (`辅助用工人数 =`: pdftotext left one
            // space where the name filled its column).
            if role == .name, grid.column(of: .nature) != nil, let (name, nature) = FlowIndicatorReader.splitTrailingNature(piece) {
                cells.add(name, as: .name)
                cells.add(nature, as: .nature)
                continue
            }
            cells.add(piece, as: role)
        }
        // The same on the left: a number last under 实际完成值, after its words, is the weight
        // when 分值 is empty and 得分 holds one (`达成指标 5.00  5.00`: pdftotext moved the first
        // 5.00 left, under the actual).
        if cells[.weight] == nil, let s = cells[.score], TokenKind(s.text) == .number, let p = lastActual, TokenKind(p.text) == .number,
           let before = actualBefore, TokenKind(before.text) != .number {
            cells.move(p, to: .weight)
            cells.restore(before, as: .actual)
        }
        // A qualitative row moved one column left (pdftotext squeezed it): its actual under
        // 度量单位, 分值 under the actual, 得分 under 分值 (`定性  建立健全  达成指标 10.00 9.00`).
        if cells[.score] == nil, cells[.nature].map({ $0.text.compacted.sameBytes("定性") }) == true,
           let u = cells[.unit], ColumnGrid<Role>.isWords(u.text), u.text.unicodeScalars.count >= 3,
           let a = cells[.actual], TokenKind(a.text) == .number, let w = cells[.weight], TokenKind(w.text) == .number {
            cells.move(w, to: .score)
            cells.move(a, to: .weight)
            cells.move(u, to: .actual)
        }
        let weight = cells[.weight].map { TokenKind($0.text) }, score = cells[.score].map { TokenKind($0.text) }
        let isRow = (weight == .number || score == .number) && weight != .other && score != .other
        return (cells, unnamed, isRow)
    }

    /// Whether the words of a chunk stand in two label columns or more (一级指标, 二级指标, the
    /// name), each under one.
    static func standInLabelColumns(_ parts: [ColumnGrid<Role>.Chunk], _ grid: ColumnGrid<Role>) -> Bool {
        guard parts.allSatisfy({ ColumnGrid<Role>.isWords($0.text) }), let placed = grid.place(parts) else { return false }
        let roles = placed.map { grid.columns[$0].role }
        return Set(placed).count > 1 && roles.allSatisfy { $0 == .level1 || $0 == .level2 || $0 == .name }
            && zip(parts, placed).allSatisfy { grid.standsUnderTitle($0, column: $1) }
    }

    /// A piece that ends in an operator or 定性/定量 after a space, cut before it; nil when it
    /// does not.
    static func splitTrailingNature(_ piece: Piece) -> (Piece, Piece)? {
        let text = piece.text
        guard let space = text.utf8.lastIndex(of: 0x20) else { return nil }
        let head = text[..<space], tail = String(text[text.index(after: space)...])
        guard !head.isEmpty, Piece.isNature(tail) else { return nil }
        let n = tail.unicodeScalars.count, end = piece.range.end
        let natureRange = SourceRange(start: SourceLocation(line: end.line, column: end.column - n), end: end)
        let nameRange = SourceRange(start: piece.range.start, end: SourceLocation(line: end.line, column: end.column - n - 1))
        return (Piece(text: String(head), range: nameRange), Piece(text: tail, range: natureRange))
    }

    /// A line's pieces by the role of their column; two pieces in one column are one cell.
    struct ColumnCells {
        private var pieces = [Piece?](repeating: nil, count: Role.allCases.count)

        subscript(_ r: Role) -> Piece? { pieces[r.rawValue] }

        /// Puts `p`, the piece under one column, under an empty column `r` instead.
        mutating func move(_ p: Piece, to r: Role) {
            for i in pieces.indices where pieces[i]?.range == p.range { pieces[i] = nil }
            pieces[r.rawValue] = p
        }

        /// Sets column `r`'s pieces back to `p`, what it held before the last was added.
        mutating func restore(_ p: Piece, as r: Role) { pieces[r.rawValue] = p }

        mutating func add(_ p: Piece, as r: Role) {
            if let q = pieces[r.rawValue] {
                pieces[r.rawValue] = Piece(text: q.text + " " + p.text, range: q.range.union(p.range))
            } else {
                pieces[r.rawValue] = p
            }
        }
    }
}
