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

    /// Whether `needle` occurs in the text, by byte search.
    @inlinable
    public func containsBytes(_ needle: String) -> Bool {
        withBytes { h in needle.withBytes { n in firstIndexOfBytes(n, in: h) != nil } }
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

/// A set of characters, for a one-pass test of whether a text holds any of them: a cheap
/// necessary condition before a vocabulary's substring tests. Each character is its UTF-8
/// bytes packed into an integer (the lead byte fixes the length, so the packing is unique).
public struct CharacterFilter: Sendable {
    private let packed: [UInt32]

    /// The characters of `characters`.
    public init(_ characters: String) {
        packed = characters.unicodeScalars.map(CharacterFilter.pack)
    }

    /// The first character of each word: a text can hold one of the words only if it holds
    /// one of these.
    public init(firstCharactersOf words: [String]) {
        packed = words.compactMap { $0.unicodeScalars.first.map(CharacterFilter.pack) }
    }

    static func pack(_ s: Unicode.Scalar) -> UInt32 {
        UTF8.encode(s)!.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Whether `text` holds one of the characters. CJK (three-byte) characters take the
    /// short path; the others are packed the same way.
    public func matches<S: StringProtocol>(_ text: S) -> Bool {
        text.withBytes { b in
            let n = b.count
            var i = 0
            while i < n {
                let lead = b[i]
                let key: UInt32
                if lead >= 0xE0 && lead < 0xF0 {
                    guard i + 2 < n else { return false }
                    key = UInt32(lead) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2])
                    i += 3
                } else if lead < 0x80 {
                    key = UInt32(lead)
                    i += 1
                } else if lead < 0xE0 {
                    guard i + 1 < n else { return false }
                    key = UInt32(lead) << 8 | UInt32(b[i + 1])
                    i += 2
                } else {
                    guard i + 3 < n else { return false }
                    key = UInt32(lead) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
                    i += 4
                }
                for p in packed where p == key { return true }
            }
            return false
        }
    }
}
