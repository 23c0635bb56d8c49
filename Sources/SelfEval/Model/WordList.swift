/// A fixed list of words, asked whether it holds a text exactly (by bytes). The words are kept
/// by UTF-8 length, so a text is compared only with the words as long as it: most texts asked
/// about are compared with none or one, where `[String].containsBytes` compared every word.
public struct WordList: Sendable {
    /// The words' bytes one after another, shortest first.
    private let bytes: [UInt8]
    /// Where each word starts in `bytes`, in the same order.
    private let starts: [Int]
    /// For each byte length n, the words of that length are `starts[first[n]..<first[n + 1]]`.
    private let first: [Int]

    public init(_ words: [String]) {
        let sorted = words.sorted { $0.utf8.count < $1.utf8.count }
        let longest = sorted.last?.utf8.count ?? 0
        var bytes: [UInt8] = [], starts: [Int] = [], first = [Int](repeating: 0, count: longest + 2)
        var w = 0
        for n in 0...longest + 1 {
            first[n] = starts.count
            while w < sorted.count && sorted[w].utf8.count == n {
                starts.append(bytes.count)
                bytes += sorted[w].utf8
                w += 1
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.first = first
    }

    /// Whether `text` is one of the words.
    @inlinable
    public func contains<S: StringProtocol>(_ text: S) -> Bool {
        text.withBytes { t in contains(bytes: t) }
    }

    @usableFromInline
    func contains(bytes t: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = t.count
        guard n + 1 < first.count else { return false }
        var i = first[n]
        let end = first[n + 1]
        if i == end { return false }
        if n == 0 { return true }
        return bytes.withUnsafeBufferPointer { b in
            while i < end {
                if memcmpBytes(b.baseAddress! + starts[i], t.baseAddress!, n) { return true }
                i += 1
            }
            return false
        }
    }
}
