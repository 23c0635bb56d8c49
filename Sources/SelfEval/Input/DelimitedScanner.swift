#if canImport(Glibc)
import Glibc
#endif

/// Quoted cells of delimited layouts: a spreadsheet saved as CSV (or as tab-separated text)
/// writes a cell that holds the separator, a quote or a line break between quotes, a quote
/// inside doubled: `"448,000.00"`, `"他说""好"""`, `"1. 完成检查；` ⏎ `2. 完成培训。"`.
///
/// A quote opens a quoted cell only at the start of a cell (after spaces), and the cell is
/// read as quoted only when its closing quote is followed by the separator or the end of the
/// line; otherwise the quote is text (`"零重大故障"稳定运行` stays as written). A line break
/// inside a quoted cell joins the next line into the same row (the text joined as a PDF dump's
/// wrapped cells are: without a space, except between ASCII letters or digits), for at most
/// `maxRecordLines` lines and never past the form's last line.
extension CellScanner {
    /// Most lines one quoted cell may join into one row.
    public static let maxRecordLines = 200

    /// The separator byte of a delimited mode (tabs, commas), or nil.
    var separator: UInt8? {
        switch mode {
        case .tabs: return 0x09
        case .commas: return 0x2C
        default: return nil
        }
    }

    /// Scans the row that starts at line `number`: that line, or more lines when a quoted cell
    /// holds line breaks (never past `last`). Returns the row and the last line it covers.
    public func scanRecord(_ source: SourceText, line number: Int, through last: Int, storage: inout LineStorage) -> (line: TextLine, last: Int) {
        guard let separator, mode == .commas || CellScanner.hasQuoteAtCellStart(source.lineBytes(number), separator: separator) else {
            return (scan(source, line: number, storage: &storage), number)
        }
        let scanned = scanDelimited(source, line: number, through: max(number, last), separator: separator)
        return (TextLine(number: number, cells: scanned.cells, indent: scanned.indent, storage: &storage), scanned.last)
    }

