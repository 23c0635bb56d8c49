import Foundation
import Testing
@testable import SelfEval

/// A form not filled in yet: targets and weights typed, 实际完成值 and 得分 still empty, as a
/// unit drafts it before the year's end. In a PDF's text its empty cells leave no mark, so a row
/// is its name, its target and its 分值 alone. (Every seed form so unfilled, in every layout:
/// `MetamorphicTests.everySeedFormUnfilledReadsTheSame`.)
@Suite struct UnfilledFormTests {
    static func lines(_ text: String) -> [TextLine] {
        let source = SourceText(utf8: Array(text.utf8))
        return (1...source.lineCount).map { CellScanner(mode: .spaces).scan(source, line: $0) }.filter { !$0.isBlank }
    }

    static func read(_ text: String) -> FlowIndicatorReader {
        var reader = FlowIndicatorReader()
        for line in lines(text) { reader.take(line) }
        reader.finish()
        return reader
    }

    /// Rows by their 分值 alone: on the row's line, or on a line of its own under a name and a
    /// target wrapped over lines.
    @Test func rowsAreAnchoredOnTheirWeightAlone() {
        let reader = Self.read("""
        产出指标
        数量指标
        辅助用工人数 =2(人) 10.00
        辅助用工工作完成及时性
        及时（与委
        托方要求一
        致）
        5.00
        满意度指标
        用工单位满意度 ≥90(%) 10.00
        """)
        #expect(reader.weightOnly)
        #expect(reader.issues.isEmpty, "\(reader.issues.map(\.message.en))")
        #expect(reader.rows.map(\.name.value) == ["辅助用工人数", "辅助用工工作完成及时性", "用工单位满意度"])
        #expect(reader.rows.map { $0.target?.raw ?? "" } == ["=2(人)", "及时（与委托方要求一致）", "≥90(%)"])
        #expect(reader.rows.map { $0.weight?.raw ?? "" } == ["10.00", "5.00", "10.00"])
        #expect(reader.rows.map { $0.level1 ?? "" } == ["产出指标", "产出指标", "满意度指标"])
        #expect(reader.rows.allSatisfy { $0.actual == nil && $0.score == nil })
    }

    /// The PDF dump seed's first two forms not filled in (`variants/unfilled-pdf-dump.txt`: the
    /// seed with every row's 实际完成值, 得分 and analysis taken out, the 总分's 得分 too): vertical
    /// labels in pieces, names and targets wrapped over lines, each row's 分值 at the end of its
    /// last line. They read as the seed's rows without those cells.
    @Test func theFlowSeedUnfilledReadsAsTheSeed() throws {
        let unfilled = Fixtures.forms(Fixtures.root.appendingPathComponent("variants/unfilled-pdf-dump.txt"))
        let seed = Array(Fixtures.forms(Fixtures.flowSeed).prefix(2))
        try #require(unfilled.count == 2)
        func key(_ r: IndicatorRow) -> String { "\(r.level1 ?? "")/\(r.level2 ?? "")/\(r.name.value)/\(r.target?.raw ?? "")/\(r.weight?.raw ?? "")" }
        for (u, s) in zip(unfilled, seed) {
            #expect(u.issues.isEmpty, "\(u.issues.map(\.message.en))")
            #expect(u.indicators.count > 10)
            #expect(u.indicators.map(key) == s.indicators.map(key))
            #expect(u.indicators.allSatisfy { $0.actual == nil && $0.score == nil && $0.deviation == nil })
            #expect(u.total?.weight?.raw == "100.00" && u.total?.score == nil)
            func money(_ f: Form) -> [String] {
                f.funding.map { t in t.rows.map { r in r.label.value + ":" + t.columns.map { r.cells[$0]?.raw ?? "" }.joined(separator: "|") } } ?? []
            }
            #expect(!money(u).isEmpty && money(u) == money(s))
        }
    }

