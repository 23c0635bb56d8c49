/// Columns of text aligned with spaces, as `pdftotext -layout` writes a PDF's tables and as
/// people type tables in a plain-text editor.
///
/// A header line whose cells stand two or more spaces apart sets the columns; every later line
/// is cut into chunks the same way (words one space apart stay together) and each chunk is
/// placed under the header cell it stands under. A cell left empty then shows as a column with
/// nothing under it, where cutting a line at its spaces alone loses it (`补助发放准确率  100%
/// 100%  10` and no 得分).
///
/// Positions are counted two ways, since aligners differ: in characters (pdftotext pads to a
/// grid of characters) and in display width (an editor with a CJK font gives 汉 two columns).
/// The count is settled by the first line whose chunks line up with their headers (flush
/// left, flush right or centred) clearly better in one count than in the other; until then
/// each line is placed in the count that fits it better, characters when they fit as well.
struct ColumnGrid<Role> {
    /// `start..<end` on the line, in one of the two counts.
    struct Span: Equatable {
        var start: Int, end: Int
        func overlap(_ lo: Int, _ hi: Int) -> Int { max(0, min(end, hi) - max(start, lo)) }
        /// Whether this span reaches past `other` on both sides: `2.00(人)`, pushed by
        /// pdftotext to end where the 分值 header ends, does not cover it.
        func covers(_ other: Span) -> Bool { start < other.start && other.end < end }
    }

    /// Text that stands together on a line: cells at most one space apart.
    struct Chunk {
        var text: String
        var range: SourceRange
        /// Counted in characters (Unicode scalars) and in display width.
        var chars: Span, display: Span
        var width: Int { display.end - display.start }

        func span(inDisplay: Bool) -> Span { inDisplay ? display : chars }

        /// This chunk and the next on its line as one, a space between them.
        mutating func append(_ next: Chunk) {
            text += " " + next.text
            range = range.union(next.range)
            chars.end = next.chars.end
            display.end = next.display.end
        }
    }

    struct Column {
        var role: Role?
        /// The header's text over this column (pieces of a header broken over lines joined).
        var title: String
        var chars: Span, display: Span

        func span(inDisplay: Bool) -> Span { inDisplay ? display : chars }
    }

    private(set) var columns: [Column]
    let role: (String) -> Role?
    /// Whether positions count display width (true) or characters (false); nil until a line
    /// has settled it.
    private(set) var inDisplay: Bool?

    /// A grid from a header line whose cells stand apart; nil when fewer than `minimumColumns`
    /// of its chunks name a column (a header written with single spaces is not aligned text).
    init?(header: TextLine, minimumColumns: Int, role: @escaping (String) -> Role?) {
        // Most headers are not aligned: ruled out before any text is read.
        guard ColumnGrid.hasWideGap(header) else { return nil }
        // Two header words one space apart that each name a column are two (`执行率 得分`).
        let chunks = ColumnGrid.chunks(of: header, apart: { role($0.compacted) != nil })
        var columns: [Column] = []
        var named = 0
        for c in chunks {
            let r = role(c.text.compacted)
            if r != nil { named += 1 }
            columns.append(Column(role: r, title: c.text, chars: c.chars, display: c.display))
        }
        guard named >= minimumColumns else { return nil }
        self.columns = columns
        self.role = role
    }

    /// The column of `role`, if the header names it.
    func column(of role: Role) -> Int? where Role: Equatable { columns.firstIndex { $0.role == role } }

    /// A line of a header broken over lines (`年度` above `指标值`), below the header or `above`
    /// it: each chunk joins the column it stands over or under, and the column is named again
    /// from the joined title. False when a chunk stands under no column.
    ///
    /// With `fits` (whether a title is a header's text, spaces removed), a chunk whose title
    /// would not fit goes to a column near it where it does (pdftotext moved `值` from under
    /// `实际完成` to under `年度指标值`), and a chunk that stands over or under no header text
    /// starts a column of its own: a header cell wrapped around the header's line, which left
    /// it empty (`实际完成` over `值`).
    mutating func extend(with line: TextLine, above: Bool = false) -> Bool {
        extend(with: line, above: above, fits: nil, sameRole: { _, _ in true })
    }

