import Foundation

/// Collects per-file fragments of a report written on worker threads, kept by index so that
/// they are spliced in file order whatever the scheduling (JSON and text reports).
final class FragmentBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [[UInt8]]
    init(count: Int) { values = Array(repeating: [], count: count) }
    func put(_ i: Int, _ v: [UInt8]) {
        lock.lock(); defer { lock.unlock() }
        values[i] = v
    }
}
