/// Reads one form chunk into a `Form`: header, funding table, goals, indicators, total.
///
/// Sections are found by their labels whatever the layout; within a section the layout
/// decides how cells are grouped. Every line is either taken by a section or reported.
public struct FormReader {
    let layout: Layout
    var form: Form

    enum Section { case header, funding, goals, indicatorHeader, indicators, total, done }
    var section: Section = .header

    // Header: label → value cells.
    var headerKey: Vocabulary.HeaderField?
    var headerValues = HeaderSlots<[Cell]>(empty: [])
    /// The line each field last took a value on (0: none yet).
    var headerLastLine = HeaderSlots<Int>(empty: 0)
    /// The labels of the last header line that had any, with where each starts (display
    /// width and characters; flow layout only): a value wrapped below them goes to the one it
    /// stands under.
    var headerColumns: [(field: Vocabulary.HeaderField, start: Int, chars: Int)] = []
    /// The last header line of values alone, indented, that went on the value before it: its
    /// field, how many cells, its number and where its first cell starts (display width and
    /// characters; see `takeHeader`).
    var lastValueLine: (field: Vocabulary.HeaderField, cells: Int, number: Int, start: Int, chars: Int)?
    /// The one label of the last header line that had no value on it, and the line's number:
    /// the values alone on the next line are its, in text without positions (see `takeHeader`).
    var emptyLabel: (field: Vocabulary.HeaderField, number: Int)?

    /// One value per header field, held inline (a dictionary hashed the field on every cell).
    struct HeaderSlots<Value> {
        var name, department, unit: Value

        init(empty: Value) { name = empty; department = empty; unit = empty }

        subscript(field: Vocabulary.HeaderField) -> Value {
            get {
                switch field {
                case .name: return name
                case .department: return department
                case .unit: return unit
                }
            }
            set {
                switch field {
                case .name: name = newValue
                case .department: department = newValue
                case .unit: unit = newValue
                }
            }
            // In place: with only get and set, `headerValues[key].append(c)` copied the
            // field's array for every cell (a header line of 300,000 cells never finished).
            _modify {
                switch field {
                case .name: yield &name
                case .department: yield &department
                case .unit: yield &unit
                }
            }
        }
    }

    // Funding.
    var fundingUnit: String?
    var fundingColumns: [FundingColumn] = []
    /// Where each of `fundingColumns` stands in a table with cells (the header cell's index).
    var fundingColumnCells: [Int] = []
    /// Where a column of notes stands in such a table (Sichuan's 原因): its text is no value.
    var fundingNoteCells: [Int] = []
    /// Whether the funding header, read one cell per line, names a column of notes.
    var fundingHasNotes = false
    /// The first piece of a funding header word broken over two cells (`年初` of `年初` / `预算数`).
    var fundingHeaderPiece: Cell?
    var rateInPercent = false
    /// The funding header's columns when they stand aligned with spaces (flow layout).
    var fundingGrid: ColumnGrid<FundingColumn>?
    /// The lines of a funding table read by column, until it ends.
    var fundingHeld: [HeldFundingLine] = []
    /// The lines of a funding header set over several lines none of which names three columns
    /// (`调整` / `年初预算  预算执行` / `后预  分值  得分` / `数  数  率(%)`): the lines of header
    /// words held over the header's line, and those of pieces after them, which the header's
    /// values would otherwise take (`diverted`, given back to them when no funding
    /// header is made of the lines; see `FormReader+AlignedFunding.swift`).
    var fundingHeaderBlock: [(line: TextLine, diverted: Bool)] = []
    /// Funding header words standing over the header's line (see `take`).
    var fundingHeaderAbove: TextLine?
    /// The number of the last line read, and whether a blank line stood before this one.
    var lastRead = 0, blankBefore = false
    /// The widest piece of a funding label read by column: a wrapped label's lines are as wide.
    var fundingWidestLabel = 0
    var fundingRows: [FundingRow] = []
    var fundingLabel: [Cell] = []
    var fundingValues: [Cell] = []

    // Goals.
    var goalHeader: TextLine?
    /// The line of the indicator header's cells above its main line, when it starts with the
    /// 绩效指标 label (see `startIndicators`).
    var headerAbove: TextLine?
    var goalLines: [TextLine] = []
    /// Under Sichuan's `2.项目实施内容及过程概述`: the text describes the work done, which no
    /// check reads; it is not a goal (see `take`).
    var inWorkDescription = false

    // Indicators.
    var tabular: TabularIndicatorReader?
    var flow = FlowIndicatorReader()
    var sawIndicatorHeader = false
    /// One cell per line with the empty cells kept (a `|` alone): the indicator rows are
    /// rebuilt by counting cells (see `CellRows`), and blank figures keep their places.
    var keepsEmptyCells = false
    var cellRows: CellRows?
    /// The indicator header's cells read before its 三级指标, one per line (`绩效指标(90分)`,
    /// `一级指标`, `二级指标`), for `cellRows`.
    var indicatorHeaderCells: [Cell] = []

    // Total.
    var totalNumbers: [Field<ExactDecimal>] = []
    /// The top of a 总分 figure cut around the total's line (see `take`).
    var totalFigureTop: Cell?
    var totalRange: SourceRange?
    /// The cell after the total's one figure was left empty (one cell per line, empty cells
    /// kept), or the figure stands under the 分值 column of a table: it is the 分值's and the
    /// 得分 is blank.
    var totalScoreBlank = false

    /// A reader for one form written in `layout` on source lines `first...last`.
    init(first: Int, last: Int, layout: Layout, file: String) {
        self.layout = layout
        self.form = Form(file: file, layout: layout,
                         range: SourceRange(start: SourceLocation(line: first, column: 1), end: SourceLocation(line: last, column: 1)))
        if layout == .cellPerLine || layout == .paragraph { flow.wholeCells = true }
        if layout == .paragraph { flow.labelsPrecedeRows = true }
    }

    public static func read(source: SourceText, chunk: FormChunk, file: String) -> Form {
        let scanner = CellScanner(mode: FormSplitter.scannerMode(chunk.layout))
        var reader = FormReader(first: chunk.firstLine, last: chunk.lastLine, layout: chunk.layout, file: file)
        reader.keepsEmptyCells = chunk.layout == .cellPerLine && FormSplitter.hasEmptyCellLine(source, first: chunk.firstLine, last: chunk.lastLine)
        // Each line is scanned just before it is read, into the arrays of the line before when
        // the reader has not kept it.
        var storage = LineStorage()
        // A row of a delimited layout may go on over lines (a quoted cell with line breaks);
        // in the others a row is a line.
        var n = chunk.firstLine
        // Text set in columns: the lines between blank lines are held, and read as one line
        // when they are one table row with its cells wrapped (see `WrappedRowBlock`).
        let stacks = chunk.layout == .flow && WrappedRowBlock.isSetInBorderedRows(source, first: chunk.firstLine, last: chunk.lastLine)
        var block: [TextLine] = []
        func readBlock(_ reader: inout FormReader) {
            if let one = WrappedRowBlock.merged(block) { reader.read(one) } else { for line in block { reader.read(line) } }
            block.removeAll(keepingCapacity: true)
        }
        // Text without columns: a table row's cells centred over and under its line are
        // read as one line (see `CentredRows`).
        var centred = chunk.layout == .flow && !stacks ? CentredRows() : nil
        while n <= chunk.lastLine {
            let row = scanner.scanRecord(source, line: n, through: chunk.lastLine, storage: &storage)
            if stacks {
                if row.line.isBlank || block.count == WrappedRowBlock.maxLines { readBlock(&reader) }
                if !row.line.isBlank { block.append(row.line) }
            } else if centred != nil {
                let inTable = reader.section == .header || reader.section == .funding || reader.section == .indicators || reader.section == .indicatorHeader
                centred!.take(row.line, inTable: inTable,
                              rateColumn: (reader.fundingColumns.isEmpty ? FundingColumn.templateOrder : reader.fundingColumns).firstIndex(of: .rate)) { reader.read($0) }
            } else if reader.keepsEmptyCells && row.line.isBlank && FormSplitter.isEmptyCellLine(source, line: n) {
                // A `|` or a space alone: an empty cell, which keeps the place of a blank figure.
                reader.takeEmptyCell(row.line)
            } else {
                reader.read(row.line)
            }
            n = row.last + 1
        }
        centred?.flush { reader.read($0) }
        readBlock(&reader)
        reader.finish()
        return reader.form
    }

    static let noFundingTable = Message(en: "no 项目资金 (funding) table was found", zh: "未找到项目资金表")
    static let noIndicatorRows = Message(en: "the indicator table has no rows that could be read", zh: "绩效指标表中没有可读取的行")

    public static func read(lines: [TextLine], layout: Layout, file: String) -> Form {
        let first = lines.first?.number ?? 1, last = lines.last?.number ?? first
        var reader = FormReader(first: first, last: last, layout: layout, file: file)
        for line in lines { reader.read(line) }
        reader.finish()
        return reader.form
    }

    /// Takes one line, or reports it when no section takes it.
    mutating func read(_ line: TextLine) {
        if line.isBlank { return }
        blankBefore = lastRead > 0 && line.number > lastRead + 1
        lastRead = line.number
        // Cells cut at spaces: a label spelled out a character to a cell is one cell again.
        let line = layout == .flow ? SpacedLabels.joined(line) : line
        if !take(line) { unparsed(line) }
    }

