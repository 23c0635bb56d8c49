#if canImport(Glibc)
import Glibc
#endif

/// The lines of one form inside a file, and the layout they are written in.
public struct FormChunk: Sendable, Hashable {
    public var firstLine: Int
    public var lastLine: Int
    public var layout: Layout
}

/// Finds where each form starts in a file: at a title line (…自评表), or at a second
/// 项目名称 when a form has no title. Lines before the first form are returned as `outside`.
public enum FormSplitter {
    /// Where forms start, by the rules above, fed one line at a time: a title starts a form
    /// unless the current one has no 项目名称 yet; a 项目名称 starts one when the current form
    /// already has one (or nothing has started).
    struct Starts {
        private(set) var starts: [Int] = []
        private var hasName = false, hasStart = false

        mutating func see(_ line: Int, title: Bool, name: Bool) {
            if title, !hasStart || hasName {
                starts.append(line)
                hasStart = true
                hasName = false
            }
            if name {
                if hasName || !hasStart { starts.append(line); hasStart = true }
                hasName = true
            }
        }
    }

    /// Splits scanned lines (used for flattened paragraphs): the same rules, on cells.
    public static func split(lines: [TextLine]) -> [Range<Int>] {
        var tracker = Starts()
        for (i, line) in lines.enumerated() {
            guard let first = line.nonEmpty.first else { continue }
            tracker.see(i, title: line.nonEmpty.containsText(where: Vocabulary.isTitle), name: first.key.hasBytePrefix("项目名称"))
        }
        let starts = tracker.starts
        return starts.enumerated().map { k, s in s..<(k + 1 < starts.count ? starts[k + 1] : lines.count) }
    }

    static let titleBytes = Array("自评表".utf8)
    /// What may stand before a title or 项目名称 in its cell: table borders and a CSV quote.
    static let leadingMarks = ["|", "｜", "\"", "│", "┃", "║"]
    static let nameBytes = Array("项目名称".utf8)