    /// The same, each chunk going where its title fits (see above).
    ///
    /// With `whole` (whether a title is a header cell's whole text), a chunk that stands over or
    /// under no part of a column's header text joins it only when the joined title is whole
    /// (`年度指标` and `值` moved right of it): a piece of a cell of its own (`指标` of `指标性质`,
    /// beside `三级指标`) is not joined to a neighbour because the two read on in the header.
    /// A chunk that joins no column then starts one of its own, even over another's text
    /// (pdftotext squeezed the header's lines unevenly: `预算执行` over part of `分值`).
    mutating func extend(with line: TextLine, above: Bool = false, fits: @escaping (String) -> Bool,
                         whole: ((String) -> Bool)? = nil) -> Bool where Role: Equatable {
        extend(with: line, above: above, fits: fits, whole: whole, sameRole: ==)
    }

    private mutating func extend(with line: TextLine, above: Bool, fits: ((String) -> Bool)?, whole: ((String) -> Bool)? = nil,
                                 sameRole: (Role, Role) -> Bool) -> Bool {
        let chunks = fits.map { ColumnGrid.chunks(of: line, splittingUnless: $0) } ?? ColumnGrid.chunks(of: line)
        guard let placed = place(chunks) else { return false }
        // The column each chunk joins; nil: a column of its own.
        var target: [Int?] = placed
        if let fits {
            let count = inDisplay ?? false
            func title(_ chunk: Chunk, _ i: Int) -> String { (above ? chunk.text + columns[i].title : columns[i].title + chunk.text).compacted }
            // The joined title fits, and names the column as before if it was named (`执行率`
            // over `得分` is no 得分).
            func joins(_ chunk: Chunk, _ i: Int) -> Bool {
                let t = title(chunk, i)
                guard fits(t) else { return false }
                if let whole, columns[i].span(inDisplay: count).overlap(chunk.span(inDisplay: count).start, chunk.span(inDisplay: count).end) == 0,
                   !whole(t) { return false }
                guard let before = columns[i].role, let after = role(t) else { return true }
                return sameRole(before, after)
            }
            func gap(_ a: Span, _ b: Span) -> Int { max(0, max(a.start, b.start) - min(a.end, b.end)) }
            for (k, chunk) in chunks.enumerated() where !joins(chunk, placed[k]) {
                let s = chunk.span(inDisplay: count)
                let near = columns.indices.filter { $0 != placed[k] && gap(columns[$0].span(inDisplay: count), s) <= 6 }
                    .sorted { gap(columns[$0].span(inDisplay: count), s) < gap(columns[$1].span(inDisplay: count), s) }
                if let j = near.first(where: { joins(chunk, $0) }) {
                    target[k] = j
                } else if whole != nil || !columns.contains(where: { $0.span(inDisplay: count).overlap(s.start, s.end) > 0 }) {
                    target[k] = nil
                }
            }
        }
        var added: [Column] = []
        for (chunk, i) in zip(chunks, target) {
            guard let i else {
                added.append(Column(role: role(chunk.text.compacted), title: chunk.text, chars: chunk.chars, display: chunk.display))
                continue
            }
            let c = columns[i]
            columns[i].title = above ? chunk.text + c.title : c.title + chunk.text
            columns[i].chars = Span(start: min(c.chars.start, chunk.chars.start), end: max(c.chars.end, chunk.chars.end))
            columns[i].display = Span(start: min(c.display.start, chunk.display.start), end: max(c.display.end, chunk.display.end))
            columns[i].role = role(columns[i].title.compacted)
        }
        for c in added { insertInOrder(c) }
        return true
    }

