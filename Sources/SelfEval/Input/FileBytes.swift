#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes, read with `open`/`read` straight into the array the linter works on.
/// `Data(contentsOf:)` followed by `[UInt8](data)` read each file into one buffer and copied
/// it into another.
public enum FileBytes {
    public enum Failure: Error, Equatable {
        /// Could not be opened or read (a folder, no permission, a read error).
        case unreadable
        /// Holds more than the limit: its size when `fstat` tells it, nil for a file read past
        /// the limit (a pipe, a device, a file that grew).
        case tooLarge(bytes: Int?)
    }

    /// The bytes of the file at `path`, or nil when it cannot be opened or read.
    public static func contents(of path: String) -> [UInt8]? {
        try? contents(of: path, limit: Int.max - 1).get()
    }

    /// The bytes of the file at `path`, at most `limit` of them: a longer file (or one that
    /// does not end, like a pipe that is never closed or `/dev/zero`) is a failure, not read
    /// further. Files whose size `fstat` does not tell (pipes, `/proc`) or that grow while
    /// read are read to their end.
    public static func contents(of path: String, limit: Int) -> Result<[UInt8], Failure> {
        contents(ofPath: Array(path.utf8), limit: limit)
    }

    /// The same for a path given as its bytes: a file name that is not UTF-8 (GBK names from
    /// an archive made on Windows) is opened as it is on disk.
    public static func contents(ofPath path: [UInt8], limit: Int) -> Result<[UInt8], Failure> {
        let fd = openFile(path)
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable) }
        if Int(info.st_size) > limit { return .failure(.tooLarge(bytes: Int(info.st_size))) }
        var bytes: [UInt8] = []
        // One byte more than the stated size, so that the end is seen in the first read.
        var chunk = min(max(Int(info.st_size) + 1, 4_096), limit + 1)
        while true {
            var got = 0
            let more = [UInt8](unsafeUninitializedCapacity: chunk) { b, n in
                got = readFully(fd, b.baseAddress!, chunk)
                n = max(got, 0)
            }
            if got < 0 { return .failure(.unreadable) }
            if bytes.isEmpty { bytes = more } else { bytes += more }
            if bytes.count > limit { return .failure(.tooLarge(bytes: nil)) }
            if got < chunk { return .success(bytes) }
            chunk = min(65_536, limit + 1 - bytes.count)
        }
    }

    /// The first `count` bytes of a file (fewer when it is shorter), or nil when it cannot be read.
    public static func head(ofPath path: [UInt8], count: Int) -> [UInt8]? {
        let fd = openFile(path)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var got = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { b, n in
            got = count == 0 ? 0 : readFully(fd, b.baseAddress!, count)
            n = max(got, 0)
        }
        return got < 0 ? nil : bytes
    }

    /// `open(2)` on path bytes (a NUL inside the path opens nothing).
    static func openFile(_ path: [UInt8]) -> Int32 {
        guard !path.contains(0) else { return -1 }
        return withCPath(path) { open($0, O_RDONLY) }
    }

    /// Calls `body` with path bytes as a C string: how files are opened, listed and stat'ed
    /// by the bytes of their names.
    static func withCPath<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (path + [0]).withUnsafeBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count, body) }
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
