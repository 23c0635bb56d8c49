/// What a cell's text looks like, for placing cells whose column is unreliable.
enum CellKind: Equatable {
    case empty
    /// A plain number with no operator or unit: a weight or a score (or a bare actual).
    case bareNumber
    /// A number with an operator or a unit: a target or an actual.
    case quantity
    /// A 一级 or 二级 indicator label.
    case level1Label, level2Label, eitherLabel
    case text

    static func of(_ text: String) -> CellKind {
        if text.isEmpty { return .empty }
        return of(text, measure: Measure.parse(text))
    }

    /// The kind of a cell whose text is already parsed as `measure`.
    static func of(_ text: String, measure m: Measure) -> CellKind {
        switch m {
        case .empty: return .empty
        case .quantity(let q):
            return q.comparator == nil && CellKind.isPointsUnit(q.unit) ? .bareNumber : .quantity
        case .text:
            let (l1, l2) = Vocabulary.levels(text)
            if l1 && l2 { return .eitherLabel }
            if l1 { return .level1Label }
            if l2 { return .level2Label }
            return .text
        }
    }

    /// Whether the text is a plain number (`.bareNumber`), without the label lookup `of` does
    /// for text.
    static func isBareNumber(_ text: String) -> Bool {
        guard !text.isEmpty, case .quantity(let q) = Measure.parse(text) else { return false }
        return q.comparator == nil && isPointsUnit(q.unit)
    }

    /// No unit, or 分 (points): weights and scores are written `10` or `10分`.
    @inline(__always)
    static func isPointsUnit(_ unit: String) -> Bool { unit.isEmpty || unit.sameBytes("分") }

    /// Whether the text is a number, with or without operator and unit (`.bareNumber` or `.quantity`).
    static func isValue(_ text: String) -> Bool {
        guard !text.isEmpty, case .quantity = Measure.parse(text) else { return false }
        return true
    }

    var isLabel: Bool { self == .level1Label || self == .level2Label || self == .eitherLabel }
}

/// Joins wrapped fragments whose brackets do not balance yet: `=14.00(个街` + `镇)`.
enum BracketBalance {
    static func openCount(_ text: String) -> Int {
        var n = 0
        for s in text.unicodeScalars {
            switch s {
            case "(", "（", "[", "【", "“": n += 1
            case ")", "）", "]", "】", "”": n -= 1
            default: break
            }
        }
        return n
    }
}

/// One wrapped fragment of text in a flow layout, with where it came from.
struct Piece {
    var text: String
    var range: SourceRange
    var width: Int { DisplayWidth.of(text) }

    /// A figure wraps at a column's edge after this many characters or more: `10.0` over `0` is
    /// 10.00, `5` over `10` are two rows' figures, not 510.
    static let cutFigureMinimum = 3

    /// Whether `top` over `rest` is one figure cut at a column's edge; with `rest` empty,
    /// whether `top` can be the first piece of one.
    static func isCutFigure(_ top: String, rest: String = "") -> Bool {
        top.unicodeScalars.count >= cutFigureMinimum && CellKind.isBareNumber(top + rest)
    }

    /// Joins fragments of one cell: on one line with a space, across lines without one, as a
    /// cell wraps at its edge wherever that falls (`社23` / `011`, `35,475,000.0` / `0`); only
    /// Latin words wrapped at their space get it back (`Project` / `Name`).
    static func join(_ pieces: ArraySlice<Piece>) -> Piece? {
        guard let first = pieces.first else { return nil }
        var text = first.text
        var range = first.range
        func isLetter(_ s: Unicode.Scalar?) -> Bool { s.map { ($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A } ?? false }
        for p in pieces.dropFirst() {
            let needsSpace = p.range.start.line == range.end.line
                || (isLetter(text.unicodeScalars.last) && isLetter(p.text.unicodeScalars.first))
            text += needsSpace ? " " + p.text : p.text
            range = range.union(p.range)
        }
        return Piece(text: text, range: range)
    }

    /// A unit written apart from its figure, as a PDF dump may space it: `%`, or a unit in
    /// brackets (`(%)`, `（件）`, `(个街镇)`: no digits, at most six characters inside).
    @inline(__always)
    static func isUnitApart(_ t: String) -> Bool {
        // Asked of many cells: most are ruled out by their first byte (% ( and the EF of ％ （).
        guard let f = t.utf8.first, f == 0x25 || f == 0x28 || f == 0xEF else { return false }
        return t.sameBytes("%") || t.sameBytes("％") || isBracketedUnit(t)
    }

    /// Whether `figure` is a quantity without a unit, which a unit written apart joins.
    static func lacksUnit(_ figure: String) -> Bool {
        guard case .quantity(let q) = Measure.parse(figure) else { return false }
        return q.unit.isEmpty
    }

    static func isBracketedUnit(_ t: String) -> Bool {
        guard t.utf8.count <= 24, (t.hasBytePrefix("(") && t.hasByteSuffix(")")) || (t.hasBytePrefix("（") && t.hasByteSuffix("）")) else { return false }
        let inside = Measure.stripBrackets(t)
        return !inside.isEmpty && inside.unicodeScalars.count <= 6 && !inside.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// An operator alone, 定性 or 定量: what a 指标性质 cell holds.
    static func isNature(_ t: String) -> Bool { isOperatorAlone(t) || t.sameBytes("定性") || t.sameBytes("定量") }

    /// Whether compacted text `t` is a comparison operator and nothing else (`=`, `≥`, `>=`).
    static func isOperatorAlone(_ t: String) -> Bool {
        // An operator is at most two characters (8 bytes): long texts are not counted.
        t.utf8.count <= 8 && t.scalarCount <= 2 && Measure.leadingComparator(Substring(t).unicodeScalars).map({ $0.1.isEmpty }) == true
    }

    /// An operator written apart from its number (`≥ 90%`) joins the next piece; a `%` or a unit
    /// in brackets written apart (`98 %`, `98.00 (%)`, `42.00 (件)`) joins the previous one.
    static func glueOperators(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        var carry: Piece?
        for p in pieces {
            let t = p.text.compacted
            if Piece.isOperatorAlone(t) {
                carry = carry.map { Piece(text: $0.text + t, range: $0.range.union(p.range)) } ?? p
                continue
            }
            var q = p
            if let c = carry {
                q = Piece(text: c.text.compacted + p.text, range: c.range.union(p.range))
                carry = nil
            }
            if Piece.isUnitApart(t), let last = out.last, Piece.lacksUnit(last.text) {
                out[out.count - 1] = Piece(text: last.text + t, range: last.range.union(p.range))
                continue
            }
            out.append(q)
        }
        if let c = carry { out.append(c) }
        return out
    }

    /// Merges pieces whose brackets are left open with the following ones. A piece that
    /// closes what it opens (most) is passed on as it is, without an array of open pieces.
    static func balance(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        out.reserveCapacity(pieces.count)
        var openFrom = -1   // the first piece of the run still open, or -1
        var depth = 0
        for k in pieces.indices {
            depth += BracketBalance.openCount(pieces[k].text)
            if depth <= 0 {
                if openFrom < 0 { out.append(pieces[k]) } else { out.append(join(pieces[openFrom...k])!) }
                openFrom = -1
                depth = 0
            } else if openFrom < 0 {
                openFrom = k
            }
        }
        if openFrom >= 0 { out.append(join(pieces[openFrom...])!) }
        return out
    }
}

extension Unicode.Scalar {
    var isASCIIAlnum: Bool {
        (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
    }
}
