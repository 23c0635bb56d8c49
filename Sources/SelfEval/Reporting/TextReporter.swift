import Dispatch

/// Compiler-style text: `file:line:col: severity: message [check]`, the source line with a
/// gutter, a caret under the value, and notes with the arithmetic.
public struct TextReporter: Sendable {
    public var language: Language
    /// Threads rendering files' findings (spliced in file order: the output does not depend on it).
    public var jobs = 1
    /// Source lines longer than this are shown as a window around the caret.
    public var maxLineWidth = 160
    /// About how many bytes `render(_:sink:)` hands on at a time.
    public var chunkBytes = 1 << 20

    public init(language: Language) { self.language = language }

    public func render(_ run: RunResult) -> String {
        var out: [UInt8] = []
        render(run) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same report handed to `sink` about `chunkBytes` at a time, so that the report of a
    /// large run is written as it is made instead of held whole (twice, with its copy for
    /// writing: 21 MB for 20,000 forms).
    public func render(_ run: RunResult, sink: ([UInt8]) -> Void) {
        let chunk = max(1, chunkBytes)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunk)
        func emit(_ text: String) { emit(Array(text.utf8)) }
        func emit(_ bytes: [UInt8]) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= chunk {
                sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        // Files' findings rendered a batch of files at a time, in parallel with `jobs` > 1.
        let batch = 64
        var start = 0
        while start < run.files.count {
            let files = Array(run.files[start..<min(run.files.count, start + batch)])
            let fragments = FragmentBox(count: files.count)
            let renderFile: @Sendable (Int) -> Void = { i in
                var bytes: [UInt8] = []
                for d in files[i].diagnostics where d.baselineState != .unchanged { bytes.append(contentsOf: self.render(d).utf8) }
                fragments.put(i, bytes)
            }
            if jobs > 1 { DispatchQueue.concurrentPerform(iterations: files.count, execute: renderFile) } else { for i in files.indices { renderFile(i) } }
            for fragment in fragments.values { emit(fragment) }
            start += batch
        }
        for e in run.fixed ?? [] {
            emit(language == .zh
                ? "\(e.file): 已修复: [\(e.check)] \(e.form)\(e.row.isEmpty ? "" : " / " + e.row)（基线条目不再出现）\n"
                : "\(e.file): fixed: [\(e.check)] \(e.form)\(e.row.isEmpty ? "" : " / " + e.row) (baseline entry no longer found)\n")
        }
        emit(summary(run) + "\n")
        if !buffer.isEmpty { sink(buffer) }
    }

    public func render(_ d: Diagnostic) -> String {
        var out = "\(d.file):\(d.range.start.line):\(d.range.start.column): \(d.severity.rawValue): \(d.message.text(language)) [\(d.check)]\n"
        if let line = d.sourceLine { out += snippet(line, d) }
        for note in d.notes { out += "note: \(note.text(language))\n" }
        return out
    }

    func snippet(_ lineText: String, _ d: Diagnostic) -> String {
        let number = String(d.range.start.line)
        let gutter = String(repeating: " ", count: max(4, number.count + 1))
        var scalars = Array(lineText.unicodeScalars)
        var caretColumn = d.range.start.column - d.sourceLineStart
        var length = d.range.end.line == d.range.start.line ? max(1, d.range.end.column - d.range.start.column) : max(1, scalars.count - caretColumn)
        var lead = d.sourceLineStart > 1 ? "…" : "", trail = ""
        if !lead.isEmpty {
            scalars = Array(lead.unicodeScalars) + scalars
            caretColumn += 1
            lead = ""
        }
        if scalars.count > maxLineWidth {
            let start = max(0, min(caretColumn - 40, scalars.count - maxLineWidth))
            let end = min(scalars.count, start + maxLineWidth)
            lead = start > 0 ? "…" : ""
            trail = end < scalars.count ? "…" : ""
            scalars = Array(scalars[start..<end])
            caretColumn -= start
            length = min(length, scalars.count - max(0, caretColumn))
            if !lead.isEmpty { caretColumn += 1 }
            scalars = Array(lead.unicodeScalars) + scalars
        }
        let padNumber = String(repeating: " ", count: gutter.count - number.count) + number
        // Control characters are kept out of the terminal. Text and caret are encoded by hand:
        // the scalar view's append cost more than the rest of the report together.
        let text = String(scalars: scalars.lazy.map { $0.value < 0x20 && $0 != "\t" ? "?" : $0 })
        var caret: [UInt8] = []
        var col = 0
        for s in scalars {
            if col >= caretColumn { break }
            if s == "\t" { caret.append(0x09) } else { caret.append(contentsOf: repeatElement(0x20, count: DisplayWidth.of(s))) }
            col += 1
        }
        var width = 0
        for s in scalars.dropFirst(max(0, caretColumn)).prefix(max(1, length)) { width += s == "\t" ? 1 : DisplayWidth.of(s) }
        caret.append(UInt8(ascii: "^"))
        caret.append(contentsOf: repeatElement(UInt8(ascii: "~"), count: max(0, width - 1)))
        return "\(padNumber) | \(text)\(trail)\n\(gutter) | \(String(decoding: caret, as: UTF8.self))\n"
    }

    public func summary(_ run: RunResult) -> String {
        let e = run.countNew(.error), w = run.countNew(.warning), n = run.countNew(.note)
        let forms = run.formCount, files = run.files.count
        var text: String
        if language == .zh {
            text = "共 \(files) 个文件、\(forms) 张自评表：\(e) 个错误，\(w) 个警告，\(n) 个提示"
        } else {
            text = "\(forms) form\(forms == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s"): \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(n) note\(n == 1 ? "" : "s")"
        }
        if let fixed = run.fixed {
            let unchanged = run.countFindings { $0.baselineState == .unchanged }
            text += language == .zh
                ? "（新增；另有 \(unchanged) 个已在基线中，\(fixed.count) 个基线条目已修复）"
                : " new; \(unchanged) in the baseline, \(fixed.count) fixed"
        }
        return text
    }
}
