#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes, read with `open`/`read` straight into the array the linter works on.
/// `Data(contentsOf:)` followed by `[UInt8](data)` read each file into one buffer and copied
/// it into another.
public enum FileBytes {
    /// The bytes of the file at `path`, or nil when it cannot be opened or read (a folder, no
    /// permission, a read error). Files whose size `fstat` does not tell (pipes, `/proc`) or
    /// that grow while read are read to their end.
    public static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes: [UInt8] = []
        // One byte more than the stated size, so that the end is seen in the first read.
        var chunk = max(Int(info.st_size) + 1, 4_096)
        while true {
            var got = 0
            let more = [UInt8](unsafeUninitializedCapacity: chunk) { b, n in
                got = readFully(fd, b.baseAddress!, chunk)
                n = max(got, 0)
            }
            if got < 0 { return nil }
            if bytes.isEmpty { bytes = more } else { bytes += more }
            if got < chunk { return bytes }
            chunk = 65_536
        }
    }

    /// Reads until `count` bytes are read or the file ends; -1 on an error.
    private static func readFully(_ fd: Int32, _ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        var total = 0
        while total < count {
            let r = read(fd, p + total, count - total)
            if r < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if r == 0 { break }
            total += r
        }
        return total
    }
}
