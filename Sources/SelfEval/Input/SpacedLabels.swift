/// Labels set in distributed alignment, as a PDF dump writes them: one character per cell
/// (`项 目 名 称`, `年 初 预 算 数`). In a layout whose cells are cut at spaces, a run of
/// one-character cells that spells a label of the template is joined back into one cell;
/// other single characters (`是 否`, a vertical label's pieces) are left as they are.
enum SpacedLabels {
    /// The template's labels that are written spaced out, longest first.
    static let labels: [[UInt8]] = {
        let words = Array(Vocabulary.headerLabels.keys) + Vocabulary.level1 + Vocabulary.plannedGoalLabels + Vocabulary.actualGoalLabels + [
            "项目资金", "资金投入", "年初预算数", "全年预算数", "全年执行数", "调整后预算数", "分值", "分数", "执行率", "得分", "权重",
            "年度资金总额", "当年财政拨款", "其中：当年财政拨款", "财政拨款", "上年结转资金", "上年结余资金", "其他资金", "其它资金",
            "年度总体目标", "总体目标", "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施",
            "总分", "合计", "评分等级", "自评等级",
        ]
        return Set(words).map { Array($0.utf8) }.sorted { $0.count > $1.count }
    }()

    /// The line with its spaced-out labels joined, or the line itself when it has none.
    static func joined(_ line: TextLine) -> TextLine {
        let cells = line.nonEmpty
        // Most lines have no two one-character cells side by side: nothing to do. Told from the
        // cells' ranges (one column wide) without reading their texts.
        var pair = false
        cells.withUnsafeBufferPointer { b in
            var previous = false
            for i in b.indices {
                let r = b[i].range
                let narrow = r.start.line == r.end.line && r.end.column - r.start.column == 1
                if narrow && previous { pair = true; break }
                previous = narrow
            }
        }
        guard pair else { return line }
        var out: [Cell] = []
        out.reserveCapacity(cells.count)
        var i = 0
        while i < cells.count {
            var run = i
            while run < cells.count, isOneCharacter(cells.text(at: run)) { run += 1 }
            if run - i < 2 { out.append(cells[i]); i += 1; continue }
            // Inside a run of one-character cells: the longest label at each place.
            var k = i
            while k < run {
                if let n = longestLabel(cells, from: k, to: run) {
                    let text = (k..<(k + n)).map { cells.text(at: $0) }.joined()
                    out.append(Cell(text: text, range: cells[k].range.union(cells[k + n - 1].range), index: cells[k].index, hasInnerSpace: false))
                    k += n
                } else {
                    out.append(cells[k])
                    k += 1
                }
            }
            i = run
        }
        if out.count == cells.count { return line }
        return TextLine(number: line.number, cells: out, indent: line.indent)
    }

    /// One character of a CJK script (three UTF-8 bytes), alone or with a bracketed note after
    /// it (`率(%)`, `额（元）`), as the last character of a label may carry.
    static func isOneCharacter(_ text: String) -> Bool {
        let u = text.utf8
        guard u.count >= 3, (u.first ?? 0) >= 0xE3 else { return false }
        if u.count == 3 { return true }
        return hasNote(text)
    }

    /// Whether a cell is one character and a bracketed note: `率(%)`.
    static func hasNote(_ text: String) -> Bool {
        let rest = text.utf8.dropFirst(3)
        guard rest.count <= 12, let f = rest.first else { return false }
        return f == UInt8(ascii: "(") || (rest.count >= 3 && rest.prefix(3).elementsEqual("（".utf8))
    }

    /// How many cells from `k` (before `end`) spell the longest label, if two or more do. Only
    /// the last of them may carry a note.
    static func longestLabel(_ cells: [Cell], from k: Int, to end: Int) -> Int? {
        for label in labels where label.count / 3 <= end - k && label.count >= 6 {
            let n = label.count / 3
            var same = true
            for j in 0..<n {
                let text = cells.text(at: k + j)
                if !text.utf8.prefix(3).elementsEqual(label[(3 * j)..<(3 * j + 3)]) || (text.utf8.count > 3 && j < n - 1) { same = false; break }
            }
            if same { return n }
        }
        return nil
    }
}
