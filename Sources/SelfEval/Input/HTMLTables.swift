#if canImport(Glibc)
import Glibc
#endif

/// Forms written as HTML tables (`<table><tr><td>项目名称</td><td>…`), as Word and Excel save
/// them and as many PDF extraction tools write tables inside their text or markdown output.
/// Each `<tr>` becomes a line of cells, one per `<td>` or `<th>`, whether the row is written on
/// one line, over many, or many rows share one line. Merged cells are expanded as a spreadsheet
/// export leaves them: a `colspan="3"` cell is followed by two empty cells, and a
/// `rowspan="2"` cell leaves an empty cell in its column of the next row, so the rows read as
/// tab-separated ones do. Inside a cell, tags are dropped, entities decoded, and `<br>` or a
/// line break joins text as wrapped text is joined (no space, except between ASCII letters or
/// digits). Text outside the rows (a `<h1>` title, a paragraph) is read as lines of its own.
public enum HTMLTables {
    /// Most rows or columns one merged cell spans; larger spans are read as this. A row is
    /// not widened by merged cells past this many columns either.
    static let maxSpan = 1_000

    /// The file's lines as the form reader takes them: each table row a line of cells, the
    /// text outside rows as lines (see `endOutside`). Nil when no table
    /// row is part of a form (a 项目名称 row, a funding total, an indicator header): a stray
    /// `<td>` in a form of another layout does not make the file a table.
    public static func lines(_ source: SourceText) -> [TextLine]? {
        guard hasTableCell(source.bytes) else { return nil }
        var reader = Reader(source: source)
        reader.run()
        return reader.sawFormRow ? reader.lines : nil
    }