    mutating func unparsed(_ line: TextLine) {
        let text = line.text
        if PageMark.isFooter(text) { return }
        let shown = text.shortened(to: 40)
        form.issues.append(ParseIssue(kind: .unparsedRow, message: Message(
            en: "line not understood as part of the form, skipped: \(shown)",
            zh: "无法识别为自评表的一部分，已跳过：\(shown)"), range: line.range))
    }

    /// One Unicode scalar, without counting the scalars of a long text.
    static func isOneScalar(_ text: String) -> Bool { text.utf8.count <= 4 && text.scalarCount == 1 }

    /// A goals heading on a line of its own (flow layouts).
    static let goalHeaderWords = WordList(["年度", "年度总体目标", "总体目标", "年度总体目标完成情况"])
    /// The label the indicator table stands beside, as the goals' stands beside theirs
    /// (`年度绩效指标完成情况  一级` / `指标` over the header's line).
    static let indicatorSectionLabels = WordList(["年度绩效指标", "年度绩效指标完成情况", "绩效指标完成情况"])
    /// Pieces of an indicator header on lines of their own.
    static let indicatorHeaderFragments = WordList(["一级", "二级", "三级", "指标", "一级指标", "二级指标", "绩效指标"])

    /// The 绩效指标 label merged down beside the indicator table and broken over lines, one
    /// short piece a line (`绩效` / `指标`, a Word table's text one cell per line), ends the
    /// goals: those lines are the label, not the end of 实际完成情况.
    mutating func dropSectionLabelPieces() {
        var joined = ""
        var k = goalLines.count
        while k > 0, goalLines[k - 1].nonEmpty.count == 1, case let t = goalLines[k - 1].text.compacted, t.scalarCount <= 4 {
            joined = t + joined
            k -= 1
            if joined.sameBytes("绩效指标") {
                goalLines.removeLast(goalLines.count - k)
                return
            }
        }
    }

    /// A line of an indicator table read by counting cells: the header's words, then cells.
    @inline(never)
    mutating func takeCellRowLine(_ line: TextLine) {
        let cells = line.nonEmpty
        if !cellRows!.started, FormReader.isIndicatorHeaderWords(line) || FormReader.isIndicatorHeaderPiece(line)
            || cells.count == 1 && FormReader.indicatorHeaderStarts.contains(cells.key(at: 0)) {
            noteIndicatorColumns(line)
            for c in cells { cellRows!.addHeader(c) }
            return
        }
        for c in cells { takeCellRowCell(c) }
    }

    /// Sichuan's 项目基本情况 or one of its numbered items: the goals part starts or goes on.
    /// Kept out of `take`, which every line goes through.
    @inline(never)
    mutating func takeGoalSectionTitle(_ line: TextLine) -> Bool {
        let cells = line.nonEmpty
        guard cells.read(at: 0, { $0.pointee.text.utf8.count <= 64 }), let first = Vocabulary.goalSectionTitle(cells.key(at: 0)) else { return false }
        // `2.项目实施内容及过程概述` and the work described beside it or under it; otherwise titles
        // alone (with the goals' headings after them, `项目基本情况 | 1.项目年度目标完成情况 |
        // 项目年度目标 | 年度目标完成情况`, the line is the goals' header, read as one).
        var last = first
        if !Vocabulary.isWorkDescriptionTitle(first) {
            for k in 1..<cells.count {
                guard cells.read(at: k, { $0.pointee.text.utf8.count <= 64 }), let title = Vocabulary.goalSectionTitle(cells.key(at: k)) else { return false }
                last = title
            }
        }
        flushFundingRow()
        section = .goals
        inWorkDescription = Vocabulary.isWorkDescriptionTitle(last)
        return true
    }

    /// An empty cell of a table written one cell per line: a place in an indicator row, a
    /// blank funding figure, or the total's blank 得分.
    @inline(never)
    mutating func takeEmptyCell(_ line: TextLine) {
        let empty = Cell(text: "", range: SourceRange(line: line.number, column: 1, length: 0), index: 0, hasInnerSpace: false)
        switch section {
        case .indicators where cellRows?.started == true:
            takeCellRowCell(empty)
        case .funding where !layout.hasColumns && fundingGrid == nil && !(fundingLabel.isEmpty && fundingValues.isEmpty):
            fundingValues.append(empty)
        case .total where totalNumbers.count == 1:
            totalScoreBlank = true
        default:
            break
        }
    }

    /// A cell of an indicator table read by counting cells (see `CellRows`).
    mutating func takeCellRowCell(_ cell: Cell) {
        if tabular == nil { tabular = TabularIndicatorReader(header: cellRows!.headerLine(number: cell.range.start.line)) }
        if let row = cellRows!.take(cell) { tabular!.take(FormReader.withoutPlaceholders(row)) }
    }

    /// Cells of a template's placeholder row: a placeholder (`指标1：`, `……`) and nothing but
    /// placeholders, level labels and not-applicable marks (`指标1：/ / /`).
    static func isPlaceholderRow(_ cells: [Cell]) -> Bool {
        cells.containsText(where: Vocabulary.isPlaceholder)
            && cells.allTexts { Vocabulary.isPlaceholder($0) || Vocabulary.isLevelLabel($0) || FlowIndicatorReader.isBlank($0) }
    }

    /// A template's placeholder row (`指标2` or `……` and empty cells) rebuilt from cells: its
    /// placeholders are no name, so only its level labels, if any, are read.
    static func withoutPlaceholders(_ row: TextLine) -> TextLine {
        guard isPlaceholderRow(row.nonEmpty) else { return row }
        return TextLine(number: row.number, cells: row.cells.map { c in
            Vocabulary.isPlaceholder(c.text) ? Cell(text: "", range: c.range, index: c.index, hasInnerSpace: false) : c
        }, indent: row.indent)
    }

