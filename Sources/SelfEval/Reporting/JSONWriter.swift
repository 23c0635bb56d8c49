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

    /// A writer for one element of an array nested `depth` levels deep, whose output is
    /// spliced into another writer with `appendElement`.
    public init(elementAtDepth depth: Int) {
        self.pretty = true
        self.sink = nil
        self.indentLevel = depth
        self.started = true
    }

    /// Splices an element written by an `init(elementAtDepth:)` writer into the current array.
    public mutating func appendElement(_ fragment: String) {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        output += fragment
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
        var out = [UInt8]()
        appendEscaped(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal. Only ASCII controls, quote and backslash (and
    /// U+2028/U+2029) need escaping; other UTF-8 passes through as bytes.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        s.withBytes { u in
            var i = 0
            let n = u.count
            out.reserveCapacity(out.count + n + 2)
            while i < n {
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
                case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    out += Array((u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
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
