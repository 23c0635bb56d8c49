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
}