    /// Routes a line; false when nothing took it.
    mutating func take(_ line: TextLine) -> Bool {
        let cells = line.nonEmpty
        var first = cells.key(at: 0)
        // An indicator table read by counting cells: every cell up to the total is a row's
        // (a placeholder such as `指标2` or `……` holds its place), after the header's words.
        if section == .indicators, cellRows != nil, !Vocabulary.isTotalLabel(first) {
            takeCellRowLine(line)
            return true
        }
        // A page number on a line of its own (`第 2 页 共 9 页`), where a PDF dump's page broke:
        // inside a header value, or a row that goes on below it. No section takes it.
        if PageMark.isMark(line, first: first) { return true }
        // A label spaced into single characters: "总 分 100 96".
        if FormReader.isOneScalar(first), cells.count > 1, FormReader.isOneScalar(cells.text(at: 1)) { first += cells.key(at: 1) }
        // Template placeholders (指标1：, ……) are not data.
        if FormReader.isPlaceholderRow(cells) { return true }

        // Markers that move between sections.
        if section == .header || section == .funding {
            if cells.containsText(where: Vocabulary.isTitle) {
                if !readYear(line) {
                    for c in cells { if form.year.isNone, let (y, r) = FormReader.findYear(c, allowPlainYear: true) { form.year = Field(raw: c.text, value: y, range: r) } }
                }
                return true
            }
            if form.year.isNone, readYear(line), cells.count <= 2, !first.hasBytePrefix("项目名称") { return true }
            // `（2024年）` under the title: a year of its own on the line, without 度.
            if form.year.isNone, cells.count <= 2, FormReader.isBareYearLine(line) {
                // Cut at its space in a layout of spaces (`(2023 年)`): read as one cell.
                let whole = cells.count == 1 ? cells[0] : Cell(text: line.text, range: line.range, index: 0)
                if let (y, r) = FormReader.findYear(whole, allowPlainYear: true) { form.year = Field(raw: whole.text, value: y, range: r) }
                if !form.year.isNone { return true }
            }
        }
        // Sichuan's 项目基本情况 and its numbered items set over the goals (`1.项目年度目标完成情况`,
        // `2.项目实施内容及过程概述`), before the funding table: the goals part starts or goes on.
        // Every title is short, starts with 项 or an item number and holds 项目: a line of other
        // cells is not compacted.
        if section == .header || section == .funding || section == .goals, cells.count <= 3, takeGoalSectionTitle(line) { return true }
        // `附件1` / `附表2` over the title: which attachment of a report the form is.
        if section == .header, cells.count == 1, Vocabulary.isAttachmentMark(first) { return true }
        // The funding table after the goals (Sichuan's template): its label is a short cell.
        if section == .header || section == .funding || section == .goals && first.utf8.count <= 48, Vocabulary.isFundingLabel(first) {
            inWorkDescription = false
            // The label merged down beside the rows, printed on a row's line (as pdftotext -layout
            // centres it): after the header, the rest of the line is that row, or a piece of a
            // row's label wrapped over lines (`项目资金   其中：当`) in a table read by column.
            // So is the rest of a label line below a header already read, in a table with a
            // column of notes (`预算执行情况(10` beside a wrapped note that names 执行率): no
            // second header.
            if section == .funding, !layout.hasColumns, !fundingColumns.isEmpty,
               cells.containsText(where: { FundingRowKind.recognise($0) != nil })
                || fundingGrid != nil && cells.count > 1 && cells.countTexts(where: { FundingColumn.recognise($0) != nil }) == 0
                || fundingHasNotes && fundingColumns.count >= 3 && cells.count > 1 && !(fundingRows.isEmpty && fundingHeld.isEmpty) {
                return takeFunding(withoutFundingLabel(line))
            }
            // The label alone on a line between the rows of a table read by column.
            if section == .funding, fundingGrid != nil, cells.count == 1 {
                noteMoneyUnit(first)
                return true
            }
            // A funding header over several lines, none of them naming three columns: its
            // lines make the grid, and this line is the first row.
            if section == .header, fundingColumns.isEmpty, cells.count > 2, cells.containsText(where: { FundingRowKind.recognise($0) != nil }),
               alignFundingBlock() {
                section = .funding
                return takeFunding(withoutFundingLabel(line))
            }
            if !fundingHeaderBlock.isEmpty { giveBackDivertedLines() }
            section = .funding
            takeFundingHeader(line)
            return true
        }
        // The funding header after the goals with its label centred beside the rows below it
        // (Sichuan's template as pdftotext -layout prints it): the table starts at its header.
        if section == .goals, !layout.hasColumns, cells.count >= 3, cells.countTexts(where: { FundingColumn.recognise($0) != nil }) >= 3 {
            inWorkDescription = false
            section = .funding
            takeFundingHeader(line)
            return true
        }
        // Funding header words on a line of their own over the header's line, set in columns
        // (`执行率` over `分值  得分`, wrapped to `执行率` / `(%)`): kept for the header's grid.
        if section == .header, layout == .flow, cells.count <= 6, cells.allTexts(FormReader.isFundingHeaderPiece),
           cells.countTexts(where: { FundingColumn.recognise($0) != nil }) < 3,
           FormReader.isIndented(line) {
            fundingHeaderAbove = line
            fundingHeaderBlock.append((line, false))
            return true
        }
        // Pieces of header words after such a line (`后预  分值  得分`, `数  数  率(%)`).
        if section == .header, layout == .flow, !fundingHeaderBlock.isEmpty, cells.count <= 8, FormReader.isIndented(line),
           cells.allTexts(FormReader.fitsFundingHeader), cells.countTexts(where: { FundingColumn.recognise($0) != nil }) < 3 {
            fundingHeaderBlock.append((line, true))
            return true
        }
        if !fundingHeaderBlock.isEmpty { giveBackDivertedLines() }
        // A funding table without its 项目资金 label: the header words or 年度资金总额 start it.
        if section == .header, FundingRowKind.recognise(cells.text(at: 0)) == .total || cells.count >= 3 && cells.countTexts(where: { FundingColumn.recognise($0) != nil }) >= 3 {
            section = .funding
            return takeFunding(line)
        }
        if section == .funding || section == .header {
            // Goals without a 预期目标 header: the label leads the line with the texts after it.
            let goalHeaderRow = cells.containsKey(where: Vocabulary.containsPlannedGoalLabel) || FormReader.isShortGoalHeaderRow(cells)
            if layout.hasColumns, first.hasBytePrefix("年度总体目标") || first.sameBytes("总体目标") || first.hasBytePrefix("绩效目标"),
               !goalHeaderRow, cells.count >= 2 {
                flushFundingRow()
                section = .goals
                goalLines.append(line)
                return true
            }
            if goalHeaderRow {
                flushFundingRow()
                section = .goals
                goalHeader = line
                return true
            }
            // 年度 / 总体 / 目标 on lines of their own, or 年度 总体 目标 on one.
            // Not in a funding table read by column where the word is indented: there it is a
            // row's label wrapped over lines (`年度` / `资金  7.00 …` / `总额`).
            if section == .funding, !layout.hasColumns, cells.count == 1 ? FormReader.goalHeaderWords.contains(first)
                : cells.count <= 3 && first.hasBytePrefix("年度") && FormReader.goalHeaderWords.contains(line.text.compacted),
               fundingGrid == nil || !FormReader.isIndented(line) {
                flushFundingRow()
                section = .goals
                return true
            }
        }
        if section != .indicators && section != .total && section != .done && Vocabulary.isIndicatorHeader(cells) {
            startIndicators(line)
            return true
        }
        if (section == .goals || section == .funding) && !layout.hasColumns
            && (first.sameBytes("一级") || first.sameBytes("一级指标") || first.hasBytePrefix("绩效指标") || FormReader.indicatorSectionLabels.contains(first)) {
            if section == .goals { dropSectionLabelPieces() }
            section = .indicatorHeader
            if keepsEmptyCells { indicatorHeaderCells += cells }
            // Header cells set above the header's line (`绩效指标  实际完成  偏差原因分析`): the
            // grid takes them when the header's line makes one.
            if cells.count > 1 { headerAbove = line }
            return true
        }
        if section == .indicators || section == .indicatorHeader || section == .goals {
            if Vocabulary.isTotalLabel(first) {
                // The top of a 总分 figure cut at its column's edge and centred on the total's
                // line (`98.0` / `总分  100.00  优` / `0`), held with the table's lines.
                if tabular == nil { totalFigureTop = flow.takeTrailingFigure() }
                finishIndicators()
                section = .total
                _ = takeTotal(FormReader.isOneScalar(cells.text(at: 0)) && cells.count > 1 && FormReader.isOneScalar(cells.text(at: 1))
                              ? TextLine(number: line.number, cells: Array(cells.dropFirst()), indent: line.indent) : line, skipFirst: true)
                return true
            }
        }
        if Vocabulary.isGradeLabel(first) {
            takeGrade(line)
            return true
        }
        // 填报人：… 联系电话：… 填报日期：2024 年 3 月 15 日, above the form or below its total.
        if section == .header || section == .total || section == .done, Vocabulary.isSignOff(first) { return true }

        switch section {
        case .header: return takeHeader(line)
        case .funding: return takeFunding(line)
        case .goals:
            // The headings under a title that started the goals (Sichuan's `1.项目年度目标完成情况`
            // over `项目年度目标  年度目标完成情况`): the goals' header, as it is under 年度总体目标.
            if goalHeader == nil, goalLines.isEmpty, !inWorkDescription, cells.count >= 2, cells.containsKey(where: Vocabulary.containsPlannedGoalLabel),
               cells.allTexts(Vocabulary.isGoalLabel) {
                goalHeader = line
                return true
            }
            if !inWorkDescription { goalLines.append(line) }
            return true
        case .indicatorHeader:
            let t = line.text.compacted
            if FormReader.indicatorHeaderFragments.contains(t) {
                if keepsEmptyCells { indicatorHeaderCells += cells }
                return true
            }
            return false
        case .indicators:
            // Header fragments right after the header, or a header repeated after a page break.
            // A second header row in columns, each cell a heading, under one merged over them
            // (`指标值` over `年度指标值  实际完成值`): they are the columns.
            if tabular == nil && !flow.sawRow, var grid = flow.grid, grid.subdivide(with: line) {
                flow.grid = grid
                return true
            }
            // Header cells broken over lines in columns: each piece finishes the header text above it.
            if tabular == nil && !flow.sawRow, var grid = flow.grid, FormReader.finishesIndicatorHeader(line, grid), grid.extend(with: line) {
                flow.grid = grid
                return true
            }
            if tabular == nil && !flow.sawRow && (FormReader.isIndicatorHeaderWords(line) || FormReader.isIndicatorHeaderPiece(line)
                                                  || cells.count == 1 && FormReader.indicatorHeaderStarts.contains(first)) {
                noteIndicatorColumns(line)
                // The header's cells broken over lines (`年度` above `指标值`) name its columns.
                if flow.grid != nil, !flow.grid!.extend(with: line, fits: FormReader.fitsIndicatorHeader) { flow.grid = nil }
                return true
            }
            if Vocabulary.isIndicatorHeader(cells) { return true }
            // The 绩效指标 label merged down beside the table, centred on it, lands on a row's
            // line in text without columns (`绩效指标 辅助用工人数 =2(人) …`): the rest is the row.
            if tabular == nil, cells.count > 2, first.sameBytes("绩效指标") {
                flow.take(TextLine(number: line.number, cells: Array(cells.dropFirst()), indent: line.indent))
                return true
            }
            // The same label with its weight note (`绩效指标(90 分)`, `绩效指标（90 分）`, cut at its space): the rest
            // of the line, a level label centred beside the rows, goes on to the table.
            if tabular == nil, cells.count >= 2, first.hasBytePrefix("绩效指标(") || first.hasBytePrefix("绩效指标（"), first.utf8.count <= 24 {
                var rest = Array(cells.dropFirst())
                if let f = rest.first, FormReader.isWeightNoteTail(f.key) { rest.removeFirst() }
                if !rest.isEmpty { flow.take(TextLine(number: line.number, cells: rest, indent: line.indent)) }
                return true
            }
            // A second header row under merged headings (`指标值` over `年度指标值  实际完成值`)
            // names the columns under them.
            if tabular != nil, tabular!.extendHeader(with: line) { return true }
            // Mutated in place: a copy would share the reader's arrays and copy them on every row.
            if tabular != nil { tabular!.take(line) } else { flow.take(line) }
            return true
        case .total:
            if takeTotal(line, skipFirst: false) { return true }
            return isTrailingProse(line)
        case .done:
            return isTrailingProse(line)
        }
    }

    /// The usual indicator header, spaces removed: a line holding a piece of it (a header cell
    /// broken at its space, `年度 指标值`, or several, `年度 指标值 实际 完成值`) is part of it.
    static let indicatorHeaderText = "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"

