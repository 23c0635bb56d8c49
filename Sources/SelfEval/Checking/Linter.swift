import Foundation

/// Everything learned from one file: its text, its forms and the findings.
public struct FileResult: Sendable {
    public var file: String
    public var encoding: TextEncoding?
    public var source: SourceText?
    public var forms: [Form]
    public var diagnostics: [Diagnostic]
    /// One line per form for reports, computed before `compacted()` drops the details.
    public var summaries: [FormSummary] = []
    /// Source lines kept after compaction for run-level findings (the goal texts' lines).
    var keptLines: [Int: String] = [:]

    init(file: String, encoding: TextEncoding?, source: SourceText?, forms: [Form], diagnostics: [Diagnostic]) {
        self.file = file
        self.encoding = encoding
        self.source = source
        self.forms = forms
        self.diagnostics = diagnostics
        let counts = FileResult.diagnosticsPerForm(forms, diagnostics)
        // Each form is read where it is stored: zipping the arrays copied every form.
        self.summaries = forms.map(byAddress: { FormSummary($1.pointee, diagnostics: counts[$0]) })
    }

    /// How many findings start inside each form's lines. Forms in file order have rising starts
    /// and ends, so each finding is placed by binary search instead of testing every form.
    static func diagnosticsPerForm(_ forms: [Form], _ diagnostics: [Diagnostic]) -> [Int] {
        // Only the line ranges matter: taken once, so no form or finding is copied.
        let spans = forms.map(byAddress: { ($1.pointee.range.start.line, $1.pointee.range.end.line) })
        let lines = diagnostics.map(byAddress: { $1.pointee.range.start.line })
        func contains(_ f: (Int, Int), _ line: Int) -> Bool { line >= f.0 && line <= f.1 }
        let ordered = zip(spans, spans.dropFirst()).allSatisfy { $0.0 <= $1.0 && $0.1 <= $1.1 }
        guard ordered else { return spans.map { f in lines.filter { contains(f, $0) }.count } }
        var counts = [Int](repeating: 0, count: spans.count)
        for line in lines {
            // The first form whose end reaches the line; forms from there on start in order.
            var lo = 0, hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].1 < line { lo = mid + 1 } else { hi = mid }
            }
            var i = lo
            while i < spans.count, spans[i].0 <= line {
                if contains(spans[i], line) { counts[i] += 1 }
                i += 1
            }
        }
        return counts
    }

    /// Drops the text and the forms' details, keeping what reports and run-level checks need,
    /// so a run over many files holds only findings in memory.
    public func compacted(language: Language? = nil, keepGoalLines: Bool = true) -> FileResult {
        var r = self
        if let language {
            // Findings keep only the language they will be reported in.
            for i in r.diagnostics.indices {
                // Changed in place: `let d = r.diagnostics[i]` copied the whole finding.
                if language == .zh { r.diagnostics[i].message.en = "" } else { r.diagnostics[i].message.zh = "" }
                for k in r.diagnostics[i].notes.indices {
                    if language == .zh { r.diagnostics[i].notes[k].en = "" } else { r.diagnostics[i].notes[k].zh = "" }
                }
            }
        }
        if let source, keepGoalLines {
            for f in forms {
                for n in [f.goals.planned?.range.start.line, f.goals.actual?.range.start.line].compactMap({ $0 })
                where n >= 1 && n <= source.lineCount && source.lineEnds[n - 1] - source.lineStarts[n - 1] <= Linter.maxSnippetBytes {
                    r.keptLines[n] = source.line(n)
                }
            }
        }
        r.source = nil
        r.forms = forms.map { f in
            var light = Form(file: f.file, layout: f.layout, range: f.range)
            light.name = f.name
            light.goals = f.goals
            return light
        }
        return r
    }
}

/// What a report says about one form.
public struct FormSummary: Sendable {
    public var file: String
    public var line: Int
    public var name: String?
    public var year: Int?
    public var unit: String
    public var department: String?
    public var implementingUnit: String?
    public var layout: Layout
    public var indicators: Int
    public var statedWeight: ExactDecimal?
    public var statedScore: ExactDecimal?
    public var weightSum: ExactDecimal
    public var scoreSum: ExactDecimal
    public var grade: String?
    public var diagnostics: Int

