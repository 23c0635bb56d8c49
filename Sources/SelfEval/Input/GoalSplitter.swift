/// Splits the goal text of a flow layout into 预期目标 and 实际完成情况.
///
/// A PDF dump prints the two cells one after the other. The planned cell ends where its
/// paragraph ends: a line closing a sentence (。) that is shorter than the column or is
/// followed by an indented line. Two identical halves on one line are split in the middle.
enum GoalSplitter {
    static func split(_ lines: [TextLine]) -> (planned: [Piece], actual: [Piece], ambiguous: Bool) {
        var content: [Piece] = []
        var indents: [Int] = []
        var explicitActual: Int?
        for line in lines {
            let text = line.text
            let t = text.compacted
            // Both headings on one line: 预期目标 实际完成情况.
            if let p = Vocabulary.plannedGoalLabel(startingWith: t), Vocabulary.actualGoalLabels.contains(where: { t.sameBytes(p + $0) }) { continue }
            // Or another template's: 年度目标 实际完成情况.
            if line.nonEmpty.count == 2, FormReader.isShortGoalHeaderRow(line.nonEmpty) { continue }
            if let label = Vocabulary.actualGoalLabel(startingWith: t) {
                explicitActual = content.count
                let rest = FormReader.dropLabel(text, label).drop { $0 == "：" || $0 == ":" }
                if !rest.isEmpty { content.append(Piece(text: String(rest), range: line.range)); indents.append(0) }
                continue
            }
            if let label = Vocabulary.plannedGoalLabel(startingWith: t) {
                let rest = FormReader.dropLabel(text, label).drop { $0 == "：" || $0 == ":" }
                if !rest.isEmpty { content.append(Piece(text: String(rest), range: line.range)); indents.append(0) }
                continue
            }
            if Vocabulary.isGoalLabel(t) { continue }
            content.append(Piece(text: text, range: line.range))
            indents.append(line.indent)
        }
        if content.isEmpty { return ([], [], false) }
        if let k = explicitActual {
            // Both labels first (a header row), then the two cells: the first is the plan.
            // A cell whose line ends a clause (`…的前提下，`) goes on to a line ending its
            // sentence: a Word table's text one cell per line keeps a cell's paragraphs on lines
            // of their own. (Lines wrapped at a column's width end anywhere: no sentence end.)
            if k == 0 && content.count >= 2 {
                var end = 0
                while end < content.count - 2, endsClause(content[end].text) { end += 1 }
                if end > 0, !endsSentence(content[end].text) { end = 0 }
                return (Array(content[...end]), Array(content[(end + 1)...]), false)
            }
            if k == 0 && content.count == 1 { return splitOneLine(content[0], lines) ?? ([], content, false) }
            return (Array(content[..<k]), Array(content[k...]), false)
        }
        if content.count == 1 {
            return splitOneLine(content[0], lines) ?? (content, [], true)
        }
        // The whole text repeated: split in the middle.
        // Byte counts: equal halves of valid UTF-8 always split at a character boundary. The
        // pieces' lengths are counted first; the text is joined only when a piece ends at the
        // middle (joining and compacting every goal text cost a tenth of reading a PDF form).
        let counts = content.map { $0.text.compactedUTF8Count }
        let bytes = counts.reduce(0, +)
        if bytes % 2 == 0 {
            let half = bytes / 2
            var acc = 0
            var whole: String?
            for (i, count) in counts.enumerated() {
                acc += count
                guard acc == half else { continue }
                if whole == nil { whole = content.map(\.text).joined().compacted }
                if whole!.utf8.prefix(half).elementsEqual(whole!.utf8.suffix(half)) {
                    return (Array(content[...i]), Array(content[(i + 1)...]), false)
                }
            }
        }
        var maxWidth = 0
        for (i, p) in content.enumerated() {
            let w = p.width
            maxWidth = max(maxWidth, w)
            guard i + 1 < content.count else { break }
            if endsSentence(p.text) && (w * 10 < maxWidth * 9 || indents[i + 1] >= 2 || i == 0 && w < 40) {
                return (Array(content[...i]), Array(content[(i + 1)...]), false)
            }
        }
        return (content, [], true)
    }

