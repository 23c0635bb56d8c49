/// The operator of a target or (wrongly) of an actual value.
public enum Comparator: String, Sendable, Hashable, Codable {
    case equal = "="
    case atLeast = "≥"
    case greater = ">"
    case atMost = "≤"
    case less = "<"

    /// ≤ and < targets are "reverse" targets: smaller is better.
    public var isReverse: Bool { self == .atMost || self == .less }
    /// ≥, >, ≤, < (not =).
    public var isInequality: Bool { self != .equal }
}

/// A number with its operator and unit as printed, e.g. `≥4000.00(件)` or `98%`.
public struct Quantity: Hashable, Sendable {
    public var comparator: Comparator?
    public var value: ExactDecimal
    /// The unit as printed without brackets: `%`, `件`, `人`, `个街镇`; empty when none.
    public var unit: String

    public init(comparator: Comparator?, value: ExactDecimal, unit: String) {
        self.comparator = comparator
        self.value = value
        self.unit = unit
    }

    public var isPercent: Bool { unit == "%" || unit == "％" }
}

/// What a target or actual cell means: nothing, a quantity, or a qualitative word.
public enum Measure: Hashable, Sendable {
    case empty
    case quantity(Quantity)
    case text(String)

    public var quantity: Quantity? {
        if case .quantity(let q) = self { return q }
        return nil
    }

    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    /// A spelling that does not depend on how the value was typed (`>=90%` and `≥90%` agree),
    /// for fingerprints that must survive re-extraction.
    public var canonical: String {
        switch self {
        case .empty: return ""
        case .text(let t): return t.compacted
        case .quantity(let q): return (q.comparator?.rawValue ?? "") + q.value.description + q.unit.compacted
        }
    }

    /// Parses a target/actual cell. Never fails: what is not a quantity is text.
    public static func parse(_ raw: String) -> Measure {
        // Fast path on the first byte: text that cannot start a number or an operator.
        if let b = raw.utf8.first, !mayStartQuantity(b) { return .text(raw) }
        let text = raw.trimmingSpaces()
        if text.isEmpty || text == "—" || text == "-" || text == "/" || text == "－" || text.sameBytes("——") { return .empty }
        var scalars = Substring(text).unicodeScalars[...]
        var comparator: Comparator?
        if let (op, rest) = Measure.leadingComparator(scalars) {
            comparator = op
            scalars = rest
        }
        while let f = scalars.first, f == " " || f == "\u{3000}" { scalars = scalars.dropFirst() }
        // number
        var numberEnd = scalars.startIndex
        var sawDigit = false
        var idx = scalars.startIndex
        if idx < scalars.endIndex, scalars[idx] == "-" || scalars[idx] == "+" { idx = scalars.index(after: idx) }
        while idx < scalars.endIndex {
            let s = scalars[idx]
            if s.value >= 48 && s.value <= 57 {
                sawDigit = true
                idx = scalars.index(after: idx)
                numberEnd = idx
            } else if s == "." || s == "," {
                idx = scalars.index(after: idx)
            } else {
                break
            }
        }
        guard sawDigit else { return .text(text) }
        let numberText = String(String.UnicodeScalarView(scalars[scalars.startIndex..<numberEnd]))
        guard case .success(let value) = ExactDecimal.parse(numberText) else { return .text(text) }
        var unitScalars = scalars[numberEnd...]
        while let f = unitScalars.first, f == " " || f == "\u{3000}" { unitScalars = unitScalars.dropFirst() }
        var unit = String(String.UnicodeScalarView(unitScalars))
        unit = Measure.stripBrackets(unit)
        // A unit is short and has no digits, except the odd "(100%)" annotation.
        if unit.unicodeScalars.count > 6 { return .text(text) }
        if unit.unicodeScalars.contains(where: { $0.value >= 48 && $0.value <= 57 }) && !unit.hasByteSuffix("%") {
            return .text(text)
        }
        if unit.unicodeScalars.contains(where: { $0 == "，" || $0 == "," || $0 == "。" || $0 == "、" }) { return .text(text) }
        return .quantity(Quantity(comparator: comparator, value: value, unit: unit))
    }

    /// Bytes a number, an operator or a blank marker can start with (ASCII, or the lead byte
    /// of ≥ ≤ ≧ ≦ ═ — in E2, ＝ ＞ ＜ － in EF, 《 》 and the ideographic space in E3). Anything else is text.
    @inline(__always)
    static func mayStartQuantity(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "<"),
             UInt8(ascii: "/"), 0x20, 0x09, 0xC2, 0xE2, 0xE3, 0xEF: return true
        default: return false
        }
    }

    static func stripBrackets(_ s: String) -> String {
        var u = s
        if (u.hasBytePrefix("(") && u.hasByteSuffix(")")) || (u.hasBytePrefix("（") && u.hasByteSuffix("）")) {
            u = String(u.dropFirst().dropLast())
        }
        return u.trimmingSpaces()
    }

    public static func leadingComparator(_ s: Substring.UnicodeScalarView) -> (Comparator, Substring.UnicodeScalarView)? {
        guard let first = s.first else { return nil }
        let rest = s.dropFirst()
        let second = rest.first
        switch first {
        case "≥", "≧", "⩾": return (.atLeast, rest)
        case "≤", "≦", "⩽": return (.atMost, rest)
        case "=", "＝", "═":
            if second == "=" { return (.equal, rest.dropFirst()) }
            return (.equal, rest)
        case ">", "＞", "》":
            if second == "=" || second == "＝" { return (.atLeast, rest.dropFirst()) }
            return (.greater, rest)
        case "<", "＜", "《":
            if second == "=" || second == "＝" { return (.atMost, rest.dropFirst()) }
            return (.less, rest)
        default: return nil
        }
    }
}

extension String {
    /// Trims ASCII and ideographic spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isSpaceLike { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isSpaceLike { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }

    /// The text with all spaces removed: how names and labels are compared.
    public var compacted: String {
        // Most cells have no space at all: check the bytes first and return the string itself.
        var hasSpace = false
        for b in utf8 where b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C || b == 0xC2 || b == 0xE3 || b == 0xEF || b == 0xE2 {
            hasSpace = true
            break
        }
        if !hasSpace { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars where !s.isSpaceLike { out.append(s) }
        return String(out)
    }
}

extension Unicode.Scalar {
    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF, 0x200B: return true
        default: return false
        }
    }
}
