/// Similarity of short Chinese texts, for spotting copied goal text.
public enum TextSimilarity {
    /// The text without spaces, punctuation and HTML remnants: only letters and digits.
    public static func normalized(_ text: String) -> [Unicode.Scalar] {
        let bytes = text.utf8.count
        // A text of usual length is written straight into room for one scalar per byte (no
        // capacity check per scalar); a very long one grows as it goes, so that its scalars
        // do not take four bytes of memory for every byte of text.
        if bytes <= 1 << 16 {
            return [Unicode.Scalar](unsafeUninitializedCapacity: bytes) { buffer, count in
                var n = 0
                forEachWordScalar(text) { buffer.initializeElement(at: n, to: $0); n += 1 }
                count = n
            }
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(bytes / 2 + 1)
        forEachWordScalar(text) { out.append($0) }
        return out
    }

    /// A 64-bit FNV-1a hash of `normalized(text)` and its length, without building it: how
    /// cross-form-duplicate groups every goal text of a run.
    public static func normalizedHash(_ text: String) -> (hash: UInt64, count: Int) {
        var hash: UInt64 = 0xcbf29ce484222325
        var count = 0
        forEachWordScalar(text) { s in
            hash = (hash ^ UInt64(s.value)) &* 0x100000001b3
            count += 1
        }
        return (hash, count)
    }

    /// Calls `body` with each letter or digit of the text, decoded straight from its UTF-8
    /// (a String's bytes are valid UTF-8).
    @inline(__always)
    static func forEachWordScalar(_ text: String, _ body: (Unicode.Scalar) -> Void) {
        text.withBytes { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                // Most goal text is CJK: E5–E9 lead the ideographs U+5000–U+9FFF, all letters.
                if c >= 0xE5 && c <= 0xE9 && i + 2 < n {
                    body(Unicode.Scalar(UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F))!)
                    i += 3
                    continue
                }
                var v: UInt32
                if c < 0x80 { v = UInt32(c); i += 1 }
                else if c < 0xE0, i + 1 < n { v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2 }
                else if c < 0xF0, i + 2 < n { v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3 }
                else if i + 3 < n { v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F); i += 4 }
                else { v = 0xFFFD; i += 1 }
                if let s = Unicode.Scalar(v), isWordScalar(s) { body(s) }
            }
        }
    }

    /// Scalars back to a String (see `String(scalars:)`).
    @inlinable public static func string<C: Collection<Unicode.Scalar>>(_ scalars: C) -> String { String(scalars: scalars) }

    /// Letters and digits: ASCII, CJK ideographs and fullwidth forms by range (fast), the rest
    /// by Unicode property.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF) || v >= 0x20000 { return true }
        if (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFF0F) || (v >= 0xFF1A && v <= 0xFF20) || (v >= 0x2000 && v <= 0x206F) { return false }
        if (v >= 0xFF10 && v <= 0xFF19) || (v >= 0xFF21 && v <= 0xFF3A) || (v >= 0xFF41 && v <= 0xFF5A) { return true }
        return s.properties.isAlphabetic
    }

    /// Sørensen–Dice coefficient over character bigrams, 0...1.
    public static func dice(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a == b { return 1 }
        guard a.count >= 2, b.count >= 2 else { return 0 }
        return Double(2 * sharedBigrams(a, b)) / Double(a.count - 1 + b.count - 1)
    }

    /// Bigrams the texts share, counted with multiplicity: `a`'s bigrams go into a small
    /// open-addressed table with their counts, and each of `b`'s takes one if it is there.
    /// (Sorting both lists and merging them cost several times more on goal texts.)
    static func sharedBigrams(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var capacity = 16
        while capacity < 2 * a.count { capacity <<= 1 }
        let mask = capacity - 1, shift = UInt64(64 - capacity.trailingZeroBitCount)
        // A bigram of word scalars is never 0, so 0 marks an empty slot.
        var keys = [UInt64](repeating: 0, count: capacity)
        var counts = [Int32](repeating: 0, count: capacity)
        @inline(__always) func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask }
        @inline(__always) func bigram(_ s: [Unicode.Scalar], _ i: Int) -> UInt64 { UInt64(s[i].value) << 32 | UInt64(s[i + 1].value) }
        for i in 0..<(a.count - 1) {
            let key = bigram(a, i)
            var j = slot(key)
            while keys[j] != 0 && keys[j] != key { j = (j + 1) & mask }
            keys[j] = key
            counts[j] += 1
        }
        var shared = 0
        for i in 0..<(b.count - 1) {
            let key = bigram(b, i)
            var j = slot(key)
            while keys[j] != 0 && keys[j] != key { j = (j + 1) & mask }
            if keys[j] == key && counts[j] > 0 { counts[j] -= 1; shared += 1 }
        }
        return shared
    }

    /// The runs of digits in a normalized text: the figures it states.
    public static func numbers(_ text: [Unicode.Scalar]) -> Set<String> {
        var out = Set<String>()
        // Digits are ASCII: each run is made into a String from its bytes at once (appending to
        // a scalar view a scalar at a time cost several times more).
        var current: [UInt8] = []
        for s in text {
            // Full-width digits (０–９) state the same figures as ASCII ones.
            if let d = s.decimalDigit { current.append(UInt8(d) + 48) } else if !current.isEmpty {
                out.insert(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { out.insert(String(decoding: current, as: UTF8.self)) }
        return out
    }
}
