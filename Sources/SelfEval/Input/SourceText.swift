#if canImport(Glibc)
import Glibc
#endif

/// Decoded text of one file with a line index. Lines are split on LF, CRLF and CR.
public struct SourceText: Sendable {
    /// The UTF-8 bytes of the whole file (no BOM).
    public let bytes: [UInt8]
    /// Byte offset where each line starts (line n is at index n-1).
    public let lineStarts: [Int]
    /// Byte offset where each line's content ends (before its line break).
    public let lineEnds: [Int]

    public init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [Int]()
        var ends = [Int]()
        starts.reserveCapacity(bytes.count / 40 + 1)
        ends.reserveCapacity(bytes.count / 40 + 1)
        var start = 0
        var i = 0
        let n = bytes.count
        bytes.withUnsafeBufferPointer { buf in
            // Files without CR (most): memchr finds each LF.
            if let base = buf.baseAddress, n > 0, memchr(base, 0x0D, n) == nil {
                while i < n, let hit = memchr(base + i, 0x0A, n - i) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    starts.append(start); ends.append(at)
                    i = at + 1
                    start = i
                }
                i = n
                return
            }
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(start); ends.append(i)
                    i += 1
                    start = i
                } else if b == 0x0D {
                    starts.append(start); ends.append(i)
                    i += (i + 1 < n && buf[i + 1] == 0x0A) ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
        }
        if start < n || starts.isEmpty {
            starts.append(start); ends.append(n)
        }
        self.lineStarts = starts
        self.lineEnds = ends
    }

    public init(_ string: String) {
        self.init(utf8: Array(string.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes of line `number` (1-based) without its line break.
    public func lineBytes(_ number: Int) -> ArraySlice<UInt8> {
        bytes[lineStarts[number - 1]..<lineEnds[number - 1]]
    }

    /// The number (1-based) of the line whose bytes (or line break) hold `offset`.
    public func line(containingOffset offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return max(lo, 1)
    }

    /// The text of line `number` (1-based) without its line break.
    public func line(_ number: Int) -> String {
        String(decoding: lineBytes(number), as: UTF8.self)
    }
}
