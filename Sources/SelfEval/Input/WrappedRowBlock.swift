/// A table row of text set in columns whose cells wrapped over lines, as `pdftotext -layout`
/// writes a PDF form's bordered rows: the lines between two blank lines, each cell's pieces
/// stacked in its column (a short cell centred beside a long one), read as one line.
///
///            年度资金                                      10.0
///                   13.20   13.20   13.20   10.00   100.00
///            总额                                          0
///
/// reads as `年度资金总额  13.20  13.20  13.20  10.00  100.00  10.00`; the 项目名称 value over
/// and under its label (`监督执` / `法专项` / `项目名称` / `工作经` / `费`), a funding header
/// with `执行率` over `(%)`, and a header cell over three lines (`偏差原因分析` / `及改进措施`)
/// the same way. The pieces of a column are those whose spans overlap (counted in
/// characters, as pdftotext pads); they join without a space, as `Piece.join` joins a cell
/// wrapped at its edge (`10.0` over `0` is 10.00).
///
/// Lines are left as they are when they are not one row: two pieces of one line fall in one
/// column (prose running across the columns), a figure stands under words in a column (a
/// label over a row's figures), a column holds two values (rows not parted by a blank line:
/// the indicator reader reads those, see `WrappedRows`), or all the pieces stand in one column
/// (a paragraph).
enum WrappedRowBlock {
    /// At most this many lines are read as one row; a longer run of lines is left as it is.
    static let maxLines = 30

    /// Whether lines `first...last` are set in columns and parted into rows by blank lines: at
    /// least three lines, and a fifth of those with text, hold two pieces three spaces or more
    /// apart (pdftotext -layout pads its columns: a third to a half of the lines; a PDF dump
    /// or a row typed per line: none, and none with its single spaces doubled), and the runs of
    /// lines between blank lines are eight lines long or less on average (pdftotext -layout
    /// leaves a blank line where a bordered row ends: three to six; a table typed in an editor
    /// or set in columns without borders: a run is the table).
    static func isSetInBorderedRows(_ source: SourceText, first: Int, last: Int) -> Bool {
        guard first <= last, last <= source.lineCount else { return false }
        var withText = 0, wide = 0, runs = 0, previousBlank = true
        for n in first...last {
            let bytes = source.lineBytes(n)
            var i = bytes.startIndex
            while i < bytes.endIndex && (bytes[i] == 0x20 || bytes[i] == 0x0D) { i += 1 }
            guard i < bytes.endIndex else { previousBlank = true; continue }
            if previousBlank { runs += 1 }
            previousBlank = false
            withText += 1
            // Three spaces or more between two visible bytes.
            var spaces = 0
            while i < bytes.endIndex {
                if bytes[i] == 0x20 { spaces += 1 } else {
                    if spaces >= 3 { wide += 1; break }
                    spaces = 0
                }
                i += 1
            }
        }
        return wide >= 3 && wide * 5 >= withText && withText <= 8 * runs
    }

    /// The lines as one line, each column's pieces joined; nil when they are not one row
    /// (see above).
    static func merged(_ block: [TextLine]) -> TextLine? {
        guard block.count >= 2, block.count <= maxLines else { return nil }
        typealias Grid = ColumnGrid<Never>
        var lines = block.map { Grid.chunks(of: $0) }
        splitOverPieces(&lines, block)
        var pieces: [(line: Int, chunk: Grid.Chunk)] = []
        for (k, chunks) in lines.enumerated() {
            for c in chunks { pieces.append((k, c)) }
        }
        pieces.sort { ($0.chunk.chars.start, $0.line) < ($1.chunk.chars.start, $1.line) }
        // Columns: runs of pieces whose spans overlap.
        var columns: [(start: Int, end: Int, pieces: [(line: Int, chunk: Grid.Chunk)])] = []
        for p in pieces {
            if let last = columns.last, p.chunk.chars.start < last.end {
                // Two pieces of one line in one column: not a row set in columns. A figure
                // under words: two cells (a label over a row's figures), not one wrapped.
                guard !last.pieces.contains(where: { $0.line == p.line }) else { return nil }
                if Grid.startsWithFigure(p.chunk.text),
                   last.pieces.contains(where: { $0.line < p.line && Grid.isWords($0.chunk.text) }) { return nil }
                // A header label under text (`主管部门：…` under the form's title, in a form typed
                // with blank lines between its parts) starts a cell of its own.
                if FormReader.startsWithHeaderLabel(p.chunk.text), last.pieces.contains(where: { $0.line < p.line }) { return nil }
                columns[columns.count - 1].end = max(last.end, p.chunk.chars.end)
                columns[columns.count - 1].pieces.append(p)
            } else {
                columns.append((p.chunk.chars.start, p.chunk.chars.end, [p]))
            }
        }
        guard columns.count >= 2 else { return nil }
        // Each column's pieces top to bottom.
        let stacked = columns.map { $0.pieces.sorted { $0.line < $1.line }.map { Piece(text: $0.chunk.text, range: $0.chunk.range) } }
        // Two values in a column are two rows' (`10.00` over `10.00`, `=2(人)` over `=3(人)`);
        // a figure wrapped at the column's edge joins into one (`10.0` over `0`).
        for pieces in stacked {
            var figure: String?
            for p in pieces where Grid.startsWithFigure(p.text) {
                if let f = figure, !Piece.isCutFigure(f, rest: p.text) { return nil }
                figure = (figure ?? "") + p.text
            }
        }
        var cells: [Cell] = []
        cells.reserveCapacity(columns.count)
        for (k, column) in columns.enumerated() {
            guard let joined = Piece.join(stacked[k][...]) else { continue }
            // Where the column stands, on the line of its first piece: positions are what the
            // readers of text in columns go by. Each is a column already: it ends two spaces
            // before the next, though pdftotext left one (`实际完成值 分值`), so that no reader
            // takes the two for one cell.
            var end = column.end
            if k + 1 < columns.count { end = max(column.start + 1, min(end, columns[k + 1].start - 2)) }
            let range = SourceRange(line: joined.range.start.line, column: column.start + 1, length: end - column.start)
            cells.append(Cell(text: joined.text, range: range, index: cells.count))
        }
        return TextLine(number: block[0].number, cells: cells, indent: columns[0].start)
    }