    /// Whether a text ends a sentence (。！？ or a full stop).
    static func endsSentence(_ text: String) -> Bool {
        text.hasByteSuffix("。") || text.hasByteSuffix("！") || text.hasByteSuffix("？") || text.hasByteSuffix(".")
    }

    /// Whether a text stops mid-sentence, at a comma, an enumeration comma, a semicolon or a
    /// colon: the text goes on after it.
    static func endsClause(_ text: String) -> Bool {
        text.hasByteSuffix("，") || text.hasByteSuffix("、") || text.hasByteSuffix("；") || text.hasByteSuffix("：")
            || text.hasByteSuffix(",") || text.hasByteSuffix(";") || text.hasByteSuffix(":")
    }

    /// "X X": the two cells on one line, split where the halves agree, or at the only space.
    static func splitOneLine(_ piece: Piece, _ lines: [TextLine]) -> (planned: [Piece], actual: [Piece], ambiguous: Bool)? {
        let line = lines.first { $0.range.start.line == piece.range.start.line && $0.text.hasByteSuffix(piece.text) }
        guard var tokens = line?.nonEmpty, tokens.count >= 2 else { return nil }
        // Drop leading goal labels on the same line ("实际完成情况 X Y").
        while let f = tokens.first, Vocabulary.isGoalLabel(f.text), tokens.count > 2 { tokens.removeFirst() }
        // Only a cut with half of the text's bytes on each side can give equal halves: the
        // halves are compared there alone (no join per cut, which was quadratic).
        let compact = tokens.map { $0.text.compacted }
        let total = compact.reduce(0) { $0 + $1.utf8.count }
        var before = 0
        for k in 1..<tokens.count {
            before += compact[k - 1].utf8.count
            guard before * 2 == total else { continue }
            if compact[..<k].joined().sameBytes(compact[k...].joined()) {
                let l = Piece(text: tokens[..<k].map(\.text).joined(separator: " "), range: tokens[0].range.union(tokens[k - 1].range))
                let r = Piece(text: tokens[k...].map(\.text).joined(separator: " "), range: tokens[k].range.union(tokens.last!.range))
                return ([l], [r], false)
            }
        }
        if tokens.count == 2 {
            return ([Piece(text: tokens[0].text, range: tokens[0].range)], [Piece(text: tokens[1].text, range: tokens[1].range)], false)
        }
        return nil
    }

