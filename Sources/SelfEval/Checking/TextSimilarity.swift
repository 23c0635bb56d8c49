/// Similarity of short Chinese texts, for spotting copied goal text.
public enum TextSimilarity {
    /// The text without spaces, punctuation and HTML remnants: only letters and digits.
    public static func normalized(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars where s.properties.isAlphabetic || (s.value >= 48 && s.value <= 57) {
            out.append(s)
        }
        return out
    }

    /// Sørensen–Dice coefficient over character bigrams, 0...1.
    public static func dice(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a == b { return 1 }
        guard a.count >= 2, b.count >= 2 else { return 0 }
        var counts: [UInt64: Int] = [:]
        counts.reserveCapacity(a.count)
        for i in 0..<(a.count - 1) { counts[UInt64(a[i].value) << 32 | UInt64(a[i + 1].value), default: 0] += 1 }
        var shared = 0
        for i in 0..<(b.count - 1) {
            let key = UInt64(b[i].value) << 32 | UInt64(b[i + 1].value)
            if let c = counts[key], c > 0 {
                counts[key] = c - 1
                shared += 1
            }
        }
        return Double(2 * shared) / Double(a.count - 1 + b.count - 1)
    }

    /// The runs of digits in a normalized text: the figures it states.
    public static func numbers(_ text: [Unicode.Scalar]) -> Set<String> {
        var out = Set<String>()
        var current = String.UnicodeScalarView()
        for s in text {
            if s.value >= 48 && s.value <= 57 { current.append(s) } else if !current.isEmpty {
                out.insert(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.insert(String(current)) }
        return out
    }
}
