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
    /// (Inlined: called once a cell, outlined its byte access cost 0.5% of a run.)
    @inline(__always)
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
        // A currency sign before a figure, as a spreadsheet's currency format exports it
        // (`¥488,000.00`, `￥448,000.00`): the figure in the table's unit.
        var raw = raw
        if let w = currencySignWidth(b, lo, hi) {
            lo += w
            raw = String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
        func text() -> Measure { .text(lo == 0 && hi == b.count ? raw : String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)) }
        // Figures typed in full width (１００％, ＝９５．５) are read as their ASCII forms; looked
        // for only where the text would otherwise not be a quantity.
        func textOrFullWidth() -> Measure { hasFullWidthDigit(b) ? (parseNarrowed(b) ?? text()) : text() }
        // 不低于90%, 大于等于95%, 90%以上, 5件以下: the operator in words. Looked at only when the
        // text starts or ends with one of the words' characters.
        @inline(__always) func character(at k: Int) -> UInt32 { UInt32(b[k]) << 16 | UInt32(b[k + 1]) << 8 | UInt32(b[k + 2]) }
        let wordAtEnd = hi - lo >= 6 && isOperatorSuffixEnd(character(at: hi - 3))
        if !mayStartQuantity(b[lo]) {
            if hi - lo >= 6, wordAtEnd || startsOperatorWord(character(at: lo)),
               let m = wordOperatorQuantity(UnsafeBufferPointer(rebasing: b[lo..<hi])) { return .quantity(m) }
            return text()
        }
        if wordAtEnd, let m = wordOperatorQuantity(UnsafeBufferPointer(rebasing: b[lo..<hi]), prefixes: false) { return .quantity(m) }
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

    /// Operators written in words before the figure, longest first: targets are as often
    /// written 不低于90% or 大于等于95% as ≥90%.
    static let operatorWords: [(word: [UInt8], comparator: Comparator)] = ([
        ("大于或等于", .atLeast), ("小于或等于", .atMost), ("大于等于", .atLeast), ("小于等于", .atMost),
        ("不低于", .atLeast), ("不少于", .atLeast), ("不小于", .atLeast), ("至少", .atLeast), ("达到", .atLeast),
        ("不高于", .atMost), ("不多于", .atMost), ("不大于", .atMost), ("不超过", .atMost), ("至多", .atMost), ("最多", .atMost),
        ("大于", .greater), ("高于", .greater), ("多于", .greater), ("超过", .greater),
        ("小于", .less), ("低于", .less), ("少于", .less), ("等于", .equal),
    ] as [(String, Comparator)]).map { (Array($0.0.utf8), $0.1) }
    /// Whether `c` (three UTF-8 bytes) ends one of `operatorSuffixes`: 上 下 内.
    @inline(__always)
    static func isOperatorSuffixEnd(_ c: UInt32) -> Bool { c == 0xE4B88A || c == 0xE4B88B || c == 0xE58685 }

    /// Whether `c` (three UTF-8 bytes) is a first character of `operatorWords`:
    /// 大 小 不 至 最 高 多 超 低 少 等 达 (a test in `MeasureTests` keeps the two lists together).
    @inline(__always)
    static func startsOperatorWord(_ c: UInt32) -> Bool {
        switch c {
        case 0xE5A4A7, 0xE5B08F, 0xE4B88D, 0xE887B3, 0xE69C80, 0xE9AB98, 0xE5A49A, 0xE8B685, 0xE4BD8E, 0xE5B091, 0xE7AD89, 0xE8BEBE: return true
        default: return false
        }
    }
    /// Operators written in words after the figure and its unit: 90%以上, 5件以下, 3天以内.
    static let operatorSuffixes: [(word: [UInt8], comparator: Comparator)] = ([
        ("及以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost),
    ] as [(String, Comparator)]).map { (Array($0.0.utf8), $0.1) }

    /// A quantity whose operator is written in words (before the figure, or after it and its
    /// unit), or nil. A figure that already has an operator keeps it. `prefixes: false` looks
    /// only after the figure (the text starts like a number).
    static func wordOperatorQuantity(_ b: UnsafeBufferPointer<UInt8>, prefixes: Bool = true) -> Quantity? {
        let n = b.count
        // Every word starts and ends with a CJK character (lead byte E4–E9).
        guard n >= 4 else { return nil }
        func matches(_ w: [UInt8], at k: Int) -> Bool {
            guard k >= 0, k + w.count <= n else { return false }
            for j in 0..<w.count where b[k + j] != w[j] { return false }
            return true
        }
        func quantity(_ lo: Int, _ hi: Int) -> Quantity? {
            guard lo < hi else { return nil }
            let rest = UnsafeBufferPointer(rebasing: b[lo..<hi])
            guard case .quantity(let q) = parseBytes(rest, String(decoding: rest, as: UTF8.self)) else { return nil }
            return q
        }
        func character(at k: Int) -> UInt32 { UInt32(b[k]) << 16 | UInt32(b[k + 1]) << 8 | UInt32(b[k + 2]) }
        // Most text starts with none of the words' first characters: 大 小 不 至 最 高 多 超 低 少 等.
        if prefixes, b[0] >= 0xE4, b[0] <= 0xE9, startsOperatorWord(character(at: 0)) {
            for (w, c) in operatorWords where matches(w, at: 0) {
                guard var q = quantity(w.count, n), q.comparator == nil else { return nil }
                q.comparator = c
                return q
            }
        }
        if isOperatorSuffixEnd(character(at: n - 3)) {
            for (w, c) in operatorSuffixes where matches(w, at: n - w.count) {
                guard var q = quantity(0, n - w.count) else { return nil }
                if q.comparator == nil { q.comparator = c }
                return q
            }
        }
        return nil
    }

    /// The width of a `¥` or `￥` at `lo` followed by a digit, nil when there is none.
    @inline(__always)
    static func currencySignWidth(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        let w: Int
        if hi - lo >= 3, b[lo] == 0xC2, b[lo + 1] == 0xA5 { w = 2 }
        else if hi - lo >= 4, b[lo] == 0xEF, b[lo + 1] == 0xBF, b[lo + 2] == 0xA5 { w = 3 }
        else { return nil }
        return b[lo + w] >= 0x30 && b[lo + w] <= 0x39 ? w : nil
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
