/// One cell of a line: its visible text (HTML tags removed, trimmed) and where it stands.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var range: SourceRange
    /// Position in the line: the tab column for tabular lines, the token ordinal for flow lines.
    public var index: Int

    public init(text: String, range: SourceRange, index: Int) {
        self.text = text
        self.range = range
        self.index = index
    }

    public var isEmpty: Bool { text.isEmpty }
}

/// A source line split into cells.
public struct TextLine: Sendable {
    public var number: Int
    /// Every cell, empty ones included for tabular lines; non-empty tokens for flow lines.
    public var cells: [Cell]
    /// Leading spaces before the first visible character.
    public var indent: Int

    public var nonEmpty: [Cell] { cells.filter { !$0.isEmpty } }
    public var isBlank: Bool { cells.allSatisfy { $0.isEmpty } }

    /// All visible text, cells joined by one space.
    public var text: String { nonEmpty.map(\.text).joined(separator: " ") }

    /// The range from the first to the last non-empty cell.
    public var range: SourceRange {
        let ne = nonEmpty
        guard let f = ne.first, let l = ne.last else { return SourceRange(line: number, column: 1, length: 0) }
        return f.range.union(l.range)
    }
}

/// Splits lines into cells, scanning bytes: tabs separate cells (tabular), or runs of
/// spaces and tabs do (flow). HTML tags are removed; columns count Unicode scalars.
public struct CellScanner: Sendable {
    public enum Mode: Sendable { case tabs, spaces }
    public let mode: Mode

    public init(mode: Mode) { self.mode = mode }

    public func scan(_ source: SourceText, line number: Int) -> TextLine {
        let slice = source.lineBytes(number)
        var cells: [Cell] = []
        var current: [UInt8] = []
        current.reserveCapacity(64)
        var column = 1              // column of the next byte's scalar
        var cellStart = -1          // column of the first visible non-space byte in the current cell
        var cellEnd = -1            // column after the last visible non-space scalar
        var pendingSpaces: [UInt8] = []
        var indent = 0
        var sawVisible = false
        var index = 0

        func flush() {
            if mode == .tabs || !current.isEmpty {
                let text = String(decoding: current, as: UTF8.self)
                let range = cellStart < 0
                    ? SourceRange(line: number, column: column, length: 0)
                    : SourceRange(start: SourceLocation(line: number, column: cellStart), end: SourceLocation(line: number, column: cellEnd))
                cells.append(Cell(text: decodeEntities(text), range: range, index: index))
                index += 1
            }
            current.removeAll(keepingCapacity: true)
            pendingSpaces.removeAll(keepingCapacity: true)
            cellStart = -1
            cellEnd = -1
        }

        var i = slice.startIndex
        let end = slice.endIndex
        while i < end {
            let b = slice[i]
            // HTML tag: '<' followed by a letter, '/' or '!' up to the next '>' on the line.
            if b == UInt8(ascii: "<"), i + 1 < end, isTagStart(slice[i + 1]), let close = slice[i..<end].firstIndex(of: UInt8(ascii: ">")) {
                // Tags between words act like a space in flow mode.
                if mode == .spaces && !current.isEmpty { pendingSpaces.append(0x20) }
                column += scalarCount(slice[i...close])
                i = close + 1
                continue
            }
            let width = utf8Length(b)
            let isTab = b == 0x09
            let isSpace = b == 0x20 || isTab || (b == 0xE3 && i + 2 < end && slice[i + 1] == 0x80 && slice[i + 2] == 0x80)
                || (b == 0xC2 && i + 1 < end && slice[i + 1] == 0xA0)
            if !sawVisible && isSpace && !isTab { indent += 1 }
            if (mode == .tabs && isTab) || (mode == .spaces && isSpace) {
                if mode == .tabs || !current.isEmpty { flush() }
                i += isSpace && !isTab && b != 0x20 ? (b == 0xC2 ? 2 : 3) : 1
                column += 1
                continue
            }
            if isSpace {
                if !current.isEmpty { pendingSpaces.append(contentsOf: slice[i..<min(end, i + (b == 0x20 ? 1 : (b == 0xC2 ? 2 : 3)))]) }
                i += b == 0x20 ? 1 : (b == 0xC2 ? 2 : 3)
                column += 1
                continue
            }
            sawVisible = true
            if !pendingSpaces.isEmpty {
                current.append(contentsOf: pendingSpaces)
                pendingSpaces.removeAll(keepingCapacity: true)
            }
            if cellStart < 0 { cellStart = column }
            let stop = min(end, i + width)
            current.append(contentsOf: slice[i..<stop])
            i = stop
            column += 1
            cellEnd = column
        }
        if mode == .tabs || !current.isEmpty { flush() }
        return TextLine(number: number, cells: cells, indent: indent)
    }

    @inline(__always) private func isTagStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!")
    }

    @inline(__always) private func utf8Length(_ b: UInt8) -> Int {
        if b < 0x80 { return 1 }
        if b & 0xE0 == 0xC0 { return 2 }
        if b & 0xF0 == 0xE0 { return 3 }
        if b & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    private func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    private func decodeEntities(_ s: String) -> String {
        guard s.containsBytes("&") else { return s }
        return s.replacingAll("&nbsp;", with: " ").replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
            .replacingAll("&amp;", with: "&").trimmingSpaces()
    }
}

extension String {
    /// Replaces every occurrence of `target`, matching Unicode scalars (so "\r" is found inside "\r\n").
    func replacingAll(_ target: String, with replacement: String) -> String {
        let t = Array(target.unicodeScalars)
        guard let first = t.first else { return self }
        let s = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var changed = false
        while i < s.count {
            if s[i] == first, i + t.count <= s.count, Array(s[i..<(i + t.count)]) == t {
                out.append(contentsOf: replacement.unicodeScalars)
                i += t.count
                changed = true
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return changed ? String(out) : self
    }
}
