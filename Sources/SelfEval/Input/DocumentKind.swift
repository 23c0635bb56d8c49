/// A file that is a document or an archive, not text, told by its first bytes: the forms are
/// typed into Excel, Word or WPS and published as PDF, and a user often hands selfeval the file
/// itself. Naming what it is lets the message say how to get its text.
///
/// The raw value names it in English, with its article.
public enum DocumentKind: String, Sendable, Equatable, CaseIterable {
    case pdf = "a PDF document"
    case excel = "an Excel workbook (.xlsx)"
    case word = "a Word document (.docx)"
    case ofd = "an OFD document"
    /// The compound file of Office 97–2003 and WPS (.xls, .doc, .et, .wps).
    case legacyExcel = "an Excel 97–2003 or WPS spreadsheet (.xls, .et)"
    case legacyWord = "a Word 97–2003 or WPS document (.doc, .wps)"
    case legacyOffice = "an Office 97–2003 or WPS file"
    case archive = "an archive (zip, rar, 7z or gzip)"
    case image = "an image"

    /// Folder files with these extensions are read too, so that a form kept as a document is
    /// reported (with how to get its text) instead of passed over without a word.
    public static let extensions: Set<String> = ["pdf", "xlsx", "xls", "docx", "doc", "et", "wps", "ofd"]

    /// What the bytes are, when they start with a document's or archive's signature.
    public static func recognise(_ bytes: [UInt8]) -> DocumentKind? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && bytes.starts(with: magic) }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            // The names of a zip's entries are stored as they are: the package's own parts.
            if contains(bytes, "word/") { return .word }
            if contains(bytes, "xl/") { return .excel }
            if contains(bytes, "OFD.xml") { return .ofd }
            return .archive
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // Its streams are named in UTF-16LE.
            if contains(bytes, utf16: "WordDocument") { return .legacyWord }
            if contains(bytes, utf16: "Workbook") || contains(bytes, utf16: "Book") { return .legacyExcel }
            return .legacyOffice
        }
        if starts(Array("Rar!\u{1A}\u{07}".utf8)) || starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || starts([0x1F, 0x8B]) {
            return .archive
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8))
            || starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
            || (starts(Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8)) {
            return .image
        }
        return nil
    }

    /// What to do to lint the forms it holds.
    public var hint: Message {
        switch self {
        case .pdf:
            return Message(en: "extract its text first, e.g. `pdftotext -layout form.pdf form.txt` (poppler-utils), and lint the text",
                           zh: "请先提取文本，例如 `pdftotext -layout form.pdf form.txt`（poppler-utils），再检查提取的文本")
        case .excel, .legacyExcel:
            return Message(en: "save each sheet as text first (另存为 文本文件(制表符分隔) or CSV UTF-8), and lint the text",
                           zh: "请先把各工作表另存为文本（文本文件(制表符分隔) 或 CSV UTF-8），再检查保存的文本")
        case .word, .legacyWord, .legacyOffice:
            return Message(en: "save it as a web page (.html) or plain text first, e.g. `libreoffice --headless --convert-to html form.docx`, and lint that",
                           zh: "请先另存为网页（.html）或纯文本，例如 `libreoffice --headless --convert-to html form.docx`，再检查保存的文件")
        case .ofd:
            return Message(en: "export its text first (an OFD reader's 导出文本, or print it to PDF and extract the text), and lint the text",
                           zh: "请先导出文本（用 OFD 阅读器导出，或打印为 PDF 后提取文本），再检查导出的文本")
        case .archive:
            return Message(en: "unpack it first and lint the folder", zh: "请先解压，再检查解压出的文件夹")
        case .image:
            return Message(en: "a scanned form has no text to read: recognise its text (OCR) first, and lint the text",
                           zh: "扫描件没有可读的文本：请先做文字识别（OCR），再检查识别出的文本")
        }
    }

    /// The kind's name in Chinese, for the message.
    public var chineseName: String {
        switch self {
        case .pdf: return "PDF 文档"
        case .excel: return "Excel 工作簿（.xlsx）"
        case .word: return "Word 文档（.docx）"
        case .ofd: return "OFD 版式文档"
        case .legacyExcel: return "Excel 97–2003 或 WPS 表格（.xls、.et）"
        case .legacyWord: return "Word 97–2003 或 WPS 文字文档（.doc、.wps）"
        case .legacyOffice: return "Office 97–2003 或 WPS 文件"
        case .archive: return "压缩包（zip、rar、7z 或 gzip）"
        case .image: return "图片"
        }
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        return bytes.withUnsafeBufferPointer { h in n.withUnsafeBufferPointer { firstIndexOfBytes($0, in: h) != nil } }
    }

    private static func contains(_ bytes: [UInt8], utf16 name: String) -> Bool {
        contains(bytes, String(decoding: name.utf8.flatMap { [$0, 0] }, as: UTF8.self))
    }
}
