/// Reads the indicator table of a flow layout (PDF text dump): cells separated by spaces,
/// long cells wrapped onto lines of their own, vertical labels broken into pieces.
///
/// A row is found by its anchor, the two plain numbers 分值 and 得分. What stands before
/// them on the line (and, if that is not enough, on the lines above) is name, target and
/// actual; what follows, on the line and below, is the deviation analysis.
struct FlowIndicatorReader {
    var rows: [IndicatorRow] = []
    var issues: [ParseIssue] = []
    var labels = LevelLabels()
    var pending: [Piece] = []
    /// Cells are whole (one cell per line, or a flattened paragraph): never join pieces, and
    /// let a row's numbers run across lines.
    var wholeCells = false
    /// The header names a 指标性质 (operator) or a 度量单位 (unit) column: a row's operator and
    /// unit stand as tokens of their own (see `foldNatureAndUnit`).
    var natureColumn = false, unitColumn = false
    /// The header names a 序号 column: a row's line starts with its number, no part of it.
    var serialColumn = false
    /// Labels head their rows, as a web page's table gives them in a flattened paragraph: a
    /// weight printed with a 一级 label (`产出指标(50分)`) is its rows'. Not so in PDF text,
    /// where a merged label is centred among its rows.
    var labelsPrecedeRows = false
    private var cellBuffer: [Cell] = []
    /// The first piece of a level label wrapped in its cell, waiting for the second (whole cells).
    private var heldLabelPiece: Cell?
    /// The last whole cell was a placeholder: blanks after it are its row's marks.
    private var afterPlaceholder = false
    /// For each buffered cell: a plain number, a blank (`—`, which may stand for 分值 or 得分),
    /// or other text; worked out once per cell.
    private var cellBufferKinds: [TokenKind] = []
    /// Lines that hold nothing but plain numbers or blanks, one after another: a row whose cells
    /// were written one per line (as text extractors that walk a PDF's cells write them), its
    /// 分值 and 得分 on lines of their own. Read as one row's numbers when a line of text follows.
    private var numberLines: [Cell] = []
    /// The table's columns, when its header stands in columns aligned with spaces: lines are
    /// then read by column (see `FlowIndicatorReader+Columns.swift`).
    var grid: ColumnGrid<TabularIndicatorReader.Role>?
    /// The table's lines while it may be read by column: they are read at its end.
    var heldLines: [TextLine] = []
    /// Whether a held line has a row's numbers, as a flow line sees them.
    var sawRowLine = false
    /// The table of a form not filled in yet (a PDF's text: its empty 实际完成值 and 得分 cells
    /// leave no mark): rows are anchored on their 分值 alone, name and target before it. Set on
    /// a second reading of a table whose first found no row (see `finish`).
    var weightOnly = false
    /// The lines read while no row was: read again weight-only when none is. Not kept past
    /// `maxHeldLines` (memory would grow with the file): such a table is not read again, as the
    /// second reading would not see its end.
    private var linesBeforeRow: [TextLine] = []
    private var tooManyLinesBeforeRow = false
    /// A row's line without its 得分, held to see the next line (see `scorelessRun`).
    private var heldScoreless: (tokens: [Cell], run: Range<Int>, line: Int)?

    /// What a token can be in a row's run of numbers.
    enum TokenKind: UInt8 {
        case number, blank, other

        init(_ text: String) {
            self = CellKind.isBareNumber(text) ? .number : FlowIndicatorReader.isBlank(text) ? .blank : .other
        }
    }

    /// Target fragments are wrapped in a narrow column: at most this display width.
    static let narrowWidth = 12
    /// A name fragment this wide was wrapped and continues on the next line.
    static let wideWidth = 24