    /// A second header row under a heading merged over several columns (`指标值` over
    /// `年度指标值  实际完成值`): when every chunk of `line` names a column, each takes the place
    /// of the column of its name (its title and position), or stands as a column of its own.
    /// False, and the grid unchanged, otherwise. By name, not position: the sub-headings stand
    /// under the merged heading's neighbours as much as under it.
    mutating func subdivide(with line: TextLine) -> Bool where Role: Equatable {
        let role = self.role
        let chunks = ColumnGrid.chunks(of: line, apart: { role($0.compacted) != nil })
        let roles = chunks.map { role($0.text.compacted) }
        guard !roles.isEmpty, !roles.contains(where: { $0 == nil }) else { return false }
        for (chunk, r) in zip(chunks, roles) {
            let column = Column(role: r, title: chunk.text, chars: chunk.chars, display: chunk.display)
            if let i = columns.firstIndex(where: { $0.role == r }) {
                columns[i] = column
            } else {
                insertInOrder(column)
            }
        }
        return true
    }

    /// Adds a column where it stands on the line, before the first that starts right of it.
    private mutating func insertInOrder(_ column: Column) {
        columns.insert(column, at: columns.firstIndex { $0.chars.start > column.chars.start } ?? columns.count)
    }

    /// Whether `chunk` ends before the first column its header names starts: text left of the
    /// named columns, however far it reaches past the middle of the gap (a funding row's label
    /// under no header cell).
    func standsBeforeNamedColumns(_ chunk: Chunk) -> Bool {
        guard let first = columns.first(where: { $0.role != nil }) else { return false }
        return inSettledCount(chunk.chars.end <= first.chars.start, chunk.display.end <= first.display.start)
    }

    /// Whether a line's first chunk, the row's label, stands before the named columns counted
    /// in characters but not in display width: the line is counted in characters (pdftotext
    /// pads to a grid of characters, where a label of 汉 is half as wide as on screen).
    func labelNeedsCharacters(_ chunk: Chunk) -> Bool {
        guard let first = columns.first(where: { $0.role != nil }) else { return false }
        return chunk.chars.end <= first.chars.start && chunk.display.end > first.display.start
    }

    /// Settles the count to characters.
    mutating func settleInCharacters() { inDisplay = false }

    /// Whether `chunk`, placed under column `i`, stands over or under that column's header text
    /// (as the pieces of a header broken over lines do).
    func standsUnderTitle(_ chunk: Chunk, column i: Int) -> Bool {
        let c = columns[i]
        return inSettledCount(chunk.chars.overlap(c.chars.start, c.chars.end) > 0, chunk.display.overlap(c.display.start, c.display.end) > 0)
    }

    /// A test asked in both counts: its answer in the count settled, or in either while none is.
    private func inSettledCount(_ inChars: Bool, _ inDisplay: Bool) -> Bool {
        switch self.inDisplay {
        case true?: return inDisplay
        case false?: return inChars
        case nil: return inChars || inDisplay
        }
    }

    /// The column of each chunk, or nil when the line is not set in these columns: a chunk
    /// reaches over the whole header text of a column that is not its own (prose running across
    /// the table, or a table whose header only happened to have wide spaces).
    func place(_ chunks: [Chunk]) -> [Int]? {
        guard !chunks.isEmpty else { return [] }
        if let inDisplay { return place(chunks, inDisplay: inDisplay)?.columns }
        let inChars = place(chunks, inDisplay: false), inDisplay = place(chunks, inDisplay: true)
        let best: (columns: [Int], fit: Int)?
        switch (inChars, inDisplay) {
        case let (c?, d?): best = d.fit > c.fit ? d : c
        case let (c?, nil): best = c
        case let (nil, d?): best = d
        case (nil, nil): best = nil
        }
        return best?.columns
    }

    /// Settles the count from `chunks` when it lines them up clearly better (by four points of
    /// `alignment` or more, or when the other count does not place them at all).
    mutating func settle(_ chunks: [Chunk]) {
        guard inDisplay == nil, chunks.count >= 2 else { return }
        switch (place(chunks, inDisplay: false)?.fit, place(chunks, inDisplay: true)?.fit) {
        case let (c?, d?) where c >= d + 4: inDisplay = false
        case let (c?, d?) where d >= c + 4: inDisplay = true
        case (_?, nil): inDisplay = false
        case (nil, _?): inDisplay = true
        default: break
        }
    }

