/// Text comparisons on UTF-8 bytes. The forms' labels are compared exactly as written, so
/// there is no need for Unicode normalization, which costs a lot in per-cell loops.
extension StringProtocol {
    @inline(__always)
    public func hasBytePrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    @inline(__always)
    public func hasByteSuffix(_ suffix: String) -> Bool {
        let a = utf8, b = suffix.utf8
        guard a.count >= b.count else { return false }
        return a.suffix(b.count).elementsEqual(b)
    }

    @inline(__always)
    public func sameBytes(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }

    /// Whether `needle` occurs in the text, by byte search.
    public func containsBytes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let h = Array(utf8)
        if h.count < n.count { return false }
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var k = 1
                while k < n.count && h[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}

extension Array where Element == String {
    /// Membership by bytes.
    @inline(__always)
    public func containsBytes(_ text: String) -> Bool { contains { $0.sameBytes(text) } }
}
