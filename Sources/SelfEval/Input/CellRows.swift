/// Rebuilds the rows of an indicator table written one cell per line with its empty cells kept,
/// as a web page's table copied out gives it: each cell on a line ending in ` |`, an empty one
/// a `|` alone (below, lines are separated by `/`), or each cell a paragraph, an empty one a
/// paragraph of a space.
///
/// ```
/// 一级指标 | / 二级指标 | / 三级指标 | / 指标性质 | / 指标值 | / 度量单位 | / 完成值 | / 权重 | / 得分 | / 未完成原因分析 |
/// 产出指标 | / 数量指标 | / 发放覆盖率 | / = | / 100 | / % | / | / 60 | / | / |
/// ```
///
/// (完成值, 得分 and the analysis of that row were left empty.)
///
/// A cell merged down over the rows below it (the 一级 and 二级 labels) is written once, in its
/// first row; every other row has one cell per column from 三级指标 on, empty or not. So a row
/// is its leading level labels, then exactly as many cells as the header has columns from
/// 三级指标 on, and each row comes out as a tabular line aligned with the header, the missing
/// labels left empty for the tabular reader to fill down. An empty cell so keeps its place: a
/// blank 完成值 or 得分 is reported as missing instead of moving the cells after it.
struct CellRows {
    /// The header's cells in order (a label merged down beside the table, `绩效指标(90分)`,
    /// included: it stands in the header row as in a tabular one).
    private(set) var header: [Cell] = []
    /// The leading level labels of the row being read, and its cells from 三级指标 on.
    private var levels: [Cell] = []
    private var data: [Cell] = []
    /// Whether a row's cell has been read: the header is complete.
    private(set) var started = false
    /// A row completed by a cell taken before the one in hand (a label piece that was not one).
    private var pendingRow: TextLine?
    /// The first piece of a level label wrapped into two cells.
    private var labelPiece: Cell?
    /// Where 一级指标, 二级指标 and 三级指标 stand in the header, and how many cells a row has
    /// from 三级指标 on: worked out when the first row's cell comes.
    private var columns: (level1: Int?, level2: Int?, name: Int?) = (nil, nil, nil)
    private var dataWidth = 1

    /// Adds a header cell; a piece that finishes the cell before it (`年度` / `指标值`, as a
    /// web page's table wraps a header cell into two paragraphs) joins it.
    mutating func addHeader(_ cell: Cell) {
        if let last = header.last, TabularIndicatorReader.role(ofHeader: last.key) == nil, FormReader.isIndicatorHeaderName(last.key + cell.key) {
            header[header.count - 1] = last.joined(with: cell)
            return
        }
        header.append(cell)
    }

    /// The header as one tabular line, each cell at its position.
    func headerLine(number: Int) -> TextLine {
        TextLine(number: number, cells: header.enumerated().map { k, c in Cell(text: c.text, range: c.range, index: k) }, indent: 0)
    }

    /// The header's columns, once it is complete.
    private mutating func placeColumns() {
        var l1: Int?, l2: Int?, name: Int?
        for (k, c) in header.enumerated() {
            switch TabularIndicatorReader.role(ofHeader: c.key) {
            case .level1?: l1 = l1 ?? k
            case .level2?: l2 = l2 ?? k
            case .name?: name = name ?? k
            default: break
            }
        }
        columns = (l1, l2, name)
        dataWidth = name.map { header.count - $0 } ?? max(1, header.count)
    }

    /// Takes one cell (empty for a `|` alone); a whole row when this cell completes one.
    mutating func take(_ cell: Cell) -> TextLine? {
        if !started {
            started = true
            placeColumns()
        }
        // A level label wrapped in its cell into two paragraphs (`经济效益` / `指标`, `满意度` /
        // `指标`): the first piece waits for the second.
        if let piece = labelPiece {
            labelPiece = nil
            if cell.key.sameBytes("指标") {
                levels.append(piece.joined(with: cell))
                return nil
            }
            if let row = takeCell(piece) { pendingRow = row }
        }
        if data.isEmpty, !cell.isEmpty, levels.count < 2, cell.text.utf8.count <= 24, !cell.key.hasByteSuffix("指标"),
           Vocabulary.isLevelLabel(cell.key + "指标") {
            labelPiece = cell
            return takeRow()
        }
        if let row = takeCell(cell) { pendingRow = row }
        return takeRow()
    }

    private mutating func takeRow() -> TextLine? {
        defer { pendingRow = nil }
        return pendingRow
    }

    private mutating func takeCell(_ cell: Cell) -> TextLine? {
        // Level labels lead a row, before its first cell from 三级指标 on: a 一级 one and a 二级
        // one after it, or either alone (a row named like a label, 服务对象满意度 after
        // 服务对象满意度指标, keeps its name).
        if data.isEmpty, !cell.isEmpty, Vocabulary.isLevelLabel(cell.text),
           levels.isEmpty || levels.count == 1 && Vocabulary.isLevel1(levels[0].text) && Vocabulary.isLevel2(cell.text) {
            levels.append(cell)
            return nil
        }
        // Empty cells between rows (a row's trailing cells after the count) are not a row's.
        if data.isEmpty && levels.isEmpty && cell.isEmpty { return nil }
        data.append(cell)
        return data.count == dataWidth ? flush() : nil
    }

    /// The row read so far, as a tabular line; nil when there is none. A row cut short (the
    /// table's last, its empty cells left out) comes out with the cells it has.
    mutating func flush() -> TextLine? {
        if let piece = labelPiece {
            labelPiece = nil
            if let row = takeCell(piece) { return row }
        }
        guard !data.isEmpty || !levels.isEmpty else { return nil }
        let line = (levels.first ?? data[0]).range.start.line
        let cols = columns
        let width = max(header.count, (cols.name ?? 0) + data.count)
        let filler = (data.first ?? levels[0]).range
        var cells = (0..<width).map { Cell(text: "", range: filler, index: $0, hasInnerSpace: false) }
        func put(_ c: Cell, at k: Int?) {
            guard let k, k < width else { return }
            cells[k] = Cell(text: c.text, range: c.range, index: k, hasInnerSpace: c.hasInnerSpace)
        }
        if levels.count == 2 {
            put(levels[0], at: cols.level1)
            put(levels[1], at: cols.level2)
        } else if levels.count == 1 {
            // A label alone is the 二级 one unless it can only be a 一级 (成本指标 is both: the
            // 二级 under 产出指标 in the templates since 2021).
            let l = Vocabulary.levels(levels[0].text)
            put(levels[0], at: l.level2 ? cols.level2 : cols.level1)
        }
        let start = cols.name ?? 0
        for (k, c) in data.enumerated() { put(c, at: start + k) }
        levels.removeAll()
        data.removeAll()
        return TextLine(number: line, cells: cells, indent: 0)
    }
}
