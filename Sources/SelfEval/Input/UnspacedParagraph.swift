/// Forms flattened into one paragraph with no spaces between cells
/// (`项目名称监督执法专项工作经费主管部门…年度资金总额448,000.00488,000.00390,4001080.00%8…`), as some
/// extraction tools write them. The cells are cut again at the words of the template, in the
/// order a form prints them, and a run of figures is split where the funding columns' formats
/// fit best (`390,4001080.00%8` → `390,400` `10` `80.00%` `8`); a run that splits two ways equally
/// well is left whole, and so reported, not guessed.
///
/// The indicator rows cannot be told apart without spaces (a deviation analysis runs straight
/// into the next row's name), so the indicator table is not read: its text is returned as
/// `unread` for the reader to report, as is a funding table whose figures do not split, and
/// the rest of the form (header, funding, goals, total, grade) is checked.
enum UnspacedParagraph {
    /// The cells of a flattened line cut again, and the indicator tables left unread.
    struct Segmented {
        var line: TextLine
        var unread: [Unread]
    }

    /// A part of a form that could not be cut into cells, so it is left out and reported.
    struct Unread {
        enum Part { case funding, indicators }
        var part: Part
        var range: SourceRange
    }

    static let headerLabels = words(Vocabulary.headerLabels.keys)
    /// The label that starts a form's header (a title may stand before it).
    static let nameLabel = words(["项目名称"])
    static let fundingLabel = words(["项目资金"])
    static let moneyUnits = words(["（万元）", "(万元)", "（元）", "(元)", "（万）", "(万)"])
    static let fundingColumns = words(["年初预算数", "全年预算数", "调整后预算数", "全年执行数", "预算执行数", "预算执行率", "执行率(%)", "执行率（%）",
                                       "执行率", "执行数", "预算数", "分值", "分数", "权重", "得分"])
    static let rowPrefixes = words(["其中：", "其中:"])
    static let rowLabels = words(["年度资金总额", "当年财政拨款", "本年财政拨款", "上年结转结余资金", "上年结转资金", "上年结余资金", "财政专户管理资金",
                                  "财政拨款", "财政资金", "单位资金", "自有资金", "其他资金", "其它资金", "资金总额"])
    static let goalLabels = words(["年度总体目标", "总体目标", "绩效目标"])
    static let plannedLabel = words(Vocabulary.plannedGoalLabels)
    static let actualLabel = words(Vocabulary.actualGoalLabels)
    static let indicatorStarts = words(["绩效指标", "一级指标"])
    static let indicatorHeader = words(["偏差原因分析及改进措施", "偏差原因分析", "年度指标值", "实际完成值", "绩效指标", "一级指标", "二级指标", "三级指标",
                                        "指标性质", "度量单位", "指标值", "分值", "权重", "得分"])
    static let totalLabels = words(["总分", "合计"])
    /// What a title ends with.
    static let titleMark = Array("自评表".unicodeScalars)
    static let gradeLabels = words(["评分等级", "自评等级", "绩效等级"])
    static let gradeWords = words(["不合格", "不及格", "优秀", "良好", "中等", "较差", "合格", "及格", "优", "良", "中", "差"])

    /// Longest line read this way.
    static let maxBytes = 16 << 20

    /// Word lists as scalars, longest first (so 执行率(%) is taken before 执行率).
    static func words<S: Sequence>(_ list: S) -> [[Unicode.Scalar]] where S.Element == String {
        list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }

    /// The line's scalars with their columns; a space between cells is a hard break.
    struct Text {
        var scalars: [Unicode.Scalar] = []
        var columns: [Int] = []
        /// Whether a space stood before the scalar (a cell boundary that was written).
        var breakBefore: [Bool] = []
        var count: Int { scalars.count }

        func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
            guard i + word.count <= scalars.count else { return false }
            for k in word.indices where scalars[i + k] != word[k] { return false }
            return true
        }

        /// The longest word of `list` at `i`.
        func word(_ list: [[Unicode.Scalar]], at i: Int) -> Int? {
            for w in list where matches(w, at: i) { return w.count }
            return nil
        }