    /// A line of an indicator header set in columns whose every piece stands under a header
    /// cell and goes on with its text (`值` under `年度指标`, `分析及改` under `偏差原因`).
    static func finishesIndicatorHeader(_ line: TextLine, _ grid: ColumnGrid<TabularIndicatorReader.Role>) -> Bool {
        let chunks = ColumnGrid<TabularIndicatorReader.Role>.chunks(of: line)
        guard !chunks.isEmpty, let placed = grid.place(chunks) else { return false }
        return zip(chunks, placed).allSatisfy { chunk, i in
            grid.standsUnderTitle(chunk, column: i) && fitsIndicatorHeader((grid.columns[i].title + chunk.text).compacted)
        }
    }

    /// A line of nothing but indicator header words or pieces of the last header cell.
    static func isIndicatorHeaderWords(_ line: TextLine) -> Bool {
        line.nonEmpty.allSatisfy { c in
            let key = c.key
            return ParagraphSplitter.indicatorHeaderWords.contains(key) || "偏差原因分析及改进措施".containsBytes(key)
        }
    }

    static func isIndicatorHeaderPiece(_ line: TextLine) -> Bool {
        let cells = line.nonEmpty
        // Most lines before the first row are labels or names: their first cell rules them out.
        guard cells.count <= 10, case let first = cells.key(at: 0),
              indicatorHeaderText.containsBytes(first) || first.containsBytes("偏差") || first.containsBytes("改进") else { return false }
        let t = line.text.compacted
        // Three characters at least: 指标 alone is a piece of a vertical label (成本 / 指标).
        // The last header cell, however its words are cut or mistyped (偏差原因析及 改进措施).
        return t.utf8.count >= 9 && (indicatorHeaderText.containsBytes(t) || t.containsBytes("偏差原因") || t.containsBytes("改进措施"))
    }

    /// Text after the 总分 that holds no figures (a note, a signature, a heading of the next
    /// document) is outside the table; a line with figures there is reported.
    func isTrailingProse(_ line: TextLine) -> Bool {
        line.nonEmpty.countTexts(where: CellKind.isValue) < 2
    }

    // MARK: Header

    @discardableResult
    mutating func readYear(_ line: TextLine) -> Bool {
        let cells = line.nonEmpty
        for c in cells {
            if let (year, range) = FormReader.findYear(c) {
                if form.year.isNone { form.year = Field(raw: c.text, value: year, range: range) }
                return true
            }
        }
        // `(2023` `年度)`: the year and 年度 cut apart at their space, as in a PDF dump or a
        // plain-text table of `(2023 年度)`.
        for i in cells.indices.dropLast() where cells.key(at: i + 1).hasBytePrefix("年度") {
            let joined = Cell(text: cells[i].text + " " + cells[i + 1].text, range: cells[i].range.union(cells[i + 1].range), index: cells[i].index)
            if let (year, range) = FormReader.findYear(joined) {
                if form.year.isNone { form.year = Field(raw: joined.text, value: year, range: range) }
                return true
            }
        }
        return false
    }

    /// A line that holds a year and nothing else: `（2024年）`, `(2023 年)`, `2024年`.
    static func isBareYearLine(_ line: TextLine) -> Bool {
        var t = Substring(line.text.compacted)
        guard t.utf8.count <= 16 else { return false }
        if t.hasBytePrefix("(") || t.hasBytePrefix("（") { t = t.dropFirst() }
        if t.hasByteSuffix(")") || t.hasByteSuffix("）") { t = t.dropLast() }
        if t.hasByteSuffix("度") { t = t.dropLast() }
        guard t.hasByteSuffix("年") else { return false }
        t = t.dropLast()
        return t.utf8.count == 4 && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `2023 年度`, `（2024年度）`: four digits followed by 年度 (or by 年 in a title).
    static func findYear(_ cell: Cell, allowPlainYear: Bool = false) -> (Int, SourceRange)? {
        let text = cell.text
        guard let m = YearMention.first(in: text, where: { ($0.isYearOfReport || allowPlainYear) && (1990...2100).contains($0.year) }) else { return nil }
        return (m.year, SourceRange(line: cell.range.start.line, column: m.column(in: text, startingAt: cell.range.start.column), length: 4))
    }

    mutating func takeHeader(_ line: TextLine) -> Bool {
        var took = false
        // Text set in columns (flow layout): where each label of the line starts, and for a
        // line of values alone, indented under them, which label each value stands under.
        // Positions are worked out only for such lines (a few per form).
        var spans: [(chars: Int, display: Int)]?
        func starts(_ k: Int) -> (chars: Int, display: Int) {
            if spans == nil { spans = ColumnGrid<Never>.cellSpans(of: line).map { ($0.chars.start, $0.display.start) } }
            return spans![k]
        }
        func start(_ k: Int) -> Int { starts(k).display }
        let indented = layout == .flow && FormReader.isIndented(line)
        var labels: [(field: Vocabulary.HeaderField, cell: Int)] = []
        var valueCells = 0
        // Labels of this line left without a value (flow layout).
        var empty: [Vocabulary.HeaderField] = []
        for (k, c) in line.nonEmpty.enumerated() {
            // "单位：万元" / "金额单位：元": the money unit, not part of a header value.
            let t = c.key
            if (t.hasBytePrefix("单位") || t.hasBytePrefix("金额单位")) && t.hasByteSuffix("元") && t.unicodeScalars.count <= 8 {
                fundingUnit = t.hasByteSuffix("万元") ? "万元" : "元"
                took = true
                continue
            }
            // `(盖章)` cut from its label at their space (`实施单位 (盖章)` in a PDF's text).
            if !labels.isEmpty || headerKey != nil, FormReader.isSealNote(c.text) {
                took = true
                continue
            }
            var text = c.text
            var key: Vocabulary.HeaderField?
            // Labels are short and lead the cell: only a cell that starts like one is compacted.
            let compact = Vocabulary.headerLabelStarts.matchesFirst(text) ? text.compacted : ""
            for (label, field) in Vocabulary.headerLabelList where compact.hasBytePrefix(label) {
                // "项目名称：X" in one cell.
                let rest = FormReader.dropLabel(text, label)
                if rest.isEmpty || rest.hasBytePrefix("：") || rest.hasBytePrefix(":") || compact == label {
                    key = field
                    text = rest.drop { $0 == "：" || $0 == ":" || $0 == " " }.description
                    break
                }
                // `实施单位 (盖章)`: the label with a note to seal the form beside it.
                if FormReader.isSealNote(rest) {
                    key = field
                    text = ""
                    break
                }
            }
            if let key {
                // A label with no value on its line, the line above it values alone: that value
                // is this label's, centred on its line (`上海市闵行区医疗保障局` / `主管部门  实施单位 …`
                // / `（汇总）`), not more of the value above.
                // The same for a later label of the line, when the value above stands right of
                // its start (`上海市闵行区医疗保险事` / `主管部门  X  实施单位` / `务中心`), or for the
                // line's last label in text without positions (the value above not indented).
                if text.isEmpty, layout == .flow, k + 1 == line.nonEmpty.count || FormReader.startsWithHeaderLabel(line.nonEmpty.text(at: k + 1)) {
                    empty.append(key)
                }
                if text.isEmpty, let last = lastValueLine, last.number == line.number - 1, last.field != key,
                   labels.isEmpty || layout == .flow && (last.chars + 1 >= starts(k).chars || last.start + 1 >= start(k) || last.chars == 0 && k + 1 == line.nonEmpty.count),
                   k + 1 == line.nonEmpty.count || FormReader.startsWithHeaderLabel(line.nonEmpty.text(at: k + 1)) {
                    let moved = Array(headerValues[last.field].suffix(last.cells))
                    headerValues[last.field].removeLast(last.cells)
                    for m in moved { appendHeader(key, m) }
                }
                headerKey = key
                if layout == .flow { labels.append((key, k)) }
                took = true
                if !text.isEmpty {
                    let offset = c.text.unicodeScalars.count - text.unicodeScalars.count
                    let r = SourceRange(start: SourceLocation(line: c.range.start.line, column: c.range.start.column + offset), end: c.range.end)
                    appendHeader(key, Cell(text: text, range: r, index: c.index))
                }
                continue
            }
            // A value wrapped in its column below a line of two labels or more (`主管部门 X
            // 实施单位 Y` over `（汇总）` under X and `心` under Y): the label it stands under.
            // Placed by display width (an editor's columns) or by characters (pdftotext's grid).
            if labels.isEmpty, indented, headerColumns.count >= 2,
               let column = headerColumns.last(where: { $0.start <= start(k) + 1 || $0.chars <= starts(k).chars + 1 }) {
                appendHeader(column.field, c)
                took = true
                continue
            }
            // Without positions (one space between words, pdfplumber), a label's value centred
            // on its line and wrapped over it leaves its second half alone on the next line
            // (`上海市闵行区医疗保障局（汇` / `主管部门  实施单位 X` / `总）`): the label's that had none.
            if labels.isEmpty, !indented, let label = emptyLabel, label.number == line.number - 1 {
                appendHeader(label.field, c)
                took = true
                valueCells += 1
                continue
            }
            if let key = headerKey {
                appendHeader(key, c)
                took = true
                valueCells += 1
            }
        }
        emptyLabel = labels.isEmpty ? (valueCells == line.nonEmpty.count ? emptyLabel : nil)
            : empty.count == 1 ? (empty[0], line.number) : nil
        if !labels.isEmpty { headerColumns = labels.count >= 2 ? labels.map { ($0.field, start($0.cell), starts($0.cell).chars) } : [] }
        lastValueLine = labels.isEmpty && (indented || layout == .flow && emptyLabel == nil) && valueCells == line.nonEmpty.count
            ? headerKey.map { ($0, valueCells, line.number, start(0), starts(0).chars) } : nil
        return took
    }

    /// The text after `label`, whose characters may be spaced out (`项 目 名 称：X`); compared
    /// character by character on UTF-8 bytes.
    static func dropLabel(_ text: String, _ label: String) -> String {
        text.withBytes { t in
            label.withBytes { l in
                var i = 0, j = 0
                while j < l.count, i < t.count {
                    if t[i] == 0x20 { i += 1; continue }
                    if t[i] == 0xE3, i + 2 < t.count, t[i + 1] == 0x80, t[i + 2] == 0x80 { i += 3; continue }
                    let lead = l[j]
                    let width = utf8Length(lead: lead)
                    guard i + width <= t.count, memcmpBytes(t.baseAddress! + i, l.baseAddress! + j, width) else { break }
                    i += width
                    j += width
                }
                return String(decoding: UnsafeBufferPointer(rebasing: t[i...]), as: UTF8.self).trimmingSpaces()
            }
        }
    }

    /// Whether a line of text set in columns starts indented (two spaces or more): under a
    /// column, not at the left edge where the labels stand.
    static func isIndented(_ line: TextLine) -> Bool { line.nonEmpty.read(at: 0) { $0.pointee.range.start.column } >= 3 }

    /// Whether a piece finishes or starts the usual indicator header's text, or is a piece of a
    /// header cell of some template (`指标` of `指标性质`, `度量单` of `度量单位`), spaces removed.
    static func fitsIndicatorHeader(_ t: String) -> Bool { indicatorHeaderText.containsBytes(t) || indicatorHeaderNames.contains { $0.containsBytes(t) } }

    /// Whether a text, spaces removed, is a whole indicator header cell of some template.
    static func isIndicatorHeaderName(_ t: String) -> Bool { indicatorHeaderNames.contains { $0.sameBytes(t) } }

    /// `(盖章)` after a header label (spaces, a colon allowed), which asks for the unit's seal.
    static func isSealNote(_ rest: String) -> Bool {
        guard rest.utf8.count <= 24 else { return false }
        var t = rest.compacted
        while t.hasByteSuffix("：") || t.hasByteSuffix(":") { t.removeLast() }
        return t.sameBytes("(盖章)") || t.sameBytes("（盖章）")
    }

    /// Whether a cell starts with a header label (`主管部门`, `实施单位：…`).
    static func startsWithHeaderLabel(_ text: String) -> Bool {
        guard Vocabulary.headerLabelStarts.matchesFirst(text) else { return false }
        let compact = text.compacted
        return Vocabulary.headerLabelList.contains { compact.hasBytePrefix($0.0) }
    }

    mutating func appendHeader(_ key: Vocabulary.HeaderField, _ cell: Cell) {
        // A second value cell on the same line of a tabular form is a repeat of a merged cell.
        if layout.hasColumns, headerLastLine[key] == cell.range.start.line, !headerValues[key].isEmpty { return }
        headerValues[key].append(cell)
        headerLastLine[key] = cell.range.start.line
    }

    // MARK: Funding

    mutating func takeFundingHeader(_ line: TextLine) {
        for c in line.nonEmpty {
            let t = c.key
            noteMoneyUnit(t)
            // Two headings one space apart in text without columns (`预算执行数 预算执行率`,
            // squeezed together by pdftotext): two columns, as the grid reads them.
            if !layout.hasColumns, c.hasInnerSpace, let words = FormReader.fundingHeadingsApart(c.text) {
                for w in words { addFundingColumn(w.column, heading: w.heading) }
                continue
            }
            if let col = FundingColumn.recognise(t) {
                addFundingColumn(col, heading: t)
                fundingColumnCells.append(c.index)
            } else if !fundingColumns.isEmpty, FormReader.fundingNoteHeaders.contains(t) {
                fundingNoteCells.append(c.index)
                fundingHasNotes = true
            }
        }
        if fundingColumns.count >= 3 { alignFunding(line) }
    }

    /// Whether a text holds a sentence's punctuation (`;` `；` `,` `，` `。` `、`): a note's.
    static func hasSentencePunctuation(_ t: String) -> Bool {
        t.containsBytes(";") || t.containsBytes("；") || t.containsBytes(",") || t.containsBytes("，") || t.containsBytes("。") || t.containsBytes("、")
    }

    /// The headings of a cell whose words, one space apart, each name a funding column; nil
    /// when some word names none (`全年 预算数` is one heading broken by a space).
    static func fundingHeadingsApart(_ text: String) -> [(column: FundingColumn, heading: String)]? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        var out: [(column: FundingColumn, heading: String)] = []
        for w in words {
            guard let col = FundingColumn.recognise(w) else { return nil }
            out.append((col, w))
        }
        return out
    }

