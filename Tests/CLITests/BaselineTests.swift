import Foundation
import Testing
import SelfEval

/// Baselines survive line shifts, reordering and re-extraction; each entry absorbs one finding.
/// A class, so that each test's folder is removed when the test ends (`deinit`).
@Suite(.serialized) final class BaselineTests {
    let dir: URL
    let tabular: URL
    let flow: URL
    let baseline: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("forms"), withIntermediateDirectories: true)
        tabular = dir.appendingPathComponent("forms/a.txt")
        flow = dir.appendingPathComponent("forms/b.txt")
        baseline = dir.appendingPathComponent("baseline.json")
        try Data(contentsOf: CLI.fixtures.appendingPathComponent("seeds/000_84adb1842e62a47c.txt")).write(to: tabular)
        try Data(contentsOf: CLI.fixtures.appendingPathComponent("seeds/004_c9f77f6b4bcb1ec1.txt")).write(to: flow)
        let w = try CLI.run(["lint", "--write-baseline", baseline.path, dir.appendingPathComponent("forms").path])
        #expect(w.status == 1)
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    func lint(_ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["lint", "--format", "json", "--baseline", baseline.path] + extra + [dir.appendingPathComponent("forms").path])
    }

    func newFindings(_ r: CLI.Result) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (object["diagnostics"] as? [[String: Any]] ?? []).filter { $0["baselineState"] as? String == "new" }
    }

    func fixed(_ r: CLI.Result) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return object["fixed"] as? [[String: Any]] ?? []
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The text of each form chunk of a file, and what stands before the first.
    func chunks(_ text: String) -> (preamble: String, forms: [String]) {
        let source = SourceText(text)
        let lines = (1...source.lineCount).map { source.line($0) }
        let split = FormSplitter.split(source).chunks
        let preamble = lines[0..<(split[0].firstLine - 1)].joined(separator: "\n")
        return (preamble, split.map { lines[($0.firstLine - 1)..<$0.lastLine].joined(separator: "\n") })
    }

    @Test func unchangedRunMatchesEverything() throws {
        let r = try lint(["--strict-baseline"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try newFindings(r).isEmpty)
        #expect(try fixed(r).isEmpty)
    }

    @Test func blankLinesAndTextBeforeEveryFormChangeNothing() throws {
        for url in [tabular, flow] {
            let (preamble, forms) = chunks(try read(url))
            let shifted = preamble + "\n" + forms.map { "\n\n附件：项目绩效情况说明\n\n\n" + $0 }.joined(separator: "\n")
            try shifted.write(to: url, atomically: false, encoding: .utf8)
        }
        let r = try lint(["--strict-baseline"])
        #expect(try newFindings(r).map { $0["message"] as? String ?? "" } == [])
        #expect(r.status == 0)
    }

    @Test func reorderingFormsChangesNothing() throws {
        for url in [tabular, flow] {
            let (preamble, forms) = chunks(try read(url))
            try (preamble + "\n" + forms.reversed().joined(separator: "\n") + "\n").write(to: url, atomically: false, encoding: .utf8)
        }
        let r = try lint(["--strict-baseline"])
        #expect(try newFindings(r).map { $0["message"] as? String ?? "" } == [])
        #expect(r.status == 0)
    }

    @Test func convertingAFormToTheOtherLayoutChangesNothing() throws {
        for (url, style) in [(tabular, FormRenderer.Style.flow), (flow, FormRenderer.Style.tabular)] {
            let text = try read(url)
            let (preamble, chunksText) = chunks(text)
            let forms = Linter.readForms(SourceText(text), file: url.lastPathComponent).forms
            // Convert every other form: the file then mixes both layouts.
            var out = [preamble]
            for (i, chunk) in chunksText.enumerated() { out.append(i % 2 == 0 ? FormRenderer.render(forms[i], as: style) : chunk) }
            try out.joined(separator: "\n").write(to: url, atomically: false, encoding: .utf8)
        }
        let r = try lint(["--strict-baseline"])
        #expect(try newFindings(r).map { $0["message"] as? String ?? "" } == [])
        #expect(try fixed(r).map { "\($0["form"] ?? "") \($0["check"] ?? "")" } == [])
        #expect(r.status == 0)
    }

    @Test func oneChangedValueIsExactlyOneNewFinding() throws {
        // 退休人员体检费 is clean; make its total score disagree with its rows.
        let text = try read(tabular)
        let (preamble, forms) = chunks(text)
        let i = try #require(forms.firstIndex { $0.contains("退休人员体检费") })
        var changed = forms
        changed[i] = forms[i].replacingOccurrences(of: "总分\t\t\t\t\t\t100\t100", with: "总分\t\t\t\t\t\t100\t99")
        #expect(changed[i] != forms[i])
        try (preamble + "\n" + changed.joined(separator: "\n")).write(to: tabular, atomically: false, encoding: .utf8)
        let r = try lint()
        let new = try newFindings(r)
        #expect(new.count == 1)
        #expect(new.first?["check"] as? String == "total-score")
        #expect(new.first?["form"] as? String == "退休人员体检费")
        #expect(r.status == 1)
    }

    @Test func aFixedProblemIsReportedAsFixed() throws {
        let text = try read(tabular)
        try text.replacingOccurrences(of: "年度资金总额\t448,000.00", with: "年度资金总额\t488,000.00").write(to: tabular, atomically: false, encoding: .utf8)
        let r = try lint()
        #expect(try newFindings(r).isEmpty)
        let f = try fixed(r)
        #expect(f.count == 1)
        #expect(f.first?["check"] as? String == "funding-breakdown")
        #expect(f.first?["form"] as? String == "监督执法专项工作经费")
        #expect(r.status == 0)
        // Strict: a fixed entry fails the run until the baseline is pruned.
        #expect(try lint(["--strict-baseline"]).status == 1)
        let prune = try CLI.run(["baseline", "prune", baseline.path, dir.appendingPathComponent("forms").path])
        #expect(prune.status == 0)
        #expect(prune.stdout.contains("pruned 1 entry"))
        #expect(try lint(["--strict-baseline"]).status == 0)
    }

    @Test func eachEntryAbsorbsOneFinding() throws {
        // The same form twice: its findings double, the copies are new.
        let text = try read(tabular)
        let (_, forms) = chunks(text)
        let rent = try #require(forms.first { $0.contains("房屋租赁费") })
        try (text + "\n" + rent + "\n").write(to: tabular, atomically: false, encoding: .utf8)
        let new = try newFindings(try lint())
        #expect(new.map { $0["check"] as? String ?? "" } == ["missing-actual"])
    }

    @Test func writingForOneFileKeepsTheOtherFilesEntries() throws {
        let before = try Baseline.load(baseline.path)
        let files = Set(before.entries.map(\.file))
        #expect(files.count == 2)
        let w = try CLI.run(["lint", "--write-baseline", baseline.path, tabular.path])
        #expect(w.status == 1)
        let after = try Baseline.load(baseline.path)
        #expect(after == before)
        #expect(try read(baseline).hasPrefix("{\n  \"version\": 1,"))
        // Sorted, one entry per line, no line numbers.
        let lines = try read(baseline).split(separator: "\n").filter { $0.contains("\"fingerprint\"") }
        #expect(lines.count == before.entries.count)
        #expect(!(try read(baseline)).contains("\"line\""))
    }
}
