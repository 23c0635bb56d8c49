import SelfEval

/// 年度资金总额 must equal the sum of its parts (当年财政拨款 + 上年结转资金 + 其他资金) in
/// every money column, beyond the rounding of the printed figures.
struct FundingBreakdown: Check {
    static let description = CheckDescription(
        id: "funding-breakdown",
        title: Message(en: "Funding total differs from its parts", zh: "年度资金总额与分项之和不符"),
        severity: .error,
        rationale: Message(
            en: "The 年度资金总额 row is by definition the sum of 当年财政拨款, 上年结转资金 and 其他资金 in each money column (年初预算数, 全年预算数, 全年执行数).",
            zh: "年度资金总额在年初预算数、全年预算数、全年执行数各列均应等于当年财政拨款、上年结转资金与其他资金之和。"),
        triggering: [
            Example(ExampleForm.tabular(funding: [
                "年度资金总额\t448,000.00\t488,000.00\t390,400\t10\t80.00%\t8",
                "其中：当年财政拨款\t488000.00\t488000.00\t390400\t—",
                "上年结转资金\t0.00\t0.00\t\t—",
                "其他资金\t0.00\t0.00\t\t—",
            ]), row: "年度资金总额"),
            Example(ExampleForm.tabular(moneyUnit: "万元", funding: [
                "年度资金总额\t13.20\t13.20\t13.20\t10\t100.00%\t10",
                "其中：当年财政拨款\t12.00\t12.00\t12.00\t—",
                "上年结转资金\t0.20\t0.20\t0.20\t—",
                "其他资金\t0.00\t0.00\t0.00\t—",
            ]), row: "年度资金总额"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            // 万元 with two decimals: parts that round to the printed total are fine.
            Example(ExampleForm.tabular(moneyUnit: "万元", funding: [
                "年度资金总额\t13.21\t13.21\t13.21\t10\t100.00%\t10",
                "其中：当年财政拨款\t13.2\t13.2\t13.2\t—",
                "上年结转资金\t0.00\t0.00\t0.00\t—",
                "其他资金\t0.00\t0.00\t0.00\t—",
            ])),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        guard let table = form.funding, let total = table.total else { return }
        let parts = table.parts
        guard !parts.isEmpty else { return }
        for column in FundingColumn.allCases where column.isMoney {
            guard let totalCell = total.cells[column], let totalValue = total.number(column) else { continue }
            var sum = ExactDecimal.zero
            var tolerance = totalValue.halfUnit
            var any = false
            for part in parts {
                if let v = part.number(column) {
                    sum = sum + v
                    tolerance = tolerance + v.halfUnit
                    any = true
                }
            }
            guard any else { continue }
            let diff = (totalValue - sum).magnitude
            if diff.compare(tolerance) > 0 {
                let terms = parts.map { part in
                    part.number(column).map { "\(part.label.value) \($0.format(grouping: true))" } ?? "\(part.label.value) (blank)"
                }
                let scale = max(totalValue.scale, sum.scale)
                report.add(Self.message(column, totalValue, sum, scale, table.moneyUnit), at: totalCell.range, row: total.label.value,
                           notes: [Self.arithmetic(terms, sum, scale), Self.rule],
                           values: [column.rawValue, totalValue.description, sum.description])
            }
        }
    }

    private static func message(_ column: FundingColumn, _ total: ExactDecimal, _ sum: ExactDecimal, _ scale: Int, _ unit: String) -> Message {
        let t = total.format(grouping: true, scale: scale), s = sum.format(grouping: true, scale: scale)
        return Message(en: "年度资金总额 \(column.chineseName) \(t) ≠ sum of its parts \(s) (\(unit))",
                       zh: "年度资金总额 \(column.chineseName) \(t) ≠ 分项之和 \(s)（\(unit)）")
    }

    private static func arithmetic(_ terms: [String], _ sum: ExactDecimal, _ scale: Int) -> Message {
        let expr = terms.joined(separator: " + ") + " = " + sum.format(grouping: true, scale: scale)
        return Message(en: expr, zh: expr)
    }

    private static let rule = Message(en: "rule: 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, within the rounding of the printed figures",
                                      zh: "规则：年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金（允许印刷数字的舍入误差）")
}
