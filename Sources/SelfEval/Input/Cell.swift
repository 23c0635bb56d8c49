#if canImport(Glibc)
import Glibc
#endif
/// One cell of a line: its visible text (HTML tags removed, trimmed) and where it stands.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var range: SourceRange
    /// Position in the line: the tab column for tabular lines, the token ordinal for flow lines.
    public var index: Int
    /// Whether the text holds a space inside (a trimmed cell never has one at its ends).
    var hasInnerSpace: Bool

    public init(text: String, range: SourceRange, index: Int) {
        self.text = text
        self.range = range
        self.index = index
        self.hasInnerSpace = text.withBytes(String.hasSpaceBytes)
    }

    init(text: String, range: SourceRange, index: Int, hasInnerSpace: Bool) {
        self.text = text
        self.range = range
        self.index = index
        self.hasInnerSpace = hasInnerSpace
    }

    /// This cell and the one after it as one cell (a figure and its unit written apart).
    func joined(with next: Cell) -> Cell { Cell(text: text + next.text, range: range.union(next.range), index: index) }

    /// The text without spaces, as labels and names are compared; no rescan for most cells.
    @inline(__always) public var key: String { hasInnerSpace ? text.compacted : text }

    @inline(__always) public var isEmpty: Bool { text.isEmpty }
}

/// Tests and reads on a line's cells that take only the field they need, each cell read where
/// it is stored (see `ArrayByAddress.swift`: `cells[i].text` copies the whole cell first).
extension Array where Element == Cell {
    /// Whether some cell's text passes `test`.
    @inline(__always)
    func containsText(where test: (String) -> Bool) -> Bool { firstIndex(byAddress: { test($0.pointee.text) }) != nil }

    /// Whether some cell's key (its text without spaces) passes `test`.
    @inline(__always)
    func containsKey(where test: (String) -> Bool) -> Bool { firstIndex(byAddress: { test($0.pointee.key) }) != nil }

    /// The index of the first cell whose text passes `test`.
    @inline(__always)
    func firstIndex(whereText test: (String) -> Bool) -> Int? { firstIndex(byAddress: { test($0.pointee.text) }) }

    /// Whether every cell's text passes `test`.
    @inline(__always)
    func allTexts(_ test: (String) -> Bool) -> Bool { !containsText { !test($0) } }

    /// How many cells' texts pass `test`.
    @inline(__always)
    func countTexts(where test: (String) -> Bool) -> Int { count(byAddress: { test($0.pointee.text) }) }

    /// The text of cell `i`.
    @inline(__always)
    func text(at i: Int) -> String { read(at: i) { $0.pointee.text } }

    /// The key (text without spaces) of cell `i`.
    @inline(__always)
    func key(at i: Int) -> String { read(at: i) { $0.pointee.key } }

    /// The `index` (column or token ordinal) of cell `i`.
    @inline(__always)
    func position(at i: Int) -> Int { read(at: i) { $0.pointee.index } }
}

/// A source line split into cells.
public struct TextLine: Sendable {
    public var number: Int
    /// Every cell, empty ones included for tabular lines; non-empty tokens for flow lines.
    public let cells: [Cell]
    /// Leading spaces before the first visible character.
    public var indent: Int
    /// The cells that hold text (computed once: readers ask for them many times).
    public let nonEmpty: [Cell]

    public init(number: Int, cells: [Cell], indent: Int) {
        var storage = LineStorage()
        self.init(number: number, cells: cells, indent: indent, storage: &storage)
    }

    /// The same, with the non-empty cells written into `storage`'s room when nothing holds the
    /// array any more (see `LineStorage`).
    init(number: Int, cells: [Cell], indent: Int, storage: inout LineStorage) {
        self.number = number
        self.cells = cells
        self.indent = indent
        if cells.containsText(where: \.isEmpty) {
            storage.nonEmpty.removeAll(keepingCapacity: true)
            // Room for every cell at once when the storage has less (always for a fresh one).
            if storage.nonEmpty.capacity < cells.count { storage.nonEmpty.reserveCapacity(cells.count) }
            cells.withUnsafeBufferPointer { b in
                for i in b.indices where !b[i].text.isEmpty { storage.nonEmpty.append(b[i]) }
            }
            self.nonEmpty = storage.nonEmpty
            if storage.nonEmpty.capacity > LineStorage.maxKeptCells { storage.nonEmpty = [] }
        } else {
            self.nonEmpty = cells
        }
    }