    mutating func take(_ line: TextLine) {
        if grid != nil { holdForColumns(line); return }
        // The row's 序号 (`1 产出指标 数量指标 …`), which would start its labels or name.
        if serialColumn, line.nonEmpty.count >= 2, FlowIndicatorReader.isSerialNumber(line.nonEmpty[0].text) {
            take(TextLine(number: line.number, cells: Array(line.nonEmpty.dropFirst()), indent: line.indent))
            return
        }
        if let held = heldScoreless { releaseScoreless(held, beforeFigures: FlowIndicatorReader.holdsCutFigures(line.nonEmpty)) }
        if !weightOnly {
            if rows.isEmpty {
                if linesBeforeRow.count < FlowIndicatorReader.maxHeldLines { linesBeforeRow.append(line) } else { tooManyLinesBeforeRow = true }
            } else if !linesBeforeRow.isEmpty {
                linesBeforeRow = []
            }
        }
        if wholeCells { takeCells(line.nonEmpty); return }
        var tokens = line.nonEmpty
        // A line of text ends a run of numbers on lines of their own (before it can set labels).
        if !numberLines.isEmpty && tokens.containsText(where: { TokenKind($0) == .other }) { flushNumberLines() }
        // A level label's `(30分)` on a line of its own, the label lost or on the line above.
        // With no 一级 label read, it heads the rows of a group whose label was lost.
        if tokens.count == 1, Vocabulary.isWeightNote(tokens[0].text) {
            takeLostLabelWeight(tokens[0])
            return
        }
        // Vertical label pieces: a line of its own, or a two-character piece leading a row.
        if tokens.count == 1, DisplayWidth.of(tokens[0].text) <= 16 || Vocabulary.isLevelLabel(tokens[0].text), labels.accept(tokens[0].text) {
            // A row's cells start with its labels: text between the last row's numbers and a
            // whole label is that row's 偏差原因分析 when it lost points and has none (empty
            // cells left out, one cell per line), not the start of the next row's name.
            if !pending.isEmpty, !rows.isEmpty, rows[rows.count - 1].deviation == nil, Vocabulary.isWholeLevelLabel(tokens[0].text),
               let w = rows[rows.count - 1].weight?.value, let s = rows[rows.count - 1].score?.value, s.compare(w) < 0 {
                attachToPrevious(Piece.balance(pending))
                pending.removeAll()
            }
            return
        }
        // Leading labels: two-character pieces of a vertical label, or whole labels written
        // at the start of a row (`产出指标 数量指标 检查次数 ≥4次 5次 20 20`).
        while tokens.count > 1, tokens[0].text.utf8.count <= 8 && tokens[0].text.scalarCount <= 2
                || Vocabulary.isWholeLevelLabel(tokens[0].text),
              labels.accept(tokens[0].text) {
            tokens.removeFirst()
        }
        let kinds = tokens.map { TokenKind($0.text) }
        let run = FlowIndicatorReader.numberRun(kinds: kinds[...])
        // A number alone on its line (or a few with no row's run among them) waits for the
        // numbers after it; a line of text ends the run.
        if !kinds.isEmpty, !kinds.contains(.other), run == nil || !numberLines.isEmpty {
            numberLines += tokens
            return
        }
        // A row's line without its 得分, after a row with one, waits for the next line: figures
        // alone there are its cells cut at their edges, else it is a row whose 得分 is empty.
        // (Before any row, it may be a form not filled in: see `readWeightOnly`.)
        if run == nil, !weightOnly, !rows.isEmpty, let r = FlowIndicatorReader.scorelessRun(tokens, kinds, printedAs: rows[rows.count - 1].weight) {
            heldScoreless = (tokens, r, line.number)
            return
        }
        guard let run = run ?? (weightOnly ? FlowIndicatorReader.weightAlone(kinds: kinds) : nil) else {
            pend(tokens)
            return
        }
        row(tokens, run: FlowIndicatorReader.withoutBlankAnalysis(run, tokens, kinds), lineNumber: line.number)
    }

    /// A line's tokens without a row's run: one piece of text waiting for the row it belongs to.
    private mutating func pend(_ tokens: [Cell]) {
        pending.append(Piece(text: tokens.map(\.text).joined(separator: " "), range: tokens[0].range.union(tokens[tokens.count - 1].range)))
    }