    /// The money unit a funding header or label names (its text without spaces): 万元, or 元 in
    /// brackets (`项目资金 (元)`), which does not undo a 万元 seen before.
    @inline(__always)
    mutating func noteMoneyUnit(_ t: String) {
        if t.containsBytes("万元") { fundingUnit = "万元" }
        else if t.containsBytes("(元)") || t.containsBytes("（元）") || t.hasByteSuffix("元)") || t.hasByteSuffix("元）") { fundingUnit = fundingUnit ?? "元" }
    }

    /// Whether a text (spaces removed) names 万元 or 元 in brackets (`年度预算数(万元)`).
    static func namesMoneyUnitInBrackets(_ t: String) -> Bool {
        t.utf8.count <= 48 && (t.containsBytes("(万元)") || t.containsBytes("（万元）") || t.containsBytes("(元)") || t.containsBytes("（元）"))
    }

    /// A funding header word, or its start wrapped at a column's edge (`全年执行` over `数`).
    static func isFundingHeaderPiece(_ t: String) -> Bool {
        FundingColumn.recognise(t) != nil || t.utf8.count >= 6 && fundingHeaderWords.contains { $0.hasBytePrefix(t.compacted) }
    }

    static let fundingHeaderWords = ["年初预算数", "全年预算数", "全年执行数", "调整后预算数", "预算执行数", "执行率", "预算执行率"]

    /// Headings of a funding column of notes after the figures (Sichuan's 原因: why the rate
    /// fell short, how the budget was adjusted).
    static let fundingNoteHeaders = WordList(["原因", "原因分析", "偏差原因", "未完成原因", "说明", "备注", "情况说明"])

    /// Whether the 执行率 heading `t` says its figures are percentages (`执行率(%)`).
    static func namesPercent(_ t: String) -> Bool { t.containsBytes("(%)") || t.containsBytes("（%）") }

    /// Whether the first cell starts like `(万元)`, `（元）`, 项目资金, 资金投入 or 预算执行情况 (its
    /// first byte; asked of every funding line).
    static func mayStartWithFundingLabel(_ line: TextLine) -> Bool {
        guard let b = line.nonEmpty.read(at: 0, { $0.pointee.text.utf8.first }) else { return false }
        return b == 0x28 || b == 0xEF || b == 0xE9 || b == 0xE8
    }

    /// The end of a label's weight note wrapped onto a line of its own: `分)`, `10分）`.
    static func isWeightNoteTail(_ t: String) -> Bool {
        guard t.utf8.count <= 10, t.hasByteSuffix(")") || t.hasByteSuffix("）") else { return false }
        let body = t.unicodeScalars.dropLast()
        return body.last == "分" && body.dropLast().allSatisfy { ("0"..."9").contains($0) }
    }

    /// `line` without its leading 项目资金 label and money unit (`项目资金`, `(万元)`), the unit
    /// noted. Its non-empty cells only: for layouts without columns.
    mutating func withoutFundingLabel(_ line: TextLine) -> TextLine {
        var cells = line.nonEmpty
        while cells.count > 1 {
            let t = cells.key(at: 0)
            guard t.sameBytes("（万元）") || t.sameBytes("(万元)") || t.sameBytes("（元）") || t.sameBytes("(元)")
                    || Vocabulary.isFundingLabel(t) else { break }
            noteMoneyUnit(t)
            cells.removeFirst()
        }
        return cells.count == line.nonEmpty.count ? line : TextLine(number: line.number, cells: cells, indent: line.indent)
    }