    public static func split(_ source: SourceText) -> (chunks: [FormChunk], outside: [ClosedRange<Int>]) {
        var tracker = Starts()
        let tabScanner = CellScanner(mode: .tabs)
        // Only lines that hold the words are scanned into cells; the words are found by one
        // search over the whole file each, not line by line.
        let titleLines = lines(of: source, containing: titleBytes)
        let nameLines = lines(of: source, containingSpaced: nameBytes)
        var t = 0, m = 0
        while t < titleLines.count || m < nameLines.count {
            let n = min(t < titleLines.count ? titleLines[t] : Int.max, m < nameLines.count ? nameLines[m] : Int.max)
            let hasTitle = t < titleLines.count && titleLines[t] == n
            let hasName = m < nameLines.count && nameLines[m] == n
            if hasTitle { t += 1 }
            if hasName { m += 1 }
            let cells = tabScanner.scan(source, line: n).nonEmpty.map { c -> Cell in
                var c = c
                c.text = c.text.trimmingSpaces()
                // Markdown pipes, and the quote of a quoted CSV cell ("项目名称",…).
                while FormSplitter.leadingMarks.contains(where: c.text.hasBytePrefix) { c.text = String(c.text.dropFirst()).trimmingSpaces() }
                return c
            }
            tracker.see(n, title: hasTitle && cells.containsText(where: Vocabulary.isTitle),
                        name: hasName && (cells.first?.text.compacted.hasBytePrefix("项目名称") ?? false))
        }
        let starts = tracker.starts
        var chunks: [FormChunk] = []
        var outside: [ClosedRange<Int>] = []
        if let first = starts.first, first > 1 { outside.append(1...(first - 1)) }
        if starts.isEmpty { outside.append(1...source.lineCount) }
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] - 1 : source.lineCount
            chunks.append(FormChunk(firstLine: start, lastLine: end, layout: detectLayout(source, start, end)))
        }
        return (chunks, outside)
    }

    /// The layout most lines are written in: markdown when lines start with `|` (or `｜`, `│`), one cell per
    /// line when they end with `|` (a `|` alone counts as one cell per line) or stand between
    /// blank lines with empty cells written as spaces (`isParagraphPerCell`), tabular when they hold tabs, CSV when they hold two commas
    /// that separate cells (30% of non-blank lines each).
    static func detectLayout(_ source: SourceText, _ first: Int, _ last: Int) -> Layout {
        var tabbed = 0, nonBlank = 0, piped = 0, trailing = 0, commaSeparated = 0
        // Lines that may be an empty cell of their own (spaces alone, or a short line that
        // starts with NBSP or U+3000): `isParagraphPerCell` is asked only when there are some.
        var mayBeEmptyCells = 0
        source.bytes.withUnsafeBufferPointer { b in
            for n in first...last {
                let lineStart = source.lineStarts[n - 1], lineEnd = source.lineEnds[n - 1]
                var start = lineStart, end = lineEnd
                while start < end, b[start] == 0x20 || b[start] == 0x09 { start += 1 }
                guard start < end else {
                    if lineEnd > lineStart { mayBeEmptyCells += 1 }
                    continue
                }
                if end - start <= 12, b[start] == 0xC2 || b[start] == 0xE3 { mayBeEmptyCells += 1 }
                nonBlank += 1
                while end > start, b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
                // A pipe alone is an empty cell of one cell per line (a web page's table copied
                // out, `年初预算 |` / `|` / `238.93 |`): no markdown row is one pipe.
                let pipe = CellScanner.pipeWidth(b, start)
                if pipe > 0 && pipe < end - start { piped += 1 } else if b[end - 1] == 0x7C {
                    // A row of cells between pipes without the leading one (`总额 | 0.00 | 3.36 |
                    // … | |||`, as some web pages' tables are copied out) is a pipe table.
                    if FormSplitter.hasInnerPipe(UnsafeBufferPointer(rebasing: b[start..<end])) { piped += 1 } else { trailing += 1 }
                }
                if memchr(b.baseAddress! + lineStart, 0x09, lineEnd - lineStart) != nil { tabbed += 1 }
                if separatingCommas(UnsafeBufferPointer(rebasing: b[start..<end]), atLeast: 2) { commaSeparated += 1 }
            }
        }
        guard nonBlank > 0 else { return .flow }
        if piped * 10 >= nonBlank * 3 { return .markdown }
        if trailing * 10 >= nonBlank * 3 { return .cellPerLine }
        if tabbed * 10 >= nonBlank * 3 { return .tabular }
        if commaSeparated * 10 >= nonBlank * 3 { return .csv }
        return mayBeEmptyCells >= 3 && isParagraphPerCell(source, first, last) ? .cellPerLine : .flow
    }

    /// Whether a line ending in `|` holds a `|` before its trailing run of pipes and spaces:
    /// cells between pipes, not one cell with its ` |`.
    static func hasInnerPipe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var e = b.count
        while e > 0, b[e - 1] == 0x7C || b[e - 1] == 0x20 { e -= 1 }
        guard e > 0, let base = b.baseAddress else { return false }
        return memchr(base, 0x7C, e) != nil
    }

    /// A web page's table saved or copied as text: each cell a paragraph of its own between
    /// blank lines, an empty cell a paragraph of spaces (NBSP, U+3000). Nine lines in ten with
    /// text stand between blank lines, and three empty cells at least (a PDF's text, whose
    /// cells also stand between blank lines, has no line of spaces alone).
    static func isParagraphPerCell(_ source: SourceText, _ first: Int, _ last: Int) -> Bool {
        var text = 0, isolated = 0, empty = 0
        var previousBlank = true
        for n in first...last {
            let length = source.lineEnds[n - 1] - source.lineStarts[n - 1]
            if length == 0 { previousBlank = true; continue }
            if isEmptyCellLine(source, line: n) { empty += 1; previousBlank = true; continue }
            text += 1
            let nextBlank = n == last || source.lineEnds[n] == source.lineStarts[n] || isEmptyCellLine(source, line: n + 1)
            if previousBlank && nextBlank { isolated += 1 }
            previousBlank = false
        }
        return empty >= 3 && text > 0 && isolated * 10 >= text * 9
    }

    /// Whether lines `first...last` hold an empty cell of their own (see `isEmptyCellLine`): a
    /// table written one cell per line that keeps its empty cells.
    static func hasEmptyCellLine(_ source: SourceText, first: Int, last: Int) -> Bool {
        for n in first...last where isEmptyCellLine(source, line: n) { return true }
        return false
    }

    /// Whether line `n` is an empty cell written on a line of its own: a `|` alone (cells
    /// ending in ` |`), or spaces alone, NBSP or U+3000 among them (a web page's table saved as
    /// text, each cell a paragraph, an empty one a space). Tabs alone are a row of empty cells
    /// of a tab-separated table, and an empty line is no cell.
    static func isEmptyCellLine(_ source: SourceText, line n: Int) -> Bool {
        source.bytes.withUnsafeBufferPointer { b in
            var i = source.lineStarts[n - 1]
            var e = source.lineEnds[n - 1]
            while e > i, b[e - 1] == 0x0D { e -= 1 }
            guard i < e else { return false }
            var pipes = 0
            while i < e {
                if b[i] == 0x20 { i += 1 }
                else if b[i] == 0x7C { pipes += 1; i += 1 }
                else if b[i] == 0xC2, i + 1 < e, b[i + 1] == 0xA0 { i += 2 }
                else if b[i] == 0xE3, i + 2 < e, b[i + 1] == 0x80, b[i + 2] == 0x80 { i += 3 }
                else { return false }
            }
            return pipes <= 1
        }
    }

    /// Whether the line holds at least `n` commas outside quotes that are not inside a figure
    /// (`448,000.00` in a PDF dump has one between two digits; CSV cells are never so joined
    /// except figures after figures, `10,80.00%,8`, whose row has other separators too).
    static func separatingCommas(_ b: UnsafeBufferPointer<UInt8>, atLeast n: Int) -> Bool {
        guard let base = b.baseAddress, !b.isEmpty, memchr(base, 0x2C, b.count) != nil else { return false }
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        var quoted = false, found = 0
        for k in b.indices {
            let c = b[k]
            if c == 0x22 { quoted.toggle() }
            else if c == 0x2C && !quoted && !(isDigit(k - 1) && isDigit(k + 1)) {
                found += 1
                if found >= n { return true }
            }
        }
        return false
    }

    /// How lines of a layout split into cells.
    public static func scannerMode(_ layout: Layout) -> CellScanner.Mode {
        switch layout {
        case .tabular: return .tabs
        case .markdown: return .pipes
        case .csv: return .commas
        case .cellPerLine: return .wholeLine
        default: return .spaces
        }
    }

    /// The numbers of the lines (in order, each once) that hold `needle`, by one search over
    /// the whole text.
    static func lines(of source: SourceText, containing needle: [UInt8]) -> [Int] {
        var out: [Int] = []
        source.bytes.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { nd in
                var from = 0
                while let at = firstIndexOfBytesByLastByte(nd, in: h, from: from) {
                    from = at + 1
                    let line = source.line(containingOffset: at)
                    // A match that runs over a line break is not inside one line.
                    if at + nd.count <= source.lineEnds[line - 1], out.last != line { out.append(line) }
                }
            }
        }
        return out
    }

    /// The same for a word of Chinese characters that may be spaced out, as a label set in
    /// distributed alignment comes out of a PDF (`项 目 名 称`, `项　目　名　称`): found by its
    /// last character, then its others backwards across spaces (not tabs: those separate cells).
    static func lines(of source: SourceText, containingSpaced word: [UInt8]) -> [Int] {
        guard word.count >= 6, word.count % 3 == 0 else { return lines(of: source, containing: word) }
        var out: [Int] = []
        source.bytes.withUnsafeBufferPointer { h in
            word.withUnsafeBufferPointer { w in
                // By its last character (称 is rarer than 项), then the others backwards.
                let last = UnsafeBufferPointer(rebasing: w[(w.count - 3)...])
                var from = 0
                while let at = firstIndexOfBytesByLastByte(last, in: h, from: from) {
                    from = at + 3
                    guard let start = spacedMatchStart(w, in: h, endingAt: at + 3) else { continue }
                    let line = source.line(containingOffset: at)
                    if start >= source.lineStarts[line - 1], out.last != line { out.append(line) }
                }
            }
        }
        return out
    }

    /// Where `word` (three-byte characters) starts when it ends at `end` with only spaces, no
    /// tabs, between its characters; nil when it does not.
    static func spacedMatchStart(_ word: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
        var i = end, k = word.count
        while k > 0 {
            if k < word.count {
                // Back over spaces: ASCII space, NBSP (C2 A0) and U+3000 (E3 80 80).
                while i > 0 {
                    if h[i - 1] == 0x20 { i -= 1 } else if i >= 2, h[i - 2] == 0xC2, h[i - 1] == 0xA0 { i -= 2 }
                    else if i >= 3, h[i - 3] == 0xE3, h[i - 2] == 0x80, h[i - 1] == 0x80 { i -= 3 } else { break }
                }
            }
            guard i >= 3, h[i - 3] == word[k - 3], h[i - 2] == word[k - 2], h[i - 1] == word[k - 1] else { return nil }
            i -= 3
            k -= 3
        }
        return i
    }

    static func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return false }
        return hay.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in firstIndexOfBytes(n, in: h) != nil } }
    }
}
