import SelfEval

/// The stated 执行率 must be 全年执行数 / 全年预算数, within the rounding of the printed figures.
struct ExecutionRate: Check {
    static let description = CheckDescription(
        id: "execution-rate",
        title: Message(en: "Execution rate differs from executed / budget", zh: "执行率与执行数/预算数不符"),
        severity: .error,
        rationale: Message(
            en: "执行率 = 全年执行数 / 全年预算数. A stated rate is wrong only when no amounts within the rounding of the printed figures give it; a gap of one unit in the last printed digit is only rounding and is reported as a note.",
            zh: "执行率 = 全年执行数 ÷ 全年预算数。只有在印刷数字的舍入范围内任何取值都得不到所列执行率时才算错误；末位相差一个单位只是舍入问题，仅作提示。"),
        triggering: [
            Example(ExampleForm.tabular(funding: [
                "年度资金总额\t100,000.00\t100,000.00\t60,000.00\t10\t80.00%\t8",
                "其中：当年财政拨款\t100,000.00\t100,000.00\t60,000.00\t—",
                "上年结转资金\t0.00\t0.00\t\t—",
                "其他资金\t0.00\t0.00\t\t—",
            ], total: "100\t98"), row: "年度资金总额"),
            // Rounding only (98.834% printed as 98.84%): a note.
            Example(ExampleForm.tabular(funding: [
                "年度资金总额\t479,592.00\t479,592.00\t474,000\t10\t98.84%\t9.88",
                "其中：当年财政拨款\t479592\t479592\t474000\t—",
                "上年结转资金\t0\t0\t\t—",
                "其他资金\t0\t0\t\t—",
            ], total: "100\t99.88"), row: "年度资金总额"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            // 万元 with two decimals: 4.56 / 4.86 is 93.83% or 93.82% depending on the hidden digits.
            Example(ExampleForm.tabular(moneyUnit: "万元", funding: [
                "年度资金总额\t7.00\t4.86\t4.56\t10\t93.82%\t9.38",
                "其中：当年财政拨款\t7.00\t4.86\t4.56\t—",
                "上年结转资金\t0.00\t0.00\t0.00\t—",
                "其他资金\t0.00\t0.00\t0.00\t—",
            ], total: "100\t99.38")),
            // A rate printed as a fraction.
            Example(ExampleForm.tabular(funding: [
                "年度资金总额\t1,000.00\t1,000.00\t958.00\t10\t0.958\t9.58",
                "其中：当年财政拨款\t1,000.00\t1,000.00\t958.00\t—",
                "上年结转资金\t0.00\t0.00\t\t—",
                "其他资金\t0.00\t0.00\t\t—",
            ], total: "100\t99.58")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        guard let table = form.funding else { return }
        for row in table.rows {
            guard let rateCell = row.cells[.rate], let rate = table.ratePercent(rateCell),
                  let executed = row.number(.executed), let (budgetColumn, budget) = table.budget(of: row) else { continue }
            if budget.isZero || budget.isNegative { continue }
            let hundred = ExactDecimal(100)
            let e = executed, he = executed.halfUnit, b = budget, hb = budget.halfUnit, r = rate, hr = rate.halfUnit
            // Possible true rates: [(e - he) / (b + hb), (e + he) / (b - hb)] × 100 against [r - hr, r + hr].
            let lowFits = ((e - he) * hundred).compare((r + hr) * (b + hb)) <= 0
            let highFits = (b - hb).isNegative || (b - hb).isZero || ((e + he) * hundred).compare((r - hr) * (b - hb)) >= 0
            if lowFits && highFits { continue }
            guard let computed = (executed * hundred).divided(by: budget, scale: rate.scale) else { continue }
            let gap = (computed - rate).magnitude
            let oneUnit = ExactDecimal(significand: 1, scale: rate.scale)
            let roundingOnly = gap.compare(oneUnit) <= 0
            let exact = (executed * hundred).divided(by: budget, scale: max(rate.scale + 2, 4)) ?? computed
            report.add(Self.message(row.label.value, rateCell.raw, rate, computed, roundingOnly), at: rateCell.range, row: row.label.value,
                       notes: [Self.arithmetic(executed, budget, budgetColumn, exact, table.moneyUnit), Self.rule],
                       values: [rate.description, executed.description, budget.description], severity: roundingOnly ? .note : nil)
        }
    }

    private static func message(_ row: String, _ raw: String, _ rate: ExactDecimal, _ computed: ExactDecimal, _ rounding: Bool) -> Message {
        rounding
            ? Message(en: "\(row) 执行率 \(raw) is off by one unit in the last digit: the amounts give \(computed)% (rounding)",
                      zh: "\(row) 执行率 \(raw) 末位相差一个单位：按金额计算为 \(computed)%（舍入差异）")
            : Message(en: "\(row) 执行率 \(raw) ≠ 全年执行数 / 全年预算数 = \(computed)%",
                      zh: "\(row) 执行率 \(raw) ≠ 全年执行数 ÷ 全年预算数 = \(computed)%")
    }

    private static func arithmetic(_ e: ExactDecimal, _ b: ExactDecimal, _ column: FundingColumn, _ exact: ExactDecimal, _ unit: String) -> Message {
        let text = "\(FundingColumn.executed.chineseName) \(e.format(grouping: true)) / \(column.chineseName) \(b.format(grouping: true)) = \(exact)% (\(unit))"
        return Message(en: text, zh: text)
    }

    private static let rule = Message(en: "rule: 执行率 = 全年执行数 / 全年预算数, allowing for the rounding of every printed figure",
                                      zh: "规则：执行率 = 全年执行数 ÷ 全年预算数（允许各印刷数字的舍入误差）")
}
