/// One row of the performance indicator table (绩效指标).
public struct IndicatorRow: Sendable, Hashable {
    /// 一级指标, filled down from the merged cell above.
    public var level1: String?
    /// The weight printed with the row's 一级 label (`产出指标(50分)`, or a `(50分)` standing for a
    /// label that was lost), shared by the rows of its group: the same field, the same range.
    public var level1Weight: Field<ExactDecimal>?
    /// 二级指标, filled down from the merged cell above.
    public var level2: String?
    /// 三级指标: the indicator's own name.
    public var name: Field<String>
    /// 年度指标值.
    public var target: Field<Measure>?
    /// 实际完成值.
    public var actual: Field<Measure>?
    /// 分值 / 权重.
    public var weight: Field<ExactDecimal>?
    /// 得分.
    public var score: Field<ExactDecimal>?
    /// 偏差原因分析及改进措施.
    public var deviation: Field<String>?
    /// The whole row as it stands in the source.
    public var range: SourceRange

    public init(level1: String?, level2: String?, name: Field<String>, target: Field<Measure>?, actual: Field<Measure>?,
                weight: Field<ExactDecimal>?, score: Field<ExactDecimal>?, deviation: Field<String>?, range: SourceRange,
                level1Weight: Field<ExactDecimal>? = nil) {
        self.level1 = level1
        self.level1Weight = level1Weight
        self.level2 = level2
        self.name = name
        self.target = target
        self.actual = actual
        self.weight = weight
        self.score = score
        self.deviation = deviation
        self.range = range
    }

    /// The deviation text, empty when none was written.
    public var deviationText: String { deviation?.value ?? "" }

    /// Whether the deviation column analyses anything: it is not empty and does not say
    /// nothing (`无`, `/`, `无偏差`, see `saysNothing`).
    public var hasAnalysis: Bool {
        let written = deviationText.compacted
        return !written.isEmpty && !IndicatorRow.saysNothing(written)
    }

    /// What the deviation column holds when it says nothing: a dash, a slash, 无 (none),
    /// 无偏差 (no deviation, beside a deduction).
    static let emptyAnswers: Set<String> = ["无", "/", "／", "—", "——", "-", "－", "无。", "暂无", "无偏差", "无偏差。", "没有", "不涉及", "不适用", "/。"]

    /// Whether `compacted` (a deviation text without spaces) is one of `emptyAnswers`.
    public static func saysNothing(_ compacted: String) -> Bool { compacted.utf8.count <= 12 && emptyAnswers.contains(compacted) }
}