    public var isBlank: Bool { nonEmpty.isEmpty }

    /// All visible text, cells joined by one space.
    public var text: String { nonEmpty.map(\.text).joined(separator: " ") }

    /// The range from the first to the last non-empty cell.
    public var range: SourceRange {
        let ne = nonEmpty
        guard let f = ne.first, let l = ne.last else { return SourceRange(line: number, column: 1, length: 0) }
        return f.range.union(l.range)
    }
}

/// The arrays a scanner fills line after line. A line's cells are written into the room the
/// previous line's used, which is free again once the reader has let that line go; a line a
/// reader keeps keeps its arrays (copy on write gives the next line new ones). Reading a form
/// line by line so allocates about two arrays per form instead of two per line.
///
/// The room of an absurdly long line is not handed on: a line kept after it would hold as much.
public struct LineStorage {
    var cells: [Cell] = []
    var nonEmpty: [Cell] = []
    public init() {}

    /// Room for more cells than this is not reused.
    static let maxKeptCells = 256
}

/// Splits lines into cells, scanning bytes: tabs separate cells (tabular), or runs of
/// spaces and tabs do (flow). HTML tags are removed; columns count Unicode scalars.
public struct CellScanner: Sendable {
    public enum Mode: Sendable {
        /// Tabs separate cells; empty cells are kept.
        case tabs
        /// Runs of spaces and tabs separate cells.
        case spaces
        /// `|` separates cells (markdown tables); empty cells are kept, separator rows dropped.
        case pipes
        /// The whole line is one cell, without a trailing ` |`.
        case wholeLine
        /// Commas separate cells (CSV); empty cells are kept. A cell may be quoted (see
        /// `scanRecord`).
        case commas
    }

    var keepsEmptyCells: Bool { mode == .tabs || mode == .pipes || mode == .commas }
    public let mode: Mode
    /// Text kept of one cell (`maxCellBytes` unless a reader needs whole long cells).
    public let cellLimit: Int

    public init(mode: Mode, cellLimit: Int = CellScanner.maxCellBytes) {
        self.mode = mode
        self.cellLimit = cellLimit
    }

    /// Text kept of one cell by default; the cell's range still covers all of it. No real cell
    /// is this long, but a paragraph flattened without spaces is one cell (see `readParagraphs`,
    /// which scans its candidate lines with a larger limit).
    public static let maxCellBytes = 200_000

    public func scan(_ source: SourceText, line number: Int) -> TextLine {
        var storage = LineStorage()
        // Commas need the quote-aware scanner; a quoted cell is not joined with later lines here.
        if mode == .commas { return scanRecord(source, line: number, through: number, storage: &storage).line }
        return scan(source, line: number, storage: &storage)
    }

    /// Scans a line into `storage`'s arrays where it can (see `LineStorage`). Not for commas,
    /// which `scanRecord` reads.
    public func scan(_ source: SourceText, line number: Int, storage: inout LineStorage) -> TextLine {
        let slice = source.lineBytes(number)
        // Most lines hold no `<` (so no tag) and no absurdly long cell: their cells are plain
        // slices of the line, read without copying bytes one run at a time.
        var cutInBytes = false
        let scanned = slice.withUnsafeBufferPointer { b in
            guard b.count <= cellLimit && !CellScanner.hasTagByte(b) else { return scanTagged(b, line: number) }
            // Whole-line cells: the trailing ` |` is cut from the bytes, so the cell's text is
            // made once instead of made and then shortened.
            if mode == .wholeLine, let end = CellScanner.endBeforeTrailingPipe(b) {
                cutInBytes = true
                var s = scanPlain(UnsafeBufferPointer(rebasing: b[..<end]), line: number, into: &storage.cells)
                // As `withoutTrailingPipe` does for a cell it shortens.
                if end < b.count { for i in s.cells.indices { s.cells[i].hasInnerSpace = s.cells[i].text.withBytes(String.hasSpaceBytes) } }
                return s
            }
            return scanPlain(b, line: number, into: &storage.cells)
        }
        if cutInBytes || mode == .tabs || mode == .spaces {
            // The cells array goes back to the storage for the next line.
            storage.cells = scanned.cells.capacity <= LineStorage.maxKeptCells ? scanned.cells : []
            return TextLine(number: number, cells: scanned.cells, indent: scanned.indent, storage: &storage)
        }
        return finished(scanned, number)
    }

