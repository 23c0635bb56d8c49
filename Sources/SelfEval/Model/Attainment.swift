/// Whether an actual value meets its target, by the scoring rules of 财预〔2020〕10号.
public enum Attainment: Sendable, Hashable {
    /// Met (for ≥/= targets: actual ≥ target; for ≤/<: actual within the limit).
    case met
    /// More than an = target, or by far more than a ≥/> target (at least the overshoot ratio).
    case exceeded
    /// Partly achieved (qualitative: 基本, 部分, 较, 逐步, 初步).
    case partial
    /// Missed.
    case missed
    /// Cannot be told: no actual, different units, an actual with an operator, free text.
    case unknown

    public var isMissedOrPartial: Bool { self == .missed || self == .partial }
}

/// Compares targets and actuals, with units made to agree where that is safe.
public enum TargetEvaluation {
    /// Verdict words that say the target was achieved.
    public static let metWords = ["达成指标", "达成预期指标", "达成", "完成", "已完成", "达到", "达标", "是", "有", "及时", "合格", "符合", "满意"]
    /// Words that say it was not.
    public static let missedWords = ["未达成", "未完成", "未达到", "未达标", "没有完成", "没有达到", "不及时", "不合格", "不符合", "不满意"]
    /// Whole-cell verdicts that say it was not.
    public static let missedVerdicts = ["否", "无", "未", "没有"]
    static let missedVerdictWords = WordList(missedVerdicts)
    /// Texts hold one of the words only if they hold one of these first characters.
    static let missedFilter = CharacterFilter(firstCharactersOf: missedWords)
    static let partialFilter = CharacterFilter(firstCharactersOf: partialWords)

    /// Words that make a verdict weaker than the target: partly achieved.
    public static let partialWords = ["部分", "基本", "较", "逐步", "初步", "有所", "稳步"]

    /// The actual and target as comparable numbers: same unit, or a bare actual next to a percent target.
    /// A bare fraction next to a percentage (`0.98` against `≥90%`, `1` against `=100%`, as a
    /// spreadsheet exports a cell formatted as a percentage) is read as that many hundredths,
    /// when the percentage is above 1% and the fraction at most 1: so `95` against `≥90%` stays 95.
    public static func comparable(target: Quantity, actual: Quantity) -> (t: ExactDecimal, a: ExactDecimal)? {
        if actual.comparator != nil && actual.comparator != .equal { return nil }
        let tu = normalizedUnit(target.unit), au = normalizedUnit(actual.unit)
        if tu.sameBytes(au) { return (target.value, actual.value) }
        if au.isEmpty && tu.sameBytes("%") { return (target.value, asHundredths(actual.value, besidePercent: target.value)) }
        if tu.isEmpty && au.sameBytes("%") { return (asHundredths(target.value, besidePercent: actual.value), actual.value) }
        if au.isEmpty || tu.isEmpty { return (target.value, actual.value) }
        return nil
    }

    /// `fraction` × 100 when it is a fraction (0 to 1) beside a percentage above 1; else itself.
    static func asHundredths(_ fraction: ExactDecimal, besidePercent percent: ExactDecimal) -> ExactDecimal {
        let one = ExactDecimal(1)
        guard !fraction.isNegative, fraction.compare(one) <= 0, percent.compare(one) > 0 else { return fraction }
        return fraction.shifted(by: 2)
    }

    static func normalizedUnit(_ u: String) -> String {
        let t = u.compacted
        if t.sameBytes("％") { return "%" }
        return t
    }

    public static func evaluate(target: Measure, actual: Measure, overshootRatio: ExactDecimal = ExactDecimal(significand: 15, scale: 1)) -> Attainment {
        switch (target, actual) {
        case (.quantity(let t), .quantity(let a)):
            guard let (tv, av) = comparable(target: t, actual: a) else { return .unknown }
            let c = av.compare(tv)
            switch t.comparator ?? .equal {
            case .atLeast: return c >= 0 ? (exceeds(av, tv, overshootRatio) ? .exceeded : .met) : .missed
            case .greater: return c > 0 ? (exceeds(av, tv, overshootRatio) ? .exceeded : .met) : .missed
            case .atMost: return c <= 0 ? .met : .missed
            case .less: return c < 0 ? .met : .missed
            case .equal:
                if tv.isZero { return av.isZero ? .met : .missed }
                // "=" asks for exactly the target: more than it is a deviation too.
                return c == 0 ? .met : (c > 0 ? .exceeded : .missed)
            }
        case (_, .empty), (.empty, _):
            return .unknown
        case (.text(let t), .text(let a)):
            return qualitative(target: t, actual: a)
        case (.quantity, .text(let a)):
            return verdict(a)
        case (.text(let t), .quantity):
            _ = t
            return .unknown
        }
    }

    static func exceeds(_ actual: ExactDecimal, _ target: ExactDecimal, _ ratio: ExactDecimal) -> Bool {
        guard !target.isZero, !target.isNegative else { return false }
        return actual.compare(target * ratio) > 0
    }

    /// A qualitative actual against a qualitative target.
    public static func qualitative(target: String, actual: String) -> Attainment {
        let t = target.compacted, a = actual.compacted
        if a.isEmpty { return .unknown }
        // The same words as the target (the usual case): no missed word can be new, so only a
        // whole-cell verdict like 否 makes it missed.
        if a.sameBytes(t) { return missedVerdictWords.contains(a) ? .missed : .met }
        if (missedFilter.matches(a) && missedWords.contains(where: { a.containsBytes($0) }) && !missedWords.contains(where: { t.containsBytes($0) }))
            || missedVerdictWords.contains(a) { return .missed }
        let weaker = partialFilter.matches(a) && partialWords.contains { a.containsBytes($0) && !t.containsBytes($0) }
        if weaker { return .partial }
        return verdict(actual) == .missed ? .missed : (a.containsBytes(t) || metWords.contains(where: { a.hasBytePrefix($0) }) ? .met : .unknown)
    }

    /// A verdict word alone (达成指标, 部分达成, 未完成).
    public static func verdict(_ actual: String) -> Attainment {
        let a = actual.compacted
        if missedWords.contains(where: { a.hasBytePrefix($0) }) || missedVerdictWords.contains(a) { return .missed }
        if partialWords.contains(where: { a.hasBytePrefix($0) }) { return .partial }
        if metWords.contains(where: { a.hasBytePrefix($0) }) { return .met }
        return .unknown
    }
}
