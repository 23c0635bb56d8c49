#if canImport(Glibc)
import Glibc
#endif
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
        raw.withBytes { b in parseBytes(b, raw) }
    }

    /// The quantity the text gives with its full-width figures made ASCII, or nil when it is
    /// not one then either.
    @inline(never)
    static func parseNarrowed(_ b: UnsafeBufferPointer<UInt8>) -> Measure? {
        let ascii = narrowingFullWidthFigures(b)
        let m = ascii.withUnsafeBufferPointer { parseBytes($0, String(decoding: $0, as: UTF8.self)) }
        if case .quantity = m { return m }
        return nil
    }

    /// Whether the bytes hold a full-width digit ０–９ (EF BC 90–99).
    static func hasFullWidthDigit(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        var from = 0
        while from + 2 < b.count, let p = memchr(base + from, 0xEF, b.count - from) {
            let i = UnsafeRawPointer(p) - UnsafeRawPointer(base)
            if i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] >= 0x90, b[i + 2] <= 0x99 { return true }
            from = i + 1
        }
        return false
    }

    /// Full-width digits, point, plus and minus (０–９ ． ＋ －) as ASCII; the rest unchanged.
    /// The full-width comma is left alone: in Chinese text it separates, it does not group.
    static func narrowingFullWidthFigures(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC {
                let c = b[i + 2]
                if c >= 0x90 && c <= 0x99 { out.append(c - 0x90 + 0x30); i += 3; continue }
                if c == 0x8E { out.append(UInt8(ascii: ".")); i += 3; continue }
                if c == 0x8B { out.append(UInt8(ascii: "+")); i += 3; continue }
                if c == 0x8D { out.append(UInt8(ascii: "-")); i += 3; continue }
            }
            out.append(b[i])
            i += 1
        }
        return out
    }

    /// The parser on UTF-8 bytes: no Character work, no allocation for text cells.
    static func parseBytes(_ b: UnsafeBufferPointer<UInt8>, _ raw: String) -> Measure {
        var lo = 0, hi = b.count
        func spaceAt(_ i: Int) -> Int {
            if b[i] == 0x20 || b[i] == 0x09 { return 1 }
            if b[i] == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
            if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
            return 0
        }
        while lo < hi { let w = spaceAt(lo); if w == 0 { break }; lo += w }
        while hi > lo {
            if b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1; continue }
            if hi - lo >= 3, b[hi - 3] == 0xE3, b[hi - 2] == 0x80, b[hi - 1] == 0x80 { hi -= 3; continue }
            if hi - lo >= 2, b[hi - 2] == 0xC2, b[hi - 1] == 0xA0 { hi -= 2; continue }
            break
        }
        if lo == hi { return .empty }
        func text() -> Measure { .text(lo == 0 && hi == b.count ? raw : String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)) }
        // Figures typed in full width (１００％, ＝９５．５) are read as their ASCII forms; looked
        // for only where the text would otherwise not be a quantity.
        func textOrFullWidth() -> Measure { hasFullWidthDigit(b) ? (parseNarrowed(b) ?? text()) : text() }
        if !mayStartQuantity(b[lo]) { return text() }
        let n = hi - lo
        // Blank markers: - / — －  ——
        if n == 1 && (b[lo] == UInt8(ascii: "-") || b[lo] == UInt8(ascii: "/")) { return .empty }
        if n == 3 && b[lo] == 0xE2 && b[lo + 1] == 0x80 && b[lo + 2] == 0x94 { return .empty }
        if n == 6 && b[lo] == 0xE2 && b[lo + 1] == 0x80 && b[lo + 2] == 0x94 && b[lo + 3] == 0xE2 && b[lo + 4] == 0x80 && b[lo + 5] == 0x94 { return .empty }
        if n == 3 && b[lo] == 0xEF && b[lo + 1] == 0xBC && b[lo + 2] == 0x8D { return .empty }
        var i = lo
        var comparator: Comparator?
        func isEq(_ k: Int) -> Bool { k < hi && (b[k] == UInt8(ascii: "=") || (k + 2 < hi && b[k] == 0xEF && b[k + 1] == 0xBC && b[k + 2] == 0x9D)) }
        func eqWidth(_ k: Int) -> Int { b[k] == UInt8(ascii: "=") ? 1 : 3 }
        switch b[i] {
        case UInt8(ascii: "="): comparator = .equal; i += 1; if isEq(i) { i += eqWidth(i) }
        case UInt8(ascii: ">"): i += 1; if isEq(i) { comparator = .atLeast; i += eqWidth(i) } else { comparator = .greater }
        case UInt8(ascii: "<"): i += 1; if isEq(i) { comparator = .atMost; i += eqWidth(i) } else { comparator = .less }
        case 0xE2 where i + 2 < hi:
            switch (b[i + 1], b[i + 2]) {
            case (0x89, 0xA5), (0x89, 0xA7), (0xA9, 0xBE): comparator = .atLeast; i += 3
            case (0x89, 0xA4), (0x89, 0xA6), (0xA9, 0xBD): comparator = .atMost; i += 3
            case (0x95, 0x90): comparator = .equal; i += 3
            default: break
            }
        case 0xEF where i + 2 < hi && b[i + 1] == 0xBC:
            switch b[i + 2] {
            case 0x9D: comparator = .equal; i += 3
            case 0x9E: i += 3; if isEq(i) { comparator = .atLeast; i += eqWidth(i) } else { comparator = .greater }
            case 0x9C: i += 3; if isEq(i) { comparator = .atMost; i += eqWidth(i) } else { comparator = .less }
            default: break
            }
        case 0xE3 where i + 2 < hi && b[i + 1] == 0x80:
            if b[i + 2] == 0x8B { i += 3; if isEq(i) { comparator = .atLeast; i += eqWidth(i) } else { comparator = .greater } }
            else if b[i + 2] == 0x8A { i += 3; if isEq(i) { comparator = .atMost; i += eqWidth(i) } else { comparator = .less } }
        default: break
        }
        while i < hi { let w = spaceAt(i); if w == 0 { break }; i += w }
        // The number: optional sign, digits with ',' and '.'.
        let numberStart = i
        if i < hi && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
        var numberEnd = i
        var sawDigit = false
        while i < hi {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 { sawDigit = true; i += 1; numberEnd = i }
            else if c == UInt8(ascii: ".") || c == UInt8(ascii: ",") { i += 1 }
            else { break }
        }
        guard sawDigit else { return textOrFullWidth() }
        guard case .success(let value) = ExactDecimal.parse(utf8: b[numberStart..<numberEnd]) else { return text() }
        var u = numberEnd
        while u < hi { let w = spaceAt(u); if w == 0 { break }; u += w }
        if u == hi { return .quantity(Quantity(comparator: comparator, value: value, unit: "")) }
        if hi - u == 1 && b[u] == UInt8(ascii: "%") { return .quantity(Quantity(comparator: comparator, value: value, unit: "%")) }
        let unit = Measure.stripBrackets(String(decoding: UnsafeBufferPointer(rebasing: b[u..<hi]), as: UTF8.self))
        // A unit is short and has no digits, except the odd "(100%)" annotation.
        if unit.unicodeScalars.count > 6 { return textOrFullWidth() }
        if unit.unicodeScalars.contains(where: { $0.value >= 48 && $0.value <= 57 }) && !unit.hasByteSuffix("%") { return textOrFullWidth() }
        if unit.unicodeScalars.contains(where: { $0 == "，" || $0 == "," || $0 == "。" || $0 == "、" }) { return textOrFullWidth() }
        // 95．５: the unit would be the rest of a full-width figure.
        if unit.unicodeScalars.contains(where: { $0.value >= 0xFF10 && $0.value <= 0xFF19 }) { return textOrFullWidth() }
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
        withBytes { b in
            guard let first = String.firstSpace(b) else { return self }
            // Copy the bytes between space-like scalars (the same set as `isSpaceLike`).
            // Runs between spaces are copied whole, found a character at a time.
            var out = [UInt8]()
            out.reserveCapacity(b.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<first]))
            var i = first
            let n = b.count
            while i < n {
                let w = String.spaceWidth(b, i)
                if w > 0 { i += w; continue }
                let rest = UnsafeBufferPointer(rebasing: b[i...])
                let run = String.firstSpace(rest) ?? rest.count
                out.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<run]))
                i += run
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `compacted.utf8.count`, counted without building the string.
    public var compactedUTF8Count: Int {
        withBytes { b in
            guard let first = String.firstSpace(b) else { return b.count }
            var n = first
            var i = first
            while i < b.count {
                let w = String.spaceWidth(b, i)
                if w > 0 { i += w; continue }
                let rest = UnsafeBufferPointer(rebasing: b[i...])
                let run = String.firstSpace(rest) ?? rest.count
                n += run
                i += run
            }
            return n
        }
    }
}

extension String {
    /// Whether UTF-8 bytes hold any space-like scalar (ASCII whitespace, U+00A0, U+3000,
    /// U+FEFF, U+200B), without decoding.
    static func hasSpaceBytes(_ b: UnsafeBufferPointer<UInt8>) -> Bool { firstSpace(b) != nil }

    /// The offset of the first space-like scalar, stepping over whole characters.
    static func firstSpace(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return i }
                i += 1
                continue
            }
            if c == 0xC2 || c == 0xE3 || c == 0xEF || c == 0xE2, spaceWidth(b, i) > 0 { return i }
            // Skip the rest of a character (the text is valid UTF-8): CJK text costs a third.
            i += utf8Length(lead: c)
        }
        return nil
    }

    /// The byte length of the space-like scalar at `i` (ASCII whitespace, U+00A0, U+3000,
    /// U+FEFF, U+200B), or 0.
    @inline(__always)
    static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i], n = b.count
        if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) ? 1 : 0 }
        if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        if c == 0xEF, i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x8B { return 3 }
        return 0
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
