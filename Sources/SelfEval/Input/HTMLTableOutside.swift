/// Text outside the rows of HTML tables (titles, headers in paragraphs), read as lines of cells.
extension HTMLTables.Reader {
    mutating func startOutside(at k: Int, column: Int) {
        guard !inCell && rowLine == nil else { outsideFrom = -1; return }
        outsideFrom = k
        outsideColumn = column
        outsideVisible = false
    }

    /// Spaces between two pieces of text: none, one (kept inside a cell), or a cut
    /// between cells (a tab, an ideographic space, two or more spaces).
    enum Gap: Int, Comparable {
        case none, single, cut
        static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
    }

    /// Ends the text outside rows at `k`: a line of cells when it holds visible text. The
    /// text is cut into cells at tabs, ideographic spaces and runs of two or more spaces
    /// (`主管部门：甲　　实施单位：乙`), never inside a tag; one space stays in its cell
    /// (`(2023 年度)`). With `continues` (an inline tag broken over lines, as Word writes
    /// `<span` ⏎ `style='…'>`), the cells wait for the rest of the paragraph, and its first
    /// cell joins the last one unless a cut stands between them.
    mutating func endOutside(_ b: UnsafeBufferPointer<UInt8>, line n: Int, at k: Int, continues: Bool = false) {
        defer { outsideFrom = -1; outsideVisible = false }
        var cells: [Cell] = []
        var leading = Gap.none, trailing = Gap.none
        var sawVisible = false
        if outsideFrom >= 0, outsideVisible, k > outsideFrom {
            var segment = outsideFrom, first = -1, after = -1
            var i = outsideFrom, column = outsideColumn, noClose = Int.max
            func emit(upTo j: Int) {
                defer { first = -1; after = -1 }
                guard first >= 0 else { return }
                let text = CellScanner.cellText(UnsafeBufferPointer(rebasing: b[segment..<j]))
                guard !text.text.isEmpty else { return }
                cells.append(Cell(text: text.text, range: SourceRange(start: SourceLocation(line: n, column: first), end: SourceLocation(line: n, column: after)),
                                  index: cells.count, hasInnerSpace: text.innerSpace))
            }
            while i < k {
                if b[i] == 0x3C, let close = tagEnd(b, from: i, to: k, noClose: &noClose) {
                    column += CellScanner.scalarCount(UnsafeBufferPointer(rebasing: b[i...close]))
                    i = close + 1
                    continue
                }
                if CellScanner.spaceWidth(b, i) > 0 {
                    var j = i, count = 0, hard = false
                    while j < k, case let w = CellScanner.spaceWidth(b, j), w > 0 {
                        hard = hard || b[j] == 0x09 || (w == 3 && b[j] == 0xE3)
                        count += 1
                        j += w
                    }
                    let gap: Gap = hard || count >= 2 ? .cut : .single
                    if gap == .cut {
                        emit(upTo: i)
                        segment = j
                    }
                    if sawVisible { trailing = max(trailing, gap) } else { leading = max(leading, gap) }
                    column += count
                    i = j
                    continue
                }
                sawVisible = true
                trailing = .none
                if first < 0 { first = column }
                after = column + 1
                i = min(k, i + utf8Length(lead: b[i]))
                column += 1
            }
            emit(upTo: k)
        }
        // The rest of a paragraph broken by a tag over lines joins what came before it.
        if let last = outsideCells.last, let next = cells.first, max(outsideGap, leading) < .cut {
            let space = max(outsideGap, leading) == .single ? " " : ""
            outsideCells[outsideCells.count - 1] = Cell(text: last.text + space + next.text, range: SourceRange(start: last.range.start, end: next.range.end),
                                                        index: last.index, hasInnerSpace: last.hasInnerSpace || next.hasInnerSpace || !space.isEmpty)
            cells.removeFirst()
        }
        for c in cells { outsideCells.append(Cell(text: c.text, range: c.range, index: outsideCells.count, hasInnerSpace: c.hasInnerSpace)) }
        // The spaces after the last text: this piece's when it held text (even if it all
        // joined the cell before it), else those before it and in it.
        outsideGap = sawVisible ? trailing : max(outsideGap, leading)
        guard !continues else { return }
        if let first = outsideCells.first { lines.append(TextLine(number: first.range.start.line, cells: outsideCells, indent: 0)) }
        outsideCells = []
        outsideGap = .none
    }
}
