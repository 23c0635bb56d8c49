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

    /// Documents, archives and images are told by their first bytes, whatever their name, and
    /// the message says what the file is and how to get its text.
    @Test(arguments: [
        (Array("%PDF-1.7\n%\u{E2}".utf8) + [0, 1], DocumentKind.pdf, "pdftotext -layout"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0] + Array("[Content_Types].xmlxl/workbook.xml".utf8), .excel, "制表符分隔"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0] + Array("[Content_Types].xmlword/document.xml".utf8), .word, "--convert-to html"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0] + Array("OFD.xmlDoc_0/Document.xml".utf8), .ofd, "OFD"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0] + Array("forms/a.txt".utf8), .archive, "unpack"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0] + Array("Workbook".utf8).flatMap { [$0, 0] }, .legacyExcel, "制表符分隔"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0] + Array("WordDocument".utf8).flatMap { [$0, 0] }, .legacyWord, "--convert-to html"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], .legacyOffice, "web page"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], .image, "OCR"),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], .image, "OCR"),
        (Array("Rar!".utf8) + [0x1A, 0x07, 0, 0], .archive, "unpack"),
    ] as [([UInt8], DocumentKind, String)])
    func documentsAreNamed(bytes: [UInt8], kind: DocumentKind, hint: String) {
        #expect(DocumentKind.recognise(bytes) == kind)
        #expect(throws: DecodeFailure.document(kind)) { try Decoder.decode(bytes).get() }
        let message = DecodeFailure.document(kind).message
        #expect(message.en.contains(kind.rawValue) && message.zh.contains(kind.chineseName))
        #expect(message.en.contains(hint) || message.zh.contains(hint))
    }

    /// Text that merely starts like a signature is text.
    @Test(arguments: ["PK 项目名称\t甲\n", "%PD 项目名称\n", "GIF 项目名称\n", "BM 项目名称\n", "II 项目名称\n"])
    func textStartingLikeASignatureIsText(text: String) throws {
        #expect(DocumentKind.recognise(Array(text.utf8)) == nil)
        #expect(try Decoder.decode(Array(text.utf8)).get().encoding == .utf8)
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
