import Foundation

/// `--format json`: a versioned object with the run summary, files, forms and diagnostics.
public struct JSONReporter: Sendable {
    public static let formatVersion = 1
    public var language: Language
    /// Threads used to render findings (the output does not depend on it).
    public var jobs: Int

    public init(language: Language, jobs: Int = 1) {
        self.language = language
        self.jobs = jobs
    }

    public func render(_ run: RunResult) -> String { render(run, sink: nil) }

    /// Writes the report; with a sink, as UTF-8 in pieces of about a megabyte instead of one string.
    public func render(_ run: RunResult, sink: (@Sendable ([UInt8]) -> Void)?) -> String {
        var w = JSONWriter(sink: sink)
        w.beginObject()
        w.number("version", JSONReporter.formatVersion)
        w.beginObject("tool")
        w.string("name", "selfeval")
        w.string("version", run.toolVersion)
        w.endObject()
        w.beginObject("summary")
        w.number("files", run.files.count)
        w.number("forms", run.formCount)
        w.number("errors", run.count(.error))
        w.number("warnings", run.count(.warning))
        w.number("notes", run.count(.note))
        if let fixed = run.fixed {
            w.number("new", run.countReportable())
            w.number("unchanged", run.countFindings { $0.baselineState == .unchanged })
            w.number("fixed", fixed.count)
        }
        w.endObject()
        w.beginArray("files")
        for f in run.files {
            w.beginObject()
            w.string("file", f.file)
            w.string("encoding", f.encoding?.rawValue)
            w.number("forms", f.forms.count)
            w.number("diagnostics", f.diagnostics.count)
            w.endObject()
        }
        w.endArray()
        w.beginArray("forms")
        appendPerFile(&w, run.files) { f, fw in
            for summary in f.summaries { JSONReporter.writeFormSummary(&fw, summary) }
        }
        w.endArray()
        w.beginArray("diagnostics")
        appendPerFile(&w, run.files) { f, fw in
            for d in f.diagnostics { writeDiagnostic(&fw, d) }
        }
        w.endArray()
        if let fixed = run.fixed {
            w.beginArray("fixed")
            for e in fixed {
                w.beginObject()
                w.string("check", e.check)
                w.string("file", e.file)
                w.string("form", e.form)
                w.string("row", e.row)
                w.string("fingerprint", e.fingerprint)
                w.string("baselineState", BaselineState.absent.rawValue)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return w.finish() + (sink == nil ? "\n" : { sink!([0x0A]); return "" }())
    }

    /// Array elements written file by file: rendered in parallel (with `jobs` > 1), a batch of
    /// files at a time, and spliced in file order, so the output does not depend on threads.
    func appendPerFile(_ w: inout JSONWriter, _ all: [FileResult], _ write: @escaping @Sendable (FileResult, inout JSONWriter) -> Void) {
        let batch = 64
        var start = 0
        while start < all.count {
            let files = Array(all[start..<min(all.count, start + batch)])
            let fragments = FragmentBox(count: files.count)
            // One fragment per file: its elements one after another.
            let render: @Sendable (Int) -> Void = { i in
                var fw = JSONWriter(elementAtDepth: 2)
                write(files[i], &fw)
                fragments.put(i, fw.bytes)
            }
            if jobs > 1 { DispatchQueue.concurrentPerform(iterations: files.count, execute: render) } else { for i in 0..<files.count { render(i) } }
            for fragment in fragments.values where !fragment.isEmpty {
                w.appendElement(fragment)
                w.flushIfLarge()
            }
            start += batch
        }
    }

    static func writeFormSummary(_ w: inout JSONWriter, _ s: FormSummary) {
        w.beginObject()
        w.string("file", s.file)
        w.number("line", s.line)
        w.string("name", s.name)
        if let y = s.year { w.number("year", y) } else { w.null("year") }
        w.string("unit", s.unit)
        w.string("department", s.department)
        w.string("implementingUnit", s.implementingUnit)
        w.string("layout", s.layout.rawValue)
        w.number("indicators", s.indicators)
        w.beginObject("totals")
        w.decimal("statedWeight", s.statedWeight)
        w.decimal("statedScore", s.statedScore)
        w.decimal("weightSum", s.weightSum)
        w.decimal("scoreSum", s.scoreSum)
        w.endObject()
        w.string("grade", s.grade)
        w.number("diagnostics", s.diagnostics)
        w.endObject()
    }

    func writeDiagnostic(_ w: inout JSONWriter, _ d: Diagnostic) {
        w.beginObject()
        w.string("check", d.check)
        w.string("severity", d.severity.rawValue)
        w.string("message", d.message.text(language))
        w.string("file", d.file)
        w.number("line", d.range.start.line)
        w.number("column", d.range.start.column)
        w.number("endLine", d.range.end.line)
        w.number("endColumn", d.range.end.column)
        w.string("form", d.form)
        w.string("row", d.row)
        w.beginArray("notes")
        for n in d.notes { w.string(nil, n.text(language)) }
        w.endArray()
        w.string("fingerprint", d.fingerprint)
        if let state = d.baselineState { w.string("baselineState", state.rawValue) }
        w.endObject()
    }
}
