import Foundation
import Testing
@testable import SelfEval

/// Table rows whose cells are centred on the row, in text extracted from a PDF without
/// positions (`CentredRows`): real pdfplumber output of the seeds typeset in the template
/// (`Fixtures/pdftotext/*-pdfplumber.txt`), and small forms written the same way.
@Suite struct CentredRowsTests {
    static func indicators(_ form: Form) -> [String] {
        form.indicators.map { "\($0.name.value): \($0.target?.raw ?? "·") → \($0.actual?.raw ?? "·") \($0.weight?.raw ?? "·")/\($0.score?.raw ?? "·")" }
    }

    /// The first form of the PDF dump seed as pdfplumber writes it: every funding row and
    /// every indicator row's values as the seed's.
    @Test func firstFormOfThePDFDump() throws {
        let form = try #require(Fixtures.forms(PDFLayoutTests.folder.appendingPathComponent("004-pdfplumber.txt")).first)
        #expect(PDFLayoutTests.funding(form) == [
            "total: 13.20 | 13.20 | 13.20 | 10.00 | 100.00 | 10.00",
            "currentFiscal: 13.20 | 13.20 | 13.20 | · | 100.00 | ·",
            "carryover: 0.00 | 0.00 | 0.00 | · | 0.00 | ·",
            "other: 0.00 | 0.00 | 0.00 | · | 0.00 | ·",
        ])
        let seed = try #require(Fixtures.forms(Fixtures.seeds.appendingPathComponent("004_c9f77f6b4bcb1ec1.txt")).first)
        #expect(Self.indicators(form) == Self.indicators(seed))
        #expect(form.indicators.last?.deviation?.value == "进一步加强满意度评价机制")
    }

    /// The total's figure wrapped around its line: the 得分 in one template (`98.0` / `总分
    /// 100.00 优` / `0`), the 分值 in another (`100.0` / `合计 98.00 优` / `0`); the weights'
    /// total is 100 either way. 合计 also names a funding row, whose wrapped figure went after
    /// the row's own.
    @Test(arguments: [("98.0", "总分 100.00 优", "0"), ("100.0", "合计 98.00 优", "0")])
    func totalFigureWrappedAroundItsLine(over: String, row: String, under: String) {
        func line(_ t: String, _ n: Int) -> TextLine { CellScanner(mode: .spaces).scan(SourceText(utf8: Array((String(repeating: "\n", count: n - 1) + t).utf8)), line: n) }
        var rows = CentredRows()
        let merged = rows.merged(line(over, 1), line(row, 2), line(under, 3))
        #expect(merged?.nonEmpty.map(\.text).filter { CellKind.isBareNumber($0) } == ["100.00", "98.00"])
    }

    static let form = """
    财政项目支出绩效自评表
    （2024年度）
    项目名称 政府购买辅助服务
    主管部门 某区医疗保障局 实施单位 某区医疗保险事务中心
    全年执行
    年初预算数 全年预算数 分值 执行率 得分
    数
    年度资金 80.00
    448,000.00 488,000.00 390,400 10 8
    总额 %
    项目资金 其中：当
    （元） 年财政拨 488,000.00 488,000.00 390,400 80.00%
    款
    上年结转
    0.00 0.00 0.00 0.00%
    资金
    其他资金 0.00 0.00 0.00 0.00%
    预期目标 实际完成情况
    提高办事效率。 提高了办事效率。
    一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
    产出指标 数量指标 辅助用工人数 =2(人) 2.00(人) 20.00 20.00
    辅助用工到岗 100.00( 20.0
    产出指标 质量指标 =100(%) 20.00
    率 %) 0
    辅助用工到岗
    产出指标 时效指标 及时 达成指标 10.00 10.00
    及时性
    效益指标 社会效益指标 单位安全事故情况 =0.00(例) 0.00(例) 20.00 20.00
    满意度指 服务对象满 用工单位满意 98.00( 进一步加强满
    ≥90(%) 10.00 8.00
    标 意度指标 度 %) 意度评价机制
    总分 100.00 98.00 优
    """

    /// A label over and under its figures, a rate cut from its `%` in the middle column, a
    /// label over three lines with the 项目资金 label beside it, a part's row without 分值 and
    /// 得分, a header word over three lines; indicator rows with their name, actual and score
    /// cut, their level labels and deviation wrapped.
    @Test func centredRowsReadAsOneLine() throws {
        let form = try #require(Fixtures.forms(text: Self.form).first)
        #expect(PDFLayoutTests.funding(form) == [
            "total: 448,000.00 | 488,000.00 | 390,400 | 10 | 80.00% | 8",
            "currentFiscal: 488,000.00 | 488,000.00 | 390,400 | · | 80.00% | ·",
            "carryover: 0.00 | 0.00 | 0.00 | · | 0.00% | ·",
            "other: 0.00 | 0.00 | 0.00 | · | 0.00% | ·",
        ])
        #expect(Self.indicators(form) == [
            "辅助用工人数: =2(人) → 2.00(人) 20.00/20.00",
            "辅助用工到岗率: =100(%) → 100.00(%) 20.00/20.00",
            "辅助用工到岗及时性: 及时 → 达成指标 10.00/10.00",
            "单位安全事故情况: =0.00(例) → 0.00(例) 20.00/20.00",
            "用工单位满意度: ≥90(%) → 98.00(%) 10.00/8.00",
        ])
        #expect(form.indicators.last?.level1 == "满意度指标")
        #expect(form.indicators.last?.level2 == "服务对象满意度指标")
        #expect(form.issues.isEmpty, "\(form.issues.map(\.message.en))")
    }

    /// Lines that are not a row's halves stay apart: rows one per line (two figures each),
    /// level labels on lines of their own over and under a row, words over words with no
    /// evidence in a form that showed no centred row, and lines parted by blank lines.
    @Test(arguments: [
        ("质量指标 规范管理率 ≥90% 85% 20 20", "效益指标 社会效益指标 居民健康水平 提升 达成指标 30 27", false),
        ("可持续影响指标", "满意度指标", false),
        ("辅助用工到岗", "及时性", false),
        ("年度资金 10.0", "总额 0", true),
        ("满意度指", "标", true),
    ])
    func pairsOnlyOnEvidence(over: String, under: String, merges: Bool) {
        let row = ColumnGridTests.line("产出指标 时效指标 及时 达成指标 10.00 10.00", 2)
        var centred = CentredRows()
        let one = centred.merged(ColumnGridTests.line(over, 1), row, ColumnGridTests.line(under, 3))
        #expect((one != nil) == merges, "\(over) / \(under): \(one?.text ?? "not merged")")
    }

    @Test func blankLinesPartRows() {
        var centred = CentredRows()
        var out: [String] = []
        for (k, text) in ["年度资金 10.0", "", "13.20 13.20 13.20 10.00 100.00", "", "总额 0"].enumerated() {
            let line = text.isEmpty ? TextLine(number: k + 1, cells: [], indent: 0) : ColumnGridTests.line(text, k + 1)
            centred.take(line, inTable: true, rateColumn: 4) { out.append($0.text) }
        }
        centred.flush { out.append($0.text) }
        #expect(out.filter { !$0.isEmpty } == ["年度资金 10.0", "13.20 13.20 13.20 10.00 100.00", "总额 0"])
    }
}
