import Testing
@testable import SelfEval

/// The JSON writer's hand-written pieces: integers without String, keys copied as they are.
@Suite struct JSONWriterTests {
    @Test(arguments: [0, 7, 10, 96, -1, -10, 1_234_567, Int.max, Int.min])
    func integersAreWrittenAsSwiftPrintsThem(value: Int) {
        var out: [UInt8] = []
        JSONWriter.appendDecimal(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(value))
    }

    @Test func plainKeysAreCopiedAndOthersEscaped() {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.number("line", 12)
        w.string("say \"hi\"", "x")
        w.endObject()
        #expect(w.output == #"{"line":12,"say \"hi\"":"x"}"#)
    }

    /// Escaping, which skips eight bytes at a time when none may need it, agrees with a
    /// scalar-by-scalar escaper wherever the special characters fall in or across words.
    /// Commas, line breaks, indentation and keys (written together on the stack for plain keys
    /// at shallow depths) come out as writing them one by one gives: pretty and compact, plain
    /// and escaped keys, a key of more than 64 bytes, and nesting deeper than 16 levels.
    @Test(arguments: [true, false])
    func prefixesAgreeWithWritingThemOneByOne(pretty: Bool) {
        let keys = ["line", "implementingUnit", "a\"b", "名称", String(repeating: "k", count: 80), "tab\there"]
        func escapedKey(_ k: String) -> String { JSONWriter.escape(k) }
        var w = JSONWriter(pretty: pretty)
        var expected = ""
        func newline(_ depth: Int) { if pretty { expected += "\n" + String(repeating: " ", count: depth * 2) } }
        w.beginObject()
        expected += "{"
        var depth = 1
        for level in 0..<20 {
            for (i, key) in keys.enumerated() {
                if i > 0 { expected += "," }
                newline(depth)
                expected += escapedKey(key) + ":" + (pretty ? " " : "") + "\(level)"
                w.number(key, level)
            }
            expected += ","
            newline(depth)
            expected += "\"next\":" + (pretty ? " " : "") + "{"
            w.beginObject("next")
            depth += 1
        }
        for k in 0..<20 {
            w.endObject()
            depth -= 1
            // The innermost object is empty: `{}` on one line.
            if k > 0 { newline(depth) }
            expected += "}"
        }
        w.endObject()
        newline(0)
        expected += "}"
        #expect(w.output == expected)
    }

    @Test func escapingAgreesWithAScalarByScalarEscaper() {
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if u.value < 0x20 || u.value == 0x7F {
                        let hex = String(u.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            return out + "\""
        }
        let alphabet: [Unicode.Scalar] = ["a", "7", "甲", "“", "—", "…", "\"", "\\", "\n", "\t", "\r", "\u{1}", "\u{7F}", "\u{2028}", "\u{2029}", "é", "😀"]
        var rng = SystemRandomNumberGenerator()
        var texts = ["", "plain ascii text that is long", "全是中文的一段较长文字没有需要转义的字符", "ends with quote\"", "\"starts"]
        for _ in 0..<500 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
            texts.append(String(s))
        }
        for t in texts { #expect(JSONWriter.escape(t) == reference(t), "\(Array(t.unicodeScalars))") }
    }
}
