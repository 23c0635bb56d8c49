#if canImport(Glibc)
import Glibc
#endif

/// Text comparisons on UTF-8 bytes. The forms' labels are compared exactly as written, so
/// there is no need for Unicode normalization, which costs a lot in per-cell loops.
extension StringProtocol {
    @inlinable @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        let copy = Array(utf8)
        return copy.withUnsafeBufferPointer(body)
    }

    @inlinable @inline(__always)
    public func hasBytePrefix(_ prefix: String) -> Bool {
        withBytes { a in
            prefix.withBytes { p in
                a.count >= p.count && (p.count == 0 || memcmpBytes(a.baseAddress!, p.baseAddress!, p.count))
            }
        }
    }

    @inlinable @inline(__always)
    public func hasByteSuffix(_ suffix: String) -> Bool {
        withBytes { a in
            suffix.withBytes { p in
                a.count >= p.count && (p.count == 0 || memcmpBytes(a.baseAddress! + (a.count - p.count), p.baseAddress!, p.count))
            }
        }
    }

    @inlinable @inline(__always)
    public func sameBytes(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return withBytes { a in other.withBytes { b in a.count == 0 || memcmpBytes(a.baseAddress!, b.baseAddress!, a.count) } }
    }

    /// The number of Unicode scalars, counted on the UTF-8 bytes (every byte that is not a
    /// continuation byte starts one): `unicodeScalars.count` walks a scalar at a time.
    @inlinable @inline(__always)
    public var scalarCount: Int {
        withBytes { b in
            var n = 0
            for c in b where c & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }

    /// Whether the text holds the three-byte character `b0 b1 b2` (a CJK character), by an
    /// inline byte loop: on short cells cheaper than a call to memchr with a global needle.
    @inlinable @inline(__always)
    public func containsCharacter(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        withBytes { b in
            var i = 2
            while i < b.count {
                if b[i] == b2 && b[i - 1] == b1 && b[i - 2] == b0 { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether `needle` occurs in the text, by byte search.
    @inlinable
    public func containsBytes(_ needle: String) -> Bool {
        withBytes { h in needle.withBytes { n in firstIndexOfBytes(n, in: h) != nil } }
    }
}

extension String {
    /// Whether the text has at most `n` characters, without counting a long text to its end.
    @inlinable
    public func hasAtMostCharacters(_ n: Int) -> Bool {
        if utf8.count <= n { return true }
        guard let i = index(startIndex, offsetBy: n, limitedBy: endIndex) else { return true }
        return i == endIndex
    }

    /// The first `n` characters and `…` when the text is longer, for quoting it in a message.
    @inlinable
    public func shortened(to n: Int) -> String {
        if utf8.count <= n { return self }
        guard let i = index(startIndex, offsetBy: n, limitedBy: endIndex), i != endIndex else { return self }
        return String(self[..<i]) + "…"
    }
}

/// Where `needle` first occurs in `haystack` at or after `start`; an empty needle is found at
/// `start`. The one byte search behind every substring test.
@inlinable
func firstIndexOfBytes(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard let first = needle.first else { return start <= haystack.count ? start : nil }
    guard haystack.count - start >= needle.count else { return nil }
    var i = start
    let last = haystack.count - needle.count
    while i <= last {
        if haystack[i] == first && memcmpBytes(haystack.baseAddress! + i, needle.baseAddress!, needle.count) { return i }
        i += 1
    }
    return nil
}

/// The same search for long texts: memchr jumps to each occurrence of the needle's last byte
/// (for CJK words a continuation byte, far rarer than their lead bytes) and the rest is
/// compared there.
func firstIndexOfBytesByLastByte(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard let last = needle.last, let base = haystack.baseAddress else { return firstIndexOfBytes(needle, in: haystack, from: start) }
    let offset = needle.count - 1
    var from = start + offset
    while from < haystack.count, let hit = memchr(base + from, Int32(last), haystack.count - from) {
        let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - offset
        if memcmpBytes(base + at, needle.baseAddress!, offset) { return at }
        from = at + offset + 1
    }
    return nil
}

@inlinable @inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

extension Array where Element == String {
    /// Membership by bytes.
    @inlinable @inline(__always)
    public func containsBytes(_ text: String) -> Bool { contains { $0.sameBytes(text) } }
}

/// Tests on eight bytes at once (one `UInt64` loaded from text). Each gives a word that is
/// not zero exactly when some byte matches (which byte is left to a byte loop); words are
/// combined with `|` to test several bytes in one branch.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// Not zero when some byte is below 0x20 (a control character).
    @inline(__always)
    static func controls(_ x: UInt64) -> UInt64 { (x &- ones &* 0x20) & ~x & high }

    /// Not zero when some byte is `byte`.
    @inline(__always)
    static func matches(_ byte: UInt8, _ x: UInt64) -> UInt64 {
        let v = x ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & high
    }
}

/// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
@inlinable @inline(__always)
func utf8Length(lead b: UInt8) -> Int {
    if b < 0x80 { return 1 }
    if b & 0xE0 == 0xC0 { return 2 }
    if b & 0xF0 == 0xE0 { return 3 }
    if b & 0xF8 == 0xF0 { return 4 }
    return 1
}

/// A set of characters, for a one-pass test of whether a text holds any of them, or starts
/// with one: a cheap necessary condition before a vocabulary's substring tests. Each character
/// is its UTF-8 bytes packed into an integer (the lead byte fixes the length, so the packing
/// is unique).
public struct CharacterFilter: Sendable {
    private let packed: [UInt32]
    /// One bit per value of a character's last byte (mod 64): a character whose bit is clear
    /// is none of them, found without comparing it with each.
    private let lastBytes: UInt64

    /// The characters of `characters`.
    public init(_ characters: String) {
        self.init(packed: characters.unicodeScalars.map(CharacterFilter.pack))
    }

    /// The first character of each word: a text can hold one of the words only if it holds
    /// one of these, and start with one only if it starts with one of these.
    public init<S: Sequence<String>>(firstCharactersOf words: S) {
        // Each character once: many words share their first one.
        var seen: [UInt32] = []
        for w in words { if let f = w.unicodeScalars.first.map(CharacterFilter.pack), !seen.contains(f) { seen.append(f) } }
        self.init(packed: seen)
    }

    private init(packed: [UInt32]) {
        self.packed = packed
        lastBytes = packed.reduce(0) { $0 | 1 << ($1 & 63) }
    }

    static func pack(_ s: Unicode.Scalar) -> UInt32 {
        UTF8.encode(s)!.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The packed character starting at `i` and its length; nil when the text ends inside it.
    /// CJK (three-byte) characters take the first branch.
    @inline(__always)
    static func character(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (key: UInt32, length: Int)? {
        let lead = b[i], n = b.count
        if lead >= 0xE0 && lead < 0xF0 {
            guard i + 2 < n else { return nil }
            return (UInt32(lead) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]), 3)
        }
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 {
            guard i + 1 < n else { return nil }
            return (UInt32(lead) << 8 | UInt32(b[i + 1]), 2)
        }
        guard i + 3 < n else { return nil }
        return (UInt32(lead) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3]), 4)
    }

    /// Whether `text` holds one of the characters.
    public func matches(_ text: String) -> Bool {
        text.withBytes { b in
            var i = 0
            while i < b.count {
                guard let c = CharacterFilter.character(at: i, in: b) else { return false }
                if lastBytes & 1 << (c.key & 63) != 0 {
                    for p in packed where p == c.key { return true }
                }
                i += c.length
            }
            return false
        }
    }

    /// Whether the first character of `text` after the spaces compaction drops is one of the
    /// characters: a compacted text can start with one of the words only then.
    @inline(__always)
    public func matchesFirst(_ text: String) -> Bool {
        text.withBytes { b in
            var i = 0
            // Most texts start with a visible character: the space loop is rarely entered.
            while i < b.count, case let w = String.spaceWidth(b, i), w > 0 { i += w }
            guard i < b.count, let c = CharacterFilter.character(at: i, in: b) else { return false }
            for p in packed where p == c.key { return true }
            return false
        }
    }
}

extension String {
    /// The text of these scalars, encoded to UTF-8 by hand: `String.UnicodeScalarView`'s
    /// append goes a scalar at a time through generic code, several times slower.
    @inlinable
    public init<C: Collection<Unicode.Scalar>>(scalars: C) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars {
            let v = s.value
            switch v {
            case ..<0x80: bytes.append(UInt8(v))
            case ..<0x800: bytes.append(0xC0 | UInt8(v >> 6)); bytes.append(0x80 | UInt8(v & 0x3F))
            case ..<0x10000:
                bytes.append(0xE0 | UInt8(v >> 12)); bytes.append(0x80 | UInt8((v >> 6) & 0x3F)); bytes.append(0x80 | UInt8(v & 0x3F))
            default:
                bytes.append(0xF0 | UInt8(v >> 18)); bytes.append(0x80 | UInt8((v >> 12) & 0x3F))
                bytes.append(0x80 | UInt8((v >> 6) & 0x3F)); bytes.append(0x80 | UInt8(v & 0x3F))
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }

    /// The scalars `from..<to` of the text (clamped to its scalar count), cut on the UTF-8
    /// bytes without decoding the rest.
    public func scalars(from: Int, to: Int) -> String {
        withBytes { b in
            var k = 0, start = b.count, end = b.count
            for i in 0..<b.count where b[i] & 0xC0 != 0x80 {
                if k == from { start = i }
                if k == to { end = i; break }
                k += 1
            }
            return start < end ? String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self) : ""
        }
    }
}

extension Unicode.Scalar {
    /// The value of a decimal digit, ASCII or full width (０–９, typed in full-width mode);
    /// nil for any other scalar.
    @inlinable
    public var decimalDigit: UInt32? {
        if value >= 48 && value <= 57 { return value - 48 }
        if value >= 0xFF10 && value <= 0xFF19 { return value - 0xFF10 }
        return nil
    }
}