    /// How well a chunk lines up with its column's header text: 3 when its start, end or
    /// middle stands exactly where the header's does (text set flush left, flush right or
    /// centred), 2 when one column off, 1 when two off, else 0.
    static func alignment(_ s: Span, _ h: Span) -> Int {
        let off = min(abs(s.start - h.start), abs(s.end - h.end), abs((s.start + s.end) - (h.start + h.end)) / 2)
        return max(0, 3 - off)
    }

    /// Each chunk under the column whose share of the line it overlaps most (a column's share
    /// runs to halfway to the next header cell), and how well the chunks line up with their
    /// headers (the sum of `alignment`); nil when a chunk covers another column's header text.
    private func place(_ chunks: [Chunk], inDisplay: Bool) -> (columns: [Int], fit: Int)? {
        var placed: [Int] = []
        placed.reserveCapacity(chunks.count)
        var fit = 0
        for chunk in chunks {
            let s = chunk.span(inDisplay: inDisplay)
            var best = 0, bestOverlap = -1
            for i in columns.indices {
                let h = columns[i].span(inDisplay: inDisplay)
                let lo = i == 0 ? Int.min / 2 : (columns[i - 1].span(inDisplay: inDisplay).end + h.start) / 2
                let hi = i == columns.count - 1 ? Int.max / 2 : (h.end + columns[i + 1].span(inDisplay: inDisplay).start) / 2
                let o = s.overlap(lo, hi)
                if o > bestOverlap { best = i; bestOverlap = o }
            }
            // A chunk over another column's header text is no cell of one column (prose across
            // the table), unless it stands over its own column's header text and covers just one
            // other, whose header pdftotext set one space from its own (`全年执行数 分值` over
            // `659,510.19`).
            let covered = columns.indices.filter { $0 != best && s.covers(columns[$0].span(inDisplay: inDisplay)) }
            if !covered.isEmpty {
                let own = columns[best].span(inDisplay: inDisplay)
                guard covered.count == 1, s.overlap(own.start, own.end) > 0, abs(covered[0] - best) == 1,
                      columns[min(covered[0], best)].span(inDisplay: inDisplay).end + 1 >= columns[max(covered[0], best)].span(inDisplay: inDisplay).start
                else { return nil }
            }
            fit += ColumnGrid.alignment(s, columns[best].span(inDisplay: inDisplay))
            placed.append(best)
        }
        return (placed, fit)
    }

    /// Where each of the line's cells stands, in characters and in display width (汉 two
    /// columns), counted from the line's start; the spaces between cells count one column each.
    static func cellSpans(of line: TextLine) -> [(chars: Span, display: Span)] {
        var spans: [(chars: Span, display: Span)] = []
        var displayEnd = 0, charEnd = 0
        for cell in line.nonEmpty {
            let start = cell.range.start.column - 1, end = cell.range.end.column - 1
            let displayStart = displayEnd + start - charEnd
            charEnd = end
            displayEnd = displayStart + DisplayWidth.of(cell.text)
            spans.append((Span(start: start, end: end), Span(start: displayStart, end: displayEnd)))
        }
        return spans
    }

