/// The words of the form templates: labels, indicator levels, verdicts.
public enum Vocabulary {
    /// 一级指标 names.
    public static let level1: [String] = ["产出指标", "效益指标", "满意度指标", "成本指标", "项目产出", "项目效益", "项目完成指标", "项目效果指标"]
    /// 二级指标 names.
    public static let level2: [String] = [
        "数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
        "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
        "产出数量", "产出质量", "产出时效", "产出成本", "经济效益", "社会效益", "生态效益", "可持续影响",
        "服务对象满意度",
    ]

    /// The 一级指标 a 二级指标 belongs to, where the templates agree on it.
    public static func level1(forLevel2 label: String) -> String? {
        let l = normalizedLabel(label)
        if ["数量指标", "质量指标", "时效指标", "产出数量", "产出质量", "产出时效"].containsBytes(l) { return "产出指标" }
        if ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "经济效益", "社会效益", "生态效益", "可持续影响"].containsBytes(l) { return "效益指标" }
        if ["服务对象满意度指标", "服务对象满意度"].containsBytes(l) { return "满意度指标" }
        if ["经济成本指标", "社会成本指标", "生态环境成本指标"].containsBytes(l) { return "成本指标" }
        return nil
    }

    /// Labels of the form header.
    public static let headerLabels: [String: HeaderField] = [
        "项目名称": .name, "主管部门": .department, "主管单位": .department, "主管部门及代码": .department,
        "实施单位": .unit, "项目实施单位": .unit, "预算单位": .unit,
    ]

    public enum HeaderField: Sendable { case name, department, unit }

    /// `headerLabels` as a list, longest label first, for the header reader to try in turn.
    static let headerLabelList: [(label: String, field: HeaderField)] =
        headerLabels.map { ($0.key, $0.value) }.sorted { ($0.label.utf8.count, $0.label) > ($1.label.utf8.count, $1.label) }

    /// The first characters of the header labels (项, 主, 实, 预): a cell compacts to start
    /// with a label only when it starts with one of these.
    static let headerLabelStarts = CharacterFilter(firstCharactersOf: headerLabels.keys)

    /// Removes spaces and a trailing weight note like `(50分)` from a label cell.
    public static func normalizedLabel(_ text: String) -> String {
        var t = text.compacted
        guard t.hasByteSuffix(")") || t.hasByteSuffix("）") else { return t }
        if let open = t.lastIndex(where: { $0 == "(" || $0 == "（" }), t.hasByteSuffix(")") || t.hasByteSuffix("）") {
            let inner = t[t.index(after: open)..<t.index(before: t.endIndex)]
            if inner.hasByteSuffix("分") { t = String(t[..<open]) }
        }
        return t
    }

    /// Labels are short: longer text (with a `(50分)` note) is never one.
    static let maxLabelBytes = 48

    public static func isLevel1(_ text: String) -> Bool { levels(text).level1 }
    public static func isLevel2(_ text: String) -> Bool { levels(text).level2 }

    /// Whether the text is a 一级 and/or a 二级 label (成本指标 is both), normalizing once.
    public static func levels(_ text: String) -> (level1: Bool, level2: Bool) {
        guard let m = levelMatch(text) else { return (false, false) }
        return (m.level1, m.level2)
    }

    /// The normalized label and which levels name it; nil for a text that cannot be a label
    /// (too long, or not starting like one), which is never normalized.
    @inline(__always)
    private static func levelMatch(_ text: String) -> (label: String, level1: Bool, level2: Bool)? {
        guard text.utf8.count <= maxLabelBytes && labelStarts.matchesFirst(text) else { return nil }
        let l = normalizedLabel(text)
        return (l, level1Words.contains(l), level2Words.contains(l))
    }

    /// `level1` and `level2` for lookups.
    static let level1Words = WordList(level1), level2Words = WordList(level2)

    /// Every label starts with one of a few characters: a cheap first-character filter.
    static let labelStarts = CharacterFilter(firstCharactersOf: level1 + level2)

    public static func isLevelLabel(_ text: String) -> Bool { let l = levels(text); return l.level1 || l.level2 }

    /// The funding table's label, merged down beside its rows (`项目资金`, `项目资金（万元）`,
    /// `资金投入`): spaces removed.
    /// Sichuan's template heads its table 预算执行情况 (`预算执行情况(10分)`).
    /// Whether the text is the funding table's label (`项目资金（万元）`), not a row's label that
    /// starts like it (`项目资金总额`, the total's).
    static func isFundingLabel(_ key: String) -> Bool {
        (key.hasBytePrefix("项目资金") || key.hasBytePrefix("资金投入") || key.hasBytePrefix("预算执行情况")) && FundingRowKind.recognise(key) != .total
    }

    /// Whether the text is a 一级 or 二级 label whose name ends in 指标 (a whole label, not a
    /// two-character piece like 产出), normalizing once.
    static func isWholeLevelLabel(_ text: String) -> Bool {
        guard let m = levelMatch(text) else { return false }
        return (m.level1 || m.level2) && m.label.hasByteSuffix("指标")
    }

    static let goalLabels = WordList(["年度总体目标", "年度总体", "总体目标", "年度", "总体", "目标", "年度目标", "绩效目标", "实际完成", "完成情况"]
                                     + plannedGoalLabels + actualGoalLabels)

    /// The heading of the planned goal text: 预期目标, or what other templates print for it.
    public static let plannedGoalLabels = ["预期目标", "年初设定目标", "年度预期目标", "项目年度目标"]
    /// The heading of the achieved goal text: 实际完成情况, or what other templates print for it.
    public static let actualGoalLabels = ["实际完成情况", "全年实际完成情况", "年度实际完成情况", "年度目标完成情况"]

    /// The titles some templates set over their goals part instead of 年度总体目标 (Sichuan's
    /// 项目基本情况, with its numbered items `1.项目年度目标完成情况`, `2.项目实施内容及过程概述`),
    /// spaces removed and the item's number dropped.
    static let goalSectionTitles = WordList(["项目基本情况", "项目年度目标完成情况", "项目实施内容及过程概述", "项目实施内容及过程"])

    /// What such a title starts with: 项, an item's number or its bracket.
    static let goalSectionTitleStarts = CharacterFilter("项0123456789(（一二三四五六七八九十")

    /// Whether a cell (spaces removed) is such a title, numbered or not (`1.`, `1、`, `（一）`).
    static func isGoalSectionTitle(_ key: String) -> Bool { goalSectionTitle(key) != nil }

    /// The title a cell (spaces removed) is, without its item number; nil for other cells.
    static func goalSectionTitle(_ key: String) -> String? {
        // Every title starts like one and holds 项目: the rest are not looked at further.
        guard key.utf8.count <= 48, goalSectionTitleStarts.matchesFirst(key), key.containsBytes("项目") else { return nil }
        let title = withoutItemNumber(key)
        return goalSectionTitles.contains(title) ? title : nil
    }

    /// Whether a goals title is the one over the work described (`2.项目实施内容及过程概述`).
    static func isWorkDescriptionTitle(_ title: String) -> Bool { title.hasBytePrefix("项目实施内容") }

    /// An item's number: a digit or a Chinese numeral up to 十.
    static func isItemNumeral(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) || "一二三四五六七八九十".unicodeScalars.contains(s) }

    /// `附件1`, `附件 2：`, `附表3`, `附件`: the mark of a report's attachment over a form's title
    /// (spaces removed).
    static func isAttachmentMark(_ key: String) -> Bool {
        guard key.utf8.count <= 24, key.hasBytePrefix("附件") || key.hasBytePrefix("附表") else { return false }
        var rest = key.unicodeScalars.dropFirst(2)
        while let f = rest.first, isItemNumeral(f) { rest = rest.dropFirst() }
        while let f = rest.first, f == ":" || f == "：" { rest = rest.dropFirst() }
        return rest.isEmpty
    }

    /// The text without a leading item number: `1.`, `1、`, `(1)`, `（一）`, `一、`.
    static func withoutItemNumber(_ key: String) -> String {
        let scalars = key.unicodeScalars
        var i = scalars.startIndex
        let open = scalars.first == "(" || scalars.first == "（"
        if open { i = scalars.index(after: i) }
        let digitsStart = i
        while i < scalars.endIndex, isItemNumeral(scalars[i]) { i = scalars.index(after: i) }
        guard i > digitsStart, i < scalars.endIndex else { return key }
        let mark = scalars[i]
        if open ? (mark == ")" || mark == "）") : (mark == "." || mark == "、" || mark == "．") {
            return String(scalars[scalars.index(after: i)...])
        }
        return key
    }

    static let goalHeadingStarts = CharacterFilter(firstCharactersOf: plannedGoalLabels + actualGoalLabels)
    /// The planned-goal heading `text` (spaces removed) starts with.
    static func plannedGoalLabel(startingWith text: String) -> String? {
        goalHeadingStarts.matchesFirst(text) ? plannedGoalLabels.first { text.hasBytePrefix($0) } : nil
    }
    /// The achieved-goal heading `text` (spaces removed) starts with.
    static func actualGoalLabel(startingWith text: String) -> String? {
        goalHeadingStarts.matchesFirst(text) ? actualGoalLabels.first { text.hasBytePrefix($0) } : nil
    }
    /// Short planned-goal headings of other templates (`年度目标 | 实际完成情况`): a heading only
    /// where the whole cell is one, beside an achieved-goal heading (a goal text may say 年度目标).
    static let shortPlannedGoalHeadings = ["年度目标", "绩效目标", "年度绩效目标"]
    static let shortPlannedGoalStarts = CharacterFilter(firstCharactersOf: shortPlannedGoalHeadings)
    /// Asked of every cell above the goals: the first character rules most out.
    static func isShortPlannedGoalHeading(_ text: String) -> Bool {
        guard text.utf8.count <= 24, shortPlannedGoalStarts.matchesFirst(text) else { return false }
        let t = text.compacted
        return shortPlannedGoalHeadings.contains { t.sameBytes($0) }
    }
    /// Whether a header cell (spaces removed) is the planned goal's heading, short ones included.
    static func isPlannedGoalHeading(_ text: String) -> Bool { containsPlannedGoalLabel(text) || isShortPlannedGoalHeading(text) }

    /// Whether `text` (spaces removed) holds a planned-goal heading: the goals header row.
    static func containsPlannedGoalLabel(_ text: String) -> Bool {
        // Asked of every cell above the goals: one search for what all of them end with first.
        text.containsBytes("目标") && plannedGoalLabels.contains { text.containsBytes($0) }
    }

    /// Cells that only label the goals part.
    public static func isGoalLabel(_ text: String) -> Bool {
        // The longest label, spaced out, is far shorter than this: goal texts are not compacted.
        if text.utf8.count > 96 { return false }
        let t = text.compacted
        return goalLabels.contains(t)
            || (t.hasBytePrefix("年度总体目标") && t.hasAtMostCharacters(8))
            || isGoalSectionTitle(t)
    }

    /// Header label of a whole form's title line.
    public static func isTitle(_ text: String) -> Bool {
        // Asked of every cell before the indicator table: 表 (E8 A1 A8) is looked for first.
        guard text.containsCharacter(0xE8, 0xA1, 0xA8) else { return false }
        let t = text.compacted
        return t.containsBytes("自评表") && t.hasAtMostCharacters(60)
    }

    static let maxHeaderCellBytes = 60

    /// Whether the text holds 级 (E7 BA A7). Run on every short cell of every line before the
    /// indicator table and on every indicator row.
    @inline(__always)
    static func containsLevelCharacter(_ text: String) -> Bool { text.containsCharacter(0xE7, 0xBA, 0xA7) }

    /// The same for scanned cells, without building the list of texts for most lines.
    static func isIndicatorHeader(_ cells: [Cell]) -> Bool {
        // Header cells are short: long texts (names, deviation analyses) are not searched.
        // Run on most lines: one closure deep, so the byte loop is inlined into the cell loop.
        guard cells.firstIndex(byAddress: { $0.pointee.text.utf8.count <= maxHeaderCellBytes && containsLevelCharacter($0.pointee.text) }) != nil else { return false }
        return isIndicatorHeader(cells.map(\.text))
    }

    /// Cells of the indicator header row.
    public static func isIndicatorHeader(_ cells: [String]) -> Bool {
        // Cheap test first: the header names a 级 (一级/三级) somewhere.
        guard cells.contains(where: { $0.containsBytes("级") }) else { return false }
        let joined = cells.map(\.compacted).joined()
        // The 三级指标 may be broken over the lines around the header's (`三级指` / `标`).
        return joined.containsBytes("三级指标") || (joined.containsBytes("一级指标") || joined.containsBytes("二级指标")) && joined.containsBytes("指标值")
    }

    /// The first characters of the total and grade labels below.
    static let totalLabelStarts = CharacterFilter("总合综得自")
    static let gradeLabelStarts = CharacterFilter("评自绩等")

    /// 总分 / 合计 rows.
    public static func isTotalLabel(_ text: String) -> Bool {
        guard totalLabelStarts.matchesFirst(text) else { return false }
        let t = text.compacted
        return t.sameBytes("总分") || t.sameBytes("合计") || t.sameBytes("总计") || t.hasBytePrefix("总分") || t.sameBytes("综合得分")
            || t.sameBytes("得分合计") || t.sameBytes("总得分") || t.sameBytes("自评总分") || t.sameBytes("自评得分合计")
    }

    public static func isGradeLabel(_ text: String) -> Bool {
        guard gradeLabelStarts.matchesFirst(text) else { return false }
        let t = text.compacted
        return t.hasBytePrefix("评分等级") || t.hasBytePrefix("自评等级") || t.hasBytePrefix("绩效等级") || t.sameBytes("等级")
    }

    /// Template placeholders left in a form: `指标1：`, `……`, `...`.
    public static func isPlaceholder(_ text: String) -> Bool {
        // A placeholder starts with 指 or one of the dot and dash characters below.
        let mayBe = text.withBytes { b in
            guard let f = b.first else { return false }
            return f == UInt8(ascii: ".") || f == UInt8(ascii: "-") || f == 0xC2 || f == 0xE2 || f == 0xE3
                || (f == 0xE6 && b.count >= 3 && b[1] == 0x8C && b[2] == 0x87)
        }
        guard mayBe else { return false }
        let t = text.compacted
        if t.isEmpty { return false }
        if t.unicodeScalars.allSatisfy({ $0 == "…" || $0 == "." || $0 == "。" || $0 == "—" || $0 == "-" || $0 == "·" }) { return t.unicodeScalars.count >= 2 }
        guard t.hasBytePrefix("指标") else { return false }
        var rest = t.unicodeScalars.dropFirst(2)
        var digits = 0
        while let f = rest.first, f.value >= 48 && f.value <= 57 { digits += 1; rest = rest.dropFirst() }
        guard digits > 0 else { return false }
        if let f = rest.first, f == ":" || f == "：" { rest = rest.dropFirst() }
        // A not-applicable mark after it (`指标1：/`) leaves it a placeholder.
        return rest.allSatisfy { $0 == "/" || $0 == "／" || $0 == "—" || $0 == "-" }
    }

    /// The value of the weight note a text ends with: `产出指标(50分)` → 50, `（30 分）` → 30; nil
    /// when it ends with none.
    static func trailingWeight(_ text: String) -> ExactDecimal? {
        guard text.hasByteSuffix(")") || text.hasByteSuffix("）") else { return nil }
        let t = text.compacted
        guard let open = t.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return nil }
        var inner = t[t.index(after: open)..<t.index(before: t.endIndex)]
        guard inner.hasSuffix("分") else { return nil }
        inner = inner.dropLast()
        guard !inner.isEmpty, inner.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              case .success(let value) = ExactDecimal.parse(inner) else { return nil }
        return value
    }

    /// The weight a label prints after it (`产出指标(50分)`, `（30 分）` alone), with the text's
    /// range; nil when it prints none.
    static func labelWeight(_ text: String, range: SourceRange) -> Field<ExactDecimal>? {
        trailingWeight(text).map { Field(raw: text, value: $0, range: range) }
    }

    /// A level label's weight note standing alone, its label lost or on the line above:
    /// `(50分)`, `（30分）`. Its first byte rules most texts out.
    static func isWeightNote(_ text: String) -> Bool {
        guard text.utf8.count <= 16, let f = text.utf8.first, f == UInt8(ascii: "(") || f == 0xEF,
              text.hasBytePrefix("(") || text.hasBytePrefix("（") else { return false }
        return trailingWeight(text) != nil
    }

    /// The sign-off a form ends with (or begins with, above its first label): who filled it in,
    /// when, how to reach them, the seal. Its dates and telephone numbers are not figures of the
    /// form.
    static let signOffLabels = ["填报单位", "填表单位", "填报人", "填表人", "填报日期", "填表日期", "填报时间", "联系人", "联系电话",
                                "电话", "单位负责人", "财务负责人", "项目负责人", "负责人", "审核人", "复核人", "单位（盖章）", "单位(盖章)", "盖章"]
    static let signOffStarts = CharacterFilter(firstCharactersOf: signOffLabels)

    /// Whether a line whose first cell is `text` (spaces removed) is part of the sign-off.
    public static func isSignOff(_ text: String) -> Bool {
        guard signOffStarts.matchesFirst(text) else { return false }
        return signOffLabels.contains { text.hasBytePrefix($0) }
    }

    /// 优/良/中/差 and the longer words some templates print.
    public static let grades: [String] = ["优", "良", "中", "差", "优秀", "良好", "中等", "较差", "合格", "不合格", "及格", "不及格"]
}