    /// Whether some cell of the line starts with a quote (spaces before it allowed).
    static func hasQuoteAtCellStart(_ line: ArraySlice<UInt8>, separator: UInt8) -> Bool {
        line.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            var from = 0
            while from < b.count, let hit = memchr(base + from, 0x22, b.count - from) {
                let q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var k = q - 1
                while k >= 0 && b[k] == 0x20 { k -= 1 }
                if k < 0 || b[k] == separator { return true }
                from = q + 1
            }
            return false
        }
    }

    /// Splits the row at line `number` on `separator`, reading quoted cells.
    func scanDelimited(_ source: SourceText, line number: Int, through last: Int, separator: UInt8) -> (cells: [Cell], indent: Int, last: Int) {
        source.bytes.withUnsafeBufferPointer { b in
            var cells: [Cell] = []
            var line = number, column = 1, index = 0
            var i = source.lineStarts[number - 1], end = source.lineEnds[number - 1]
            var indent = 0
            while i + indent < end && b[i + indent] == 0x20 { indent += 1 }
            var content: [UInt8] = []
            while true {
                // Spaces before an opening quote are not part of the cell.
                var j = i, quoteColumn = column
                while j < end && b[j] == 0x20 { j += 1; quoteColumn += 1 }
                if j < end && b[j] == 0x22,
                   let q = CellScanner.quotedCell(b, source, quoteAt: j, line: line, column: quoteColumn, firstLine: number, through: last, separator: separator, into: &content) {
                    cells.append(CellScanner.cell(content.withUnsafeBufferPointer { CellScanner.cellText($0) }, q.visible, at: line, column, index))
                    i = q.next; line = q.line; column = q.column; end = source.lineEnds[line - 1]
                } else {
                    // An unquoted cell: up to the next separator on the line.
                    var stop = i
                    if let base = b.baseAddress, i < end, let hit = memchr(base + i, Int32(separator), end - i) {
                        stop = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    } else {
                        stop = end
                    }
                    let piece = UnsafeBufferPointer(rebasing: b[i..<stop])
                    let placed = CellScanner.visibleRange(piece, line: line, column: column)
                    cells.append(CellScanner.cell(CellScanner.cellText(piece), placed.visible, at: line, column, index))
                    column += placed.scalars
                    i = stop
                }
                index += 1
                guard i < end && b[i] == separator else { break }
                i += 1
                column += 1
            }
            return (cells, indent, line)
        }
    }

    /// Where a quoted cell ends and what it holds.
    struct QuotedCell {
        /// The range of its visible text (first to last character that is not a space).
        var visible: SourceRange?
        /// Where reading goes on: at the separator after the closing quote, or the line's end.
        var next: Int
        var line: Int
        var column: Int
    }

    /// Reads the quoted cell whose opening quote is at `q` into `content` (quotes undoubled,
    /// lines joined as wrapped text), or returns nil when the quote does not open a quoted cell.
    static func quotedCell(_ b: UnsafeBufferPointer<UInt8>, _ source: SourceText, quoteAt q: Int, line: Int, column: Int,
                           firstLine: Int, through last: Int, separator: UInt8, into content: inout [UInt8]) -> QuotedCell? {
        content.removeAll(keepingCapacity: true)
        var k = q + 1, line = line, col = column + 1, end = source.lineEnds[line - 1]
        var first: SourceLocation?, after = SourceLocation(line: line, column: col)
        // Where the last line break inside the quotes fell in `content`: wrapped text joins
        // without a space, as in PDF dumps, except between ASCII letters or digits (`Phase` ⏎ `2`).
        var breakAt = -1
        func joinAtBreak(_ next: UInt8) {
            guard breakAt >= 0, breakAt == content.count else { return }
            if let last = content.last, last.isASCIIAlnum, next.isASCIIAlnum { content.append(0x20) }
            breakAt = -1
        }
        while true {
            if k >= end {
                // A line break inside the quotes: the next line belongs to this row.
                guard line < last, line - firstLine + 1 < maxRecordLines else { return nil }
                // No quote before the row's line limit: not a quoted cell (one search, so a
                // stray quote does not cost a walk over the lines after it).
                let limit = source.lineEnds[min(last, firstLine + maxRecordLines - 1) - 1]
                if let base = b.baseAddress, k < limit, memchr(base + k, 0x22, limit - k) == nil { return nil }
                breakAt = content.count
                line += 1
                k = source.lineStarts[line - 1]
                end = source.lineEnds[line - 1]
                col = 1
                continue
            }
            let c = b[k]
            if c == 0x22 {
                if k + 1 < end && b[k + 1] == 0x22 {
                    // A doubled quote is one quote of the text.
                    joinAtBreak(0x22)
                    content.append(0x22)
                    if first == nil { first = SourceLocation(line: line, column: col) }
                    k += 2
                    col += 2
                    after = SourceLocation(line: line, column: col)
                    continue
                }
                // The closing quote: only spaces may follow it before the separator.
                var m = k + 1, mcol = col + 1
                while m < end && b[m] == 0x20 { m += 1; mcol += 1 }
                guard m == end || b[m] == separator else { return nil }
                let visible = first.map { SourceRange(start: $0, end: after) }
                return QuotedCell(visible: visible, next: m, line: line, column: mcol)
            }
            // A tab on a joined line is a row of cells, not text typed in one cell: a stray
            // quote in a tab-separated file does not swallow the rows after it.
            if c == 0x09, separator == 0x09, line > firstLine { return nil }
            let stop = min(end, k + utf8Length(lead: c))
            joinAtBreak(c)
            content.append(contentsOf: UnsafeBufferPointer(rebasing: b[k..<stop]))
            if spaceWidth(b, k) == 0 {
                if first == nil { first = SourceLocation(line: line, column: col) }
                after = SourceLocation(line: line, column: col + 1)
            }
            k = stop
            col += 1
        }
    }

    /// The range from the first to the last character of `piece` that is not a space (nil
    /// when all are), and how many characters (columns) the piece holds.
    static func visibleRange(_ piece: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> (visible: SourceRange?, scalars: Int) {
        var col = column, k = 0
        var first = -1, after = -1
        while k < piece.count {
            if spaceWidth(piece, k) == 0 {
                if first < 0 { first = col }
                after = col + 1
            }
            k += max(1, min(piece.count - k, utf8Length(lead: piece[k])))
            col += 1
        }
        guard first >= 0 else { return (nil, col - column) }
        return (SourceRange(start: SourceLocation(line: line, column: first), end: SourceLocation(line: line, column: after)), col - column)
    }

    /// A cell's text as the scanners make it: HTML tags removed, entities decoded, trimmed.
    static func cellText(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, innerSpace: Bool) {
        if let plain = plainCellText(bytes) { return plain }
        let whole = CellScanner(mode: .wholeLine)
        let scanned = bytes.count <= maxCellBytes && !hasTagByte(bytes) ? whole.scanPlain(bytes, line: 1) : whole.scanTagged(bytes, line: 1)
        guard let c = scanned.cells.first else { return ("", false) }
        return (c.text, c.hasInnerSpace)
    }

    /// The same for a cell without `<` or `&` (most): trimmed in place, as `scanPlain` cuts a
    /// whole-line cell, without building a line of cells; nil for the others.
    static func plainCellText(_ b: UnsafeBufferPointer<UInt8>) -> (text: String, innerSpace: Bool)? {
        guard let base = b.baseAddress else { return ("", false) }
        guard b.count <= maxCellBytes, memchr(base, 0x3C, b.count) == nil, memchr(base, 0x26, b.count) == nil else { return nil }
        var first = -1, end = 0, inner = false, pendingSpace = false, k = 0
        while k < b.count {
            let w = spaceWidth(b, k)
            if w > 0 {
                if first >= 0 { pendingSpace = true }
                k += w
                continue
            }
            if first < 0 { first = k } else if pendingSpace { inner = true }
            pendingSpace = false
            k = min(b.count, k + utf8Length(lead: b[k]))
            end = k
        }
        guard first >= 0 else { return ("", false) }
        return (String(decoding: UnsafeBufferPointer(rebasing: b[first..<end]), as: UTF8.self), inner)
    }

    /// The cell at `index`: empty ones stand at the column where the cell starts.
    static func cell(_ text: (text: String, innerSpace: Bool), _ visible: SourceRange?, at line: Int, _ column: Int, _ index: Int) -> Cell {
        guard !text.text.isEmpty, let visible else {
            return Cell(text: "", range: SourceRange(line: line, column: column, length: 0), index: index, hasInnerSpace: false)
        }
        return Cell(text: text.text, range: visible, index: index, hasInnerSpace: text.innerSpace)
    }
}

extension UInt8 {
    /// An ASCII letter or digit.
    var isASCIIAlnum: Bool { (self >= 0x30 && self <= 0x39) || ((self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A) }
}