    /// A figure alone: digits with their point, separators and sign, and a percent sign.
    static func isFigure(_ text: String) -> Bool {
        text.withBytes { b in
            b.contains { $0 >= 0x30 && $0 <= 0x39 }
                && b.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C || $0 == 0x25 || $0 == 0x2D }
        }
    }

    /// Whether the text starts with a figure, after an operator or a sign if any (`10.00`,
    /// `=2(人)`, `≥90%`, `100.00(`): a value, as a row's short cells stand on its middle line.
    static func startsWithFigure(_ text: String) -> Bool {
        for s in text.unicodeScalars {
            switch s {
            case "=", "<", ">", "≥", "≤", "≧", "≦", "＝", "＜", "＞", "-", "+", "－": continue
            default: return (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0xFF10 && s.value <= 0xFF19)
            }
        }
        return false
    }

    /// Words: text without a digit that ends in a CJK character or a full-width sign
    /// (`达成指标`; not `≥`, `=`, `2023年` or `Q`).
    static func isWords(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, last.value >= 0x3400 else { return false }
        return !text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Whether two of the line's cells stand two spaces or more apart.
    static func hasWideGap(_ line: TextLine) -> Bool {
        let cells = line.nonEmpty
        var previousEnd = -1
        for i in cells.indices {
            let start = cells.read(at: i) { $0.pointee.range.start.column }
            if previousEnd >= 0, start - previousEnd >= 2 { return true }
            previousEnd = cells.read(at: i) { $0.pointee.range.end.column }
        }
        return false
    }

    /// The line's chunks (see below), a chunk of several cells cut into its cells when its text
    /// does not `fits` (spaces removed) and each of its cells does: pieces of two header cells
    /// that pdftotext left one space apart (`调整后预 预算执`, `预算数 数`).
    static func chunks(of line: TextLine, splittingUnless fits: (String) -> Bool) -> [Chunk] {
        chunks(of: line) { chunk, parts in !fits(chunk.text.compacted) && parts.allSatisfy { fits($0.text.compacted) } }
    }

    /// The line's chunks, a chunk of several cells cut into its cells where `split` says so
    /// (given the chunk and its cells as chunks of their own); `joined`, the line's chunks when
    /// they are at hand.
    static func chunks(of line: TextLine, joined: [Chunk]? = nil, split: (Chunk, [Chunk]) -> Bool) -> [Chunk] {
        let joined = joined ?? chunks(of: line)
        guard joined.count < line.nonEmpty.count else { return joined }
        let cells = zip(line.nonEmpty, cellSpans(of: line)).map { Chunk(text: $0.text, range: $0.range, chars: $1.chars, display: $1.display) }
        var out: [Chunk] = []
        var next = 0
        for chunk in joined {
            var parts: [Chunk] = []
            while next < cells.count, cells[next].range.end <= chunk.range.end { parts.append(cells[next]); next += 1 }
            if parts.count > 1, split(chunk, parts) { out += parts } else { out.append(chunk) }
        }
        return out
    }

    /// The line's cells grouped into chunks: cells one space apart (`年度 指标值`, `≥ 90%`) are
    /// one chunk, two spaces or more start another. A figure after a value or after words is
    /// another chunk however close (`10.00 10.00` under narrow 分值 and 得分 columns, `2.00(人)
    /// 10.00` and `达成指标 5.00` under 实际完成值 and 分值, as pdftotext -layout leaves one
    /// space when text fills its column); after an operator alone it is not (`≥ 90%`).
    /// Cells that each pass `apart` are two chunks however close.
    static func chunks(of line: TextLine, apart: ((String) -> Bool)? = nil) -> [Chunk] {
        var chunks: [Chunk] = []
        var lastEnd = 0, lastText = "", lastIsApart = false
        // Whether the cell before is a value or words: asked only before a figure.
        func lastIsValue() -> Bool { ColumnGrid.startsWithFigure(lastText) || ColumnGrid.isWords(lastText) }
        for (cell, span) in zip(line.nonEmpty, cellSpans(of: line)) {
            let isApart = apart?(cell.text) ?? false
            defer { lastText = cell.text; lastIsApart = isApart; lastEnd = span.chars.end }
            if span.chars.start - lastEnd <= 1, !chunks.isEmpty, !(ColumnGrid.isFigure(cell.text) && lastIsValue()), !(isApart && lastIsApart) {
                chunks[chunks.count - 1].append(Chunk(text: cell.text, range: cell.range, chars: span.chars, display: span.display))
            } else {
                chunks.append(Chunk(text: cell.text, range: cell.range, chars: span.chars, display: span.display))
            }
        }
        return chunks
    }
}