    /// A row whose 得分 alone is empty, among filled rows: name, target and actual, then its
    /// 分值 ending the line. Before, its text went to the next row's name and its 分值 was lost.
    /// Not so a line whose figures stand alone on the next line (cut at their column's edge).
    @Test func aRowWithoutItsScoreAmongFilledRows() {
        let reader = Self.read("""
        辅助用工人数 =2(人) 2.00(人) 10.00 10.00
        辅助用工到岗率 =100(%) 100.00(%) 10.00
        用工单位满意度 ≥ 90(%) 98.00(%) 10.00 8.00
        """)
        #expect(!reader.weightOnly)
        #expect(reader.issues.isEmpty, "\(reader.issues.map(\.message.en))")
        #expect(reader.rows.map { "\($0.name.value): \($0.target?.raw ?? "·") → \($0.actual?.raw ?? "·") \($0.weight?.raw ?? "·")/\($0.score?.raw ?? "·")" } == [
            "辅助用工人数: =2(人) → 2.00(人) 10.00/10.00",
            "辅助用工到岗率: =100(%) → 100.00(%) 10.00/·",
            "用工单位满意度: ≥90(%) → 98.00(%) 10.00/8.00",
        ])
        // The table's last row so.
        let last = Self.read("辅助用工人数 =2(人) 2.00(人) 10.00 10.00\n辅助用工到岗率 =100(%) 100.00(%) 10.00")
        #expect(last.rows.map { $0.score?.raw ?? "·" } == ["10.00", "·"])
        // Pieces of a centred row's cells cut at their edges (`=100.00(%`, `100.00(`, the
        // top `10.0` of a 10.00), and a cut figure's tail `0`, are no row without its 得分.
        for line in ["审核准确 =100.00(% 100.00( 10.0", "成本控制 有效 达成指标 0"] {
            let pieces = Self.read("辅助用工人数 =2(人) 2.00(人) 10.00 10.00\n" + line)
            #expect(pieces.rows.count == 1, "\(line)")
        }
        // A 得分 cut at its column's edge and centred on the row's line (`10.0` over it, `0`
        // under it, as pdftotext -layout sets a bordered row) is no empty 得分: not a figure
        // printed otherwise than the rows' 分值, not over a line ending in a figure's tail.
        let first = "辅助用工人数 =2(人) 2.00(人) 10.00 10.00\n"
        for lines in ["单位安全事故 =0.00(例) 0.00(例) 10.0", "单位安全事 10.0\n效益指标 =0.00(例) 0.00(例) 10.00\n故情况 0",
                      "雇员人数 =13.00(人) 10.00\n(人) 0"] {
            let cut = Self.read(first + lines)
            #expect(!cut.rows.dropFirst().contains { $0.score == nil && $0.weight != nil }, "\(lines): \(cut.rows.map(\.name.value))")
        }
        // An unfilled row's operator apart from its figure (`≥ 90(%)`) is no third cell.
        let unfilled = Self.read("用工单位满意度 ≥ 90(%) 10.00")
        #expect(unfilled.weightOnly)
        #expect(unfilled.rows.first?.target?.raw == "≥90(%)")
        // A figure alone on the next line: the line is no row without its 得分.
        let cut = Self.read("辅助用工人数 =2(人) 2.00(人) 10.00\n10.00\n用工单位满意度 ≥90(%) 98.00(%) 10.00 8.00")
        #expect(!cut.rows.contains { $0.name.value == "辅助用工人数" && $0.score == nil })
    }

    /// A filled form's rows keep their 得分: the weight-only reading is only for a table that
    /// read no row.
    @Test func aFilledTableIsReadAsBefore() {
        let reader = Self.read("""
        辅助用工人数 =2(人) 2.00(人) 10.00 10.00
        用工单位满意度 ≥90(%) 98.00(%) 10.00 8.00
        """)
        #expect(!reader.weightOnly)
        #expect(reader.rows.map { $0.score?.raw ?? "" } == ["10.00", "8.00"])
    }

    /// A filled form's text scrambled by its extractor (figures on lines of their own, a
    /// target's halves side by side) reads no row either way; the weight-only reading would
    /// make rows of junk (`有效` a name, a row without one), so the first reading stands, its
    /// text reported as not placed.
    @Test func aScrambledTableIsNotReadAsRowsOfJunk() {
        let reader = Self.read("""
        有效
        达成指标 10.00
        10.00
        残保金缴纳完成
        率
        =100.00( 100.00(
        10.00
        %)
        %)
        10.00
        """)
        #expect(!reader.weightOnly)
        #expect(reader.rows.isEmpty)
        #expect(reader.issues.map(\.kind) == [.unparsedRow])
    }

    /// A table longer than the lines a reader holds is not read again weight-only: the second
    /// reading would not see its end, and the rows past it would be lost without a word. Its
    /// text is reported as not placed instead.
    @Test func aTableTooLongToHoldIsNotReadAgain() {
        let n = FlowIndicatorReader.maxHeldLines + 5
        let text = (0..<n).map { "指标\($0) =\($0)(件) 5" }.joined(separator: "\n")
        let reader = Self.read(text)
        #expect(!reader.weightOnly)
        #expect(reader.rows.isEmpty)
        #expect(reader.issues.map(\.kind) == [.unparsedRow])
        // Shorter, the same lines are rows.
        let short = Self.read((0..<20).map { "指标\($0) =\($0)(件) 5" }.joined(separator: "\n"))
        #expect(short.rows.count == 20)
    }

    /// The 总分 line's one figure under rows that have no 得分 is the weights' total.
    @Test func theTotalsOneFigureIsTheWeightsTotal() throws {
        let form = try #require(Fixtures.forms(text: """
        财政项目支出绩效自评表
        项目名称 某项目
        年度资金总额： 13.20 13.20 13.20 10.00 100.00 10.00
        预期目标 实际完成情况
        完成某事。 完成了某事。
        一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
        产出指标 数量指标 辅助用工人数 =2(人) 50
        满意度指标 服务对象满意度指标 用工单位满意度 ≥90(%) 40
        总分 100
        """).first)
        #expect(form.indicators.map { $0.weight?.raw ?? "" } == ["50", "40"])
        #expect(form.total?.weight?.raw == "100")
        #expect(form.total?.score == nil)
    }

    /// A blank mark in a table's 分值 or 得分 cell (`—`, `/`, `-`) is an empty cell: the checks
    /// report it missing, it is no bad number.
    @Test(arguments: ["—", "/", "-"], [false, true])
    func aBlankMarkInAFigureCellIsNoBadNumber(mark: String, inWeight: Bool) throws {
        let form = try #require(Fixtures.forms(text: """
        财政项目支出绩效自评表
        项目名称\t某项目
        一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
        产出指标\t数量指标\t辅助用工人数\t=2(人)\t\(mark)\t\(inWeight ? mark : "100")\t\(mark)\t
        总分\t100\t
        """).first)
        #expect(form.indicators.count == 1)
        #expect(form.indicators.first?.score == nil)
        #expect((form.indicators.first?.weight == nil) == inWeight)
        #expect(!form.issues.contains { $0.kind == .badNumber }, "\(form.issues.map(\.message.en))")
    }

    /// Two rows' weights of one digit over each other (`4` over `4`) are no figure cut at its
    /// column's edge: the three lines are not taken for one centred row.
    @Test func oneDigitWeightsAreNoCutFigure() {
        let l = Self.lines("执法取证设备便携高效 符合配备标准 4\n执法服装及标志与全市统一 符合配备标准 4\n区级信息化监管系统 符合建设要求 4")
        var rows = CentredRows()
        #expect(rows.merged(l[0], l[1], l[2]) == nil)
    }
}
