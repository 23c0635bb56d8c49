/// Reading array elements where they are stored. `for x in array`, `array[i].field`, `map`
/// and `b[i]` on a buffer pointer copy the whole element first: for a `Cell`, a `Form` or a
/// `Diagnostic` that is a retain and a release of every string it holds (measured: about
/// 270,000 cell copies on the 250-form sample). These hand each element by its address.
extension Array {
    /// The index of the first element for which `test` holds.
    @inline(__always)
    func firstIndex(byAddress test: (UnsafePointer<Element>) -> Bool) -> Int? {
        withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return nil }
            for i in 0..<b.count where test(p + i) { return i }
            return nil
        }
    }

    /// How many elements `test` holds for.
    @inline(__always)
    func count(byAddress test: (UnsafePointer<Element>) -> Bool) -> Int {
        withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return 0 }
            var n = 0
            for i in 0..<b.count where test(p + i) { n += 1 }
            return n
        }
    }

    /// `map` over the elements' positions and addresses.
    @inline(__always)
    func map<R>(byAddress transform: (Int, UnsafePointer<Element>) -> R) -> [R] {
        withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return [] }
            return (0..<b.count).map { transform($0, p + $0) }
        }
    }

    /// What `read` takes from element `i` (which must exist).
    @inline(__always)
    func read<R>(at i: Int, _ read: (UnsafePointer<Element>) -> R) -> R {
        precondition(i >= 0 && i < count, "index out of range")
        return withUnsafeBufferPointer { read($0.baseAddress! + i) }
    }
}

extension Array {
    /// Room for `n` more elements. `reserveCapacity(count + n)` on a full array grows it to
    /// exactly that, copying everything for a few elements; this grows it at least twofold.
    @inline(__always)
    mutating func reserveRoom(_ n: Int) {
        if capacity - count < n { reserveCapacity(Swift.max(count + n, 2 * capacity)) }
    }
}