    /// Where a whole-line cell's text ends once `withoutTrailingPipe` has cut it: after the
    /// trailing spaces, then pipes, spaces, `｜` and U+3000. Nil where cutting the bytes would
    /// not give the same cell (an entity, nothing left, or a tab or NBSP left at the end).
    static func endBeforeTrailingPipe(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = b.baseAddress, !b.isEmpty, memchr(base, Int32(UInt8(ascii: "&")), b.count) == nil else { return nil }
        func lastCharacterStart(_ e: Int) -> Int {
            var s = e - 1
            while s > 0 && b[s] & 0xC0 == 0x80 { s -= 1 }
            return s
        }
        var e = b.count
        // The scanner drops trailing spaces of every kind.
        while e > 0 {
            let s = lastCharacterStart(e)
            guard spaceWidth(b, s) == e - s else { break }
            e = s
        }
        let cut = trailingPipeCut(b, end: e)
        if cut.removed == 0 { return b.count }
        e = cut.end
        guard e > 0 else { return nil }
        let s = lastCharacterStart(e)
        return spaceWidth(b, s) > 0 ? nil : e
    }

    /// The layout's last touches: markdown separator rows and outer pipes, trailing ` |`.
    func finished(_ scanned: consuming (cells: [Cell], indent: Int), _ number: Int) -> TextLine {
        switch mode {
        case .pipes: return TextLine(number: number, cells: CellScanner.markdownCells(scanned.cells), indent: scanned.indent)
        case .wholeLine: return TextLine(number: number, cells: scanned.cells.compactMap(CellScanner.withoutTrailingPipe), indent: scanned.indent)
        default: return TextLine(number: number, cells: scanned.cells, indent: scanned.indent)
        }
    }

    static func hasTagByte(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress, !b.isEmpty else { return false }
        return memchr(base, Int32(UInt8(ascii: "<")), b.count) != nil
    }

    /// The scanner for a line without `<`: every cell is one slice of the line, from its first
    /// to its last visible character, so its text is made once from the bytes in place.
    func scanPlain(_ b: UnsafeBufferPointer<UInt8>, line number: Int) -> (cells: [Cell], indent: Int) {
        var cells: [Cell] = []
        return scanPlain(b, line: number, into: &cells)
    }

    /// The same, appending to `room` emptied (its storage is reused when nothing else holds it);
    /// `room` is left empty.
    func scanPlain(_ b: UnsafeBufferPointer<UInt8>, line number: Int, into room: inout [Cell]) -> (cells: [Cell], indent: Int) {
        // The state lives in a struct, not in variables captured by local functions: captured
        // variables were checked for exclusive access at run time on every cell.
        var s = PlainScan(b: b, number: number, keepsEmptyCells: keepsEmptyCells, cells: &room)
        let end = b.count
        var i = 0
        while i < end {
            let c = b[i]
            if CellScanner.isPlainByte(c) {
                let run = CellScanner.plainRun(b, from: i)
                s.visible(i, run.end, run.scalars, run.ampersand)
                i = run.end
                continue
            }
            let isTab = c == 0x09
            let spaceWidth = CellScanner.spaceWidth(b, i)
            if !s.sawVisible && spaceWidth > 0 && !isTab { s.indent += 1 }
            if (mode == .tabs && isTab) || (mode == .spaces && spaceWidth > 0) {
                if keepsEmptyCells || s.from >= 0 { s.flush() }
                i += spaceWidth
                s.column += 1
                continue
            }
            if mode == .pipes, case let w = CellScanner.pipeWidth(b, i), w > 0 {
                s.flush()
                i += w
                s.column += 1
                continue
            }
            if spaceWidth > 0 {
                if s.from >= 0 { s.pendingSpace = true }
                i += spaceWidth
                s.column += 1
                continue
            }
            let stop = min(end, i + utf8Length(lead: c))
            s.visible(i, stop, 1, false)
            i = stop
        }

        if keepsEmptyCells || s.from >= 0 { s.flush() }
        return (s.cells, s.indent)
    }