    /// The numbers gathered from lines of their own: a row when they hold a run (分值 and 得分
    /// last; name, target and actual come from the lines above), else text waiting above.
    private mutating func flushNumberLines() {
        guard !numberLines.isEmpty else { return }
        let cells = numberLines
        numberLines.removeAll(keepingCapacity: true)
        let kinds = cells.map { TokenKind($0.text) }
        if let run = FlowIndicatorReader.numberRun(kinds: kinds[...]) ?? (weightOnly && kinds.count == 1 && kinds[0] == .number ? 0..<1 : nil), run.upperBound == cells.count {
            row(cells, run: FlowIndicatorReader.withoutBlankAnalysis(run, cells, kinds), lineNumber: cells[run.lowerBound].range.start.line)
        } else {
            for c in cells { pending.append(Piece(text: c.text, range: c.range)) }
        }
    }

    /// Whole cells: numbers gather until a cell that is not a number shows the row has ended.
    private mutating func takeCells(_ cells: [Cell]) {
        for var cell in cells {
            // A unit spaced apart from its figure (`98.00 (%)`) joins it.
            if Piece.isUnitApart(cell.text), let last = cellBuffer.last, Piece.lacksUnit(last.text) {
                cellBuffer.removeLast()
                cellBufferKinds.removeLast()
                cell = last.joined(with: cell)
            }
            // A target or actual wrapped at its column's edge in a flattened PDF dump
            // (`=14.00(个街` / `镇)`): the piece that closes its bracket joins it.
            if FlowIndicatorReader.closesBracket(cell.text), let last = cellBuffer.last, BracketBalance.openCount(last.text) > 0 {
                cellBuffer.removeLast()
                cellBufferKinds.removeLast()
                cell = last.joined(with: cell)
            }
            let kind = TokenKind(cell.text)
            // The marks of a not-applicable row after its placeholder (`指标1:/ / /`).
            if kind == .blank && afterPlaceholder { continue }
            afterPlaceholder = false
            if kind != .other {
                releaseHeldLabelPiece()
                cellBuffer.append(cell)
                cellBufferKinds.append(kind)
                continue
            }
            flushAnchoredBuffer()
            // A template's placeholder (`指标2:`, `……`) and a lost 一级 label's `(30分)` are no
            // row's text.
            if Vocabulary.isPlaceholder(cell.text) { afterPlaceholder = true; continue }
            if Vocabulary.isWeightNote(cell.text) {
                takeLostLabelWeight(cell)
                continue
            }
            // A label wrapped in its cell into two (`经济效益` / `指标`, `服务对象` / `满意度指标`):
            // the first piece waits for the second.
            if let held = heldLabelPiece {
                heldLabelPiece = nil
                let joined = held.text.compacted + cell.text.compacted
                if Vocabulary.isWholeLevelLabel(joined), labels.accept(joined, weight: labelWeight(cell)) { continue }
                cellBuffer.append(held)
                cellBufferKinds.append(.other)
            }
            // Whole cells hold whole labels; a bare 服务对象满意度 is a name.
            if Vocabulary.isWholeLevelLabel(cell.text), labels.accept(cell.text, weight: labelWeight(cell)) { continue }
            // A vertical label broken into pieces of two characters (`经济` `成本` `指标`, a PDF
            // dump flattened), as a line-by-line dump's pieces are read.
            if cell.text.utf8.count <= 8, cell.text.scalarCount <= 2, labels.accept(cell.text) { continue }
            if FlowIndicatorReader.mayStartWrappedLabel(cell.text) {
                heldLabelPiece = cell
                continue
            }
            cellBuffer.append(cell)
            cellBufferKinds.append(.other)
        }
    }

    /// The weight a label cell prints, when labels head their rows.
    private func labelWeight(_ cell: Cell) -> Field<ExactDecimal>? {
        labelsPrecedeRows ? Vocabulary.labelWeight(cell.text, range: cell.range) : nil
    }

    /// A weight note alone while no 一级 label is read: the weight of the rows that follow,
    /// until the next label or note (`(50分)` where a web page lost the 产出指标 beside it).
    private mutating func takeLostLabelWeight(_ cell: Cell) {
        guard labels.level1.isEmpty, let w = Vocabulary.labelWeight(cell.text, range: cell.range) else { return }
        labels.level1Weight = w
    }

    /// A short piece that closes a bracket it did not open (`镇)`): its last byte rules most
    /// cells out before the brackets are counted.
    static func closesBracket(_ t: String) -> Bool {
        guard t.utf8.count <= 12, t.hasByteSuffix(")") || t.hasByteSuffix("）") else { return false }
        return BracketBalance.openCount(t) < 0
    }

