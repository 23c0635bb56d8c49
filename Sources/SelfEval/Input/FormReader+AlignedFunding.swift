/// The funding table of a flow layout when its header stands in columns aligned with spaces
/// (`pdftotext -layout`; see `ColumnGrid`): each value is the cell of the header column it
/// stands under, so an empty 分值 does not move 执行率 into its place.
///
/// Labels and their pieces are read as in any flow table. A line whose pieces do not stand in
/// the header's columns (a label under a figure's column, two figures under one) ends reading
/// by column: it and the lines after it are read as flow lines.
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
            if let column = grid.columns[i].role {
                guard let k = fundingColumns.firstIndex(of: column), values[k] == nil,
                      FundingRowKind.recognise(chunk.text) == nil else { fundingGrid = nil; return false }
                values[k] = cell
            } else {
                guard !FormReader.isFundingValue(chunk.text) else { fundingGrid = nil; return false }
                label.append(cell)
            }
        }
        // Label pieces before a row's values join its label; after them they start the next row.
        if !label.isEmpty {
            if !fundingValues.isEmpty { flushFundingRow() }
            fundingLabel += label
        }
        if values.contains(where: { $0 != nil }) {
            if !fundingValues.isEmpty { flushFundingRow() }
            fundingValues = values.map { $0 ?? Cell(text: "", range: SourceRange(line: line.number, column: 1, length: 0), index: 0) }
        }
        return true
    }
}
