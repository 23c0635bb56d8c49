/// Settings of a run: which checks, their severities, and every threshold.
public struct Configuration: Sendable {
    /// Checks to run; nil means every check that is not opt-in.
    public var enabled: Set<String>?
    public var disabled: Set<String> = []
    public var severityOverrides: [String: Severity] = [:]
    /// Planned and actual goal texts at least this similar (0...1) are reported as duplicated.
    public var goalSimilarity: Double = 0.9
    /// The total of all weights when the form does not state one.
    public var expectedWeightTotal = ExactDecimal(100)
    /// Words in a deviation analysis that admit a shortfall.
    public var shortfallWords: [String] = ["未完成", "未达到", "未达成", "未达标", "没有完成", "没有达到", "未能", "尚未", "不足", "低于目标", "差距"]

    public init() {}

    public func isEnabled(_ description: CheckDescription) -> Bool {
        if disabled.contains(description.id) { return false }
        if let enabled { return enabled.contains(description.id) }
        return !description.isOptIn
    }

    public func severity(of description: CheckDescription) -> Severity {
        severityOverrides[description.id] ?? description.severity
    }
}