    /// A held first piece of a label that no second piece finished: text of a row.
    private mutating func releaseHeldLabelPiece() {
        guard let held = heldLabelPiece else { return }
        heldLabelPiece = nil
        cellBuffer.append(held)
        cellBufferKinds.append(.other)
    }

    /// Whether a whole cell is the first piece of a level label wrapped in its cell: the start
    /// of some longer label, two characters at least (asked after it was found no whole label).
    static func mayStartWrappedLabel(_ text: String) -> Bool {
        guard text.utf8.count >= 6, text.utf8.count <= 24, Vocabulary.labelStarts.matchesFirst(text) else { return false }
        return allLabels.contains { $0.utf8.count > text.utf8.count && $0.hasBytePrefix(text) }
    }
    static let allLabels = Vocabulary.level1 + Vocabulary.level2

    private mutating func flushAnchoredBuffer() {
        var start = cellBuffer.count
        while start > 0, cellBufferKinds[start - 1] != .other { start -= 1 }
        let numbers = cellBuffer.count - start
        // Whole cells: a row whose 得分 alone is empty, after a row with one (see `scorelessRun`);
        // not where 指标性质 and 度量单位 stand apart, their figures bare among words.
        if numbers == 1, !weightOnly, !natureColumn, !unitColumn, !rows.isEmpty, start >= 2, cellBufferKinds[start] == .number,
           FlowIndicatorReader.mayBeScorelessRow(cellBuffer[(start - min(start, 3))...start], printedAs: rows[rows.count - 1].weight) {
            row(cellBuffer, run: start..<(start + 1), lineNumber: cellBuffer[start].range.start.line, scoreless: true)
            cellBuffer.removeAll(keepingCapacity: true)
            cellBufferKinds.removeAll(keepingCapacity: true)
            return
        }
        guard let run = numbers >= 2 ? FlowIndicatorReader.numberRun(kinds: cellBufferKinds[start...])
                : weightOnly && numbers == 1 && start > 0 && cellBufferKinds[start] == .number ? 0..<1 : nil else { return }
        // The buffer is emptied after the row is read, when nothing else holds it, so its
        // room is kept instead of copied.
        row(cellBuffer, run: (start + run.lowerBound)..<(start + run.upperBound), lineNumber: cellBuffer[start].range.start.line)
        cellBuffer.removeAll(keepingCapacity: true)
        cellBufferKinds.removeAll(keepingCapacity: true)
    }

    static func isBlank(_ t: String) -> Bool {
        t.utf8.count <= 3 && (t.sameBytes("—") || t.sameBytes("-") || t.sameBytes("－") || t.sameBytes("/"))
    }