    mutating func takeFunding(_ line: TextLine) -> Bool {
        // The unit of a 项目资金 label merged down beside the rows, on a row's line: `(万元) 上年结转资金 …`.
        let line = !layout.hasColumns && line.nonEmpty.count > 1 && FormReader.mayStartWithFundingLabel(line) ? withoutFundingLabel(line) : line
        let cells = line.nonEmpty
        if fundingRows.isEmpty && cells.count >= 3 && cells.countTexts(where: { FundingColumn.recognise($0) != nil }) >= 3 {
            takeFundingHeader(line)
            return true
        }
        if cells.count == 1 {
            let t = cells.key(at: 0)
            if t.sameBytes("（万元）") || t.sameBytes("(万元)") || t.sameBytes("万元") { fundingUnit = "万元"; return true }
            if t.sameBytes("（元）") || t.sameBytes("(元)") { fundingUnit = "元"; return true }
        }
        if layout.hasColumns {
            guard let labelIndex = line.cells.firstIndex(whereText: { FundingRowKind.recognise($0) != nil }) else { return false }
            let label = line.cells[labelIndex]
            var values: [Cell]
            if let under = fundingValuesUnderHeader(line.cells, after: labelIndex) {
                values = under
            } else {
                values = Array(line.cells[(labelIndex + 1)...])
                // Read in order, a row shifted against its header: the note after its figures
                // in a table with a column of notes is no value.
                if fundingHasNotes {
                    while let last = values.last, last.isEmpty || !FormReader.isFundingValue(last.text) { values.removeLast() }
                }
            }
            addFundingRow(label: [label], values: values, fallback: line.range)
            return true
        }
        if fundingGrid != nil, takeFundingByColumn(line) { return true }
        // Flow: label fragments, then values, which may run over several lines.
        for cell in cells {
            // Header words one by one (one cell per line).
            if fundingRows.isEmpty && fundingValues.isEmpty && fundingLabel.isEmpty, takeFundingHeaderCell(cell) { continue }
            // The note a row's figures are followed by, in a table with a column of notes
            // (`1.预算执行率=预算执行数/调整后预算数…`): not the next row's label. But the end of
            // the row's label wrapped under its figures beside the note (`财政专户管理资` / `金`)
            // finishes the label's last word: the label's, not dropped with the note.
            if fundingHasNotes, !fundingValues.isEmpty, !FormReader.isFundingValue(cell.text), !Piece.isUnitApart(cell.text),
               FundingRowKind.recognise(cell.text) == nil {
                if FormReader.finishesFundingLabel(fundingLabel, with: cell) { fundingLabel.append(cell) }
                continue
            }
            // A piece of that note wrapped onto a label's line: a sentence's punctuation, which
            // no row's label has (`独说明理由;3.其他资金包`, though it names 其他资金).
            if fundingHasNotes, FormReader.hasSentencePunctuation(cell.text), !FormReader.isFundingValue(cell.text) { continue }
            // A `%` or a unit in brackets spaced apart from its figure (`80.00 %`) joins it.
            if Piece.isUnitApart(cell.text), let last = fundingValues.last, Piece.lacksUnit(last.text) {
                fundingValues[fundingValues.count - 1] = last.joined(with: cell)
                continue
            }
            if FormReader.isFundingValue(cell.text) {
                if fundingLabel.isEmpty && fundingValues.isEmpty {
                    unparsed(TextLine(number: cell.range.start.line, cells: [cell], indent: 0))
                    continue
                }
                fundingValues.append(cell)
            } else {
                // A row's label after another's that took no figures (`上年结转资金` / `其他资金`,
                // their cells left blank): that one is a row of blank cells, not the start of
                // one label wrapped over two cells.
                if fundingValues.isEmpty, !fundingLabel.isEmpty, FundingRowKind.recognise(cell.text) != nil {
                    takeBlankFundingRow()
                }
                flushFundingRow()
                fundingLabel.append(cell)
            }
        }
        return true
    }

    /// A cell before the table's first row, read one by one: true when it is the header's (a
    /// column's word, the first piece of one, the labels' heading naming the unit, the notes'
    /// heading). A first piece that does not make a word with this cell starts a label.
    mutating func takeFundingHeaderCell(_ cell: Cell) -> Bool {
        // A header word broken over two cells (`年初` / `预算数`, as a web page's table wraps
        // it in its cell): the pieces make the word.
        if let piece = fundingHeaderPiece {
            fundingHeaderPiece = nil
            if let col = FundingColumn.recognise(piece.key + cell.key) {
                addFundingColumn(col, heading: cell.text)
                return true
            }
            fundingLabel.append(piece)
            return false
        }
        if let col = FundingColumn.recognise(cell.text) {
            addFundingColumn(col, heading: cell.text)
            return true
        }
        if FormReader.isFundingHeaderPiece(cell.text), cell.text.utf8.count <= 24 {
            fundingHeaderPiece = cell
            return true
        }
        let key = cell.key
        // The heading of the labels' column naming the unit (Sichuan's `年度预算数(万元)`), and
        // a column of notes after the figures (`原因`).
        if FundingRowKind.recognise(key) == nil, FormReader.namesMoneyUnitInBrackets(key) {
            noteMoneyUnit(key)
            return true
        }
        if !fundingColumns.isEmpty, FormReader.fundingNoteHeaders.contains(key) {
            fundingHasNotes = true
            return true
        }
        return false
    }

    /// A column of the funding header, and whether its heading says the rate is in percent.
    mutating func addFundingColumn(_ column: FundingColumn, heading: String) {
        fundingColumns.append(column)
        if column == .rate && FormReader.namesPercent(heading) { rateInPercent = true }
    }

    /// The label read so far as a row whose cells are all blank, when it names one.
    /// Whether a short piece (two characters at most) finishes the last word of a funding
    /// row's label that ends cut (`财政专户管理资` + `金`: 资金, 拨款, 总额).
    static func finishesFundingLabel(_ label: [Cell], with piece: Cell) -> Bool {
        guard let last = label.last, piece.text.utf8.count <= 6, piece.text.scalarCount <= 2, !isFundingValue(piece.text) else { return false }
        let joined = last.text.compacted + piece.text.compacted
        return ["资金", "拨款", "总额"].contains { joined.hasByteSuffix($0) && !last.text.compacted.hasByteSuffix($0) }
    }

    mutating func takeBlankFundingRow() {
        guard FundingRowKind.recognise(fundingLabel.map(\.text).joined()) != nil else { return }
        let label = fundingLabel
        fundingLabel.removeAll(keepingCapacity: true)
        addFundingRow(label: label, values: [], fallback: label[0].range)
    }

    /// A row's values in the header's order, taken from the cells the header's columns stand in,
    /// when every value stands in one: a label merged over two cells (`colspan="2"`) leaves an
    /// empty cell before the figures that would move each of them one column on. Nil when some
    /// value stands elsewhere (a row shifted against its header is read in order).
    func fundingValuesUnderHeader(_ cells: [Cell], after labelIndex: Int) -> [Cell]? {
        guard fundingColumnCells.count == fundingColumns.count, let first = fundingColumnCells.min(), first > labelIndex else { return nil }
        var any = false
        for i in (labelIndex + 1)..<cells.count where !cells[i].isEmpty && !fundingNoteCells.contains(i) {
            guard fundingColumnCells.contains(i) else { return nil }
            any = true
        }
        guard any else { return nil }
        return fundingColumnCells.map { i in
            i < cells.count ? cells[i] : Cell(text: "", range: cells[cells.count - 1].range, index: i, hasInnerSpace: false)
        }
    }

    mutating func flushFundingRow() {
        if !fundingHeld.isEmpty { readHeldFunding() }
        guard !fundingValues.isEmpty else { return }
        let label = fundingLabel, values = fundingValues
        fundingLabel.removeAll(keepingCapacity: true)
        fundingValues.removeAll(keepingCapacity: true)
        addFundingRow(label: label, values: values, fallback: TextLine(number: values[0].range.start.line, cells: values, indent: 0).range)
    }

    /// An amount printed with its own unit (`13.2万` in a 元 table) in the table's unit.
    static func inTableUnit(_ m: Measure, column: FundingColumn, tableUnit: String) -> Measure {
        guard column.isMoney, case .quantity(var q) = m, !q.unit.isEmpty else { return m }
        let u = q.unit.compacted
        if (u.sameBytes("万") || u.sameBytes("万元")) && tableUnit.sameBytes("元") { q.value = q.value.shifted(by: 4); q.unit = "" }
        else if u.sameBytes("元") && tableUnit.sameBytes("万元") { q.value = q.value.shifted(by: -4); q.unit = "" }
        else if u.sameBytes(tableUnit) || (u.sameBytes("万") && tableUnit.sameBytes("万元")) { q.unit = "" }
        return .quantity(q)
    }

    static func isFundingValue(_ text: String) -> Bool {
        switch Measure.parse(text) {
        case .empty: return true
        case .quantity(let q): return q.comparator == nil
        case .text: return false
        }
    }

