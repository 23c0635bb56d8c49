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
