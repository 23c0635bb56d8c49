/// Cells and rows of HTML tables: breaks in a cell's text, merged cells expanded, rows closed.
extension HTMLTables.Reader {
    /// A break in the open cell (`<br>`, `<p>`, a line break): the spaces before it are
    /// dropped, and the text after it joins as wrapped text.
    mutating func markBreak() {
        guard inCell else { return }
        while let last = content.last, last == 0x20 || last == 0x09 { content.removeLast() }
        breakAt = content.count
    }

    mutating func openRow(line n: Int) {
        rowLine = n
        cells = []
        coveredAtStart = spans.map { $0 > 0 }
        // A form's rows hold about ten cells: no growing one cell at a time.
        cells.reserveCapacity(max(12, coveredAtStart.count))
    }

    mutating func openCell(_ b: UnsafeBufferPointer<UInt8>, tagFrom k: Int, to close: Int, at location: SourceLocation) {
        inCell = true
        content.removeAll(keepingCapacity: true)
        cellStart = location
        first = nil
        breakAt = -1
        // Most cells are a bare `<td>`: no attributes to look through.
        let bare = close - k <= 3
        rowspan = bare ? 1 : Self.span(b, from: k + 1, to: close, Names.rowspan)
        colspan = bare ? 1 : Self.span(b, from: k + 1, to: close, Names.colspan)
    }

    /// An empty cell at `column` of the row, standing where `location` is.
    mutating func appendEmpty(at location: SourceLocation) {
        cells.append(Cell(text: "", range: SourceRange(start: location, end: location), index: cells.count, hasInnerSpace: false))
    }

    /// Whether the row's next column is covered by a merged cell from a row above.
    var nextIsCovered: Bool { cells.count < coveredAtStart.count && coveredAtStart[cells.count] }

    mutating func closeCell() {
        guard inCell else { return }
        inCell = false
        while nextIsCovered { appendEmpty(at: cellStart) }
        let text = content.withUnsafeBufferPointer { CellScanner.cellText($0) }
        let column = cells.count
        if let first, !text.text.isEmpty {
            cells.append(Cell(text: text.text, range: SourceRange(start: first, end: after), index: column, hasInnerSpace: text.innerSpace))
        } else {
            appendEmpty(at: cellStart)
        }
        // Merged across at most to `maxSpan` columns in all: a row of absurd spans stays small.
        for _ in 1..<max(colspan, 1) where cells.count < HTMLTables.maxSpan { appendEmpty(at: cellStart) }
        if rowspan > 1 {
            if spans.count < cells.count { spans += Array(repeating: 0, count: cells.count - spans.count) }
            for c in column..<cells.count { spans[c] = rowspan - 1 }
        }
    }

    mutating func closeRow() {
        closeCell()
        guard let n = rowLine else { return }
        // Columns merged from above after the row's last cell stay in line too.
        let end = cells.last.map { $0.range.end } ?? SourceLocation(line: n, column: 1)
        while nextIsCovered { appendEmpty(at: end) }
        for c in coveredAtStart.indices where coveredAtStart[c] && spans[c] > 0 { spans[c] -= 1 }
        // The row stands on the line of its first text (its `<tr>` may be lines above).
        if let text = cells.first(where: { !$0.text.isEmpty }) {
            let line = TextLine(number: text.range.start.line, cells: cells, indent: 0)
            // A form's table: its header, funding total or indicator header is a row.
            if !sawFormRow {
                sawFormRow = text.key.hasBytePrefix("项目名称") || line.nonEmpty.containsText(where: { FundingRowKind.recognise($0) == .total })
                    || Vocabulary.isIndicatorHeader(line.nonEmpty)
            }
            lines.append(line)
        } else if !cells.isEmpty {
            lines.append(TextLine(number: n, cells: cells, indent: 0))
        }
        rowLine = nil
        cells = []
    }
}
