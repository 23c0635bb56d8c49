/// `--format sarif`: SARIF 2.1.0, one run, every check a rule, deterministic and relative.
public struct SARIFReporter {
    public var language: Language
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let fingerprintKey = "selfeval/v1"

    public init(language: Language) { self.language = language }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    public func render(_ run: RunResult) -> String { render(run, sink: nil) }

    /// Writes the report; with a sink, as UTF-8 in pieces of about a megabyte instead of one string.
    public func render(_ run: RunResult, sink: (@Sendable ([UInt8]) -> Void)?) -> String {
        var w = JSONWriter(sink: sink)
        w.beginObject()
        w.string("$schema", SARIFReporter.schema)
        w.string("version", "2.1.0")
        w.beginArray("runs")
        w.beginObject()
        w.beginObject("tool")
        w.beginObject("driver")
        w.string("name", "selfeval")
        w.string("version", run.toolVersion)
        w.string("semanticVersion", run.toolVersion)
        w.string("informationUri", "https://github.com/selfeval/selfeval")
        w.beginArray("rules")
        for d in run.checks { writeRule(&w, d) }
        w.endArray()
        w.endObject()
        w.endObject()
        w.string("columnKind", "unicodeCodePoints")
        w.beginArray("results")
        let index = Dictionary(uniqueKeysWithValues: run.checks.enumerated().map { ($1.id, $0) })
        for file in run.files {
            for d in file.diagnostics {
                writeResult(&w, d, index: index)
                w.flushIfLarge()
            }
        }
        for e in run.fixed ?? [] { writeFixed(&w, e, index: index) }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.finish() + (sink == nil ? "\n" : { sink!([0x0A]); return "" }())
    }

    func writeRule(_ w: inout JSONWriter, _ d: CheckDescription) {
        w.beginObject()
        w.string("id", d.id)
        w.string("name", d.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
        w.beginObject("shortDescription")
        w.string("text", d.title.text(language))
        w.endObject()
        w.beginObject("fullDescription")
        w.string("text", d.rationale.text(language))
        w.endObject()
        w.beginObject("help")
        let help = d.rationale.text(language) + (d.options.isEmpty ? "" : " Options: " + d.options.joined(separator: ", ") + ".")
            + " Run 'selfeval explain \(d.id)' for examples."
        w.string("text", help)
        w.string("markdown", "**\(d.title.text(language))**\n\n\(d.rationale.text(language))\n\nRun `selfeval explain \(d.id)` for examples.")
        w.endObject()
        w.beginObject("defaultConfiguration")
        w.bool("enabled", !d.isOptIn)
        w.string("level", SARIFReporter.level(d.severity))
        w.endObject()
        w.beginObject("properties")
        w.beginArray("tags")
        w.string(nil, "self-evaluation-form")
        w.endArray()
        w.endObject()
        w.endObject()
    }

    func writeResult(_ w: inout JSONWriter, _ d: Diagnostic, index: [String: Int]) {
        w.beginObject()
        w.string("ruleId", d.check)
        if let i = index[d.check] { w.number("ruleIndex", i) }
        w.string("level", SARIFReporter.level(d.severity))
        w.beginObject("message")
        var text = d.message.text(language)
        for n in d.notes { text += "\n" + n.text(language) }
        w.string("text", text)
        w.endObject()
        w.beginArray("locations")
        w.beginObject()
        w.beginObject("physicalLocation")
        SARIFReporter.writeArtifact(&w, d.file)
        w.beginObject("region")
        w.number("startLine", d.range.start.line)
        w.number("startColumn", d.range.start.column)
        let endLine = max(d.range.end.line, d.range.start.line)
        w.number("endLine", endLine)
        w.number("endColumn", max(d.range.end.column, endLine == d.range.start.line ? d.range.start.column + 1 : 1))
        if let line = d.sourceLine {
            w.beginObject("snippet")
            w.string("text", line)
            w.endObject()
        }
        w.endObject()
        w.endObject()
        if d.form != nil || d.row != nil {
            w.beginArray("logicalLocations")
            w.beginObject()
            let form = d.form ?? ""
            w.string("name", d.row ?? form)
            w.string("fullyQualifiedName", d.row.map { form + "/" + $0 } ?? form)
            w.string("kind", d.row == nil ? "module" : "member")
            w.endObject()
            w.endArray()
        }
        w.endObject()
        w.endArray()
        w.beginObject("partialFingerprints")
        w.string(SARIFReporter.fingerprintKey, d.fingerprint)
        w.endObject()
        if let state = d.baselineState { w.string("baselineState", state.rawValue) }
        w.endObject()
    }

    func writeFixed(_ w: inout JSONWriter, _ e: BaselineEntry, index: [String: Int]) {
        w.beginObject()
        w.string("ruleId", e.check)
        if let i = index[e.check] { w.number("ruleIndex", i) }
        w.string("kind", "pass")
        w.string("level", "none")
        w.beginObject("message")
        w.string("text", language == .zh ? "已修复：\(e.form) \(e.row)" : "fixed: \(e.form) \(e.row)")
        w.endObject()
        w.beginArray("locations")
        w.beginObject()
        w.beginObject("physicalLocation")
        SARIFReporter.writeArtifact(&w, e.file)
        w.endObject()
        w.endObject()
        w.endArray()
        w.beginObject("partialFingerprints")
        w.string(SARIFReporter.fingerprintKey, e.fingerprint)
        w.endObject()
        w.string("baselineState", BaselineState.absent.rawValue)
        w.endObject()
    }

    static func writeArtifact(_ w: inout JSONWriter, _ file: String) {
        w.beginObject("artifactLocation")
        w.string("uri", SARIFReporter.uri(file))
        w.string("uriBaseId", "%SRCROOT%")
        w.endObject()
    }

    /// A relative URI: path segments percent-encoded where RFC 3986 requires it (every byte
    /// but ASCII letters, digits and `-._~/`), with uppercase hex digits.
    static func uri(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count * 3)
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(b)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
