/// The lines of one form inside a file, and the layout they are written in.
public struct FormChunk: Sendable, Hashable {
    public var firstLine: Int
    public var lastLine: Int
    public var layout: Layout
}

/// Finds where each form starts in a file: at a title line (…自评表), or at a second
/// 项目名称 when a form has no title. Lines before the first form are returned as `outside`.
public enum FormSplitter {
    static let titleBytes = Array("自评表".utf8)
    static let nameBytes = Array("项目名称".utf8)

    public static func split(_ source: SourceText) -> (chunks: [FormChunk], outside: [ClosedRange<Int>]) {
        var starts: [Int] = []
        var currentHasName = false
        var currentHasStart = false
        let tabScanner = CellScanner(mode: .tabs)
        for n in 1...source.lineCount {
            let bytes = source.lineBytes(n)
            if bytes.isEmpty { continue }
            let hasTitle = contains(bytes, titleBytes)
            let hasName = contains(bytes, nameBytes)
            guard hasTitle || hasName else { continue }
            let cells = tabScanner.scan(source, line: n).nonEmpty
            if hasTitle, cells.contains(where: { Vocabulary.isTitle($0.text) }) {
                if !currentHasStart || currentHasName {
                    starts.append(n)
                    currentHasStart = true
                    currentHasName = false
                }
            }
            if hasName, let first = cells.first?.text.compacted, first.hasPrefix("项目名称") {
                if currentHasName || !currentHasStart {
                    starts.append(n)
                    currentHasStart = true
                }
                currentHasName = true
            }
        }
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

    /// Tabular when at least 30% of the non-blank lines hold a tab.
    static func detectLayout(_ source: SourceText, _ first: Int, _ last: Int) -> Layout {
        var tabbed = 0, nonBlank = 0
        for n in first...last {
            let bytes = source.lineBytes(n)
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            nonBlank += 1
            if bytes.contains(0x09) { tabbed += 1 }
        }
        return nonBlank > 0 && tabbed * 10 >= nonBlank * 3 ? .tabular : .flow
    }

    static func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count, let first = needle.first else { return false }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
