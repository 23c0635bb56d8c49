/// A small JSON writer with a fixed key order, so output is byte-for-byte deterministic.
public struct JSONWriter {
    public private(set) var output = ""
    private var indentLevel = 0
    private var needsComma: [Bool] = [false]
    public let pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public static func escape(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
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
        if indentLevel > 0 || !output.isEmpty { prefix(key: key) }
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
