#if canImport(Glibc)
import Glibc
#endif

/// Reading the markup of HTML tables: tag names, spans, end tags, in the bytes.
extension HTMLTables.Reader {
    /// The tag between `<` and `>` (from after `<` to `close`), and whether it closes.
    static func tag(_ b: UnsafeBufferPointer<UInt8>, from: Int, to close: Int) -> (HTMLTables.Tag, Bool) {
        var k = from
        let closing = k < close && b[k] == 0x2F
        if closing { k += 1 }
        // The name in lower case, packed into one integer (names of more than 8 letters
        // are none of ours).
        var name: UInt64 = 0, length = 0
        while k < close, length <= 8, !HTMLTables.isNameEnd(b[k]) { name = name << 8 | UInt64(b[k] | 0x20); length += 1; k += 1 }
        guard length <= 8 else { return (.other, closing) }
        switch name {
        case Names.table: return (.table, closing)
        case Names.tr: return (.row, closing)
        case Names.td, Names.th: return (.cell, closing)
        case Names.style, Names.script, Names.xml: return (.hidden, closing)
        default: return (Names.breaks.contains(name) ? .lineBreak : .other, closing)
        }
    }

    /// `</name` for the hidden block whose start tag is between `from` and `close`.
    static func endTag(_ b: UnsafeBufferPointer<UInt8>, from: Int, to close: Int) -> [UInt8] {
        var name: [UInt8] = [0x3C, 0x2F]
        var k = from
        while k < close, !HTMLTables.isNameEnd(b[k]) { name.append(b[k] | 0x20); k += 1 }
        return name
    }

    /// Where `needle` (lower case) first stands in `b[from..<to]`, letters in any case.
    static func find(_ needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let first = needle.first, let base = b.baseAddress else { return nil }
        var k = from
        while k + needle.count <= to, let hit = memchr(base + k, Int32(first), to - k) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard at + needle.count <= to else { return nil }
            var same = true
            for j in 1..<needle.count where b[at + j] | 0x20 != needle[j] | 0x20 { same = false; break }
            if same { return at }
            k = at + 1
        }
        return nil
    }

    /// Tag names packed as `tag` packs them.
    enum Names {
        static func packed(_ s: String) -> UInt64 { s.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
        static let table = packed("table"), tr = packed("tr"), td = packed("td"), th = packed("th")
        static let style = packed("style"), script = packed("script"), xml = packed("xml")
        static let commentEnd = Array("-->".utf8)
        static let rowspan = Array("rowspan".utf8), colspan = Array("colspan".utf8)
        /// Tags that break text: inside a cell a line break, outside the end of a paragraph.
        static let breaks = Set(["br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "caption"].map(packed))
    }

    /// The value of attribute `name` (`rowspan="2"`, `colspan=3`) in the tag, 1 when absent.
    static func span(_ b: UnsafeBufferPointer<UInt8>, from: Int, to close: Int, _ name: [UInt8]) -> Int {
        var k = from
        while k + name.count < close {
            var match = true
            for (j, c) in name.enumerated() where b[k + j] | 0x20 != c { match = false; break }
            if match && (k == from || !b[k - 1].isASCIIAlnum) {
                var m = k + name.count
                while m < close && (b[m] == 0x20 || b[m] == 0x3D || b[m] == 0x22 || b[m] == 0x27) { m += 1 }
                var value = 0
                while m < close && b[m] >= 0x30 && b[m] <= 0x39 && value <= HTMLTables.maxSpan { value = value * 10 + Int(b[m] - 0x30); m += 1 }
                return min(max(value, 1), HTMLTables.maxSpan)
            }
            k += 1
        }
        return 1
    }
}
