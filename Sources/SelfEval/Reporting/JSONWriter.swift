/// A small JSON writer with a fixed key order, so output is byte-for-byte deterministic.
public struct JSONWriter {
    public private(set) var output = ""
    private var indentLevel = 0
    private var needsComma: [Bool] = [false]
    private var started = false
    public let pretty: Bool
    /// Where finished text goes when streaming; nil keeps it all in `output`.
    let sink: (@Sendable (String) -> Void)?

    public init(pretty: Bool = true, sink: (@Sendable (String) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
    }

    /// Hands what is written so far to the sink (when streaming) to keep memory flat.
    public mutating func flushIfLarge() {
        guard let sink, output.utf8.count >= 1 << 20 else { return }
        sink(output)
        output = ""
    }

    /// Hands the rest to the sink; returns what was not streamed.
    public mutating func finish() -> String {
        if let sink {
            sink(output)
            output = ""
        }
        return output
    }

    public static func escape(_ s: String) -> String {
        // Bytes: only ASCII controls, quote and backslash need escaping; UTF-8 passes through.
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        var i = s.utf8.startIndex
        let u = s.utf8
        while i != u.endIndex {
            let b = u[i]
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20, 0x7F:
                let hex = String(b, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            case 0xE2:
                // U+2028 / U+2029 (E2 80 A8 / E2 80 A9) break JavaScript string literals.
                let n1 = u.index(after: i)
                if n1 != u.endIndex, u[n1] == 0x80, u.index(after: n1) != u.endIndex, u[u.index(after: n1)] == 0xA8 || u[u.index(after: n1)] == 0xA9 {
                    out += Array((u[u.index(after: n1)] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i = u.index(after: u.index(after: n1))
                    continue
                }
                out.append(b)
            default: out.append(b)
            }
            i = u.index(after: i)
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func prefix(key: String?) {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && indentLevel > 0 { output += "\n" + String(repeating: "  ", count: indentLevel) }
        if let key { output += JSONWriter.escape(key) + (pretty ? ": " : ":") }
    }

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    private mutating func open(_ key: String?, _ bracket: String) {
        if indentLevel > 0 || started { prefix(key: key) }
        started = true
        output += bracket
        indentLevel += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        indentLevel -= 1
        if pretty && hadItems { output += "\n" + String(repeating: "  ", count: indentLevel) }
        output += bracket
    }

    public mutating func string(_ key: String?, _ value: String?) {
        prefix(key: key)
        output += value.map(JSONWriter.escape) ?? "null"
    }

    public mutating func number(_ key: String?, _ value: Int) {
        prefix(key: key)
        output += String(value)
    }

    /// An exact decimal as a JSON number with its printed precision.
    public mutating func decimal(_ key: String?, _ value: ExactDecimal?) {
        prefix(key: key)
        output += value.map { $0.description } ?? "null"
    }

    public mutating func bool(_ key: String?, _ value: Bool) {
        prefix(key: key)
        output += value ? "true" : "false"
    }

    public mutating func null(_ key: String?) {
        prefix(key: key)
        output += "null"
    }
}
