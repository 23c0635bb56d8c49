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
            return Message(en: "\(what) \"\(text)\" is not a number", zh: "\(what)“\(text)”不是数字")
        }
    }
}