    /// Words one space apart that stand over two cells of another line are two cells: pdftotext
    /// leaves one space between two short header cells (`年度指标 实际完` over `值    成值`,
    /// `年度指标值` and `实际完成值` wrapped). A chunk is cut between two of its words where some
    /// piece of another line lies under the words before the space and not under those after
    /// it, and some other piece the other way round; or where the words on the side with no
    /// piece under them are a whole level label (`产出指 质量指标` over `标`); and before a
    /// target one space after a name (`监督检查覆盖率 =100%`) and between two whole level labels
    /// (`产出指标 质量指标`).
    static func splitOverPieces(_ lines: inout [[ColumnGrid<Never>.Chunk]], _ block: [TextLine]) {
        typealias Grid = ColumnGrid<Never>
        for k in lines.indices where lines[k].contains(where: { $0.text.utf8.contains(0x20) }) {
            // The line's words, each a chunk of its own.
            let words = Grid.chunks(of: block[k], apart: { _ in true })
            var out: [Grid.Chunk] = []
            var w = 0
            for chunk in lines[k] {
                var group: [Grid.Chunk] = []
                while w < words.count && words[w].chars.start < chunk.chars.end {
                    if words[w].chars.start >= chunk.chars.start { group.append(words[w]) }
                    w += 1
                }
                guard group.count >= 2 else { out.append(chunk); continue }
                func under(_ lo: Int, _ hi: Int, not nlo: Int, _ nhi: Int) -> Bool {
                    lines.indices.contains { j in
                        j != k && lines[j].contains { $0.chars.overlap(lo, hi) > 0 && $0.chars.overlap(nlo, nhi) == 0 }
                    }
                }
                func anyUnder(_ lo: Int, _ hi: Int) -> Bool { under(lo, hi, not: 0, 0) }
                var part = group[0]
                for i in 1..<group.count {
                    let left = (part.chars.start, group[i - 1].chars.end), right = (group[i].chars.start, chunk.chars.end)
                    let leftOnly = under(left.0, left.1, not: right.0, right.1), rightOnly = under(right.0, right.1, not: left.0, left.1)
                    // A target after a name, one space apart (`监督检查覆盖率 =100%`).
                    let target = Measure.leadingComparator(group[i].text[...].unicodeScalars) != nil && Grid.startsWithFigure(group[i].text)
                        && Grid.isWords(group[i - 1].text)
                    let leftLabel = Vocabulary.isWholeLevelLabel(part.text.compacted)
                    let rightLabel = Vocabulary.isWholeLevelLabel(group[i...].map(\.text).joined())
                    // Two level labels one space apart (`产出指标 质量指标`), or a whole one beside
                    // one wrapped over lines (`产出指 质量指标` over `标`).
                    if target || (leftLabel && rightLabel) || (leftOnly && rightOnly)
                        || (leftOnly && rightLabel && !anyUnder(right.0, right.1))
                        || (rightOnly && leftLabel && !anyUnder(left.0, left.1)) {
                        out.append(part)
                        part = group[i]
                    } else {
                        part.append(group[i])
                    }
                }
                out.append(part)
            }
            lines[k] = out
        }
    }
}
