/// The funding table of a flow layout when its header stands in columns aligned with spaces
/// (`pdftotext -layout`; see `ColumnGrid`): each value is the cell of the header column it
/// stands under, so an empty 分值 does not move 执行率 into its place.
///
/// Before the first row, a line of pieces under the header's words goes on with them (`年初预算`
/// over `数`). A row's label joins the pieces above its figures, and those below while the label
/// fills its column (`其中：当年财政拨` over `款`). A line whose pieces do not stand in the
/// header's columns (a label under a figure's column, two figures under one) ends reading by
/// column: it and the lines after it are read as flow lines.
extension FormReader {
    /// Reads the funding table by column from here on when `header` stands in aligned columns.
    mutating func alignFunding(_ header: TextLine) {
        guard layout == .flow else { return }
        fundingGrid = ColumnGrid(header: header, minimumColumns: 3, role: FundingColumn.recognise)
    }

    /// Reads a funding line by column; false when the table is not (or no longer) read so.
    mutating func takeFundingByColumn(_ line: TextLine) -> Bool {
        guard fundingGrid != nil else { return false }
        let chunks = ColumnGrid<FundingColumn>.chunks(of: line)
        fundingGrid!.settle(chunks)
        let grid = fundingGrid!
        guard let placed = grid.place(chunks) else { fundingGrid = nil; return false }
        var label: [Cell] = []
        var values = [Cell?](repeating: nil, count: fundingColumns.count)
        for (chunk, i) in zip(chunks, placed) {
            let cell = Cell(text: chunk.text, range: chunk.range, index: i)
            // Text left of the figures' columns is a row's label, however far it reaches.
            if !FormReader.isFundingValue(chunk.text), grid.standsBeforeNamedColumns(chunk) {
                label.append(cell)
            } else if let column = grid.columns[i].role {
                guard let k = fundingColumns.firstIndex(of: column), values[k] == nil,
                      FundingRowKind.recognise(chunk.text) == nil else { fundingGrid = nil; return false }
                values[k] = cell
            } else {
                guard !FormReader.isFundingValue(chunk.text) else { fundingGrid = nil; return false }
                label.append(cell)
            }
        }
        let hasValues = values.contains { $0 != nil }
        // The header broken over lines (`项目资金 (万元` above `)`, `年初预算` above `数`), before
        // any row: no figures, each piece under its column's header text.
        if fundingRows.isEmpty, fundingValues.isEmpty, fundingLabel.isEmpty,
           !chunks.contains(where: { FormReader.isFundingValue($0.text) }),
           zip(chunks, placed).allSatisfy({ grid.standsUnderTitle($0, column: $1) }), fundingGrid!.extend(with: line) {
            // The columns named again from the whole header (`全年执行` + `数`).
            fundingColumns = []
            for column in fundingGrid!.columns {
                let title = column.title.compacted
                noteMoneyUnit(title)
                guard let role = column.role, !fundingColumns.contains(role) else { continue }
                fundingColumns.append(role)
                if role == .rate && FormReader.namesPercent(title) { rateInPercent = true }
            }
            return true
        }
        // Label pieces before a row's values join its label. After them they start the next
        // row's label, unless the label wrapped and goes on: its last piece fills its column.
        if !label.isEmpty {
            if !fundingValues.isEmpty {
                let goesOn = !hasValues && (fundingLabel.last.map { DisplayWidth.of($0.text) >= fundingWidestLabel - 2 } ?? false)
                if !goesOn { flushFundingRow() }
            }
            fundingLabel += label
            for c in label { fundingWidestLabel = max(fundingWidestLabel, DisplayWidth.of(c.text)) }
        }
        if hasValues {
            if !fundingValues.isEmpty { flushFundingRow() }
            fundingValues = values.map { $0 ?? Cell(text: "", range: SourceRange(line: line.number, column: 1, length: 0), index: 0) }
        }
        return true
    }
}