        /// The first position in `i..<end` where a word of one of `lists` stands.
        func find(_ lists: [[Unicode.Scalar]]..., from i: Int, to end: Int) -> Int? {
            var k = i
            let stop = min(end, scalars.count)
            while k < stop {
                for list in lists where word(list, at: k) != nil { return k }
                k += 1
            }
            return nil
        }
    }

    /// Cuts a flattened line again; nil when the line does not read as a form that way.
    static func segment(_ line: TextLine) -> Segmented? {
        // A paragraph of a few thousand forms is some megabytes; more is not a form.
        guard line.nonEmpty.reduce(0, { $0 + $1.text.utf8.count }) <= maxBytes else { return nil }
        var text = Text()
        for cell in line.nonEmpty {
            var column = cell.range.start.column
            var first = true
            for s in cell.text.unicodeScalars {
                // Spaces inside a cell (its text keeps them) are breaks too.
                if s == " " || s == "\u{3000}" || s == "\u{A0}" { first = true; column += 1; continue }
                text.scalars.append(s)
                text.columns.append(column)
                text.breakBefore.append(first)
                first = false
                column += 1
            }
        }
        var reader = Segmenter(text: text, number: line.number)
        reader.run()
        guard !reader.cells.isEmpty else { return nil }
        let out = TextLine(number: line.number, cells: reader.cells, indent: line.indent)
        return Segmented(line: out, unread: reader.unread)
    }

    /// Walks one flattened line form after form.
    struct Segmenter {
        let text: Text
        let number: Int
        var cells: [Cell] = []
        var unread: [Unread] = []
        var i = 0
        /// Where the next form's 项目名称 stands: every search for the current form stops there,
        /// so a line of many forms is read in time linear in its length.
        var limit = 0

        init(text: Text, number: Int) {
            self.text = text
            self.number = number
        }

        func range(_ a: Int, _ b: Int) -> SourceRange {
            SourceRange(start: SourceLocation(line: number, column: text.columns[a]),
                        end: SourceLocation(line: number, column: text.columns[b - 1] + 1))
        }

        /// `a..<b` as cells: one, or one per piece between written spaces.
        mutating func emit(_ a: Int, _ b: Int) {
            guard a < b else { return }
            var start = a
            for k in (a + 1)..<(b + 1) where k == b || text.breakBefore[k] {
                let t = String(String.UnicodeScalarView(text.scalars[start..<k]))
                cells.append(Cell(text: t, range: range(start, k), index: cells.count))
                start = k
            }
        }

        /// Emits the word of `list` at `i`, if one is there.
        mutating func take(_ list: [[Unicode.Scalar]]) -> Bool {
            guard let n = text.word(list, at: i) else { return false }
            emit(i, i + n)
            i += n
            return true
        }

        mutating func run() {
            while i < text.count {
                guard let name = text.find(UnspacedParagraph.nameLabel, from: i, to: text.count) else {
                    emit(i, text.count)
                    return
                }
                titleAndYear(upTo: name)
                i = name
                limit = text.find(UnspacedParagraph.nameLabel, from: name + 1, to: text.count) ?? text.count
                header()
                funding()
                goals()
                indicators()
                totalAndGrade()
                // Text left before the next form is kept (and so reported), never dropped.
                let next = max(i, nextForm())
                emit(i, next)
                i = next
            }
        }

        /// Before 项目名称: the title (…自评表) and the year line, as far as they are there.
        mutating func titleAndYear(upTo end: Int) {
            let title = UnspacedParagraph.titleMark
            var k = i
            while k < end, !text.matches(title, at: k) { k += 1 }
            if k < end {
                emit(i, k + title.count)
                i = k + title.count
            }
            emit(i, end)
        }

        /// 项目名称 … 主管部门 … 实施单位 …, up to 项目资金 (or the goals when there is no funding table).
        mutating func header() {
            while i < limit, take(UnspacedParagraph.headerLabels) {
                let end = text.find(UnspacedParagraph.headerLabels, UnspacedParagraph.fundingLabel, UnspacedParagraph.goalLabels, from: i, to: limit) ?? max(i, limit)
                emit(i, end)
                i = end
            }
        }

        /// 项目资金（元）, the column headers, then each row's label and its figures split by column.
        mutating func funding() {
            guard let n = text.word(UnspacedParagraph.fundingLabel, at: i) else { return }
            let unit = text.word(UnspacedParagraph.moneyUnits, at: i + n) ?? 0
            emit(i, i + n + unit)
            i += n + unit
            var columns: [FundingColumn] = []
            while let w = text.word(UnspacedParagraph.fundingColumns, at: i) {
                let header = String(String.UnicodeScalarView(text.scalars[i..<(i + w)]))
                if let c = FundingColumn.recognise(header) { columns.append(c) }
                emit(i, i + w)
                i += w
            }
            // A row whose figures do not split one best way leaves every row out (the table
            // keeps its header, so the parts after it are read as such): a row read blank
            // would make the table's sums wrong.
            let (firstRowCell, start) = (cells.count, i)
            var split = true
            // The total row's figures, which part rows are cut against.
            var total: [String?] = []
            defer {
                if !split {
                    cells.removeLast(cells.count - firstRowCell)
                    unread.append(Unread(part: .funding, range: range(start, i)))
                }
            }
            if columns.isEmpty { columns = FundingColumn.templateOrder }
            while i < limit {
                let labelStart = i
                if let p = text.word(UnspacedParagraph.rowPrefixes, at: i) { i += p }
                guard var w = text.word(UnspacedParagraph.rowLabels, at: i) else { i = labelStart; return }
                // 年度资金总额：, with its colon.
                if i + w < text.count, text.scalars[i + w] == "：" || text.scalars[i + w] == ":" { w += 1 }
                emit(labelStart, i + w)
                i += w
                let end = text.find(UnspacedParagraph.rowPrefixes, UnspacedParagraph.rowLabels, UnspacedParagraph.goalLabels, UnspacedParagraph.plannedLabel,
                                    from: i, to: limit) ?? max(i, limit)
                let isTotal = FundingRowKind.recognise(String(String.UnicodeScalarView(text.scalars[labelStart..<i]))) == .total
                guard let values = figures(i, end, columns, reference: isTotal ? [] : total, part: !isTotal) else { split = false; i = end; continue }
                if isTotal { total = values }
                i = end
            }
        }

        /// A run of figures: one cell per figure, returned canonical, when the run splits one
        /// best way; else one cell and nil.
        @discardableResult
        mutating func figures(_ a: Int, _ b: Int, _ columns: [FundingColumn], reference: [String?] = [], part: Bool = false) -> [String?]? {
            guard a < b else { return [] }
            let run = Array(text.scalars[a..<b])
            guard let cuts = FigureRun.split(run, columns: columns, reference: reference, part: part) else {
                emit(a, b)
                return nil
            }
            var start = 0
            var values: [String?] = []
            for cut in cuts {
                emit(a + start, a + cut)
                values.append(FigureRun.canonical(run[start..<cut]))
                start = cut
            }
            return values
        }

        /// 年度总体目标 预期目标 <planned> 实际完成情况 <actual>, or both labels before both texts.
        mutating func goals() {
            guard take(UnspacedParagraph.goalLabels) || text.word(UnspacedParagraph.plannedLabel, at: i) != nil else { return }
            let indicators = text.find(UnspacedParagraph.indicatorStarts, from: i, to: limit) ?? nextForm()
            defer { i = max(i, indicators) }
            guard let planned = text.word(UnspacedParagraph.plannedLabel, at: i) else {
                emit(i, indicators)
                return
            }
            if let actual = text.word(UnspacedParagraph.actualLabel, at: i + planned) {
                // Both labels, then both texts run together (a table's header row, then its
                // cells): 预期目标 and the texts as one cell, which the goal reader splits where
                // it can tell (the same text twice) or reports as not told apart.
                let texts = i + planned + actual, end = max(texts, indicators)
                let label = String(String.UnicodeScalarView(text.scalars[i..<(i + planned)]))
                cells.append(Cell(text: label + String(String.UnicodeScalarView(text.scalars[texts..<end])), range: range(i, end), index: cells.count))
                return
            }
            emit(i, i + planned)
            i += planned
            if let actual = text.find(UnspacedParagraph.actualLabel, from: i, to: indicators) {
                emit(i, actual)
                i = actual
                _ = take(UnspacedParagraph.actualLabel)
            }
            emit(i, indicators)
        }

        /// The indicator header words, then the rows, which are not read (see the type's note).
        mutating func indicators() {
            while i < limit, take(UnspacedParagraph.indicatorHeader) {}
            let end = totalStart(from: i) ?? nextForm()
            if i < end { unread.append(Unread(part: .indicators, range: range(i, end))) }
            i = end
        }

        /// Where 总分 or 合计 stands before its figures.
        func totalStart(from a: Int) -> Int? {
            var k = a
            let stop = nextForm()
            while let t = text.find(UnspacedParagraph.totalLabels, from: k, to: stop) {
                let after = t + (text.word(UnspacedParagraph.totalLabels, at: t) ?? 0)
                if after < text.count, FigureRun.isFigure(text.scalars[after]) { return t }
                k = t + 1
            }
            return nil
        }

        /// Where the next form starts: its title (…自评表) before its 项目名称, or the 项目名称
        /// (never before `i`).
        func nextForm() -> Int {
            guard limit > i else { return i }
            let title = UnspacedParagraph.titleMark
            var k = limit - 1
            let floor = max(i, limit - 64)
            while k >= floor && !text.matches(title, at: k) { k -= 1 }
            guard k >= floor else { return limit }
            // A title is short: at most 30 characters before 自评表.
            var s = k
            while s > max(i, k - 30), !FigureRun.isFigure(text.scalars[s - 1]), text.word(UnspacedParagraph.gradeWords, at: s - 1) == nil { s -= 1 }
            return s
        }

        /// 总分 100 96, a grade word, 评分等级 and its grade.
        mutating func totalAndGrade() {
            if take(UnspacedParagraph.totalLabels) {
                var end = i
                while end < text.count, FigureRun.isFigure(text.scalars[end]) { end += 1 }
                figures(i, end, [.weight, .score])
                i = end
                _ = take(UnspacedParagraph.gradeWords)
            }
            if take(UnspacedParagraph.gradeLabels) { _ = take(UnspacedParagraph.gradeWords) }
        }
    }
}