    /// What `scanPlain` knows between bytes: the cells so far and the cell being read.
    private struct PlainScan {
        let b: UnsafeBufferPointer<UInt8>
        let number: Int
        let keepsEmptyCells: Bool
        var cells: [Cell] = []
        var column = 1
        var from = -1, to = -1          // byte range of the current cell's visible text
        var startColumn = -1, endColumn = -1
        var pendingSpace = false, innerSpace = false, hasAmpersand = false
        var indent = 0
        var sawVisible = false
        var index = 0

        init(b: UnsafeBufferPointer<UInt8>, number: Int, keepsEmptyCells: Bool, cells room: inout [Cell]) {
            self.b = b
            self.number = number
            self.keepsEmptyCells = keepsEmptyCells
            // Taken over without a second reference, so an array no line holds is unique here.
            swap(&cells, &room)
            cells.removeAll(keepingCapacity: true)
            // Reused room is usually enough: the call is skipped then.
            if cells.capacity < 8 { cells.reserveCapacity(8) }
        }

        @inline(__always) mutating func flush() {
            if keepsEmptyCells || from >= 0 {
                if from < 0 {
                    cells.append(Cell(text: "", range: SourceRange(line: number, column: column, length: 0), index: index, hasInnerSpace: false))
                } else {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
                    let range = SourceRange(start: SourceLocation(line: number, column: startColumn), end: SourceLocation(line: number, column: endColumn))
                    if hasAmpersand {
                        cells.append(Cell(text: CellScanner.decodeEntities(text), range: range, index: index))
                    } else {
                        cells.append(Cell(text: text, range: range, index: index, hasInnerSpace: innerSpace))
                    }
                }
                index += 1
            }
            from = -1; to = -1
            pendingSpace = false; innerSpace = false; hasAmpersand = false
        }

        @inline(__always) mutating func visible(_ i: Int, _ j: Int, _ scalars: Int, _ ampersand: Bool) {
            sawVisible = true
            if from < 0 { from = i; startColumn = column } else if pendingSpace { innerSpace = true }
            pendingSpace = false
            if ampersand { hasAmpersand = true }
            to = j
            column += scalars
            endColumn = column
        }
    }

