/// A year written in a text as four ASCII digits (no digit on either side), then optional
/// spaces and 年: `2023年`, `2024 年度`. Found by a byte scan, for the report year of a form
/// and for years carried over from earlier forms.
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
            @inline(__always) func isDigit(_ k: Int) -> Bool { b[k] >= 48 && b[k] <= 57 }
            var i = 0
            while i + 4 <= b.count {
                guard isDigit(i), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), i == 0 || !isDigit(i - 1) else { i += 1; continue }
                var j = i + 4
                while j < b.count && b[j] == 0x20 { j += 1 }
                // 年 is E5 B9 B4, 度 is E5 BA A6.
                if j + 2 < b.count && b[j] == 0xE5 && b[j + 1] == 0xB9 && b[j + 2] == 0xB4 {
                    let du = j + 5 < b.count && b[j + 3] == 0xE5 && b[j + 4] == 0xBA && b[j + 5] == 0xA6
                    let year = (Int(b[i]) - 48) * 1000 + (Int(b[i + 1]) - 48) * 100 + (Int(b[i + 2]) - 48) * 10 + Int(b[i + 3]) - 48
                    let mention = YearMention(year: year, start: i, isYearOfReport: du)
                    if visit(mention) { return mention }
                }
                i += 4
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
