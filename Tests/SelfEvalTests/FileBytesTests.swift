import Foundation
import Testing
import SelfEval

/// Files are read whole, whatever their size and kind; what cannot be read gives nil.
@Suite struct FileBytesTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-bytes-\(UUID().uuidString)")

    @Test(arguments: [0, 1, 4_095, 4_096, 4_097, 65_536, 300_001])
    func aFileIsReadWhole(size: Int) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("f.txt")
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try Data(bytes).write(to: url)
        let read = FileBytes.contents(of: url.path)
        #expect(read?.count == size)
        #expect(read.map { $0 == bytes } == true, "the same bytes")
    }

    @Test func whatCannotBeReadGivesNil() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(FileBytes.contents(of: dir.path) == nil, "a folder")
        #expect(FileBytes.contents(of: dir.appendingPathComponent("missing.txt").path) == nil, "no such file")
    }

    /// `fstat` gives size 0 for files of /proc: they are read to their end all the same.
    @Test func aFileOfUnstatedSizeIsReadToItsEnd() throws {
        let status = try #require(FileBytes.contents(of: "/proc/self/status"))
        #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
    }

    /// A pipe (what `<(…)` in a shell gives) is read to its end, past the first 64 KiB.
    @Test func aPipeIsReadToItsEnd() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Written by another process: a reader that stopped early ends the writer, not the tests.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/dd")
        writer.arguments = ["if=/dev/zero", "of=\(fifo)", "bs=1000", "count=200", "status=none"]
        try writer.run()
        defer { writer.terminate(); writer.waitUntilExit() }
        let read = FileBytes.contents(of: fifo)
        #expect(read?.count == 200_000)
        #expect(read?.allSatisfy { $0 == 0 } == true)
    }

    /// A file over the limit is not read: its size is told; at the limit it is read whole.
    @Test func aFileOverTheLimitIsNotRead() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("f.txt")
        try Data(repeating: 0x41, count: 5_000).write(to: url)
        #expect(FileBytes.contents(of: url.path, limit: 4_999) == .failure(.tooLarge(bytes: 5_000)))
        #expect((try? FileBytes.contents(of: url.path, limit: 5_000).get())?.count == 5_000)
    }

    /// A stream is read up to the limit and no further.
    @Test func aStreamPastTheLimitIsNotReadFurther() {
        #expect(FileBytes.contents(of: "/dev/zero", limit: 100_000) == .failure(.tooLarge(bytes: nil)))
        #expect(FileBytes.contents(of: "/dev/zero", limit: 3) == .failure(.tooLarge(bytes: nil)))
    }
}
