import Foundation
import Testing
@testable import SelfEval

/// Which files a folder on the command line stands for: form files at any depth, in sorted
/// order, hidden entries skipped, JSON only when it is model JSON, links to files followed.
@Suite struct FileDiscoveryTests {
    @Test func foldersExpandToTheirFormFilesInSortedOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-find-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        for dir in ["b/deep", "a", ".hidden", "c"] { try fm.createDirectory(atPath: "\(root)/\(dir)", withIntermediateDirectories: true) }
        let text = Data("项目名称\t甲\n".utf8)
        for file in ["b/deep/z.TXT", "b/y.md", "a/x.tsv", "a/notes.pdf", "a/noext", ".hidden/h.txt", "a/.h.txt", "c/w.csv", "c/w.markdown", "c/w.text"] {
            try text.write(to: URL(fileURLWithPath: "\(root)/\(file)"))
        }
        try Data(#"{"notAModel": true}"#.utf8).write(to: URL(fileURLWithPath: "\(root)/a/config.json"))
        try Data(#"{"forms": [{"layout": "json"}]}"#.utf8).write(to: URL(fileURLWithPath: "\(root)/a/model.json"))
        try fm.createSymbolicLink(atPath: "\(root)/c/link.txt", withDestinationPath: "\(root)/b/y.md")
        try fm.createSymbolicLink(atPath: "\(root)/c/folder", withDestinationPath: "\(root)/a")

        let found = try FileDiscovery.find([root + "/"], currentDirectory: "/nowhere").map(\.path)
        let expected = ["a/model.json", "a/x.tsv", "b/deep/z.TXT", "b/y.md", "c/link.txt", "c/w.csv", "c/w.markdown", "c/w.text"].map { "\(root)/\($0)" }
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
}
