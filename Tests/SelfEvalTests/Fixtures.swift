import Foundation
@testable import SelfEval

/// Paths of the bundled fixtures, found from this file's location.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let seeds = root.appendingPathComponent("seeds")
    static let tabularSeed = seeds.appendingPathComponent("000_84adb1842e62a47c.txt")
    static let flowSeed = seeds.appendingPathComponent("004_c9f77f6b4bcb1ec1.txt")

    static func bytes(_ url: URL) -> [UInt8] { [UInt8](try! Data(contentsOf: url)) }

    static func forms(_ url: URL) -> [Form] {
        let source = SourceText(utf8: bytes(url))
        return Linter.readForms(source, file: url.lastPathComponent).forms
    }

    static func forms(text: String) -> [Form] {
        Linter.readForms(SourceText(text), file: "t.txt").forms
    }
}
