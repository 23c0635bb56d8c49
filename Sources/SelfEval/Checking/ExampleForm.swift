/// Builds small, complete form texts for check examples and tests, in the tabular layout.
///
/// Each indicator row is given as its cells after the row's leading empty cell:
/// `一级\t二级\t三级\t目标\t实际\t分值\t得分\t偏差`.
public enum ExampleForm {
    public static let defaultRows = [
        "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t30\t30",
        "\t质量指标\t检查合格率\t≥95%\t98%\t20\t20",
        "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
        "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
    ]

    /// The default rows with some replaced, by index: an example shows only what it changes.
    public static func rows(replacing changes: [Int: String]) -> [String] {
        var rows = defaultRows
        for (i, row) in changes { rows[i] = row }
        return rows
    }

    public static let defaultFunding = [
        "年度资金总额\t100,000.00\t100,000.00\t100,000.00\t10\t100.00%\t10",
        "其中：当年财政拨款\t100,000.00\t100,000.00\t100,000.00\t—",
        "上年结转资金\t0.00\t0.00\t\t—",
        "其他资金\t0.00\t0.00\t\t—",
    ]

    public static func tabular(name: String = "示例项目", year: Int = 2023, moneyUnit: String = "元",
                               funding: [String] = defaultFunding,
                               planned: String = "完成全年检查任务，提升群众对政策的知晓度。",
                               actual: String = "全年开展检查12次，覆盖全部定点机构，群众满意度98%。",
                               rows: [String] = defaultRows, total: String = "100\t100", grade: String? = nil) -> String {
        var lines = [
            "财政项目支出绩效自评表",
            "(\(year) 年度)",
            "项目名称\t\(name)",
            "主管部门\t示例主管部门\t\t\t实施单位\t示例实施单位",
            "项目资金 (\(moneyUnit))\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        ]
        lines += funding.map { "\t" + $0 }
        lines.append("年度总体目标\t预期目标\t\t\t实际完成情况")
        lines.append("\t\(planned)\t\t\t\(actual)")
        lines.append("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施")
        lines += rows.map { "\t" + $0 }
        lines.append("总分\t\t\t\t\t\t\(total)")
        if let grade { lines.append("评分等级\t\(grade)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
