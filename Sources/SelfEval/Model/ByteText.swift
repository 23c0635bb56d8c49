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

/// A set of three-byte UTF-8 characters (all CJK), for a one-pass test of whether a text
/// holds any of them: a cheap necessary condition before a vocabulary's substring tests.
struct CharacterFilter: Sendable {
    private let packed: [UInt32]

    init(_ characters: String) {
        let b = Array(characters.utf8)
        precondition(b.count % 3 == 0, "three-byte characters only")
        packed = stride(from: 0, to: b.count, by: 3).map { UInt32(b[$0]) << 16 | UInt32(b[$0 + 1]) << 8 | UInt32(b[$0 + 2]) }
    }

    /// Whether `text` holds one of the characters.
    func matches<S: StringProtocol>(_ text: S) -> Bool {
        text.withBytes { b in
            let n = b.count
            var i = 0
            while i + 2 < n {
                let lead = b[i]
                if lead < 0xE0 { i += 1; continue }
                if lead < 0xF0 {
                    let key = UInt32(lead) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2])
                    for p in packed where p == key { return true }
                    i += 3
                } else {
                    i += 4
                }
            }
            return false
        }
    }
}