    /// The general scanner: HTML tags are removed, so a cell's text may join pieces.
    func scanTagged(_ bytes: UnsafeBufferPointer<UInt8>, line number: Int) -> (cells: [Cell], indent: Int) {
        var cells: [Cell] = []
        var current: [UInt8] = []
        current.reserveCapacity(64)
        var column = 1              // column of the next byte's scalar
        var cellStart = -1          // column of the first visible non-space byte in the current cell
        var cellEnd = -1            // column after the last visible non-space scalar
        var pendingSpaces: [UInt8] = []
        var innerSpace = false
        var hasAmpersand = false
        var indent = 0
        var sawVisible = false
        var index = 0

        func flush() {
            if keepsEmptyCells || !current.isEmpty {
                let text = String(decoding: current, as: UTF8.self)
                let range = cellStart < 0
                    ? SourceRange(line: number, column: column, length: 0)
                    : SourceRange(start: SourceLocation(line: number, column: cellStart), end: SourceLocation(line: number, column: cellEnd))
                if hasAmpersand {
                    // An entity may decode to a space (&nbsp;), so the space flag is recomputed.
                    let decoded = CellScanner.decodeEntities(text)
                    cells.append(Cell(text: decoded, range: range, index: index))
                } else {
                    cells.append(Cell(text: text, range: range, index: index, hasInnerSpace: innerSpace))
                }
                index += 1
            }
            current.removeAll(keepingCapacity: true)
            pendingSpaces.removeAll(keepingCapacity: true)
            innerSpace = false
            hasAmpersand = false
            cellStart = -1
            cellEnd = -1
        }

        var i = 0
        let end = bytes.count
        var noClose = Int.max
        func tagClose(from i: Int) -> Int? {
            if let close = bytes[i..<end].firstIndex(of: UInt8(ascii: ">")) { return close }
            noClose = i
            return nil
        }
        while i < end {
            let b = bytes[i]
            // Fast path: a run of plain text bytes (no separator, space, tag or special lead
            // byte) is appended at once; columns count the scalars in it.
            if CellScanner.isPlainByte(b) && pendingSpaces.isEmpty {
                let run = CellScanner.plainRun(bytes, from: i)
                sawVisible = true
                if cellStart < 0 { cellStart = column }
                if current.count < cellLimit {
                    hasAmpersand = hasAmpersand || run.ampersand
                    current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<run.end]))
                }
                column += run.scalars
                cellEnd = column
                i = run.end
                continue
            }
            // HTML tag: '<' followed by a letter, '/' or '!' up to the next '>' on the line.
            // `noClose`: where a search found no `>` to the line's end; a line of `<a<a<a…` is
            // not searched to its end again at every `<` (that took minutes for 400 KB).
            if b == UInt8(ascii: "<"), i + 1 < end, i < noClose, CellScanner.isTagStart(bytes[i + 1]), let close = tagClose(from: i) {
                // Tags between words act like a space in flow mode.
                if mode == .spaces && !current.isEmpty { pendingSpaces.append(0x20) }
                column += CellScanner.scalarCount(UnsafeBufferPointer(rebasing: bytes[i...close]))
                i = close + 1
                continue
            }
            let width = utf8Length(lead: b)
            let isTab = b == 0x09
            let spaceWidth = CellScanner.spaceWidth(bytes, i)
            let isSpace = spaceWidth > 0
            if !sawVisible && isSpace && !isTab { indent += 1 }
            if (mode == .tabs && isTab) || (mode == .spaces && isSpace) {
                if keepsEmptyCells || !current.isEmpty { flush() }
                i += spaceWidth
                column += 1
                continue
            }
            if mode == .pipes, case let w = CellScanner.pipeWidth(bytes, i), w > 0 {
                flush()
                i += w
                column += 1
                continue
            }
            if isSpace {
                if !current.isEmpty { pendingSpaces.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + spaceWidth)])) }
                i += spaceWidth
                column += 1
                continue
            }
            sawVisible = true
            if !pendingSpaces.isEmpty {
                innerSpace = true
                current.append(contentsOf: pendingSpaces)
                pendingSpaces.removeAll(keepingCapacity: true)
            }
            if cellStart < 0 { cellStart = column }
            let stop = min(end, i + width)
            // No real cell is this long; keep absurd ones from costing time downstream.
            if current.count < cellLimit {
                // A plain byte right after a space comes this way too.
                if b == UInt8(ascii: "&") { hasAmpersand = true }
                current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<stop]))
            }
            i = stop
            column += 1
            cellEnd = column
        }
        if keepsEmptyCells || !current.isEmpty { flush() }
        return (cells, indent)
    }

    /// Drops the empty cells outside the outer pipes, and whole separator rows (`| --- | :-: |`).
    static func markdownCells(_ cells: consuming [Cell]) -> [Cell] {
        var c = cells
        if let f = c.first, f.isEmpty { c.removeFirst() }
        if let l = c.last, l.isEmpty { c.removeLast() }
        // `| --- | :-: |`, and the borders of grid tables: `+-----+=====+`, `├────┼────┤`.
        let separator = !c.isEmpty && c.allSatisfy { cell in
            !cell.text.isEmpty && cell.text.unicodeScalars.allSatisfy(CellScanner.isBorder)
                && cell.text.unicodeScalars.contains { $0 == "-" || $0 == "=" || $0.value >= 0x2500 }
        }
        if separator { return [] }
        for i in c.indices { c[i].index = i }
        return c
    }

    /// Where `b[..<end]` ends without its trailing pipes, spaces, `｜` and U+3000, and how
    /// many of those (one column each) it drops.
    static func trailingPipeCut(_ b: UnsafeBufferPointer<UInt8>, end: Int) -> (end: Int, removed: Int) {
        var end = end, removed = 0
        while end > 0 {
            if b[end - 1] == UInt8(ascii: "|") || b[end - 1] == 0x20 { end -= 1 }
            else if end >= 3 && b[end - 3] == 0xEF && b[end - 2] == 0xBD && b[end - 1] == 0x9C { end -= 3 }  // ｜
            else if end >= 3 && b[end - 3] == 0xE3 && b[end - 2] == 0x80 && b[end - 1] == 0x80 { end -= 3 }  // U+3000
            else { break }
            removed += 1
        }
        return (end, removed)
    }

    /// `text |` → `text`; a lone `|` is an empty cell.
    static func withoutTrailingPipe(_ cell: Cell) -> Cell? {
        let (keep, removed) = cell.text.withBytes { trailingPipeCut($0, end: $0.count) }
        if removed == 0 { return cell }
        var c = cell
        c.text = String(decoding: cell.text.utf8.prefix(keep), as: UTF8.self)
        c.hasInnerSpace = c.text.withBytes(String.hasSpaceBytes)
        c.range.end.column = max(c.range.start.column, c.range.end.column - removed)
        return c
    }

    /// The width in bytes of a cell border at `i` in a table of pipes: `|`, the full-width
    /// `｜`, or a box-drawing vertical (`│`, `┃`, `║`, as terminal and text-grid table writers
    /// draw them); 0 for anything else.
    @inline(__always)
    static func pipeWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x7C { return 1 }
        guard c == 0xEF || c == 0xE2, i + 2 < b.count else { return 0 }
        let (d, e) = (b[i + 1], b[i + 2])
        if c == 0xEF { return d == 0xBD && e == 0x9C ? 3 : 0 }
        return (d == 0x94 && (e == 0x82 || e == 0x83)) || (d == 0x95 && e == 0x91) ? 3 : 0
    }

    /// Whether a scalar draws a table's border: ASCII grid (`+`, `-`, `=`, `:`) or box drawing.
    static func isBorder(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == ":" || s == " " || s == "+" || s == "=" || (s.value >= 0x2500 && s.value <= 0x257F)
    }

    /// A lead byte that can never be a separator, a space, a tag or a pipe: ASCII other than
    /// tab, space, `<`, `|` and controls; UTF-8 lead bytes other than C2 (NBSP), E2, E3
    /// (ideographic space) and EF (BOM, fullwidth pipe).
    @inline(__always)
    static func isPlainByte(_ b: UInt8) -> Bool {
        if b < 0x80 { return b > 0x20 && b != UInt8(ascii: "<") && b != UInt8(ascii: "|") && b != 0x7F }
        return b >= 0xC3 && b != 0xE2 && b != 0xE3 && b != 0xEF
    }

    /// A byte that may follow `<` in a tag: a letter, `/` or `!`.
    @inline(__always) static func isTagStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!")
    }

    /// The width of a space at `i`, or 0: the same space-like scalars as names and labels are
    /// compacted by (`String.spaceWidth`: space, tab, vertical tab, form feed, NBSP, U+3000,
    /// U+FEFF, U+200B). A form feed leads the first line of every page pdftotext writes, and a
    /// byte-order mark stands inside files joined with `cat`: read as text, they hid the figures
    /// and labels they stood before (`\f10.00`, `\u{FEFF}项目名称`).
    @inline(__always)
    static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int { String.spaceWidth(b, i) }

    /// A run of plain characters from `i` (which holds a plain byte), stepped a whole
    /// character at a time: where it ends, how many scalars it holds, and whether one is `&`.
    @inline(__always)
    static func plainRun(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> (end: Int, scalars: Int, ampersand: Bool) {
        var j = i, scalars = 0, ampersand = false
        while j < b.count {
            let d = b[j]
            if !isPlainByte(d) { break }
            if d == UInt8(ascii: "&") { ampersand = true }
            scalars += 1
            j += utf8Length(lead: d)
        }
        return (min(j, b.count), scalars, ampersand)
    }

    /// How many scalars the UTF-8 bytes hold (bytes that do not continue a character).
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// A cell's text with its character references decoded, in one pass: `&nbsp;` (a space),
    /// `&lt;`, `&gt;`, `&amp;`, `&quot;`, the named ones word processors write for
    /// punctuation and operators (`&ge;90%`, `&ldquo;…&rdquo;`, `&mdash;`), and numeric ones
    /// (`&#8805;`, `&#x2265;`), as a GB2312 web page writes what its encoding lacks. Anything
    /// else after `&` stays as written.
    static func decodeEntities(_ s: String) -> String {
        s.withBytes { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                if b[i] == 0x26, let (scalar, length) = entity(b, at: i) {
                    UTF8.encode(scalar) { out.append($0) }
                    i += length
                } else {
                    out.append(b[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }.trimmingSpaces()
    }

    /// Named references and what they stand for (no-break spaces as plain spaces, as cells
    /// are compared).
    static let namedEntities: [String: Unicode.Scalar] = [
        "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ", "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "middot": "\u{B7}", "hellip": "\u{2026}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "times": "\u{D7}", "divide": "\u{F7}", "ge": "\u{2265}", "le": "\u{2264}",
        "ne": "\u{2260}", "yen": "\u{A5}", "permil": "\u{2030}", "plusmn": "\u{B1}", "deg": "\u{B0}", "laquo": "\u{AB}", "raquo": "\u{BB}",
    ]

    /// The character a reference at `i` (`&name;`, `&#123;`, `&#x7B;`) stands for, and its length.
    static func entity(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        while j < b.count, j - i <= 10, b[j] != 0x3B { j += 1 }
        guard j < b.count, b[j] == 0x3B, j > i + 1 else { return nil }
        let name = UnsafeBufferPointer(rebasing: b[(i + 1)..<j])
        if name[0] == 0x23 {
            let hex = name.count > 1 && name[1] | 0x20 == 0x78
            var value: UInt32 = 0
            for c in name[(hex ? 2 : 1)...] {
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x61...0x66 where hex, 0x41...0x46 where hex: digit = UInt32(c | 0x20) - 0x61 + 10
                default: return nil
                }
                value = value * (hex ? 16 : 10) + digit
                if value > 0x10FFFF { return nil }
            }
            guard name.count > (hex ? 2 : 1), value > 0, var scalar = Unicode.Scalar(value) else { return nil }
            if value == 0xA0 { scalar = " " }
            return (scalar, j - i + 1)
        }
        guard let scalar = namedEntities[String(decoding: name, as: UTF8.self)] else { return nil }
        return (scalar, j - i + 1)
    }
}

extension String {
    /// Replaces every occurrence of `target`, matching Unicode scalars (so "\r" is found inside
    /// "\r\n"). Matched on the UTF-8 bytes, which finds the same places (a valid sequence
    /// starts only at a scalar's first byte), into one buffer: appending to a
    /// `UnicodeScalarView` copied the text at each replacement (300,000 `&amp;` in a cell took
    /// seconds).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return withBytes { s in
            target.withBytes { t in
                guard var next = firstIndexOfBytes(t, in: s) else { return self }
                var out: [UInt8] = []
                out.reserveCapacity(s.count)
                var from = 0
                while true {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: s[from..<next]))
                    out.append(contentsOf: replacement.utf8)
                    from = next + t.count
                    guard let found = firstIndexOfBytes(t, in: s, from: from) else { break }
                    next = found
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[from..<s.count]))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}
