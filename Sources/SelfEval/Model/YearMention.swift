#if canImport(Glibc)
import Glibc
#endif
/// A year written in a text as four ASCII or four full-width digits, or four Chinese numerals as
/// official documents write years (`二〇二四`, with ○ or 零 for 〇), no digit before, then
/// optional spaces and 年: `2023年`, `2024 年度`, `二〇二四年度`. Found by a byte scan, for the
/// report year of a form and for years carried over from earlier forms.
public struct YearMention: Sendable, Equatable {
    public var year: Int
    /// UTF-8 offset of the first digit.
    public var start: Int
    /// Whether 年度 follows, not 年 alone.
    public var isYearOfReport: Bool

    /// Calls `visit` with each mention in order until it returns true; returns that mention.
    @discardableResult
    public static func first(in text: String, where visit: (YearMention) -> Bool) -> YearMention? {
        text.withBytes { b in
            guard let base = b.baseAddress else { return nil }
            @inline(__always) func isDigit(_ k: Int) -> Bool { b[k] >= 48 && b[k] <= 57 }
            // ０–９ typed in full-width mode: EF BC 90–99, the digit in the last byte.
            @inline(__always) func isWideDigitEnding(at k: Int) -> Bool {
                k >= 2 && b[k - 2] == 0xEF && b[k - 1] == 0xBC && b[k] >= 0x90 && b[k] <= 0x99
            }
            // 〇 一 … 九 (and ○, 零, Ｏ for the zero): three bytes each, ending at `k`.
            @inline(__always) func hanDigit(endingAt k: Int) -> Int? {
                guard k >= 2 else { return nil }
                switch (b[k - 2], b[k - 1], b[k]) {
                case (0xE3, 0x80, 0x87), (0xE2, 0x97, 0x8B), (0xE9, 0x9B, 0xB6), (0xEF, 0xBC, 0xAF): return 0
                case (0xE4, 0xB8, 0x80): return 1
                case (0xE4, 0xBA, 0x8C): return 2
                case (0xE4, 0xB8, 0x89): return 3
                case (0xE5, 0x9B, 0x9B): return 4
                case (0xE4, 0xBA, 0x94): return 5
                case (0xE5, 0x85, 0xAD): return 6
                case (0xE4, 0xB8, 0x83): return 7
                case (0xE5, 0x85, 0xAB): return 8
                case (0xE4, 0xB9, 0x9D): return 9
                default: return nil
                }
            }
            // Each 年 (E5 B9 B4) is found with memchr and read backwards: spaces, then four
            // digits with no digit before them. Mentions come in order, as the 年 do.
            var from = 0
            while from < b.count, let p = memchr(base + from, 0xB4, b.count - from) {
                let k = UnsafeRawPointer(p) - UnsafeRawPointer(base)
                from = k + 1
                guard k >= 2, b[k - 2] == 0xE5, b[k - 1] == 0xB9 else { continue }
                var e = k - 3   // the last byte before 年
                while e >= 0 && b[e] == 0x20 { e -= 1 }
                var year = 0, start = 0
                if e >= 3, isDigit(e), isDigit(e - 1), isDigit(e - 2), isDigit(e - 3) {
                    start = e - 3
                    year = (Int(b[start]) - 48) * 1000 + (Int(b[start + 1]) - 48) * 100 + (Int(b[start + 2]) - 48) * 10 + Int(b[e]) - 48
                } else if isWideDigitEnding(at: e), isWideDigitEnding(at: e - 3), isWideDigitEnding(at: e - 6), isWideDigitEnding(at: e - 9) {
                    start = e - 11
                    year = (Int(b[e - 9]) - 0x90) * 1000 + (Int(b[e - 6]) - 0x90) * 100 + (Int(b[e - 3]) - 0x90) * 10 + Int(b[e]) - 0x90
                } else if let d4 = hanDigit(endingAt: e), let d3 = hanDigit(endingAt: e - 3), let d2 = hanDigit(endingAt: e - 6), let d1 = hanDigit(endingAt: e - 9) {
                    start = e - 11
                    year = d1 * 1000 + d2 * 100 + d3 * 10 + d4
                } else {
                    continue
                }
                // No digit (of any kind) just before the four.
                if start >= 1 && isDigit(start - 1) || isWideDigitEnding(at: start - 1) || hanDigit(endingAt: start - 1) != nil { continue }
                let du = k + 3 < b.count && b[k + 1] == 0xE5 && b[k + 2] == 0xBA && b[k + 3] == 0xA6
                let mention = YearMention(year: year, start: start, isYearOfReport: du)
                if visit(mention) { return mention }
            }
            return nil
        }
    }

    /// Whether some mention names a year in `years`.
    public static func mentions(_ text: String, yearIn years: Range<Int>) -> Bool {
        first(in: text) { years.contains($0.year) } != nil
    }

    /// The 1-based column of the mention in a text that starts at `column`: scalars, not bytes.
    public func column(in text: String, startingAt column: Int) -> Int {
        text.withBytes { b in
            var scalars = 0
            for k in 0..<start where b[k] & 0xC0 != 0x80 { scalars += 1 }
            return column + scalars
        }
    }
}
