/// Text comparisons on UTF-8 bytes. The forms' labels are compared exactly as written, so
/// there is no need for Unicode normalization, which costs a lot in per-cell loops.
extension StringProtocol {
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        let copy = Array(utf8)
        return copy.withUnsafeBufferPointer(body)
    }

    @inline(__always)
    public func hasBytePrefix(_ prefix: String) -> Bool {
        withBytes { a in
            prefix.withBytes { p in
                a.count >= p.count && (p.count == 0 || memcmpBytes(a.baseAddress!, p.baseAddress!, p.count))
            }
        }
    }

    @inline(__always)
    public func hasByteSuffix(_ suffix: String) -> Bool {
        withBytes { a in
            suffix.withBytes { p in
                a.count >= p.count && (p.count == 0 || memcmpBytes(a.baseAddress! + (a.count - p.count), p.baseAddress!, p.count))
            }
        }
    }

    @inline(__always)
    public func sameBytes(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return withBytes { a in other.withBytes { b in a.count == 0 || memcmpBytes(a.baseAddress!, b.baseAddress!, a.count) } }
    }

    /// Whether `needle` occurs in the text, by byte search.
    public func containsBytes(_ needle: String) -> Bool {
        withBytes { h in needle.withBytes { n in firstIndexOfBytes(n, in: h) != nil } }
    }
}

/// Where `needle` first occurs in `haystack` at or after `start`; an empty needle is found at
/// `start`. The one byte search behind every substring test.
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

@inline(__always)
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
    @inline(__always)
    public func containsBytes(_ text: String) -> Bool { contains { $0.sameBytes(text) } }
}
