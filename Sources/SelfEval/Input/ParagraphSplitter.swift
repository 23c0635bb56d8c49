/// Reads forms flattened into one paragraph: the cells of a whole form (or several) on one
/// line, separated by spaces. The line is cut into pseudo-lines before the words that start
/// a part of the form, so the usual reader can take them.
public enum ParagraphSplitter {
    /// Words that start a new pseudo-line.
    static let starters = ["项目名称", "主管部门", "实施单位", "项目资金", "年度资金总额", "其中", "上年结转资金", "其他资金", "其它资金",
                           "年度总体目标", "总分", "合计", "评分等级",
                           // Sichuan's template: its goals' title, funding table and rows, notes below.
                           "项目基本情况", "预算执行情况", "总额", "财政专户管理资金", "单位资金", "评价结论", "存在问题", "改进措施"]
        + Vocabulary.plannedGoalLabels + Vocabulary.actualGoalLabels
    /// The first characters of the starters, to rule most cells out at once.
    static let starterStarts = CharacterFilter(firstCharactersOf: starters)

    /// Words of the indicator header, kept together on one pseudo-line.
    static let indicatorHeaderWords = WordList(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "权重", "得分",
                                                "偏差原因分析及改进措施", "偏差原因分析", "指标性质", "度量单位", "指标值",
                                                "完成值", "未完成原因分析", "未完成原因分析及改进措施"])

    /// Whether a line holds a flattened form: long, with several section words. A line cut
    /// by `UnspacedParagraph` may hold fewer cells (the parts it could not cut are left out).
    public static func isFlattened(_ line: TextLine, minimumCells: Int = 30) -> Bool {
        guard line.cells.count >= minimumCells else { return false }
        // One pass over the cells, each word counted once; most cells start like none.
        var seen = [Bool](repeating: false, count: sectionWords.count), found = 0
        return line.cells.containsText { t in
            guard sectionWordStarts.matchesFirst(t) else { return false }
            for (k, word) in sectionWords.enumerated() where !seen[k] && t.hasBytePrefix(word) {
                seen[k] = true
                found += 1
            }
            return found >= 3
        }
    }

    /// Words that start a part of a form; three of them make a line a flattened form.
    static let sectionWords = ["项目名称", "项目资金", "年度资金总额", "预期目标", "年初设定目标", "三级指标", "总分", "项目年度目标", "预算执行情况"]
    static let sectionWordStarts = CharacterFilter(firstCharactersOf: sectionWords)

    /// The pseudo-lines of one flattened line (same line number, cells keep their columns).
    public static func split(_ line: TextLine) -> [TextLine] {
        var out: [TextLine] = []
        // Room for a usual pseudo-line from the start, instead of growing 1, 2, 4, 8, 16; not
        // the last one's capacity, which one huge pseudo-line would hand on to every later one.
        var current: [Cell] = []
        current.reserveCapacity(16)
        func flush() {
            guard !current.isEmpty else { return }
            out.append(TextLine(number: line.number, cells: current, indent: 0))
            current = []
            current.reserveCapacity(16)
        }
        var i = 0
        let cells = line.cells
        // Texts are read with `text(at:)`: `cells[i].text` copies the whole cell.
        while i < cells.count {
            let t = cells.text(at: i)
            // A title, a year, or a numbered item over the goals (`2.项目实施内容及过程概述`): a
            // pseudo-line of its own.
            if Vocabulary.isTitle(t) || t.utf8.count <= 40 && t.scalarCount <= 10 && FormReader.findYear(cells[i]) != nil
                || Vocabulary.isGoalSectionTitle(t) {
                flush()
                current.append(cells[i])
                flush()
                i += 1
                continue
            }
            // A header block: funding columns, or the indicator header.
            if FundingColumn.recognise(t) != nil && i + 1 < cells.count && FundingColumn.recognise(cells.text(at: i + 1)) != nil
                || (t.hasBytePrefix("一级指标") || t.hasBytePrefix("绩效指标") || t.hasBytePrefix("三级指标"))
                || t.hasBytePrefix("年度绩效") && FormReader.indicatorSectionLabels.contains(t.compacted)
                // 一级指标 wrapped into pieces (`一级` `指标`, a PDF's header cell).
                || t.sameBytes("一级") && i + 1 < cells.count && cells.text(at: i + 1).sameBytes("指标") {
                flush()
                let funding = FundingColumn.recognise(t) != nil && !t.hasBytePrefix("三级指标")
                // A cell that starts like a header word without being one (`绩效指标(90分)`)
                // starts the block: without it, nothing was taken and the cell was looked at
                // again for ever.
                current.append(cells[i])
                i += 1
                while i < cells.count {
                    let ti = cells.text(at: i)
                    if funding {
                        guard FundingColumn.recognise(ti) != nil else { break }
                    } else {
                        let compact = ti.compacted
                        // The header's words, and the pieces of one wrapped in its cell (`一级` / `指标`,
                        // `偏差原因分析` / `及改进措施`).
                        guard indicatorHeaderWords.contains(compact) || FormReader.indicatorHeaderFragments.contains(compact)
                                || indicatorHeaderWords.contains(current[current.count - 1].text.compacted + compact) else { break }
                    }
                    current.append(cells[i])
                    i += 1
                }
                flush()
                continue
            }
            if starterStarts.matchesFirst(t), starters.contains(where: { t.hasBytePrefix($0) }) { flush() }
            // 年度总体目标 wrapped into pieces (`年度` `总体` `目标`, a PDF's vertical label) starts one too.
            else if t.sameBytes("年度"), i + 2 < cells.count, cells.text(at: i + 1).sameBytes("总体"), cells.text(at: i + 2).sameBytes("目标") { flush() }
            current.append(cells[i])
            i += 1
        }
        flush()
        return out
    }
}
