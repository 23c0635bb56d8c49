/// A small JSON writer with a fixed key order, so output is byte-for-byte deterministic.
public struct JSONWriter {
    /// What is written so far as UTF-8 (when streaming, what the sink has not yet taken).
    public private(set) var bytes: [UInt8] = []
    /// The same as text.
    public var output: String { String(decoding: bytes, as: UTF8.self) }
    private var indentLevel = 0
    /// One bit per open container, innermost lowest: whether it has an item (so the next one
    /// needs a comma). Reports nest a few levels deep, far from the 64 a word holds.
    private var itemBits: UInt64 = 0
    private var started = false
    public let pretty: Bool
    /// Where finished UTF-8 goes when streaming; nil keeps it all in `output`.
    let sink: (@Sendable ([UInt8]) -> Void)?

    public init(pretty: Bool = true, sink: (@Sendable ([UInt8]) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
    }

    /// A writer for elements of an array nested `depth` levels deep (one or several, written
    /// one after another), whose output is spliced into another writer with `appendElement`.
    public init(elementAtDepth depth: Int) {
        self.pretty = true
        self.sink = nil
        self.indentLevel = depth
        self.started = true
    }

    /// Splices the elements written by an `init(elementAtDepth:)` writer (its `bytes`, not
    /// empty) into the current array.
    public mutating func appendElement(_ fragment: [UInt8]) {
        if itemBits & 1 != 0 { bytes.append(UInt8(ascii: ",")) }
        itemBits |= 1
        bytes.append(contentsOf: fragment)
    }

    /// Hands what is written so far to the sink (when streaming) to keep memory flat.
    public mutating func flushIfLarge() {
        guard let sink, bytes.count >= 1 << 20 else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands the rest to the sink; returns what was not streamed.
    public mutating func finish() -> String {
        if let sink {
            sink(bytes)
            bytes.removeAll()
            return ""
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
            out.reserveRoom(n + 2)
            // Runs of bytes that need no escape are copied at once.
            var run = 0
            let base = UnsafeRawPointer(u.baseAddress)
            while i < n {
                // Eight bytes at a time: a word with no byte that may need an escape (a control,
                // quote, backslash, DEL, or the E2 that leads U+2028/U+2029) is skipped whole.
                if let base, i + 8 <= n, !JSONWriter.mayNeedEscape(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = u[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && b != 0x7F && b != 0xE2 { i += 1; continue }
                let lineSeparator = b == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)
                if b == 0xE2 && !lineSeparator { i += 1; continue }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i])) }
                switch b {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0xE2:
                    out += Array((u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 2
                default:
                    let hex = String(b, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                i += 1
                run = i
            }
            if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<n])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether one of the eight bytes of `x` is below 0x20 or is `"`, `\\`, DEL or 0xE2 (the
    /// bit tricks are exact for "any byte"; which byte is found by the byte loop).
    @inline(__always)
    static func mayNeedEscape(_ x: UInt64) -> Bool {
        (ByteWord.controls(x) | ByteWord.matches(0x22, x) | ByteWord.matches(0x5C, x)
            | ByteWord.matches(0x7F, x) | ByteWord.matches(0xE2, x)) != 0
    }

    /// A key: the report's keys are plain ASCII words, copied as they are; anything else is
    /// escaped like a value.
    static func appendKey(_ key: String, to out: inout [UInt8]) {
        let plain = key.withBytes { b in
            guard isPlainKey(b) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: b)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { appendEscaped(key, to: &out) }
    }

    private mutating func prefix(key: String?) {
        let comma = itemBits & 1 != 0
        itemBits |= 1
        let breaks = pretty && indentLevel > 0
        // The usual case, a plain key at a shallow depth: comma, line break, indentation and
        // `"key": ` are put together on the stack and appended at once (one append instead of
        // six, each checking the buffer's room and uniqueness).
        if let key, !breaks || indentLevel <= 16 {
            let done = key.withBytes { k -> Bool in
                guard k.count <= 64, JSONWriter.isPlainKey(k) else { return false }
                let indent = breaks ? indentLevel * 2 : 0
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 + indent + k.count + 4) { buffer in
                    var i = 0
                    if comma { buffer[i] = UInt8(ascii: ","); i += 1 }
                    if breaks {
                        buffer[i] = 0x0A; i += 1
                        for _ in 0..<indent { buffer[i] = 0x20; i += 1 }
                    }
                    buffer[i] = UInt8(ascii: "\""); i += 1
                    for c in k { buffer[i] = c; i += 1 }
                    buffer[i] = UInt8(ascii: "\""); i += 1
                    buffer[i] = UInt8(ascii: ":"); i += 1
                    if pretty { buffer[i] = 0x20; i += 1 }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<i]))
                }
                return true
            }
            if done { return }
        }
        if comma { bytes.append(UInt8(ascii: ",")) }
        if breaks { newline(indent: indentLevel) }
        if let key {
            JSONWriter.appendKey(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(UInt8(ascii: " ")) }
        }
    }

    /// A key copied as it is: no control, quote, backslash or non-ASCII byte.
    @inline(__always)
    static func isPlainKey(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in b where c < 0x20 || c >= 0x7F || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { return false }
        return true
    }

    /// A line break and the deepest indentation a report uses; shallower ones are its prefixes.
    private static let breakAndIndent: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 32)

    private mutating func newline(indent: Int) {
        let n = 1 + indent * 2
        if n <= JSONWriter.breakAndIndent.count {
            JSONWriter.breakAndIndent.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<n])) }
        } else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: indent * 2))
        }
    }

    private mutating func raw(_ s: String) {
        s.withBytes { bytes.append(contentsOf: $0) }
    }

    public mutating func beginObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        if indentLevel > 0 || started { prefix(key: key) }
        started = true
        bytes.append(bracket)
        indentLevel += 1
        precondition(itemBits >> 63 == 0, "JSON nested deeper than 63 levels")
        itemBits <<= 1
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = itemBits & 1 != 0
        itemBits >>= 1
        indentLevel -= 1
        if pretty && hadItems { newline(indent: indentLevel) }
        bytes.append(bracket)
    }

    public mutating func string(_ key: String?, _ value: String?) {
        prefix(key: key)
        if let value { JSONWriter.appendEscaped(value, to: &bytes) } else { raw("null") }
    }

    public mutating func number(_ key: String?, _ value: Int) {
        prefix(key: key)
        JSONWriter.appendDecimal(value, to: &bytes)
    }

    /// The digits of an integer, written without making a String.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // The magnitude as UInt, so Int.min has one too.
        var m = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
            } while m > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// An exact decimal as a JSON number with its printed precision.
    public mutating func decimal(_ key: String?, _ value: ExactDecimal?) {
        prefix(key: key)
        if let value { value.appendFormatted(grouping: false, to: &bytes) } else { raw("null") }
    }

    public mutating func bool(_ key: String?, _ value: Bool) {
        prefix(key: key)
        raw(value ? "true" : "false")
    }

    public mutating func null(_ key: String?) {
        prefix(key: key)
        raw("null")
    }
}
