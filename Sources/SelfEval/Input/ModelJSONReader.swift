import Foundation

/// Reads the JSON that `selfeval parse --format json` prints, so other systems can feed forms
/// directly. Values come back from their raw text (exact decimals, never through Double).
public enum ModelJSONReader {
    public struct Failure: Error, Sendable {
        public var message: Message
    }

    /// Whether bytes look like selfeval model JSON (a JSON object with "forms").
    public static func looksLikeModel(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }), first == UInt8(ascii: "{") else { return false }
        return FormSplitter.contains(bytes[...], Array("\"forms\"".utf8))
    }

    public static func read(_ bytes: [UInt8], file: String) -> Result<[Form], Failure> {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            return .failure(Failure(message: Message(en: "not valid JSON", zh: "不是有效的 JSON")))
        }
        guard let version = root["version"] as? Int, version == ModelJSON.formatVersion, let forms = root["forms"] as? [[String: Any]] else {
            return .failure(Failure(message: Message(en: "not selfeval model JSON (expected \"version\": \(ModelJSON.formatVersion) and a \"forms\" list, as 'selfeval parse --format json' prints)",
                                                     zh: "不是 selfeval 模型 JSON（应有 \"version\": \(ModelJSON.formatVersion) 与 \"forms\" 列表，即 'selfeval parse --format json' 的输出）")))
        }
        return .success(forms.map { form($0, file: file) })
    }

    static func range(_ o: [String: Any], length: Int) -> SourceRange {
        SourceRange(line: o["line"] as? Int ?? 1, column: o["column"] as? Int ?? 1, length: length)
    }

    static func text(_ v: Any?) -> Field<String>? {
        guard let o = v as? [String: Any], let t = o["text"] as? String else { return nil }
        return Field(raw: t, value: t, range: range(o, length: t.unicodeScalars.count))
    }

    static func measure(_ v: Any?) -> Field<Measure>? {
        guard let o = v as? [String: Any], let raw = o["raw"] as? String else { return nil }
        return Field(raw: raw, value: Measure.parse(raw), range: range(o, length: raw.unicodeScalars.count))
    }

    static func decimal(_ v: Any?) -> Field<ExactDecimal>? {
        guard let o = v as? [String: Any], let raw = o["raw"] as? String, case .quantity(let q) = Measure.parse(raw) else { return nil }
        return Field(raw: raw, value: q.value, range: range(o, length: raw.unicodeScalars.count))
    }

    static func form(_ o: [String: Any], file: String) -> Form {
        let line = o["line"] as? Int ?? 1
        var f = Form(file: file, layout: .json, range: SourceRange(line: line, column: 1, length: 0))
        f.name = text(o["name"])
        if let y = o["year"] as? [String: Any], let v = y["value"] as? Int { f.year = Field(raw: String(v), value: v, range: range(y, length: 4)) }
        f.department = text(o["department"])
        f.implementingUnit = text(o["implementingUnit"])
        if let funding = o["funding"] as? [String: Any] {
            let columns = (funding["columns"] as? [String] ?? []).compactMap(FundingColumn.init(rawValue:))
            var rows: [FundingRow] = []
            for r in funding["rows"] as? [[String: Any]] ?? [] {
                guard let kind = (r["kind"] as? String).flatMap(FundingRowKind.init(rawValue:)), let label = text(r["label"]) else { continue }
                var cells = FundingCells()
                for (k, v) in r["cells"] as? [String: Any] ?? [:] {
                    if let c = FundingColumn(rawValue: k), let m = measure(v) { cells[c] = m }
                }
                rows.append(FundingRow(kind: kind, label: label, cells: cells))
            }
            f.funding = FundingTable(moneyUnit: funding["unit"] as? String ?? "元", columns: columns, rows: rows, rateInPercent: funding["rateInPercent"] as? Bool ?? false)
        }
        if let goals = o["goals"] as? [String: Any] { f.goals = Goals(planned: text(goals["planned"]), actual: text(goals["actual"])) }
        for r in o["indicators"] as? [[String: Any]] ?? [] {
            guard let name = text(r["name"]) else { continue }
            f.indicators.append(IndicatorRow(level1: r["level1"] as? String, level2: r["level2"] as? String,
                                             name: Field(raw: name.raw, value: name.value.compacted, range: name.range),
                                             target: measure(r["target"]), actual: measure(r["actual"]), weight: decimal(r["weight"]),
                                             score: decimal(r["score"]), deviation: text(r["deviation"]), range: name.range,
                                             level1Weight: decimal(r["level1Weight"])))
        }
        if let t = o["total"] as? [String: Any] {
            f.total = TotalRow(weight: decimal(t["weight"]), score: decimal(t["score"]), range: range(t, length: 2))
        }
        f.grade = text(o["grade"])
        return f
    }
}
