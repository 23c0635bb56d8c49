/// Where the blank cell of a funding row one figure short stands, in text without columns.
///
/// Typed without its empty cells, `年度资金总额: 880 880 880 10 10` under the six columns
/// 年初预算数 全年预算数 全年执行数 分值 执行率 得分 has lost one of them, and reading in order puts
/// the blank last: 执行率 10 against 880 / 880, 得分 blank. The figures say which cell was
/// blank: only with 执行率 blank does every figure fit its column (分值 10, 得分 10). So a total
/// row read in order whose figures do not fit their columns is read with the one blank that
/// makes them fit, when exactly one does (or only budgets could be the blank: the first);
/// otherwise it is read in order and the checks report what does not fit.
enum FundingRowAlignment {
    /// The index in `columns` of the cell to leave blank, or nil to read `values` in order.
    /// `values` has one figure fewer than `columns`.
    static func blankColumn(columns: [FundingColumn], values: [Measure], rateInPercent: Bool) -> Int? {
        guard values.count + 1 == columns.count, values.count >= 3 else { return nil }
        if fits(columns: columns, values: values, blank: columns.count - 1, rateInPercent: rateInPercent) { return nil }
        let fitting = (0..<(columns.count - 1)).filter { fits(columns: columns, values: values, blank: $0, rateInPercent: rateInPercent) }
        if fitting.count == 1 { return fitting[0] }
        // Several money columns that could be the blank one (年初预算数 or 全年预算数 when both
        // budgets are the rate's base): the first, 年初预算数, which a project funded during the
        // year leaves blank.
        if fitting.count > 1, fitting.allSatisfy({ columns[$0].isMoney }) { return fitting[0] }
        return nil
    }

    /// Whether each figure fits the column it falls in with column `blank` left empty: money
    /// and scores are plain figures, the budget's 分值 at most 50 (templates give it 10 or 20 of
    /// the 100), 得分 at most 分值, and the 执行率 within a point of 执行数 / 预算数.
    static let maxWeight = ExactDecimal(50)

    static func fits(columns: [FundingColumn], values: [Measure], blank: Int, rateInPercent: Bool) -> Bool {
        var cells: [FundingColumn: Quantity] = [:]
        var v = 0
        for (k, column) in columns.enumerated() where k != blank {
            guard case .quantity(let q) = values[v], q.comparator == nil else { return false }
            v += 1
            if column != .rate && !q.unit.isEmpty { return false }
            cells[column] = q
        }
        let hundred = ExactDecimal(100)
        if let w = cells[.weight], w.value.isNegative || w.value.isZero || w.value.compare(maxWeight) > 0 { return false }
        if let s = cells[.score] {
            if s.value.isNegative || s.value.compare(cells[.weight]?.value ?? hundred) > 0 { return false }
        }
        if let r = cells[.rate], let e = cells[.executed]?.value,
           let b = cells[.fullYearBudget]?.value ?? cells[.initialBudget]?.value, !b.isZero, !b.isNegative {
            guard let computed = (e * hundred).divided(by: b, scale: 2) else { return true }
            let percent = r.isPercent || rateInPercent || r.value.compare(ExactDecimal(1)) > 0 ? r.value : r.value.shifted(by: 2)
            if (percent - computed).magnitude.compare(ExactDecimal(1)) > 0 { return false }
        }
        return true
    }
}