    /// `fallback`: where to report a row without a label.
    mutating func addFundingRow(label: [Cell], values: [Cell], fallback: @autoclosure () -> SourceRange) {
        let labelText = label.map(\.text).joined()
        guard let kind = FundingRowKind.recognise(labelText), let first = label.first else {
            let r = label.first.map { $0.range } ?? fallback()
            form.issues.append(ParseIssue(kind: .unparsedRow, message: Message(
                en: "funding row \"\(labelText)\" is not one of 年度资金总额 / 当年财政拨款 / 上年结转资金 / 其他资金",
                zh: "资金行“\(labelText)”不是年度资金总额、当年财政拨款、上年结转资金或其他资金"), range: r))
            return
        }
        var columns = fundingColumns.isEmpty ? FundingColumn.templateOrder : fundingColumns
        // A part's row has no 分值 or 得分 of its own (the template merges or blanks them): in
        // text without columns or placeholders its values are the money and the rate
        // (`13.20 13.20 13.20 100.00` under a six-column header).
        if kind.isPart, !layout.hasColumns, values.count == columns.count - 2, columns.contains(.weight), columns.contains(.score),
           !values.containsText(where: \.isEmpty) {
            columns.removeAll { $0 == .weight || $0 == .score }
        }
        // Read in order one figure short: the blank stands where the figures say (see
        // `FundingRowAlignment`), not always last.
        var values = values
        if !layout.hasColumns, !kind.isPart, values.count + 1 == columns.count,
           let k = FundingRowAlignment.blankColumn(columns: columns, values: values.map { Measure.parse($0.text) }, rateInPercent: rateInPercent) {
            values.insert(Cell(text: "", range: values[min(k, values.count - 1)].range, index: values[0].index, hasInnerSpace: false), at: k)
        }
        var cells = FundingCells()
        // Each value is read through its address: `values[k]` copies the whole cell.
        values.withUnsafeBufferPointer { b in
            for (k, column) in columns.enumerated() where k < b.count {
                let v = b.baseAddress! + k
                let m = Measure.parse(v.pointee.text)
                if m.isEmpty { continue }
                if case .text = m {
                    form.issues.append(ParseIssue(kind: .badNumber, message: BadNumber.message(v.pointee.text, "\(labelText.compacted) \(column.chineseName)"), range: v.pointee.range))
                    continue
                }
                cells[column] = Field(raw: v.pointee.text, value: FormReader.inTableUnit(m, column: column, tableUnit: fundingUnit ?? "元"), range: v.pointee.range)
            }
        }
        // Placeholders for blank cells (`-`, `—`, `/`) past the header's columns hold no figure.
        let extra = values.dropFirst(columns.count).filter { !$0.isEmpty && !FlowIndicatorReader.isBlank($0.text) }
        if !extra.isEmpty {
            form.issues.append(ParseIssue(kind: .unparsedRow, message: Message(
                en: "funding row \(labelText) has more values than the header has columns; extra: \(extra.map(\.text).joined(separator: " "))",
                zh: "资金行 \(labelText) 的数值多于表头列数；多出：\(extra.map(\.text).joined(separator: " "))"), range: extra.first!.range))
        }
        let labelRange = label.dropFirst().reduce(first.range) { $0.union($1.range) }
        var value = labelText.compacted
        while value.hasByteSuffix("：") || value.hasByteSuffix(":") { value.removeLast() }
        fundingRows.append(FundingRow(kind: kind, label: Field(raw: labelText, value: value, range: labelRange), cells: cells))
    }

    // MARK: Indicators

    mutating func startIndicators(_ line: TextLine) {
        flushFundingRow()
        section = .indicators
        sawIndicatorHeader = true
        noteIndicatorColumns(line)
        if layout.hasColumns { tabular = TabularIndicatorReader(header: line) }
        if keepsEmptyCells {
            var rows = CellRows()
            for c in indicatorHeaderCells + line.nonEmpty { rows.addHeader(c) }
            cellRows = rows
        }
        // A header that stands in columns aligned with spaces: rows are read by column.
        if layout == .flow, var grid = ColumnGrid(header: line, minimumColumns: 4, role: TabularIndicatorReader.role(ofHeader:)) {
            // Header cells broken over lines and centred on the header row start above it
            // (`偏差原因` over `分析及改`): those lines went to the goals.
            while let last = goalLines.last, FormReader.isIndicatorHeaderPiece(last) || FormReader.isIndicatorHeaderWords(last) || FormReader.isIndicatorHeaderFragments(last),
                  grid.extend(with: last, above: true, fits: FormReader.fitsIndicatorHeader, whole: FormReader.isIndicatorHeaderName) {
                noteIndicatorColumns(last)
                goalLines.removeLast()
            }
            // The grid is left as it was when the line does not stand in its columns.
            if let above = headerAbove { _ = grid.extend(with: above, above: true, fits: FormReader.fitsIndicatorHeader, whole: FormReader.isIndicatorHeaderName) }
            flow.grid = grid
        }
        // Without columns (one space between words, as pdfplumber writes a PDF) the header's
        // cells broken over lines leave their first pieces on a line over it (`一级指 指标 度量单
        // 实际完 未完成原因分`): the header's, not the end of the goal text.
        if layout == .flow, flow.grid == nil {
            while let last = goalLines.last, FormReader.isIndicatorHeaderFragments(last) {
                noteIndicatorColumns(last)
                goalLines.removeLast()
            }
        }
    }

    /// A line of three pieces or more, each a piece of an indicator header cell of some template.
    static func isIndicatorHeaderFragments(_ line: TextLine) -> Bool {
        let cells = line.nonEmpty
        guard cells.count >= 3 else { return false }
        return cells.allTexts { t in
            let k = t.compacted
            return k.utf8.count >= 6 && indicatorHeaderNames.contains { $0.containsBytes(k) }
        }
    }

    /// The first pieces of 年度指标值 and 实际完成值 broken over two cells (`年度` / `指标值`), as a
    /// web page's table wraps them: after the header's 三级指标 and before the first row, a cell
    /// of its own is the header's.
    static let indicatorHeaderStarts = WordList(["年度", "实际", "年度指标", "实际完成"])

