/// A decimal number exactly as printed: `significand × 10^-scale`.
///
/// The scale remembers how many digits were printed after the point, so `98.84`
/// means "somewhere in 98.835 ..< 98.845". Money and rates are never `Double`.
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    public var significand: Int64
    public var scale: Int

    /// The largest scale kept; more printed digits are rejected as absurd.
    public static let maxScale = 12

    public init(significand: Int64, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(significand: Int64(integer), scale: 0)
    }

    public static let zero = ExactDecimal(significand: 0, scale: 0)

    /// Why a numeric text could not become an `ExactDecimal`.
    public enum ParseError: Error, Equatable, Sendable {
        case malformed
        case tooLarge
        case tooPrecise
    }

    /// Parses ASCII digits with an optional sign, thousands commas and one decimal point.
    public static func parse(_ text: Substring) -> Result<ExactDecimal, ParseError> {
        parse(utf8: Array(text.utf8))
    }

    public static func parse(_ text: String) -> Result<ExactDecimal, ParseError> {
        parse(utf8: Array(text.utf8))
    }

    /// The parser on UTF-8 bytes in place (a slice of a cell's buffer: no array per number).
    static func parse<C: RandomAccessCollection<UInt8>>(utf8 bytes: C) -> Result<ExactDecimal, ParseError> where C.Index == Int {
        var i = bytes.startIndex
        var negative = false
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var value: Int64 = 0
        var scale = 0
        var sawDigit = false
        var sawPoint = false
        var overflow = false
        while i < bytes.endIndex {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                sawDigit = true
                if sawPoint { scale += 1 }
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(b - 48))
                if o1 || o2 { overflow = true } else { value = a }
            } else if b == UInt8(ascii: ".") {
                if sawPoint || !sawDigit { return .failure(.malformed) }
                sawPoint = true
            } else if b == UInt8(ascii: ",") {
                if !sawDigit || sawPoint { return .failure(.malformed) }
            } else {
                return .failure(.malformed)
            }
            i += 1
        }
        if !sawDigit || bytes.last == UInt8(ascii: ".") || bytes.last == UInt8(ascii: ",") {
            return .failure(.malformed)
        }
        // A spreadsheet's binary fraction written out in full (6.1499999999999995 for 6.15,
        // 488000.0000000001 for 488000): read as the figure it stands for.
        if scale >= 10, let cleaned = withoutBinaryNoise(bytes) { return parse(utf8: cleaned) }
        if overflow { return .failure(.tooLarge) }
        if scale > maxScale { return .failure(.tooPrecise) }
        return .success(ExactDecimal(significand: negative ? -value : value, scale: scale))
    }

    /// The figure a binary floating-point number's full decimal form stands for, or nil when the
    /// digits are not such a form: 15 significant digits or more, whose fraction ends in a run
    /// of at least six 0s or 9s followed by at most three digits (`…0000000001`, `…9999999995`).
    /// The run of 0s is cut off; a run of 9s is cut off and the digit before it rounded up.
    static func withoutBinaryNoise<C: RandomAccessCollection<UInt8>>(_ bytes: C) -> [UInt8]? where C.Index == Int {
        var sign: [UInt8] = [], integer: [UInt8] = [], fraction: [UInt8] = []
        var sawPoint = false
        for b in bytes {
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") { sign = [b]; continue }
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: ".") { sawPoint = true; continue }
            if sawPoint { fraction.append(b) } else { integer.append(b) }
        }
        let significant = integer.drop { $0 == UInt8(ascii: "0") }.count + fraction.count
        guard significant >= 15 else { return nil }
        // The run: the longest stretch of one digit (0 or 9) that ends within three of the end.
        for run in [UInt8(ascii: "0"), UInt8(ascii: "9")] {
            var end = fraction.count
            while end > 0, fraction.count - end < 3, fraction[end - 1] != run { end -= 1 }
            var start = end
            while start > 0, fraction[start - 1] == run { start -= 1 }
            guard end - start >= 6 else { continue }
            var kept = Array(fraction[..<start])
            if run == UInt8(ascii: "0") { return sign + integer + (kept.isEmpty ? [] : [UInt8(ascii: ".")] + kept) }
            // Round up the digit before the 9s, carrying into the integer part.
            var digits = integer + kept
            var k = digits.count - 1
            while k >= 0, digits[k] == UInt8(ascii: "9") { digits[k] = UInt8(ascii: "0"); k -= 1 }
            if k >= 0 { digits[k] += 1 } else { digits.insert(UInt8(ascii: "1"), at: 0) }
            let intCount = digits.count - kept.count
            kept = Array(digits[intCount...])
            return sign + Array(digits[..<intCount]) + (kept.isEmpty ? [] : [UInt8(ascii: ".")] + kept)
        }
        return nil
    }

    static func pow10(_ n: Int) -> Int128 {
        var r: Int128 = 1
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// The value scaled to `scale` digits, exactly (scale must be ≥ self.scale).
    func scaled(to target: Int) -> Int128 {
        // Most figures compared share their scale: no multiplication then.
        target == scale ? Int128(significand) : Int128(significand) * ExactDecimal.pow10(target - scale)
    }

    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        let s = max(a.scale, b.scale)
        return ExactDecimal(clamping: a.scaled(to: s) + b.scaled(to: s), scale: s)
    }

    public static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        let s = max(a.scale, b.scale)
        return ExactDecimal(clamping: a.scaled(to: s) - b.scaled(to: s), scale: s)
    }

    public static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        var product = Int128(a.significand) * Int128(b.significand)
        var scale = a.scale + b.scale
        while scale > maxScale, product % 10 == 0 {
            product /= 10
            scale -= 1
        }
        return ExactDecimal(clamping: product, scale: scale)
    }

    init(clamping value: Int128, scale: Int) {
        var v = value
        var s = scale
        while (v > Int128(Int64.max) || v < Int128(Int64.min) || s > ExactDecimal.maxScale) && s > 0 {
            v /= 10
            s -= 1
        }
        self.significand = Int64(clamping: v)
        self.scale = s
    }

    /// The same value without trailing zeros after the point (`24.0` → `24`), for computed figures.
    public var trimmed: ExactDecimal {
        var v = self
        while v.scale > 0 && v.significand % 10 == 0 {
            v.significand /= 10
            v.scale -= 1
        }
        return v
    }

    /// Half a unit of the last printed digit: the rounding uncertainty of the printed figure.
    public var halfUnit: ExactDecimal {
        ExactDecimal(significand: 5, scale: scale + 1)
    }

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }
    public var magnitude: ExactDecimal { ExactDecimal(significand: significand.magnitude > UInt64(Int64.max) ? Int64.max : Int64(significand.magnitude), scale: scale) }

    /// Numeric comparison, independent of printed precision.
    public func compare(_ other: ExactDecimal) -> Int {
        if scale == other.scale { return significand < other.significand ? -1 : (significand > other.significand ? 1 : 0) }
        let s = max(scale, other.scale)
        let a = scaled(to: s), b = other.scaled(to: s)
        return a < b ? -1 : (a > b ? 1 : 0)
    }

    public func numericallyEquals(_ other: ExactDecimal) -> Bool { compare(other) == 0 }

    /// `self / divisor` rounded half-up to `places` digits; nil when dividing by zero.
    public func divided(by divisor: ExactDecimal, scale places: Int) -> ExactDecimal? {
        guard divisor.significand != 0 else { return nil }
        // (a / 10^sa) / (b / 10^sb) = a × 10^(sb - sa) / b; scaled to `places` digits.
        let shift = places + divisor.scale - scale
        var numerator = Int128(significand)
        var denominator = Int128(divisor.significand)
        if shift >= 0 { numerator *= ExactDecimal.pow10(shift) } else { denominator *= ExactDecimal.pow10(-shift) }
        if denominator < 0 { numerator = -numerator; denominator = -denominator }
        var q = numerator / denominator
        let r = numerator % denominator
        if r * 2 >= denominator { q += 1 } else if r * 2 <= -denominator { q -= 1 }
        return ExactDecimal(clamping: q, scale: places)
    }

    /// Multiplies by a power of ten without rounding (e.g. 万元 → 元).
    public func shifted(by places: Int) -> ExactDecimal {
        if places >= 0 {
            if scale >= places { return ExactDecimal(significand: significand, scale: scale - places) }
            return ExactDecimal(clamping: Int128(significand) * ExactDecimal.pow10(places - scale), scale: 0)
        }
        return ExactDecimal(clamping: Int128(significand), scale: scale - places)
    }

    /// The value rounded half-up to `places` digits.
    public func rounded(toScale places: Int) -> ExactDecimal {
        if places >= scale { return ExactDecimal(clamping: scaled(to: places), scale: places) }
        let div = ExactDecimal.pow10(scale - places)
        var q = Int128(significand) / div
        let r = Int128(significand) % div
        if r * 2 >= div { q += 1 } else if r * 2 <= -div { q -= 1 }
        return ExactDecimal(clamping: q, scale: places)
    }

    /// Plain text with exactly `scale` digits after the point.
    public var description: String { format(grouping: false) }

    /// Formats with the printed precision, optionally grouping thousands with commas.
    public func format(grouping: Bool, scale minimumScale: Int? = nil) -> String {
        var out: [UInt8] = []
        appendFormatted(grouping: grouping, scale: minimumScale, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends what `format` returns as UTF-8, without making a String (reports write many).
    public func appendFormatted(grouping: Bool, scale minimumScale: Int? = nil, to out: inout [UInt8]) {
        let target = max(scale, minimumScale ?? scale)
        let v = scaled(to: target)
        let magnitude = v.magnitude
        // Digits, least significant first, padded to at least one integer digit, in a buffer on
        // the stack: at most 39 digits of a 128-bit magnitude, or `target + 1`.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(40, target + 1)) { digits in
            var count = 0
            // 64-bit division when the value fits, as it almost always does.
            if magnitude <= UInt128(UInt64.max) {
                var m = UInt64(magnitude)
                repeat { digits[count] = UInt8(m % 10) + 48; m /= 10; count += 1 } while m > 0
            } else {
                var m = magnitude
                repeat { digits[count] = UInt8(m % 10) + 48; m /= 10; count += 1 } while m > 0
            }
            while count < target + 1 { digits[count] = 48; count += 1 }
            out.reserveRoom(count + count / 3 + 2)
            if v < 0 { out.append(UInt8(ascii: "-")) }
            let intCount = count - target
            for k in 0..<intCount {
                if grouping && k > 0 && (intCount - k) % 3 == 0 { out.append(UInt8(ascii: ",")) }
                out.append(digits[count - 1 - k])
            }
            if target > 0 {
                out.append(UInt8(ascii: "."))
                for k in intCount..<count { out.append(digits[count - 1 - k]) }
            }
        }
    }
}