    private mutating func row(_ tokens: [Cell], run: Range<Int>, lineNumber: Int, scoreless: Bool = false) {
        let run = FlowIndicatorReader.withFigureAnalysis(run, tokens, columnsBeforeWeight: natureColumn || unitColumn ? 4 : 2)
        // Weight-only: the run is the 分值; the row has no 实际完成值 (slot 2) nor 得分.
        let figures = weightOnly || scoreless ? 1 : 2
        let weightCell = tokens[run.upperBound - figures]
        let scoreCell = figures == 1 ? nil : tokens[run.upperBound - 1]
        var slots = Slots()
        let extra = tokens[run.lowerBound..<(run.upperBound - figures)].map { Piece(text: $0.text, range: $0.range) }
        var slot = weightOnly ? 1 : 2
        for p in extra.reversed() where slot >= 1 {
            slots[slot] = p
            slot -= 1
        }
        let before = tokens[..<run.lowerBound].map { Piece(text: $0.text, range: $0.range) }
        var inline = wholeCells ? before : Piece.glueOperators(Piece.balance(before))
        if natureColumn || unitColumn { inline = FlowIndicatorReader.foldNatureAndUnit(inline, nature: natureColumn, unit: unitColumn) }
        // `slot` is the rightmost slot still empty; slots 0...slot are open.
        if wholeCells && inline.count >= slot + 1 {
            // Whole cells: the name is one cell; what stands before it ends the previous row.
            // A figure with an operator after words (`服务对象满意率` `≥95%`) is the target, the
            // actual's cell empty: the cell before the name is the row above's analysis.
            if slot == 2, case let n = inline.count, case .quantity(let q) = Measure.parse(inline[n - 1].text), q.comparator != nil,
               case .text = Measure.parse(inline[n - 2].text) {
                slot = 1
            }
            while slot >= 1 { slots[slot] = inline.removeLast(); slot -= 1 }
            slots[0] = inline.removeLast()
            attachToPrevious(inline)
            inline.removeAll()
        } else if inline.count >= slot + 1 {
            while slot >= 1 { slots[slot] = inline.removeLast(); slot -= 1 }
            slots[0] = Piece.join(inline[...])
        } else if pending.isEmpty, let first = inline.first, case let kind = CellKind.of(first.text), kind == .text || kind.isLabel {
            // (A name may read as a label: a bare 服务对象满意度. Leading labels were taken.)
            slots[0] = inline.removeFirst()
            // One figure left with an operator (`≥90`, or `= 100 %` from the 指标性质 column, folded
            // to `=100%`): the target's, its actual left blank (its empty cell gone with a PDF's
            // text), not an actual copying a target.
            if slot == 2, inline.count == 1, case .quantity(let q) = Measure.parse(inline[0].text), q.comparator != nil {
                slots[1] = inline.removeLast()
            }
            while let p = inline.popLast(), slot >= 1 { slots[slot] = p; slot -= 1 }
        } else {
            while let p = inline.popLast(), slot >= 1 { slots[slot] = p; slot -= 1 }
        }
        // Fill what the line did not give from the pending lines above. A sentence that ends
        // there (。) closes the previous row's analysis: what follows it starts this row.
        var above = Piece.balance(pending)
        if natureColumn || unitColumn { above = FlowIndicatorReader.foldNatureAndUnit(above, nature: natureColumn, unit: unitColumn) }
        pending.removeAll()
        if let end = above.dropLast().lastIndex(where: { $0.text.hasByteSuffix("。") }) {
            attachToPrevious(Array(above[...end]))
            above.removeFirst(end + 1)
        }
        if !weightOnly, slots[2] == nil, let last = above.popLast() { slots[2] = last }
        if slots[1] == nil, !above.isEmpty {
            var take = 0
            let keep = slots[0] == nil ? 1 : 0
            while take < above.count - keep, above[above.count - 1 - take].width <= FlowIndicatorReader.narrowWidth { take += 1 }
            if take == 0 && above.count > keep { take = 1 }
            if take > 0 {
                slots[1] = Piece.join(above[(above.count - take)...])
                above.removeLast(take)
            }
        }
        if slots[0] == nil, !above.isEmpty {
            var start = above.count - 1
            while start > 0, above[start - 1].width >= FlowIndicatorReader.wideWidth { start -= 1 }
            slots[0] = Piece.join(above[start...])
            above.removeLast(above.count - start)
        }
        attachToPrevious(above)
        var deviation: Piece?
        let after = tokens[run.upperBound...]
        if let f = after.first, let l = after.last {
            deviation = Piece(text: after.map(\.text).joined(separator: " "), range: f.range.union(l.range))
        }
        // The 度量单位 is the actual's too: a bare figure there takes the target's unit.
        if unitColumn, let t = slots[1], let a = slots[2], case .quantity(let q) = Measure.parse(t.text), !q.unit.isEmpty,
           case .quantity(let r) = Measure.parse(a.text), r.unit.isEmpty, r.comparator == nil {
            slots[2] = Piece(text: a.text + TabularIndicatorReader.unitSuffix(q.unit), range: a.range)
        }
        appendRow(slots, weight: weightCell, score: scoreCell, deviation: deviation, lineNumber: lineNumber)
    }