    /// The goal cells side by side in columns aligned with spaces (`pdftotext -layout`): each
    /// piece of a line is the cell of the heading it stands under. Nil unless `header` holds
    /// both headings two spaces or more apart, every line stands in those columns and some
    /// line holds both cells (text written one cell after the other is not side by side). The
    /// rest of a heading broken over lines (`实际完成` over `情况`) finishes the heading.
    static func splitByColumn(header: TextLine, lines: [TextLine]) -> (planned: [Piece], actual: [Piece])? {
        enum Cell { case planned, actual }
        // A heading, or its start when it is broken over lines (`实际完成` above `情况`).
        func starts(_ t: String, _ labels: [String]) -> Bool { t.utf8.count >= 6 && labels.contains { $0.hasBytePrefix(t) } }
        guard var grid = ColumnGrid<Cell>(header: header, minimumColumns: 2, role: { t in
            Vocabulary.isPlannedGoalHeading(t) || starts(t, Vocabulary.plannedGoalLabels) ? .planned
                : Vocabulary.actualGoalLabel(startingWith: t) != nil || starts(t, Vocabulary.actualGoalLabels) ? .actual : nil
        }), grid.column(of: .planned) != nil, grid.column(of: .actual) != nil else { return nil }
        var chunked = lines.map { ColumnGrid<Cell>.chunks(of: $0) }
        for chunks in chunked { grid.settle(chunks) }
        cutAtColumn(&chunked, lines, grid, left: .planned, right: .actual)
        var planned: [Piece] = [], actual: [Piece] = []
        var sideBySide = false
        for (line, chunks) in zip(lines, chunked) {
            guard let placed = grid.place(chunks) else { return nil }
            // The rest of a heading broken over lines, before the texts: each piece under its
            // heading and finishing it (`情况` under `实际完成`).
            if planned.isEmpty && actual.isEmpty, zip(chunks, placed).allSatisfy({ chunk, i in
                grid.standsUnderTitle(chunk, column: i) && Vocabulary.isGoalLabel(grid.columns[i].title.compacted + chunk.text.compacted)
            }), grid.extend(with: line) { continue }
            var both = (planned: false, actual: false)
            for (chunk, i) in zip(chunks, placed) {
                // The 年度总体目标 label beside the cells, whichever column it falls in.
                if Vocabulary.isGoalLabel(chunk.text) { continue }
                let piece = Piece(text: chunk.text, range: chunk.range)
                switch grid.columns[i].role {
                case .planned?: planned.append(piece); both.planned = true
                case .actual?: actual.append(piece); both.actual = true
                case nil: return nil
                }
            }
            if both.planned && both.actual { sideBySide = true }
        }
        return sideBySide ? (planned, actual) : nil
    }

    /// Texts of both cells run together one space apart (`…更好地为参保人提供 人员完成窗口工作…`,
    /// pdftotext -layout where the 预期目标 text fills its column): cut at the space nearest the
    /// column where the 实际完成情况 texts start on the lines that hold them alone (six
    /// characters off at most: pdftotext moves a text after a line of 汉 that far).
    private static func cutAtColumn<Cell: Equatable>(_ chunked: inout [[ColumnGrid<Cell>.Chunk]], _ lines: [TextLine], _ grid: ColumnGrid<Cell>, left planned: Cell, right actual: Cell) {
        typealias Chunk = ColumnGrid<Cell>.Chunk
        // Where the right cell's texts start: the first text of a line placed under it, right
        // of the left cell's heading.
        guard let left = grid.columns.first(where: { $0.role == planned }) else { return }
        var starts: [Int: Int] = [:]
        for chunks in chunked {
            let texts = chunks.filter { !Vocabulary.isGoalLabel($0.text) }
            guard let first = texts.first, first.chars.start > left.chars.end, let placed = grid.place([first]),
                  grid.columns[placed[0]].role == actual else { continue }
            starts[first.chars.start, default: 0] += 1
        }
        guard let boundary = starts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key, starts[boundary]! >= 2 else { return }
        for k in chunked.indices {
            guard chunked[k].contains(where: { $0.chars.start < boundary - 2 && $0.chars.end > boundary + 2 && $0.text.utf8.contains(0x20) }) else { continue }
            let words = ColumnGrid<Cell>.chunks(of: lines[k], apart: { _ in true })
            var out: [Chunk] = []
            for chunk in chunked[k] {
                guard chunk.chars.start < boundary - 2, chunk.chars.end > boundary + 2 else { out.append(chunk); continue }
                let inside = words.filter { $0.chars.start >= chunk.chars.start && $0.chars.end <= chunk.chars.end }
                // The word that starts nearest the boundary, after the first.
                guard let cut = inside.indices.dropFirst().min(by: { abs(inside[$0].chars.start - boundary) < abs(inside[$1].chars.start - boundary) }),
                      abs(inside[cut].chars.start - boundary) <= 6 else { out.append(chunk); continue }
                func joined(_ ws: ArraySlice<Chunk>) -> Chunk {
                    var c = ws.first!
                    for w in ws.dropFirst() { c.append(w) }
                    return c
                }
                out.append(joined(inside[..<cut]))
                out.append(joined(inside[cut...]))
            }
            chunked[k] = out
        }
    }
}
