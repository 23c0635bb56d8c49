/// Messages for a value that should be a number but cannot be one.
enum BadNumber {
    static func message(_ text: String, _ what: String) -> Message {
        var digits = Substring(text.compacted)
        while let f = digits.first, !(f.isASCII && f.isNumber) && f != "-" && f != "+" { digits = digits.dropFirst() }
        while let l = digits.last, !(l.isASCII && l.isNumber) { digits = digits.dropLast() }
        switch ExactDecimal.parse(digits) {
        case .failure(.tooLarge):
            return Message(en: "\(what) \"\(text)\" is too large to be a real figure", zh: "\(what)“\(text)”数值过大，不可能是真实数字")
        case .failure(.tooPrecise):
            return Message(en: "\(what) \"\(text)\" has more than \(ExactDecimal.maxScale) decimals", zh: "\(what)“\(text)”小数位超过 \(ExactDecimal.maxScale) 位")
        default:
            if isSpreadsheetError(text.compacted) {
                return Message(en: "\(what) \"\(text)\" is a spreadsheet's formula error, not a figure: mend the cell's formula (or type the figure) and export the form again",
                               zh: "\(what)“\(text)”是电子表格的公式错误，不是数字：请修正该单元格的公式（或直接填写数字）后重新导出")
            }
            if isScientific(text.compacted) {
                return Message(en: "\(what) \"\(text)\" is written in scientific notation, which may have lost digits: export the cell as the figure itself (a wider column, or the number format 0.00)",
                               zh: "\(what)“\(text)”为科学计数法，可能已丢失位数：请按数字原样导出该单元格（加宽列或设置数字格式 0.00）")
            }
            return Message(en: "\(what) \"\(text)\" is not a number", zh: "\(what)“\(text)”不是数字")
        }
    }

    /// The error values a spreadsheet shows in place of a formula's result.
    static let spreadsheetErrors = WordList(["#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"])

    /// `#DIV/0!`, `#REF!`, `#N/A`: a formula's error shown where its figure should be.
    static func isSpreadsheetError(_ t: String) -> Bool { t.utf8.first == UInt8(ascii: "#") && spreadsheetErrors.contains(t) }

    /// A target or actual that stands for a figure the export lost: a formula's error, or a
    /// figure in scientific notation. Byte tests first: most texts start with neither.
    static func isLostFigure(_ text: String) -> Bool {
        guard let f = text.utf8.first, text.utf8.count <= 24 else { return false }
        if f == UInt8(ascii: "#") { return isSpreadsheetError(text.compacted) }
        guard f >= 0x30 && f <= 0x39, text.utf8.contains(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) else { return false }
        return isScientific(text.compacted)
    }

    /// `3.5475E+07`, `1.2e-3`: digits, an E and an exponent, as a spreadsheet shows a figure
    /// too wide for its column.
    static func isScientific(_ t: String) -> Bool {
        let u = Array(t.utf8)
        guard let e = u.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }), e > 0, e + 1 < u.count else { return false }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let mantissa = u[..<e], exponent = u[(e + 1)...].drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        return mantissa.contains(where: isDigit) && mantissa.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
            && !exponent.isEmpty && exponent.allSatisfy(isDigit)
    }
}