    /// Indicator header cells of the templates: the standard one's and other provinces'.
    static let indicatorHeaderNames = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "计量单位",
                                       "实际完成值", "分值", "权重", "得分", "偏差原因分析及改进措施", "未完成原因分析及改进措施"]

    mutating func finishIndicators() {
        // The last row read by counting cells, its empty cells at the end left out.
        if cellRows != nil, let row = cellRows!.flush() {
            if tabular == nil { tabular = TabularIndicatorReader(header: cellRows!.headerLine(number: row.number)) }
            tabular!.take(FormReader.withoutPlaceholders(row))
        }
        if tabular != nil {
            tabular!.finish()
        } else {
            flow.finish()
        }
    }

    // MARK: Total and grade

    mutating func takeTotal(_ line: TextLine, skipFirst: Bool) -> Bool {
        // The rest of a 总分 figure cut around the total's line: with its top, the figure its
        // place tells, 分值 left of the figure on the line (`100.0` / `合计  98.00` / `0`), 得分
        // right of it (`98.0` / `总分  100.00` / `0`).
        if !skipFirst, let top = totalFigureTop, totalNumbers.count == 1, line.nonEmpty.count == 1,
           case let rest = line.nonEmpty[0], Piece.isCutFigure(top.text, rest: rest.text),
           case .quantity(let q) = Measure.parse(top.text + rest.text) {
            let figure = Field(raw: top.text + rest.text, value: q.value, range: top.range.union(rest.range))
            if top.range.end.column <= totalNumbers[0].range.start.column {
                totalNumbers.insert(figure, at: 0)
            } else {
                totalNumbers.append(figure)
            }
            totalFigureTop = nil
            return true
        }
        var took = skipFirst
        if skipFirst { totalRange = line.nonEmpty[0].range }
        for c in line.nonEmpty.dropFirst(skipFirst ? 1 : 0) {
            let m = Measure.parse(c.text)
            if case .quantity(let q) = m, q.comparator == nil, totalNumbers.count < 2 {
                totalNumbers.append(Field(raw: c.text, value: q.value, range: c.range))
                took = true
                // A table's one figure under its 分值 (权重) column, the 得分 column left empty
                // (a form not filled in): the weights' total, not a score.
                // So is the one figure of a table none of whose rows has a 得分, in text without
                // columns: a form not filled in yet.
                if !layout.hasColumns, totalNumbers.count == 1, tabular == nil, !flow.rows.isEmpty, !flow.rows.contains(where: { $0.score != nil }) {
                    totalScoreBlank = true
                }
                if layout.hasColumns, totalNumbers.count == 1, let t = tabular, let w = t.column(.weight), c.index == w,
                   let s = t.column(.score), s != w, !line.cells.contains(where: { $0.index == s && !$0.isEmpty }) {
                    totalScoreBlank = true
                }
            } else if Vocabulary.grades.contains(c.key), form.grade.isNone {
                form.grade = Field(raw: c.text, value: c.key, range: c.range)
                took = true
            } else if !took {
                return false
            }
        }
        if totalNumbers.count >= 2 && !skipFirst && !took { section = .done }
        return took
    }

    mutating func takeGrade(_ line: TextLine) {
        let cells = line.nonEmpty
        var value = cells.dropFirst().first
        if value == nil {
            // "评分等级：优" or "评分等级：优秀" in one cell: the grade word ends it.
            let scalars = Array(cells[0].text.unicodeScalars)
            for length in [3, 2, 1] where scalars.count > length {
                let word = String(String.UnicodeScalarView(scalars.suffix(length)))
                guard Vocabulary.grades.contains(word) else { continue }
                let r = SourceRange(start: SourceLocation(line: cells[0].range.end.line, column: cells[0].range.end.column - length), end: cells[0].range.end)
                value = Cell(text: word, range: r, index: cells[0].index)
                break
            }
        }
        if let v = value { form.grade = Field(raw: v.text, value: v.text.compacted, range: v.range) }
    }

    // MARK: Finish

    mutating func finish() {
        giveBackDivertedLines()
        // A figure's top that nothing finished is reported, not dropped.
        if let top = totalFigureTop { unparsed(TextLine(number: top.range.start.line, cells: [top], indent: 0)) }
        // Header fields.
        func field(_ key: Vocabulary.HeaderField) -> Field<String>? {
            let cells = headerValues[key]
            guard let first = cells.first else { return nil }
            let joined = Piece.join(cells.map { Piece(text: $0.text, range: $0.range) }[...])!
            return Field(raw: joined.text, value: joined.text, range: first.range.union(joined.range))
        }
        form.name = field(.name)
        form.department = field(.department)
        form.implementingUnit = field(.unit)
        if form.name.isNone {
            form.issues.append(ParseIssue(kind: .missingPart, message: Message(
                en: "the form has no 项目名称 (project name)", zh: "自评表缺少项目名称"), range: form.range))
        }
        // Funding.
        flushFundingRow()
        if !fundingLabel.isEmpty && !fundingRows.isEmpty { takeBlankFundingRow() }
        if !fundingRows.isEmpty || !fundingColumns.isEmpty {
            form.funding = FundingTable(moneyUnit: fundingUnit ?? "元", columns: fundingColumns, rows: fundingRows, rateInPercent: rateInPercent)
            if !fundingLabel.isEmpty {
                let text = fundingLabel.map(\.text).joined()
                form.issues.append(ParseIssue(kind: .unparsedRow, message: Message(
                    en: "funding label \"\(text)\" has no values", zh: "资金行“\(text)”没有数值"), range: fundingLabel[0].range))
            }
        } else {
            form.issues.append(ParseIssue(kind: .missingPart, message: FormReader.noFundingTable, range: form.range))
        }
        // Goals.
        finishGoals()
        // Indicators.
        if section == .indicators { finishIndicators() }
        if let t = tabular {
            form.indicators = t.rows
            form.issues += t.issues
        } else {
            form.indicators = flow.rows
            form.issues += flow.issues
        }
        // A target or actual the export lost (`#REF!`, `1.2E+05`) would read as a word.
        // Rows are looked at in place: a copy of each row was made to ask two of its fields.
        func reportLostFigure(_ field: Field<Measure>?, _ what: String, row k: Int) {
            guard let f = field, case .text = f.value, BadNumber.isLostFigure(f.raw) else { return }
            form.issues.append(ParseIssue(kind: .badNumber, message: BadNumber.message(f.raw, "\(form.indicators[k].name.value) \(what)"), range: f.range))
        }
        for k in form.indicators.indices {
            reportLostFigure(form.indicators[k].target, "年度指标值", row: k)
            reportLostFigure(form.indicators[k].actual, "实际完成值", row: k)
        }
        if form.indicators.isEmpty {
            form.issues.append(ParseIssue(kind: .missingPart, message: sawIndicatorHeader ? FormReader.noIndicatorRows : Message(
                en: "no 绩效指标 (indicator) table was found", zh: "未找到绩效指标表"), range: form.range))
        }
        // Total.
        if let r = totalRange {
            let weight = totalNumbers.count >= 2 ? totalNumbers[0] : totalScoreBlank ? totalNumbers.first : nil
            let score = totalNumbers.count >= 2 ? totalNumbers[1] : totalScoreBlank ? nil : totalNumbers.first
            form.total = TotalRow(weight: weight, score: score, range: r)
        }
    }

    /// A goals header row with a short planned heading (`年度目标`, `绩效目标`) left of the
    /// achieved-goal heading (`实际完成情况`).
    /// (Two to four cells: the two headings, perhaps the part's label; funding rows hold more.)
    static func isShortGoalHeaderRow(_ cells: [Cell]) -> Bool {
        guard cells.count >= 2, cells.count <= 4, let p = cells.firstIndex(whereText: Vocabulary.isShortPlannedGoalHeading) else { return false }
        return cells[(p + 1)...].contains { $0.key.containsBytes("实际完成") || Vocabulary.actualGoalLabel(startingWith: $0.key) != nil }
    }

    mutating func finishGoals() {
        if layout.hasColumns, let goals = FormReader.goalsByRow(header: goalHeader, lines: goalLines) {
            form.goals = goals
            return
        }
        if layout.hasColumns {
            var plannedCol: Int?, actualCol: Int?
            if let h = goalHeader {
                for c in h.nonEmpty {
                    let t = c.key
                    if Vocabulary.containsPlannedGoalLabel(t) { plannedCol = c.index }
                    if t.containsBytes("实际完成") || Vocabulary.actualGoalLabel(startingWith: t) != nil { actualCol = c.index }
                }
            }
            var planned: [Cell] = [], actual: [Cell] = []
            for line in goalLines {
                let texts = line.nonEmpty.filter { !Vocabulary.isGoalLabel($0.text) }
                // Two texts that both stand left of the 实际完成情况 heading: a row whose merged
                // 年度总体目标 cell is missing (markdown), the plan and what was done in turn.
                if texts.count == 2, let a = actualCol, texts[1].index < a {
                    planned.append(texts[0])
                    actual.append(texts[1])
                    continue
                }
                for c in texts {
                    if let a = actualCol, c.index >= a { actual.append(c) }
                    else if plannedCol != nil, actualCol != nil { planned.append(c) }
                    else if planned.isEmpty { planned.append(c) } else { actual.append(c) }
                }
            }
            form.goals = Goals(planned: FormReader.goalField(planned.map { Piece(text: $0.text, range: $0.range) }),
                               actual: FormReader.goalField(actual.map { Piece(text: $0.text, range: $0.range) }))
            return
        }
        // Text after the planned heading on the header's line, the achieved heading on a line
        // below (goals set in rows, `年度总体目标  预期目标  确保…`): the plan's first line.
        if let h = goalHeader, let p = h.nonEmpty.firstIndex(where: { Vocabulary.containsPlannedGoalLabel($0.key) }),
           !h.nonEmpty.contains(where: { Vocabulary.actualGoalLabel(startingWith: $0.key) != nil }),
           case let rest = h.nonEmpty[(p + 1)...].filter({ !Vocabulary.isGoalLabel($0.text) }), !rest.isEmpty {
            goalLines.insert(TextLine(number: h.number, cells: rest, indent: 0), at: 0)
        }
        if layout == .flow, let h = goalHeader, let (planned, actual) = GoalSplitter.splitByColumn(header: h, lines: goalLines) {
            form.goals = Goals(planned: FormReader.goalField(planned), actual: FormReader.goalField(actual))
            return
        }
        let (planned, actual, ambiguous) = GoalSplitter.split(goalLines)
        form.goals = Goals(planned: FormReader.goalField(planned), actual: FormReader.goalField(actual))
        if ambiguous, let first = goalLines.first {
            form.issues.append(ParseIssue(kind: .ambiguous, message: Message(
                en: "could not tell where 预期目标 ends and 实际完成情况 begins; all of it was read as 预期目标",
                zh: "无法区分预期目标与实际完成情况的分界；全部按预期目标读取"), range: first.range))
        }
    }

    /// Goals set in rows, each heading at the head of its row with its text beside it
    /// (`年度总体目标 | 预期目标 | 确保…` over ` | 实际完成情况 | 完成…`), as some templates put them:
    /// the text after each heading, and the lines under it, are its. Nil unless the header
    /// holds the planned heading and a later line the achieved one.
    static func goalsByRow(header: TextLine?, lines: [TextLine]) -> Goals? {
        // Headings are short: a goal's text is not made into its key (spaces removed) to be asked.
        func isAchievedHeading(_ c: Cell) -> Bool { c.text.utf8.count <= 40 && Vocabulary.actualGoalLabel(startingWith: c.key) != nil }
        guard let header, let p = header.nonEmpty.firstIndex(where: { Vocabulary.containsPlannedGoalLabel($0.key) }),
              lines.contains(where: { $0.nonEmpty.contains(where: isAchievedHeading) }) else { return nil }
        var planned = header.nonEmpty[(p + 1)...].map { Piece(text: $0.text, range: $0.range) }, actual: [Piece] = []
        var inActual = false
        for line in lines {
            for c in line.nonEmpty {
                if isAchievedHeading(c) { inActual = true; continue }
                if Vocabulary.isGoalLabel(c.text) { continue }
                if inActual { actual.append(Piece(text: c.text, range: c.range)) } else { planned.append(Piece(text: c.text, range: c.range)) }
            }
        }
        return Goals(planned: goalField(planned), actual: goalField(actual))
    }

    /// Whether the indicator header names 指标性质 or 度量单位 columns: a row read token by token
    /// then has its operator and unit as tokens of their own.
    mutating func noteIndicatorColumns(_ line: TextLine) {
        // Only a cell with 性 (指标性质) or 单 (度量单位) can name either: the rest are not matched.
        // A header cell broken over lines names its column by a piece (`指标` over `性质`).
        // A 序号 column: a short cell, asked without scanning the others.
        if line.nonEmpty.contains(where: { $0.text.utf8.count <= 12 && $0.key.sameBytes("序号") }) { flow.serialColumn = true }
        for c in line.nonEmpty where c.text.containsCharacter(0xE6, 0x80, 0xA7) || c.text.containsCharacter(0xE5, 0x8D, 0x95) {
            let key = c.key
            if key.containsBytes("性质") { flow.natureColumn = true }
            if key.containsBytes("度量单") || key.containsBytes("计量单") || key.sameBytes("单位") { flow.unitColumn = true }
        }
    }

    static func goalField(_ pieces: [Piece]) -> Field<String>? {
        guard !pieces.isEmpty else { return nil }
        let text = pieces.map(\.text).joined()
        let range = pieces.dropFirst().reduce(pieces[0].range) { $0.union($1.range) }
        return Field(raw: text, value: text, range: range)
    }
}