    /// A row's tokens before its numbers in a table with 指标性质 and 度量单位 columns: `定性` or
    /// `定量` only says what the target is (taken as read; with one cell per line the name may
    /// stand on the lines before and is found there); an operator standing
    /// alone joins the figure after it; a short unit after a figure joins it (`=` `2` `人` is
    /// `=2人`, where `人` would be taken for the target and `=2` for the end of the name).
    static func foldNatureAndUnit(_ pieces: [Piece], nature: Bool, unit: Bool) -> [Piece] {
        var out: [Piece] = []
        out.reserveCapacity(pieces.count)
        var i = 0
        while i < pieces.count {
            let p = pieces[i], t = p.text.compacted
            if nature, t.sameBytes("定性") || t.sameBytes("定量") { i += 1; continue }
            if nature, i + 1 < pieces.count, Piece.isOperatorAlone(t) {
                let next = pieces[i + 1]
                out.append(Piece(text: t + next.text, range: p.range.union(next.range)))
                i += 2
                continue
            }
            // A unit of words (`人`, `个街镇`), or a percentage standing for a ratio of 1 (`100%`).
            let isUnit = t.scalarCount <= 3 && !t.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) && CellKind.of(t) == .text
                || t.sameBytes("100%") || t.sameBytes("100％")
            if unit, isUnit, let last = out.last, case .quantity(let q) = Measure.parse(last.text), q.unit.isEmpty {
                out[out.count - 1] = Piece(text: last.text + TabularIndicatorReader.unitSuffix(t), range: last.range.union(p.range))
                i += 1
                continue
            }
            out.append(p)
            i += 1
        }
        return out
    }

    /// A row's number in a 序号 column: one to three digits.
    static func isSerialNumber(_ text: String) -> Bool {
        text.utf8.count <= 3 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Adds the row of `slots` (name, target, actual), its 分值 and 得分 cells and its deviation
    /// analysis; reports a row without a name.
    mutating func appendRow(_ slots: Slots, weight weightCell: Cell?, score scoreCell: Cell?, deviation: Piece?, lineNumber: Int) {
        // Unioned in place: a five-element array of optional ranges was allocated per row.
        var rowRange: SourceRange?
        func cover(_ r: SourceRange?) { if let r { rowRange = rowRange.map { $0.union(r) } ?? r } }
        cover(weightCell?.range)
        cover(scoreCell?.range)
        for k in 0..<3 { cover(slots[k]?.range) }
        let name = slots[0].map { Field(raw: $0.text, value: $0.text.compacted, range: $0.range) }
            ?? Field(raw: "", value: "", range: SourceRange(line: lineNumber, column: 1, length: 0))
        if slots[0] == nil {
            let weight = weightCell?.text ?? "—", score = scoreCell?.text ?? "—"
            issues.append(ParseIssue(kind: .unparsedRow, message: Message(
                en: "indicator row has 分值 \(weight) and 得分 \(score) but no 三级指标 name could be found",
                zh: "该指标行有分值 \(weight)、得分 \(score)，但找不到三级指标名称"), range: (weightCell ?? scoreCell)?.range ?? name.range))
        }
        labels.noteRow()
        rows.append(IndicatorRow(
            level1: labels.level1.resolved, level2: labels.level2.resolved, name: name,
            target: slots[1].map { Field(raw: $0.text, value: Measure.parse($0.text), range: $0.range) },
            actual: slots[2].map { Field(raw: $0.text, value: Measure.parse($0.text), range: $0.range) },
            weight: weightCell.flatMap(FlowIndicatorReader.decimalField), score: scoreCell.flatMap(FlowIndicatorReader.decimalField),
            deviation: deviation.map { Field(raw: $0.text, value: $0.text, range: $0.range) },
            range: rowRange ?? name.range, level1Weight: labels.level1Weight))
    }

    /// A row's name, target and actual by position (0, 1, 2), held inline: an array of three
    /// optional pieces was allocated for every row.
    struct Slots {
        var name: Piece?, target: Piece?, actual: Piece?

        subscript(i: Int) -> Piece? {
            get { i == 0 ? name : (i == 1 ? target : actual) }
            set {
                switch i {
                case 0: name = newValue
                case 1: target = newValue
                default: actual = newValue
                }
            }
        }
    }

    /// Lines left at the end of the table belong to the last row's deviation analysis.
    mutating func finish() {
        finishColumns()
        if let held = heldScoreless { releaseScoreless(held, beforeFigures: false) }
        flushNumberLines()
        releaseHeldLabelPiece()
        flushAnchoredBuffer()
        if !cellBuffer.isEmpty {
            pending += cellBuffer.map { Piece(text: $0.text, range: $0.range) }
            cellBuffer.removeAll()
            cellBufferKinds.removeAll()
        }
        attachToPrevious(wholeCells ? pending : Piece.balance(pending))
        pending.removeAll()
        if rows.isEmpty, !weightOnly, !tooManyLinesBeforeRow, !linesBeforeRow.isEmpty { readWeightOnly() }
    }

    /// Reads the table again with rows anchored on their 分值 alone: a form not filled in yet.
    /// Kept when that places every line: rows, each with its name and target, and nothing left
    /// over. Else the first reading stands, with its issues (a filled form's text scrambled by
    /// its extractor, its figures on lines of their own, reads as no row, not as rows of junk).
    private mutating func readWeightOnly() {
        var again = FlowIndicatorReader()
        again.wholeCells = wholeCells
        again.natureColumn = natureColumn
        again.unitColumn = unitColumn
        again.labelsPrecedeRows = labelsPrecedeRows
        again.weightOnly = true
        for line in linesBeforeRow { again.take(line) }
        again.finish()
        linesBeforeRow = []
        if !again.rows.isEmpty, again.issues.isEmpty, !again.rows.contains(where: { $0.target == nil }) { self = again }
    }

    /// Whether the line after a row's line without its 得分 shows the 得分 was cut at its
    /// column's edge and centred on the row: figures alone, or a line ending in the tail of a
    /// figure (`(人) 0`, a `0` of two characters at most) without a row's run of its own.
    static func holdsCutFigures(_ cells: [Cell]) -> Bool {
        if !cells.containsText(where: { TokenKind($0) == .other }) { return true }
        guard let last = cells.last, last.text.utf8.count <= 2, TokenKind(last.text) == .number else { return false }
        return numberRun(cells) == nil
    }

    /// The held line: a row without its 得分, or, before a line of figures alone, text waiting
    /// for them as any line without a row's run.
    private mutating func releaseScoreless(_ held: (tokens: [Cell], run: Range<Int>, line: Int), beforeFigures: Bool) {
        heldScoreless = nil
        if beforeFigures {
            pend(held.tokens)
        } else {
            row(held.tokens, run: held.run, lineNumber: held.line, scoreless: true)
        }
    }

    /// A row whose 得分 is empty, its cell gone with the PDF's text: name, target and actual (or
    /// name and target, the actual empty too), then its 分值 ending the line (see
    /// `mayBeScorelessRow`). Not pieces of cells cut at their edges (`=100.00(%`, `100.00(`),
    /// which a centred row's line holds.
    static func scorelessRun(_ tokens: [Cell], _ kinds: [TokenKind], printedAs weight: Field<ExactDecimal>?) -> Range<Int>? {
        let n = kinds.count
        guard n >= 3, kinds[n - 1] == .number, !kinds[..<(n - 1)].contains(where: { $0 != .other }), mayBeScorelessRow(tokens[...], printedAs: weight) else { return nil }
        // Two cells before it at least (name and target; the actual may be empty too) once an
        // operator standing apart joins its figure (`≥ 90(%)`).
        guard Piece.glueOperators(tokens[..<(n - 1)].map { Piece(text: $0.text, range: $0.range) }).count >= 2 else { return nil }
        return (n - 1)..<n
    }

    /// Whether cells ending in a plain number may be a row without its 得分: the number above 0
    /// and up to 100, printed with as many decimals as the row above's 分值 (`10.0` under rows of
    /// `10.00` is the top of a figure cut at its column's edge), no cell before it cut at its edge.
    static func mayBeScorelessRow(_ cells: ArraySlice<Cell>, printedAs weight: Field<ExactDecimal>?) -> Bool {
        guard let last = cells.last, case .quantity(let q) = Measure.parse(last.text), q.value.compare(.zero) > 0, q.value.compare(ExactDecimal(100)) <= 0,
              let w = weight, w.value.scale == q.value.scale else { return false }
        return !cells.dropLast().contains(where: { BracketBalance.openCount($0.text) != 0 })
    }

    /// A weight-only row's 分值: a plain number that ends the line after its text.
    static func weightAlone(kinds: [TokenKind]) -> Range<Int>? {
        let n = kinds.count
        guard n >= 2, kinds[n - 1] == .number, kinds[n - 2] == .other else { return nil }
        return (n - 1)..<n
    }

    mutating func attachToPrevious(_ pieces: [Piece]) {
        guard let joined = Piece.join(pieces[...]) else { return }
        guard !rows.isEmpty else {
            issues.append(ParseIssue(kind: .unparsedRow, message: Message(
                en: "text before the first indicator row could not be placed: \(joined.text.prefix(40))",
                zh: "第一个指标行之前的文字无法归位：\(joined.text.prefix(40))"), range: joined.range))
            return
        }
        let text = joined.text.compacted.isEmpty ? "" : pieces.map(\.text).joined()
        if var d = rows[rows.count - 1].deviation {
            d.raw += text
            d.value += text
            d.range = d.range.union(joined.range)
            rows[rows.count - 1].deviation = d
        } else {
            rows[rows.count - 1].deviation = Field(raw: text, value: text, range: joined.range)
        }
    }

    /// The first run of at least two plain numbers (a blank `—` may stand for one of the last
    /// two): 分值 and 得分 are its last two.
    static func numberRun(_ tokens: [Cell]) -> Range<Int>? {
        numberRun(kinds: tokens.map { TokenKind($0.text) }[...])
    }

    /// The same on token kinds; positions count from the start of `kinds`.
    static func numberRun(kinds: ArraySlice<TokenKind>) -> Range<Int>? {
        let base = kinds.startIndex, count = kinds.count
        func isNumber(_ i: Int) -> Bool { kinds[base + i] == .number }
        func isBlank(_ i: Int) -> Bool { kinds[base + i] == .blank }
        var i = 0
        while i < count {
            if isNumber(i) || isBlank(i) {
                var j = i
                while j < count && (isNumber(j) || isBlank(j)) { j += 1 }
                // Blanks only in the last two places, and at least one real number there.
                var start = i
                while start < j - 2 && isBlank(start) { start += 1 }
                let innerBlank = (start..<max(start, j - 2)).contains { isBlank($0) }
                if j - start >= 2 && !innerBlank && (isNumber(j - 1) || isNumber(j - 2)) { return start..<j }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    /// A row's run of numbers that ends the line with a blank (`40 40 —`, `30 28 /`): the blank
    /// is the 偏差原因分析 left empty when the two numbers before it can be 分值 and 得分 (the
    /// second not above the first), not a missing 得分 after an actual and a weight.
    static func withoutBlankAnalysis(_ run: Range<Int>, _ tokens: [Cell], _ kinds: [TokenKind]) -> Range<Int> {
        let end = run.upperBound
        guard end == tokens.count, run.count >= 3, kinds[end - 1] == .blank, kinds[end - 2] == .number, kinds[end - 3] == .number,
              case .quantity(let weight) = Measure.parse(tokens[end - 3].text), case .quantity(let score) = Measure.parse(tokens[end - 2].text),
              score.value.compare(weight.value) <= 0 else { return run }
        return run.lowerBound..<(end - 1)
    }

    /// A run of figures one longer than the row's columns of figures (target and actual, then
    /// 分值 and 得分) that ends the row: its last figure is the 偏差原因分析 typed as a figure
    /// (`100 100 10 10 0`, a 0 for no deviation), when the two before it can be 分值 and 得分 (the
    /// second not above the first). Read the other way one figure had no place and was lost.
    static func withFigureAnalysis(_ run: Range<Int>, _ tokens: [Cell], columnsBeforeWeight: Int) -> Range<Int> {
        let end = run.upperBound
        guard run.count == columnsBeforeWeight + 3, end == tokens.count,
              case .quantity(let weight) = Measure.parse(tokens[end - 3].text), case .quantity(let score) = Measure.parse(tokens[end - 2].text),
              score.comparator == nil, weight.comparator == nil, score.value.compare(weight.value) <= 0 else { return run }
        return run.lowerBound..<(end - 1)
    }

    static func decimalField(_ cell: Cell) -> Field<ExactDecimal>? {
        guard case .quantity(let q) = Measure.parse(cell.text) else { return nil }
        return Field(raw: cell.text, value: q.value, range: cell.range)
    }
}