    public init(_ form: Form, diagnostics: Int) {
        file = form.file
        line = form.range.start.line
        name = form.name?.value
        year = form.year?.value
        unit = form.moneyUnit
        department = form.department?.value
        implementingUnit = form.implementingUnit?.value
        layout = form.layout
        indicators = form.indicators.count
        statedWeight = form.total?.weight?.value
        statedScore = form.total?.score?.value
        weightSum = form.weights.sum
        scoreSum = form.scores.sum
        grade = form.grade?.value
        self.diagnostics = diagnostics
    }
}

/// Runs the pipeline on files: bytes → text → cells → forms → checks → diagnostics.
public struct Linter: Sendable {
    public var checks: [any Check.Type]
    public var configuration: Configuration
    /// Files larger than this are reported instead of read.
    public var maxFileSize = 256 * 1024 * 1024
    /// Keep the source line with each finding (text and SARIF show it; JSON does not need it).
    public var keepsSourceLines = true

    public init(checks: [any Check.Type], configuration: Configuration = Configuration()) {
        self.checks = checks
        self.configuration = configuration
    }

    /// Reads and lints a file from disk; `display` is the name used in output.
    public func lint(path: String, display: String) -> FileResult {
        lint(pathBytes: Array(path.utf8), display: display)
    }

    /// The same for a path given as its bytes, as found on disk (see `FileDiscovery.Found`).
    public func lint(pathBytes: [UInt8], display: String) -> FileResult {
        // The size is checked before reading (fstat), and reading stops past the limit.
        switch FileBytes.contents(ofPath: pathBytes, limit: maxFileSize) {
        case .success(let bytes):
            return lint(bytes: bytes, file: display)
        case .failure(.tooLarge(let bytes?)):
            return failed(display, DecodeFailure.tooLarge(bytes: bytes, limit: maxFileSize).message)
        case .failure(.tooLarge(nil)):
            return failed(display, Message(
                en: "the file holds more than \(maxFileSize) bytes (or does not end); split it or raise --max-file-size",
                zh: "文件超过 \(maxFileSize) 字节（或没有结尾）；请拆分文件或提高 --max-file-size"))
        case .failure(.unreadable):
            return failed(display, Message(en: "cannot read the file; check that it exists and is readable",
                                           zh: "无法读取文件；请确认文件存在且可读"))
        }
    }

    func failed(_ file: String, _ message: Message) -> FileResult {
        let d = Diagnostic(check: BuiltinDiagnostics.unreadableFile.id, severity: configuration.severity(of: BuiltinDiagnostics.unreadableFile),
                           message: message, file: file, range: SourceRange(line: 1, column: 1, length: 0), form: nil, row: nil, values: [])
        return FileResult(file: file, encoding: nil, source: nil, forms: [], diagnostics: [d])
    }

