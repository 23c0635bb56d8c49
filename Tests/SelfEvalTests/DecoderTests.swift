import Testing
@testable import SelfEval

@Suite struct DecoderTests {
    let sample = "项目名称\t测试\r\n总分\t100\n"

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try Decoder.decode(Array(sample.utf8)).get()
        #expect(plain.encoding == .utf8)
        let bom = try Decoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8)).get()
        #expect(bom.encoding == .utf8BOM)
        #expect(bom.text == plain.text)
    }

    @Test func utf16BothEndians() throws {
        let units = Array(sample.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try Decoder.decode(le).get().text == Array(sample.utf8))
        #expect(try Decoder.decode(be).get().encoding == .utf16BE)
        #expect(try Decoder.decode(be).get().text == Array(sample.utf8))
    }

    @Test func gb18030WhenNotUTF8() throws {
        // "项目名称" in GB18030.
        let gb: [UInt8] = [0xCF, 0xEE, 0xC4, 0xBF, 0xC3, 0xFB, 0xB3, 0xC6]
        let decoded = try Decoder.decode(gb).get()
        #expect(decoded.encoding == .gb18030)
        #expect(String(decoding: decoded.text, as: UTF8.self) == "项目名称")
    }

    @Test func emptyAndBinaryAreReported() {
        #expect(throws: DecodeFailure.empty) { try Decoder.decode([]).get() }
        #expect(throws: DecodeFailure.binary(offset: 3)) { try Decoder.decode([0x41, 0x42, 0x43, 0x00, 0x01, 0x02, 0x03]).get() }
    }

    @Test func lineEndingsAllCount() {
        let s = SourceText("a\r\nb\rc\nd")
        #expect(s.lineCount == 4)
        #expect((1...4).map { s.line($0) } == ["a", "b", "c", "d"])
    }

    /// Control characters are found eight bytes at a time; every position in a word, words
    /// after line breaks, and the 64 KiB limit must behave as a byte-by-byte scan.
    @Test(arguments: [0, 5, 7, 8, 13, 1000, 65_535, 65_536, 70_000])
    func controlCharacterIsFoundWherever(at position: Int) {
        var text = Array(String(repeating: "项目\t名称\r\n", count: 6_000).utf8).prefix(70_001).map { $0 }
        text[position] = 0x07
        let expected: Int? = position < 65_536 ? position : nil
        #expect(Decoder.firstControl(text) == expected)
        #expect(Decoder.firstControl(Array(text[..<min(text.count, 65_536)]).filter { $0 != 0x07 }) == nil)
    }
}
