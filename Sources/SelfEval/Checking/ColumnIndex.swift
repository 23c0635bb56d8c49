import Foundation

/// Where columns start in the bytes of long lines, so that a check pointing at a word deep in
/// a long line (a paragraph holding thousands of forms) does not count the line's characters
/// from its start each time. One per file's `CheckContext`; built per line on first use.
final class ColumnIndex: @unchecked Sendable {
    /// Columns between two recorded byte offsets.
    static let step = 1024
    /// Shorter lines are counted from their start: that costs less than keeping an index.
    static let minimumBytes = 16_384

    private let lock = NSLock()
    /// For each indexed line, the byte offset of columns 1, 1 + step, 1 + 2·step, …
    private var offsets: [Int: [Int]] = [:]

    /// The byte offset and column of the character at `column` in line `line`'s bytes `h`
    /// (columns count scalars from 1), or the line's end and its column when it is shorter.
    func start(of column: Int, line: Int, in h: UnsafeBufferPointer<UInt8>) -> (byte: Int, column: Int) {
        var at = 0, current = 1
        if h.count >= Self.minimumBytes {
            let marks = lock.withLock {
                if let known = offsets[line] { return known }
                let built = Self.marks(h)
                offsets[line] = built
                return built
            }
            let k = min((max(column, 1) - 1) / Self.step, marks.count - 1)
            at = marks[k]
            current = 1 + k * Self.step
        }
        while at < h.count && current < column {
            at += 1
            while at < h.count && h[at] & 0xC0 == 0x80 { at += 1 }
            current += 1
        }
        return (at, current)
    }

    private static func marks(_ h: UnsafeBufferPointer<UInt8>) -> [Int] {
        var marks = [0]
        var column = 1
        for i in 0..<h.count where h[i] & 0xC0 != 0x80 {
            if column > 1 && (column - 1) % step == 0 { marks.append(i) }
            column += 1
        }
        return marks
    }
}
