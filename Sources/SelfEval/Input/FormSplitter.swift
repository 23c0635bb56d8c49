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
            tracker.see(i, title: line.nonEmpty.contains(where: { Vocabulary.isTitle($0.text) }), name: first.key.hasBytePrefix("项目名称"))
        }
        let starts = tracker.starts
        return starts.enumerated().map { k, s in s..<(k + 1 < starts.count ? starts[k + 1] : lines.count) }
    }

    static let titleBytes = Array("自评表".utf8)
    static let nameBytes = Array("项目名称".utf8)

    public static func split(_ source: SourceText) -> (chunks: [FormChunk], outside: [ClosedRange<Int>]) {
        var tracker = Starts()
        let tabScanner = CellScanner(mode: .tabs)
        for n in 1...source.lineCount {
            let bytes = source.lineBytes(n)
            if bytes.isEmpty { continue }
            // Only lines that hold the words are scanned into cells.
            let hasTitle = contains(bytes, titleBytes)
            let hasName = contains(bytes, nameBytes)
            guard hasTitle || hasName else { continue }
            let cells = tabScanner.scan(source, line: n).nonEmpty.map { c -> Cell in
                var c = c
                c.text = c.text.trimmingSpaces()
                while c.text.hasPrefix("|") || c.text.hasPrefix("｜") { c.text = String(c.text.dropFirst()).trimmingSpaces() }
                return c
            }
            tracker.see(n, title: hasTitle && cells.contains(where: { Vocabulary.isTitle($0.text) }),
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

    /// The layout most lines are written in: markdown when lines start with `|`, one cell per
    /// line when they end with `|`, tabular when they hold tabs (30% of non-blank lines each).
    static func detectLayout(_ source: SourceText, _ first: Int, _ last: Int) -> Layout {
        var tabbed = 0, nonBlank = 0, piped = 0, trailing = 0
        for n in first...last {
            let bytes = source.lineBytes(n)
            guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            nonBlank += 1
            if bytes[start] == 0x7C { piped += 1 }
            else if let end = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }), bytes[end] == 0x7C { trailing += 1 }
            if bytes.contains(0x09) { tabbed += 1 }
        }
        guard nonBlank > 0 else { return .flow }
        if piped * 10 >= nonBlank * 3 { return .markdown }
        if trailing * 10 >= nonBlank * 3 { return .cellPerLine }
        return tabbed * 10 >= nonBlank * 3 ? .tabular : .flow
    }

    /// How lines of a layout split into cells.
    public static func scannerMode(_ layout: Layout) -> CellScanner.Mode {
        switch layout {
        case .tabular: return .tabs
        case .markdown: return .pipes
        case .cellPerLine: return .wholeLine
        default: return .spaces
        }
    }

    static func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return false }
        return hay.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in firstIndexOfBytes(n, in: h) != nil } }
    }
}
