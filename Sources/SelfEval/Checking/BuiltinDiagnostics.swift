/// Diagnostics the reader raises itself (not checks in Checks/): what it could not read.
public enum BuiltinDiagnostics {
    public static let unreadableFile = CheckDescription(
        id: "unreadable-file", title: Message(en: "File could not be read", zh: "文件无法读取"), severity: .error,
        rationale: Message(en: "A file that cannot be read or decoded is reported so that it never silently passes.",
                           zh: "无法读取或解码的文件必须报告，不能静默通过。"),
        triggering: [], nonTriggering: [])
    public static let noForm = CheckDescription(
        id: "no-form", title: Message(en: "No form found in file", zh: "文件中没有自评表"), severity: .warning,
        rationale: Message(en: "A readable file in which no 项目支出绩效自评表 could be found is reported, never skipped.",
                           zh: "可读取但找不到项目支出绩效自评表的文件必须报告，不能跳过。"),
        triggering: [], nonTriggering: [])
    public static let unparsedRow = CheckDescription(
        id: "unparsed-row", title: Message(en: "Row not understood", zh: "无法识别的行"), severity: .warning,
        rationale: Message(en: "A line or cell the reader could not place in the form is reported, so that no check is silent because a row was dropped.",
                           zh: "读取器无法归位的行或单元格必须报告，避免因丢行导致检查静默。"),
        triggering: [], nonTriggering: [])
    public static let missingPart = CheckDescription(
        id: "missing-part", title: Message(en: "Part of the form missing", zh: "自评表缺少部分内容"), severity: .warning,
        rationale: Message(en: "A form must be complete: project name, funding table, goals, indicators and total.",
                           zh: "自评表应完整：项目名称、项目资金、年度总体目标、绩效指标和总分。"),
        triggering: [], nonTriggering: [])
    public static let badNumber = CheckDescription(
        id: "bad-number", title: Message(en: "Number not readable", zh: "数字无法读取"), severity: .error,
        rationale: Message(en: "A value that should be a number but is malformed, absurdly large or too precise cannot be checked.",
                           zh: "应为数字的值格式错误、过大或精度过高，无法检查。"),
        triggering: [], nonTriggering: [])
    public static let ambiguousLayout = CheckDescription(
        id: "ambiguous-layout", title: Message(en: "Layout read with a guess", zh: "版式按推测读取"), severity: .note,
        rationale: Message(en: "Where the extracted text does not say which cell a piece belongs to, the reader says what it assumed.",
                           zh: "当提取文本无法确定某段文字属于哪个单元格时，读取器说明其假设。"),
        triggering: [], nonTriggering: [])

    public static let encodingRepaired = CheckDescription(
        id: "encoding-repaired", title: Message(en: "Damaged bytes repaired", zh: "已修复损坏的字节"), severity: .warning,
        rationale: Message(en: "Stray NUL bytes were removed or invalid UTF-8 bytes replaced (e.g. a file cut in the middle of a character); the text around them may be incomplete.",
                           zh: "已删除多余的 NUL 字节或替换无效的 UTF-8 字节（如文件在字符中间被截断）；附近的文字可能不完整。"),
        triggering: [], nonTriggering: [])

    public static let all: [CheckDescription] = [unreadableFile, noForm, unparsedRow, missingPart, badNumber, ambiguousLayout, encodingRepaired]

    static func description(for kind: ParseIssue.Kind) -> CheckDescription {
        switch kind {
        case .unparsedRow: return unparsedRow
        case .missingPart: return missingPart
        case .badNumber: return badNumber
        case .ambiguous: return ambiguousLayout
        }
    }
}
