/// `selfeval parse --format json`: the forms exactly as the linter sees them.
public enum ModelJSON {
    public static let formatVersion = 1

    public static func render(file: FileResult, language: Language) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.number("version", formatVersion)
        w.string("file", file.file)
        w.string("encoding", file.encoding?.rawValue)
        w.beginArray("forms")
        for form in file.forms { write(&w, form, language) }
        w.endArray()
        w.beginArray("skipped")
        for d in file.diagnostics where BuiltinDiagnostics.all.contains(where: { $0.id == d.check }) {
            w.beginObject()
            w.string("kind", d.check)
            location(&w, d.range)
            w.string("form", d.form)
            w.string("reason", d.message.text(language))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    static func location(_ w: inout JSONWriter, _ r: SourceRange) {
        w.number("line", r.start.line)
        w.number("column", r.start.column)
    }

    /// A field as an object (its contents, then where it stands), or null.
    static func field<T>(_ w: inout JSONWriter, _ key: String, _ f: Field<T>?, _ contents: (inout JSONWriter, Field<T>) -> Void) {
        guard let f else { w.null(key); return }
        w.beginObject(key)
        contents(&w, f)
        location(&w, f.range)
        w.endObject()
    }

    static func text(_ w: inout JSONWriter, _ key: String, _ f: Field<String>?) {
        field(&w, key, f) { w, f in w.string("text", f.value) }
    }

    static func measure(_ w: inout JSONWriter, _ key: String, _ f: Field<Measure>?) {
        field(&w, key, f) { w, f in
            w.string("raw", f.raw)
            switch f.value {
            case .empty:
                w.string("kind", "empty")
            case .text(let t):
                w.string("kind", "text")
                w.string("text", t)
            case .quantity(let q):
                w.string("kind", "quantity")
                w.string("operator", q.comparator?.rawValue)
                w.decimal("value", q.value)
                w.string("unit", q.unit)
            }
        }
    }

    static func decimal(_ w: inout JSONWriter, _ key: String, _ f: Field<ExactDecimal>?) {
        field(&w, key, f) { w, f in
            w.string("raw", f.raw)
            w.decimal("value", f.value)
        }
    }

    static func write(_ w: inout JSONWriter, _ form: Form, _ language: Language) {
        w.beginObject()
        w.number("line", form.range.start.line)
        w.string("layout", form.layout.rawValue)
        text(&w, "name", form.name)
        field(&w, "year", form.year) { w, y in w.number("value", y.value) }
        text(&w, "department", form.department)
        text(&w, "implementingUnit", form.implementingUnit)
        if let f = form.funding {
            w.beginObject("funding")
            w.string("unit", f.moneyUnit)
            w.bool("rateInPercent", f.rateInPercent)
            w.beginArray("columns")
            for c in f.columns { w.string(nil, c.rawValue) }
            w.endArray()
            w.beginArray("rows")
            for row in f.rows {
                w.beginObject()
                w.string("kind", row.kind.rawValue)
                text(&w, "label", row.label)
                w.beginObject("cells")
                for c in FundingColumn.allCases where row.cells[c] != nil { measure(&w, c.rawValue, row.cells[c]) }
                w.endObject()
                w.endObject()
            }
            w.endArray()
            w.endObject()
        } else {
            w.null("funding")
        }
        w.beginObject("goals")
        text(&w, "planned", form.goals.planned)
        text(&w, "actual", form.goals.actual)
        w.endObject()
        w.beginArray("indicators")
        for row in form.indicators {
            w.beginObject()
            w.string("level1", row.level1)
            // Written only when the label printed one: most forms' rows would carry a null.
            if row.level1Weight != nil { decimal(&w, "level1Weight", row.level1Weight) }
            w.string("level2", row.level2)
            text(&w, "name", row.name)
            measure(&w, "target", row.target)
            measure(&w, "actual", row.actual)
            decimal(&w, "weight", row.weight)
            decimal(&w, "score", row.score)
            text(&w, "deviation", row.deviation)
            w.endObject()
        }
        w.endArray()
        if let t = form.total {
            w.beginObject("total")
            decimal(&w, "weight", t.weight)
            decimal(&w, "score", t.score)
            location(&w, t.range)
            w.endObject()
        } else {
            w.null("total")
        }
        text(&w, "grade", form.grade)
        w.endObject()
    }
}
