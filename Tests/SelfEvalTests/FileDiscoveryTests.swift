import Foundation
import Testing
@testable import SelfEval

/// Which files a folder on the command line stands for: form files at any depth, in sorted
/// order, hidden entries skipped, JSON only when it is model JSON, links to files followed,
/// documents (PDF, Excel, Word) included so that they are reported.
@Suite struct FileDiscoveryTests {
    @Test func foldersExpandToTheirFormFilesInSortedOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-find-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        for dir in ["b/deep", "a", ".hidden", "c"] { try fm.createDirectory(atPath: "\(root)/\(dir)", withIntermediateDirectories: true) }
        let text = Data("项目名称\t甲\n".utf8)
        for file in ["b/deep/z.TXT", "b/y.md", "a/x.tsv", "a/notes.pdf", "a/scan.png", "a/noext", ".hidden/h.txt", "a/.h.txt", "c/w.csv", "c/w.markdown", "c/w.text"] {
            try text.write(to: URL(fileURLWithPath: "\(root)/\(file)"))
        }
        try Data(#"{"notAModel": true}"#.utf8).write(to: URL(fileURLWithPath: "\(root)/a/config.json"))
        try Data(#"{"forms": [{"layout": "json"}]}"#.utf8).write(to: URL(fileURLWithPath: "\(root)/a/model.json"))
        try fm.createSymbolicLink(atPath: "\(root)/c/link.txt", withDestinationPath: "\(root)/b/y.md")
        try fm.createSymbolicLink(atPath: "\(root)/c/folder", withDestinationPath: "\(root)/a")

        let found = try FileDiscovery.find([root + "/"], currentDirectory: "/nowhere").map(\.path)
        // A document is found, to be reported as one (see `DocumentKind`); an image is not.
        let expected = ["a/model.json", "a/notes.pdf", "a/x.tsv", "b/deep/z.TXT", "b/y.md", "c/link.txt", "c/w.csv", "c/w.markdown", "c/w.text"].map { "\(root)/\($0)" }
        #expect(found == expected)

        // Named explicitly, any file is read, once; the display name is relative to the folder.
        let named = try FileDiscovery.find(["\(root)/a/notes.pdf", "\(root)/a/notes.pdf", root], currentDirectory: root)
        #expect(named.first?.display == "a/notes.pdf")
        #expect(named.map(\.path).filter { $0.hasSuffix("notes.pdf") }.count == 1)
        #expect(throws: FileDiscovery.Failure.self) { try FileDiscovery.find(["\(root)/missing"]) }
    }

    @Test(arguments: [("a.txt", "txt"), ("A.TXT", "txt"), ("a.b.md", "md"), ("noext", ""), ("a.", "")])
    func extensions(name: String, expected: String) {
        #expect(FileDiscovery.extensionOf(name) == expected)
    }

    /// File names that are not UTF-8 (GBK names from an archive made on Windows) are opened by
    /// their bytes and shown decoded; a name in no known encoding is shown with U+FFFD.
    @Test func namesThatAreNotUTF8AreOpenedByTheirBytes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seed = Fixtures.bytes(Fixtures.flowSeed)
        let gbk: [UInt8] = [0xD7, 0xD4, 0xC6, 0xC0, 0xB1, 0xED] + Array(".txt".utf8)   // 自评表.txt in GBK
        let neither: [UInt8] = [0xFF, 0xFE, 0x41] + Array(".txt".utf8)
        for name in [gbk, neither] {
            let path = Array(root.utf8) + [UInt8(ascii: "/")] + name
            let fd = FileBytes.withCPath(path) { open($0, O_WRONLY | O_CREAT, 0o644) }
            #expect(fd >= 0)
            _ = seed.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
        }
        let found = try FileDiscovery.find([root], currentDirectory: root)
        #expect(found.map(\.display) == ["自评表.txt", "\u{FFFD}\u{FFFD}A.txt"])
        #expect(found.map(\.pathBytes) == [Array(root.utf8) + [UInt8(ascii: "/")] + gbk, Array(root.utf8) + [UInt8(ascii: "/")] + neither])
        #expect(try FileDiscovery.find([root, root], currentDirectory: root).count == 2, "each file once")
        let results = Linter(checks: []).lint(found: found)
        #expect(results.map(\.forms.count) == [8, 8], "both files are read")

        // Named on the command line: the shell passes the bytes, Swift's strings hold U+FFFD.
        let typed = root + "/" + String(decoding: gbk, as: UTF8.self)
        let named = try FileDiscovery.find([typed], raw: [typed: Array(root.utf8) + [UInt8(ascii: "/")] + gbk], currentDirectory: root)
        #expect(named.map(\.display) == ["自评表.txt"])
        #expect(throws: FileDiscovery.Failure.self) { try FileDiscovery.find([typed], currentDirectory: root) }
        // Named as reports show it (decoded), e.g. copied from a report or kept in a baseline.
        let shown = try FileDiscovery.find([root + "/自评表.txt"], currentDirectory: root)
        #expect(shown.map(\.pathBytes) == [Array(root.utf8) + [UInt8(ascii: "/")] + gbk])
        #expect(shown.map(\.display) == ["自评表.txt"])

        // In a folder whose name is UTF-8 Chinese, the folder stays readable and the file decoded.
        let folder = root + "/表格"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let inner = Array(folder.utf8) + [UInt8(ascii: "/")] + gbk
        let fd = FileBytes.withCPath(inner) { open($0, O_WRONLY | O_CREAT, 0o644) }
        close(fd)
        let nested = try FileDiscovery.find([folder], currentDirectory: root)
        #expect(nested.map(\.display) == ["表格/自评表.txt"])
        #expect(try FileDiscovery.find([folder + "/自评表.txt"], currentDirectory: root).map(\.pathBytes) == [inner])
    }
}
