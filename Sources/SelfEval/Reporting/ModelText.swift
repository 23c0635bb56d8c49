/// `selfeval parse` in text: each form as the linter reads it, then what was skipped.
public enum ModelText {
    public static func render(file: FileResult, language: Language) -> String {
        var out = "\(file.file): \(file.forms.count) form\(file.forms.count == 1 ? "" : "s")"
        if let e = file.encoding { out += ", \(e.rawValue)" }
        out += "\n"
        for (i, form) in file.forms.enumerated() {
            out += "\n[\(i + 1)] line \(form.range.start.line) (\(form.layout.rawValue)): \(form.displayName)\n"
            out += "    year \(form.year.map { String($0.value) } ?? "?"), unit \(form.moneyUnit)"
            out += ", 主管部门 \(form.department?.value ?? "?"), 实施单位 \(form.implementingUnit?.value ?? "?")\n"
            if let f = form.funding {
                for row in f.rows {
                    let cells = f.columns.map { c in row.cells[c]?.raw ?? "·" }.joined(separator: " | ")
                    out += "    funding \(row.label.value): \(cells)\n"
                }
            }
            out += "    预期目标: \(short(form.goals.planned?.value))\n"
            out += "    实际完成: \(short(form.goals.actual?.value))\n"
            for row in form.indicators {
                // The 一级 label's printed weight after it (`产出指标(50分)`; `?(50分)` for a lost label).
                let level1 = row.level1Weight.map { "\(row.level1 ?? "?")(\($0.value)分)" } ?? row.level1
                let labels = [level1, row.level2].compactMap { $0 }.joined(separator: "/")
                out += "    L\(row.range.start.line) \(labels) \(row.name.value): \(row.target?.raw ?? "·") → \(row.actual?.raw ?? "·")"
                out += "  \(row.score.map { "\($0.value)" } ?? "·")/\(row.weight.map { "\($0.value)" } ?? "·")"
                if !row.deviationText.isEmpty { out += "  偏差: \(short(row.deviationText, 30))" }
                out += "\n"
            }
            if let t = form.total {
                out += "    总分 \(t.weight.map { "\($0.value)" } ?? "·") / \(t.score.map { "\($0.value)" } ?? "·")"
                if let g = form.grade { out += "  等级 \(g.value)" }
                out += "\n"
            }
        }
        let skipped = file.diagnostics.filter { d in BuiltinDiagnostics.all.contains { $0.id == d.check } }
        if !skipped.isEmpty {
            out += language == .zh ? "\n未能读取的内容：\n" : "\nNot read:\n"
            for d in skipped { out += "  \(d.file):\(d.range.start.line):\(d.range.start.column): [\(d.check)] \(d.message.text(language))\n" }
        }
        return out
    }

    static func short(_ s: String?, _ n: Int = 50) -> String {
        guard let s else { return "(none)" }
        return s.count > n ? String(s.prefix(n)) + "…" : s
    }
}