    /// Lints bytes as if read from `file`.
    public func lint(bytes: [UInt8], file: String) -> FileResult {
        if file.lowercased().hasSuffix(".json") || ModelJSONReader.looksLikeModel(bytes) {
            switch ModelJSONReader.read(bytes, file: file) {
            case .success(let forms):
                let context = CheckContext(configuration: configuration)
                let enabled = EnabledCheck.list(checks, configuration)
                var diagnostics = forms.flatMap { Linter.run(enabled, on: $0, context: context) }
                if forms.isEmpty {
                    diagnostics.append(builtin(BuiltinDiagnostics.noForm, Message(en: "the model JSON lists no forms", zh: "模型 JSON 中没有自评表"),
                                               file: file, range: SourceRange(line: 1, column: 1, length: 0), form: nil))
                }
                diagnostics.sort(by: Diagnostic.ordered)
                return FileResult(file: file, encoding: .utf8, source: nil, forms: forms, diagnostics: diagnostics)
            case .failure(let f):
                if file.lowercased().hasSuffix(".json") {
                    return FileResult(file: file, encoding: .utf8, source: nil, forms: [], diagnostics: [
                        builtin(BuiltinDiagnostics.noForm, f.message, file: file, range: SourceRange(line: 1, column: 1, length: 0), form: nil)])
                }
            }
        }
        let decoded: (text: [UInt8], encoding: TextEncoding, repair: DecodeRepair)
        switch Decoder.decodeRepairing(bytes) {
        case .success(let d): decoded = d
        case .failure(let f): return failed(file, f.message)
        }
        let source = SourceText(utf8: decoded.text)
        let forms = Linter.readForms(source, file: file)
        var diagnostics: [Diagnostic] = []
        if !decoded.repair.isEmpty, configuration.isEnabled(BuiltinDiagnostics.encodingRepaired) {
            let offset = decoded.repair.firstOffset ?? 0
            let line = bytes[..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let r = decoded.repair
            let what = [r.removedNULs > 0 ? "\(r.removedNULs) NUL byte\(r.removedNULs == 1 ? "" : "s") removed" : nil,
                        r.replacedBytes > 0 ? "\(r.replacedBytes) invalid UTF-8 byte sequence\(r.replacedBytes == 1 ? "" : "s") replaced" : nil].compactMap { $0 }.joined(separator: ", ")
            let zh = [r.removedNULs > 0 ? "删除了 \(r.removedNULs) 个 NUL 字节" : nil, r.replacedBytes > 0 ? "替换了 \(r.replacedBytes) 处无效的 UTF-8 字节" : nil].compactMap { $0 }.joined(separator: "，")
            diagnostics.append(builtin(BuiltinDiagnostics.encodingRepaired, Message(
                en: "damaged text: \(what) (first at byte \(offset)); check the text near this line",
                zh: "文本有损坏：\(zh)（首处在第 \(offset) 字节）；请检查此行附近的文字"), file: file, range: SourceRange(line: line, column: 1, length: 0), form: nil))
        }
        for n in forms.tooLong {
            diagnostics.append(builtin(BuiltinDiagnostics.unparsedRow, Self.tooLong(line: n, bytes: source.lineBytes(n).count), file: file,
                                       range: SourceRange(line: n, column: 1, length: 0), form: nil))
        }
        if forms.forms.isEmpty && forms.tooLong.isEmpty {
            diagnostics.append(builtin(BuiltinDiagnostics.noForm, Message(
                en: "no 项目支出绩效自评表 found: no line starts a form (a cell beginning with 项目名称, or a …自评表 title)",
                zh: "未找到项目支出绩效自评表：没有一行能作为表的开头（以“项目名称”开头的单元格，或“…自评表”标题）"), file: file, range: SourceRange(line: 1, column: 1, length: 0), form: nil))
        }
        for r in forms.outside {
            let texts = r.map { source.line($0).trimmingSpaces() }.filter { !$0.isEmpty && !PageMark.isFooter($0) }
            // Text before the first form is a preamble only when a form follows.
            if texts.isEmpty || !forms.forms.isEmpty && texts.allSatisfy({ $0.count < 60 }) { continue }
            if forms.forms.isEmpty { continue }
            diagnostics.append(builtin(BuiltinDiagnostics.unparsedRow, Message(
                en: "lines \(r.lowerBound)–\(r.upperBound) are outside every form and were skipped",
                zh: "第 \(r.lowerBound)–\(r.upperBound) 行不属于任何自评表，已跳过"), file: file, range: SourceRange(line: r.lowerBound, column: 1, length: 0), form: nil))
        }
        let context = CheckContext(configuration: configuration, source: source)
        let enabled = EnabledCheck.list(checks, configuration)
        for form in forms.forms {
            for issue in form.issues {
                let description = BuiltinDiagnostics.description(for: issue.kind)
                guard configuration.isEnabled(description) else { continue }
                diagnostics.append(builtin(description, issue.message, file: file, range: issue.range, form: form.name?.value,
                                           values: [issue.message.en]))
            }
            diagnostics += Linter.run(enabled, on: form, context: context)
        }
        diagnostics.sort(by: Diagnostic.ordered)
        if keepsSourceLines { Linter.attachSourceLines(&diagnostics, source) }
        return FileResult(file: file, encoding: decoded.encoding, source: source, forms: forms.forms, diagnostics: diagnostics)
    }

    func builtin(_ d: CheckDescription, _ message: Message, file: String, range: SourceRange, form: String?, values: [String] = []) -> Diagnostic {
        Diagnostic(check: d.id, severity: configuration.severity(of: d), message: message, file: file, range: range,
                   form: form, row: nil, values: values)
    }

    /// Lines longer than this are not kept as snippets.
    static let maxSnippetBytes = 16_384

    /// Lines up to this many bytes are kept whole; longer ones as a window around the finding.
    static let wholeLineBytes = 1_024

    static func attachSourceLines(_ diagnostics: inout [Diagnostic], _ source: SourceText) {
        let columns = ColumnIndex()
        for i in diagnostics.indices {
            let n = diagnostics[i].range.start.line
            guard n >= 1, n <= source.lineCount else { continue }
            let length = source.lineEnds[n - 1] - source.lineStarts[n - 1]
            if length <= wholeLineBytes {
                diagnostics[i].sourceLine = source.line(n)
                continue
            }
            // A window of scalars around the column: enough for the caret and some context.
            // Found through the column index, not by decoding the line for each finding: a
            // paragraph of thousands of forms is megabytes long and has thousands of findings.
            let column = diagnostics[i].range.start.column
            let window: String = source.bytes.withUnsafeBufferPointer { all in
                let h = UnsafeBufferPointer(rebasing: all[source.lineStarts[n - 1]..<source.lineEnds[n - 1]])
                let scalarCount = columns.start(of: Int.max, line: n, in: h).column - 1
                let from = max(0, min(column - 1 - 60, scalarCount))
                diagnostics[i].sourceLineStart = from + 1
                let start = columns.start(of: from + 1, line: n, in: h).byte, end = columns.start(of: from + 241, line: n, in: h).byte
                return start < end ? String(decoding: UnsafeBufferPointer(rebasing: h[start..<end]), as: UTF8.self) : ""
            }
            diagnostics[i].sourceLine = window
        }
    }

    /// Lints files on `jobs` threads (results in input order whatever the scheduling), then runs
    /// the checks that look across all forms. With `compact`, each result keeps only findings.
    public func lint(files: [(path: String, display: String)], jobs: Int = 1, compact: Bool = false, language: Language? = nil) -> [FileResult] {
        lint(found: files.map { FileDiscovery.Found(path: $0.path, display: $0.display) }, jobs: jobs, compact: compact, language: language)
    }

    /// The same for files found on disk, opened by their paths' bytes.
    public func lint(found files: [FileDiscovery.Found], jobs: Int = 1, compact: Bool = false, language: Language? = nil) -> [FileResult] {
        var results = [FileResult?](repeating: nil, count: files.count)
        if jobs <= 1 || files.count <= 1 {
            for (i, f) in files.enumerated() {
                let r = lint(pathBytes: f.pathBytes, display: f.display)
                results[i] = compact ? r.compacted(language: language, keepGoalLines: keepsSourceLines) : r
            }
        } else {
            let box = ResultBox(count: files.count)
            DispatchQueue.concurrentPerform(iterations: min(jobs, files.count)) { _ in
                while let i = box.take() {
                    let r = lint(pathBytes: files[i].pathBytes, display: files[i].display)
                    box.put(i, compact ? r.compacted(language: language, keepGoalLines: keepsSourceLines) : r)
                }
            }
            results = box.results
        }
        var all = results.map { $0! }
        runLevel(&all)
        return all
    }

    /// Runs the `RunCheck`s over every form of the run and files their findings.
    public func runLevel(_ results: inout [FileResult]) {
        let runChecks = checks.compactMap { $0.asRunCheck }.filter { configuration.isEnabled($0.description) }
        guard !runChecks.isEmpty else { return }
        let forms = results.flatMap(\.forms)
        let context = CheckContext(configuration: configuration)
        var byFile: [String: [Diagnostic]] = [:]
        for type in runChecks {
            for d in type.init().check(run: forms, context: context) { byFile[d.file, default: []].append(d) }
        }
        for i in results.indices {
            guard let extra = byFile[results[i].file] else { continue }
            results[i].diagnostics += extra
            results[i].diagnostics.sort(by: Diagnostic.ordered)
            if let source = results[i].source { Linter.attachSourceLines(&results[i].diagnostics, source) }
            for j in results[i].diagnostics.indices where results[i].diagnostics[j].sourceLine == nil {
                results[i].diagnostics[j].sourceLine = results[i].keptLines[results[i].diagnostics[j].range.start.line]
            }
        }
    }

    /// Splits a text into forms and reads each.
    /// `tooLong` lists the lines that hold forms flattened without spaces but are longer than
    /// such a line is read (`UnspacedParagraph.maxBytes`), so their forms are not read.
    public static func readForms(_ source: SourceText, file: String) -> (forms: [Form], outside: [ClosedRange<Int>], tooLong: [Int]) {
        if let html = readHTMLTables(source, file: file) { return (html.forms, html.outside, []) }
        var tooLong: [Int] = []
        if let flattened = readParagraphs(source, file: file, tooLong: &tooLong) { return (flattened, [], tooLong) }
        let split = FormSplitter.split(source)
        return (split.chunks.map { FormReader.read(source: source, chunk: $0, file: file) }, split.outside, tooLong)
    }

    /// Forms written as HTML tables, when the file holds a table cell and a form starts in it.
    static func readHTMLTables(_ source: SourceText, file: String) -> (forms: [Form], outside: [ClosedRange<Int>])? {
        guard let lines = HTMLTables.lines(source) else { return nil }
        let parts = FormSplitter.split(lines: lines)
        guard let first = parts.first else { return nil }
        // The text before the first form, reported as the other layouts report it: not when
        // it is a short preamble. Its own text, not its source lines' (tags, other rows).
        let before = lines[..<first.lowerBound].filter { !$0.nonEmpty.isEmpty }
        let preamble = before.allSatisfy { $0.text.count < 60 }
        let numbers = before.map(\.number)
        let outside = preamble ? [] : [numbers.min()!...numbers.max()!]
        return (parts.map { FormReader.read(lines: Array(lines[$0]), layout: .html, file: file) }, outside)
    }

    /// Forms flattened into paragraphs, when some line of the file is one.
    static func readParagraphs(_ source: SourceText, file: String, tooLong: inout [Int]) -> [Form]? {
        // Cheap test first: only a long line can hold a flattened form.
        // A flattened form names its project and its funding total (年度资金总额, or 总额 under
        // Sichuan's 预算执行情况).
        let name = Array("项目名称".utf8), funding = Array("年度资金总额".utf8), execution = Array("预算执行情况".utf8)
        func candidate(_ n: Int) -> Bool {
            let bytes = source.lineBytes(n)
            return bytes.count > 400 && FormSplitter.contains(bytes, name) && (FormSplitter.contains(bytes, funding) || FormSplitter.contains(bytes, execution))
        }
        // Candidates are scanned first; the rest of the file only when one is flattened.
        let scanner = CellScanner(mode: .spaces)
        // A paragraph without spaces is one cell, which the scanner cuts at `maxCellBytes`:
        // such a line is scanned again whole for the segmenter (which has its own limit), or
        // the forms past the cut would be lost without a word.
        func whole(_ line: TextLine, _ n: Int) -> TextLine {
            guard source.lineBytes(n).count > CellScanner.maxCellBytes else { return line }
            return CellScanner(mode: .spaces, cellLimit: UnspacedParagraph.maxBytes + 1).scan(source, line: n)
        }
        var flattened: [Int: TextLine] = [:]
        // Indicator tables of forms flattened without spaces, which are not read.
        var unread: [UnspacedParagraph.Unread] = []
        for n in 1...source.lineCount where candidate(n) {
            let line = scanner.scan(source, line: n)
            if ParagraphSplitter.isFlattened(line) {
                flattened[n] = line
            } else if source.lineBytes(n).count > UnspacedParagraph.maxBytes {
                tooLong.append(n)
            } else if let cut = UnspacedParagraph.segment(whole(line, n)), ParagraphSplitter.isFlattened(cut.line, minimumCells: 8) {
                flattened[n] = cut.line
                unread += cut.unread
            }
        }
        guard !flattened.isEmpty else { return nil }
        var lines: [TextLine] = []
        for n in 1...source.lineCount {
            if let line = flattened[n] { lines += ParagraphSplitter.split(line) } else { lines.append(scanner.scan(source, line: n)) }
        }
        let parts = FormSplitter.split(lines: lines)
        var forms = parts.map { FormReader.read(lines: Array(lines[$0]), layout: .paragraph, file: file) }
        // Each unread indicator table is reported in the form it follows.
        // Both lists are in text order: one walk, not a search per part.
        let starts = parts.map { lines[$0.lowerBound].range.start }
        var next = 0
        for part in unread {
            while next < starts.count && starts[next] <= part.range.start { next += 1 }
            guard next > 0 else { continue }
            let k = next - 1
            // It says why the part is missing, in place of the reader's plain "missing".
            let missing = part.part == .funding ? FormReader.noFundingTable : FormReader.noIndicatorRows
            forms[k].issues.removeAll { $0.kind == .missingPart && $0.message == missing }
            forms[k].issues.append(ParseIssue(kind: .unparsedRow, message: Self.unspaced(part), range: part.range))
        }
        return forms
    }

    /// A line of forms flattened without spaces that is too long to be cut into cells.
    private static func tooLong(line n: Int, bytes: Int) -> Message {
        Message(en: "line \(n) holds forms flattened without spaces between cells (\(bytes) bytes), longer than the \(UnspacedParagraph.maxBytes) bytes such a line is read: its forms are not checked; put each form on a line of its own",
                zh: "第 \(n) 行是各单元格之间没有空格、压成一段的自评表（\(bytes) 字节），超过此类行的读取上限 \(UnspacedParagraph.maxBytes) 字节：其中的表未检查；请把每张表放在单独一行")
    }

    /// A part of a form flattened without spaces that could not be cut into cells.
    private static func unspaced(_ part: UnspacedParagraph.Unread) -> Message {
        let n = part.range.end.column - part.range.start.column
        switch part.part {
        case .indicators:
            return Message(en: "indicator rows written without spaces between cells cannot be told apart (\(n) characters): the indicators of this form are not checked",
                           zh: "绩效指标各单元格之间没有空格，无法区分各行（\(n)个字符）：本表的绩效指标未检查")
        case .funding:
            return Message(en: "funding figures written without spaces between them split more than one way (\(n) characters): the funding rows of this form are not checked",
                           zh: "项目资金各数字之间没有空格，可有多种拆分（\(n)个字符）：本表的项目资金各行未检查")
        }
    }

    /// Runs the enabled checks on one form.
    public static func run(_ checks: [any Check.Type], on form: Form, context: CheckContext) -> [Diagnostic] {
        run(EnabledCheck.list(checks, context.configuration), on: form, context: context)
    }

    /// Runs checks already filtered by the configuration (done once per file, not per form).
    static func run(_ enabled: [EnabledCheck], on form: Form, context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Checks read where they are stored (`for c in enabled` copied each one); most checks
        // find nothing in a form, so their empty lists are not appended.
        enabled.withUnsafeBufferPointer { checks in
            for k in checks.indices {
                var report = Report(checkID: checks[k].id, severity: checks[k].severity, form: form)
                checks[k].check.check(form, context: context, into: &report)
                if !report.diagnostics.isEmpty { out += report.diagnostics }
            }
        }
        return out
    }
}

/// A check the configuration enables, with its id and configured severity looked up once.
struct EnabledCheck {
    let check: any Check
    let id: String
    let severity: Severity

    static func list(_ checks: [any Check.Type], _ configuration: Configuration) -> [EnabledCheck] {
        checks.compactMap { type in
            let d = type.description
            guard configuration.isEnabled(d) else { return nil }
            return EnabledCheck(check: type.init(), id: d.id, severity: configuration.severity(of: d))
        }
    }
}

/// Hands out file indices to worker threads and collects results by index.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var results: [FileResult?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < results.count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ i: Int, _ r: FileResult) {
        lock.lock(); defer { lock.unlock() }
        results[i] = r
    }
}
