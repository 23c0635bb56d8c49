import Foundation
import Testing
import SelfEval
@testable import SelfEvalChecks

/// Every check against its own triggering and non-triggering examples (the SwiftLint habit).
@Suite struct ExamplesTests {
    static let checks: [any Check.Type] = AllChecks.types

    static func lint(_ text: String) -> [Diagnostic] {
        var configuration = Configuration()
        configuration.enabled = Set(AllChecks.descriptions.map(\.id))
        let linter = Linter(checks: AllChecks.types, configuration: configuration)
        var results = [linter.lint(bytes: Array(text.utf8), file: "example.txt")]
        linter.runLevel(&results)
        return results[0].diagnostics
    }

    @Test(arguments: AllChecks.types.map { $0.description.id })
    func triggeringExamplesTrigger(id: String) throws {
        let d = try #require(AllChecks.descriptions.first { $0.id == id })
        #expect(d.triggering.count >= 2, "\(id) needs at least two triggering examples")
        for (i, example) in d.triggering.enumerated() {
            let found = Self.lint(example.text).filter { $0.check == id }
            #expect(!found.isEmpty, "\(id) triggering example \(i + 1) did not trigger")
            if let row = example.row {
                #expect(found.contains { $0.row == row }, "\(id) triggering example \(i + 1) should name row \(row), got \(found.map { $0.row ?? "-" })")
            }
        }
    }

    @Test(arguments: AllChecks.types.map { $0.description.id })
    func nonTriggeringExamplesStaySilent(id: String) throws {
        let d = try #require(AllChecks.descriptions.first { $0.id == id })
        #expect(d.nonTriggering.count >= 2, "\(id) needs at least two non-triggering examples")
        for (i, example) in d.nonTriggering.enumerated() {
            let found = Self.lint(example.text).filter { $0.check == id }
            #expect(found.isEmpty, "\(id) non-triggering example \(i + 1) triggered: \(found.map(\.message.en))")
        }
    }

    /// The examples are whole, readable forms: the reader itself has nothing to say about them.
    @Test(arguments: AllChecks.types.map { $0.description.id })
    func examplesParseCleanly(id: String) throws {
        let d = try #require(AllChecks.descriptions.first { $0.id == id })
        for example in d.triggering + d.nonTriggering {
            let readerFindings = Self.lint(example.text).filter { f in BuiltinDiagnostics.all.contains { $0.id == f.check } }
            #expect(readerFindings.isEmpty, "\(id): \(readerFindings.map(\.message.en))")
        }
    }
}

/// Every check file in Checks/ is registered in AllChecks.swift, and ids are unique.
@Suite struct RegistryTests {
    static let checksFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Checks")

    @Test func everyCheckFileIsRegistered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.checksFolder.path).filter { $0.hasSuffix(".swift") && $0 != "AllChecks.swift" }
        #expect(!files.isEmpty)
        let registered = Set(AllChecks.types.map { String(describing: $0) })
        for file in files {
            let text = try String(contentsOf: Self.checksFolder.appendingPathComponent(file), encoding: .utf8)
            let declared = text.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("struct "), line.contains(": Check") || line.contains(": RunCheck") else { return nil }
                return String(line.dropFirst("struct ".count).prefix { $0 != ":" && $0 != " " })
            }
            #expect(declared.count == 1, "\(file) should declare exactly one check, found \(declared)")
            for type in declared { #expect(registered.contains(type), "\(type) in \(file) is not listed in AllChecks.swift") }
        }
    }

    /// The linter finds run-level checks through `asRunCheck`, not by a cast: it must agree
    /// with the cast for every registered check.
    @Test func runLevelChecksAreTheRunCheckConformers() {
        for type in AllChecks.types {
            #expect((type.asRunCheck != nil) == (type is any RunCheck.Type), "\(type)")
        }
        #expect(AllChecks.types.contains { $0.asRunCheck != nil })
    }

    @Test func idsAreUniqueAndKebabCase() {
        let ids = (AllChecks.descriptions + BuiltinDiagnostics.all).map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id)") }
    }
}