    /// Whether the bytes hold a `<td` or `<th` tag (any case), found by a search for `<`.
    static func hasTableCell(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            var from = 0
            while from < b.count, let hit = memchr(base + from, 0x3C, b.count - from) {
                let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if k + 3 < b.count, b[k + 1] | 0x20 == 0x74, b[k + 2] | 0x20 == 0x64 || b[k + 2] | 0x20 == 0x68, isNameEnd(b[k + 3]) { return true }
                from = k + 1
            }
            return false
        }
    }

    /// A byte that ends a tag's name: `>`, `/` or a space.
    static func isNameEnd(_ c: UInt8) -> Bool { c == 0x3E || c == 0x2F || c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// The tags the reader acts on; the others are dropped.
    enum Tag {
        case table, row, cell, lineBreak, other
        /// A block whose content is not text: `<style>`, `<script>`, `<xml>` (Word's document
        /// properties), skipped to its end tag.
        case hidden
    }

    /// Walks the file once, line by line, carrying the open row and cell across lines.
    struct Reader {
        let source: SourceText
        var lines: [TextLine] = []
        /// Whether a row is part of a form: a 项目名称 row, a funding total, an indicator header.
        var sawFormRow = false

        // The open row: its first line and its cells, placed by column.
        var rowLine: Int?
        var cells: [Cell] = []
        /// For each column, how many more rows a cell above covers (rowspan).
        var spans: [Int] = []
        /// The columns covered from above when the open row began.
        var coveredAtStart: [Bool] = []

        // The open cell.
        var inCell = false
        var content: [UInt8] = []
        var cellStart = SourceLocation(line: 1, column: 1)
        var first: SourceLocation?
        var after = SourceLocation(line: 1, column: 1)
        var rowspan = 1, colspan = 1
        /// Where in `content` the last break (`<br>`, a line break) fell, or -1.
        var breakAt = -1
        /// Where the cell's text not yet appended to `content` starts on the line, or -1.
        var pendingFrom = -1

        /// While inside a comment or a hidden block: what ends it (`-->`, `</style`), in lower case.
        var skipUntil: [UInt8]?

        // Cells of a paragraph outside rows whose text goes on after a tag broken over lines,
        // and the spaces after its last cell.
        var outsideCells: [Cell] = []
        var outsideGap = Gap.none

        // Text outside rows on the current line: its first byte and column.
        var outsideFrom = -1
        var outsideColumn = 1
        var outsideVisible = false

        init(source: SourceText) { self.source = source }

        mutating func run() {
            source.bytes.withUnsafeBufferPointer { b in
                var n = 1
                var resume: Int?
                while n <= source.lineCount {
                    if let next = read(b, line: n, from: resume) {
                        (n, resume) = (next.line, next.at)
                    } else {
                        (n, resume) = (n + 1, nil)
                    }
                }
            }
            closeRow()
        }

        /// Most lines a tag may be broken over (Word breaks long tags between attributes).
        static let maxTagLines = 20

        /// Reads one line (from byte `from` when a tag broken over lines ended on it): tags,
        /// cell text, and text outside rows. Returns where reading goes on when a tag runs
        /// onto a later line.
        mutating func read(_ b: UnsafeBufferPointer<UInt8>, line n: Int, from: Int? = nil) -> (line: Int, at: Int)? {
            var k = from ?? source.lineStarts[n - 1]
            let end = source.lineEnds[n - 1]
            var column = 1 + CellScanner.scalarCount(UnsafeBufferPointer(rebasing: b[source.lineStarts[n - 1]..<k])), noClose = Int.max
            // A line break is a break in an open cell; the end of a tag broken over lines is not.
            if from == nil { markBreak() }
            startOutside(at: k, column: column)
            while k < end {
                // Inside a comment or a hidden block: nothing is text until its end.
                if let until = skipUntil {
                    guard let found = Self.find(until, in: b, from: k, to: end) else { k = end; break }
                    skipUntil = nil
                    var next = found + until.count
                    // An end tag runs to its `>`.
                    if until.first == 0x3C, let base = b.baseAddress, next < end, let hit = memchr(base + next, 0x3E, end - next) {
                        next = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                    }
                    // Counted from where the skip began, not from the line's start (a line of
                    // 100,000 comments took 29 s counted so).
                    column += CellScanner.scalarCount(UnsafeBufferPointer(rebasing: b[k..<next]))
                    k = next
                    // Text outside rows starts again after it (not at the line's start).
                    startOutside(at: k, column: column)
                    continue
                }
                let c = b[k]
                // `<!-- … -->`, over any number of lines.
                if c == 0x3C, k + 3 < end, b[k + 1] == 0x21, b[k + 2] == 0x2D, b[k + 3] == 0x2D {
                    flush(b, to: k)
                    endOutside(b, line: n, at: k)
                    skipUntil = Names.commentEnd
                    k += 4
                    column += 4
                    continue
                }
                // A tag broken over lines: `<td width=80` ⏎ `  style='…'>`.
                var spill: (line: Int, close: Int)?
                var close = c == 0x3C ? tagEnd(b, from: k, to: end, noClose: &noClose) : nil
                if c == 0x3C, close == nil, let later = tagEndOnLaterLine(b, from: k, line: n) {
                    spill = later
                    close = later.close
                }
                if let close {
                    flush(b, to: k)
                    let (tag, closing) = Self.tag(b, from: k + 1, to: close)
                    let width = spill == nil ? CellScanner.scalarCount(UnsafeBufferPointer(rebasing: b[k...close])) : 0
                    // Where the text after the tag starts.
                    let afterTag = spill.map { SourceLocation(line: $0.line, column: 1 + CellScanner.scalarCount(UnsafeBufferPointer(rebasing: b[source.lineStarts[$0.line - 1]...$0.close]))) }
                        ?? SourceLocation(line: n, column: column + width)
                    switch (tag, closing) {
                    case (.table, _):
                        endOutside(b, line: n, at: k)
                        closeRow()
                        spans = []
                    case (.row, false):
                        endOutside(b, line: n, at: k)
                        closeRow()
                        openRow(line: n)
                    case (.row, true):
                        closeRow()
                    case (.cell, false):
                        endOutside(b, line: n, at: k)
                        if rowLine == nil { openRow(line: n) }
                        closeCell()
                        openCell(b, tagFrom: k, to: close, at: afterTag)
                    case (.cell, true):
                        closeCell()
                    case (.lineBreak, _):
                        // Inside a cell a break in its text; outside, the end of a paragraph.
                        markBreak()
                        endOutside(b, line: n, at: k)
                    case (.other, _):
                        break
                    case (.hidden, false):
                        endOutside(b, line: n, at: k)
                        skipUntil = Self.endTag(b, from: k + 1, to: close)
                    case (.hidden, true):
                        break
                    }
                    if let spill {
                        // An inline tag (`<span` ⏎ `style='…'>`) does not end the paragraph.
                        endOutside(b, line: n, at: k, continues: tag == .other)
                        return (spill.line, close + 1)
                    }
                    k = close + 1
                    column += width
                    if outsideFrom < 0 { startOutside(at: k, column: column) }
                    continue
                }
                let stop = min(end, k + utf8Length(lead: c))
                let visible = CellScanner.spaceWidth(b, k) == 0
                if inCell {
                    if breakAt >= 0 && breakAt == content.count {
                        // Spaces after a break (the next line's indent) are not text.
                        if !visible { k = stop; column += 1; continue }
                        if let last = content.last, last.isASCIIAlnum, c.isASCIIAlnum { content.append(0x20) }
                        breakAt = -1
                    }
                    if pendingFrom < 0 { pendingFrom = k }
                    if visible {
                        if first == nil { first = SourceLocation(line: n, column: column) }
                        after = SourceLocation(line: n, column: column + 1)
                    }
                } else if visible && outsideFrom >= 0 {
                    outsideVisible = true
                } else if visible && rowLine != nil {
                    // Text inside a row but outside its cells: read as a line of its own.
                    closeRow()
                    startOutside(at: k, column: column)
                    outsideVisible = true
                }
                k = stop
                column += 1
            }
            flush(b, to: end)
            endOutside(b, line: n, at: end)
            return nil
        }

        /// The line and byte of the `>` that closes a tag opened at `k` and broken over lines,
        /// within `maxTagLines`, when `<` opens a tag and no `<` comes first.
        func tagEndOnLaterLine(_ b: UnsafeBufferPointer<UInt8>, from k: Int, line n: Int) -> (line: Int, close: Int)? {
            guard k + 1 < b.count, CellScanner.isTagStart(b[k + 1]) else { return nil }
            // Nothing but attributes may follow on this line.
            let end = source.lineEnds[n - 1]
            if let base = b.baseAddress, memchr(base + k + 1, 0x3C, end - k - 1) != nil { return nil }
            var m = n + 1
            while m <= min(source.lineCount, n + Self.maxTagLines) {
                let from = source.lineStarts[m - 1], to = source.lineEnds[m - 1]
                for i in from..<to {
                    if b[i] == 0x3E { return (m, i) }
                    if b[i] == 0x3C { return nil }
                }
                m += 1
            }
            return nil
        }

        /// Appends the cell's text read since `pendingFrom` (appended a run at a time, not a
        /// character at a time).
        mutating func flush(_ b: UnsafeBufferPointer<UInt8>, to k: Int) {
            guard pendingFrom >= 0 else { return }
            content.append(contentsOf: UnsafeBufferPointer(rebasing: b[pendingFrom..<k]))
            pendingFrom = -1
        }

        /// The `>` that closes the tag opened at `k` on this line, when `<` opens a tag.
        /// `noClose` is where a search found no `>` before `end`: later searches from there on
        /// stop at once (a line of `<a<a<a…` is not searched to its end at every `<`).
        func tagEnd(_ b: UnsafeBufferPointer<UInt8>, from k: Int, to end: Int, noClose: inout Int) -> Int? {
            guard k + 1 < end, k < noClose, CellScanner.isTagStart(b[k + 1]) else { return nil }
            guard let base = b.baseAddress, let hit = memchr(base + k, 0x3E, end - k) else {
                noClose = k
                return nil
            }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}

