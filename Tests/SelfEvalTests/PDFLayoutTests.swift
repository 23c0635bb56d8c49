import Foundation
import Testing
@testable import SelfEval

/// The seed forms typeset in the 自评表 template, printed to PDF by LibreOffice and extracted
/// with `pdftotext -layout` (real output, see `Fixtures/pdftotext/README.md`): cells wrapped
/// in narrow columns and centred on their row, figures broken at a column's edge, header
/// cells over three lines. Before rows were read between blank lines (`WrappedRowBlock`),
/// every funding table lost its rows (`年度资金` / `总额` read as two labels), and 145 findings
/// of the PDF dump seed's 004 were not the seed's.
@Suite struct PDFLayoutTests {
    static let folder = Fixtures.root.appendingPathComponent("pdftotext")

    static func funding(_ form: Form) -> [String] {
        (form.funding?.rows ?? []).map { row in
            "\(row.kind): " + FundingColumn.allCases.map { row.cells[$0]?.raw ?? "·" }.joined(separator: " | ")
        }
    }

    static func header(_ form: Form) -> [String?] { [form.name?.value, form.department?.value, form.implementingUnit?.value] }

    /// The forms, their header fields and their funding tables read as the seeds' (the PDF
    /// dump's every form, the tabular seed's but those whose cells the template printed apart).
    /// The same PDFs through pdfplumber (`CentredRows`): 9 and 0 headers and no funding table
    /// before its rows centred on their line were read as one; 6 of 004's headers before a
    /// value centred on its label's line without positions went to that label (`…（汇` /
    /// `主管部门 实施单位 X` / `总）`).
    /// Every funding table of both since two headings one space apart (`执行率 得分`) are two
    /// columns: 6 and 14 before, the rate and score of some rows in one column.
    @Test(arguments: [("004_c9f77f6b4bcb1ec1.txt", "004-layout.txt", 8, 8), ("000_84adb1842e62a47c.txt", "000-layout.txt", 12, 18),
                      ("004_c9f77f6b4bcb1ec1.txt", "004-pdfplumber.txt", 8, 5), ("000_84adb1842e62a47c.txt", "000-pdfplumber.txt", 18, 5),
                      ("004_c9f77f6b4bcb1ec1.txt", "004-layout-writer.txt", 8, 5), ("000_84adb1842e62a47c.txt", "000-layout-writer.txt", 12, 17)])
    func headersAndFundingReadAsTheSeeds(seed: String, layout: String, sameHeaders: Int, sameFunding: Int) {
        let original = Fixtures.forms(Fixtures.seeds.appendingPathComponent(seed))
        let printed = Fixtures.forms(Self.folder.appendingPathComponent(layout))
        #expect(original.count == printed.count)
        let headers = zip(original, printed).filter { Self.header($0) == Self.header($1) }.count
        let funding = zip(original, printed).filter { Self.funding($0) == Self.funding($1) }.count
        #expect(headers >= sameHeaders, "\(layout): \(headers) headers as the seed's")
        #expect(funding >= sameFunding, "\(layout): \(funding) funding tables as the seed's")
    }

    /// The first form's funding table, each row's label over two or three lines around its
    /// figures, the 项目资金 label beside a row, a header with `执行率` over `(%)`; the same
    /// printed by Writer, with no blank line between the rows and `执行率` over the header's
    /// line (its lines shared between rows, `FormReader.readHeldFunding`: before, the table
    /// lost its 执行率 column and the rows' labels were cut apart, 款上年结转, 资金其他资金).
    @Test(arguments: ["004-layout.txt", "004-layout-writer.txt"])
    func wrappedFundingRows(file: String) throws {
        let form = try #require(Fixtures.forms(Self.folder.appendingPathComponent(file)).first)
        #expect(Self.funding(form) == [
            "total: 13.20 | 13.20 | 13.20 | 10.00 | 100.00 | 10.00",
            "currentFiscal: 13.20 | 13.20 | 13.20 | · | 100.00 | ·",
            "carryover: 0.00 | 0.00 | 0.00 | · | 0.00 | ·",
            "other: 0.00 | 0.00 | 0.00 | · | 0.00 | ·",
        ])
        #expect(form.funding?.rateInPercent == true)
        #expect(form.implementingUnit?.value == "上海市闵行区医疗保险事务中心")
    }

    /// Indicator rows whose 得分 broke at the column's edge (`10.0` over `0`, centred over and
    /// under the row's 分值), two rows with no blank line between them, a blank line as the
    /// border between two rows (004's first form); a header's cells one space apart and wrapped
    /// (`年度指标 实际完` over `值    成值`), a target one space after its name (000's first
    /// form); a row's numbers moved right of the middle of the gaps between 分值, 得分 and the
    /// deviation analysis, a level label wrapped beside a whole one (`产出指 质量指标` over
    /// `标`, 004's second form).
    @Test(arguments: [
        ("004-layout.txt", 0, [
            "辅助用工人数: =2(人) → 2.00(人) 10.00/10.00",
            "辅助用工到岗率: =100(%) → 100.00(%) 10.00/10.00",
            "辅助用工资质达标率: =100(%) → 100.00(%) 10.00/10.00",
            "辅助用工工作考核通过率: =100.00(%) → 100.00(%) 10.00/10.00",
            "单位安全事故情况: =0.00(例) → 0.00(例) 10.00/10.00",
            "用工单位满意度: ≥90(%) → 98.00(%) 10.00/8.00",
        ]),
        ("000-layout.txt", 0, [
            "监督检查覆盖率: =100% → =100% 20/20",
            "监督执法达标率: =100% → =100% 20/20",
        ]),
        ("004-layout-writer.txt", 0, [
            "成本控制有效性: 有效 → 达成指标 5.00/5.00",
            "辅助用工人数: =2(人) → 2.00(人) 10.00/10.00",
            "辅助用工到岗率: =100(%) → 100.00(%) 10.00/10.00",
            "辅助用工资质达标率: =100(%) → 100.00(%) 10.00/10.00",
            "辅助用工到岗及时性: 及时 → 达成指标 5.00/5.00",
            "辅助用工工作完成及时性: 及时（与委托方要求一致） → 达成指标 5.00/5.00",
            "单位安全事故情况: =0.00(例) → 0.00(例) 10.00/10.00",
            "辅助用工考核机制建立情况: 建立健全 → 达成指标 5.00/5.00",
        ]),
        // The seed's row with an empty 得分, its cell gone with the PDF's text: before, its text
        // went to the next row and the form's weights added up to 90.
        ("000-layout.txt", 12, [
            "补助发放准确率: 100% → 100% 10/·",
        ]),
        ("004-layout.txt", 1, [
            "审核准确率: =100.00(%) → 100.00(%) 10.00/10.00",
            "工伤医疗费审核期限: 在规定时限内完成 → 达成指标 10.00/10.00",
            "互助帮困医疗费审核期限: 在规定时限内完成 → 达成指标 10.00/10.00",
        ]),
    ])
    func wrappedIndicatorRows(file: String, form: Int, expected: [String]) throws {
        let forms = Fixtures.forms(Self.folder.appendingPathComponent(file))
        try #require(forms.count > form)
        let rows = forms[form].indicators.map {
            "\($0.name.value): \($0.target?.raw ?? "·") → \($0.actual?.raw ?? "·") \($0.weight?.raw ?? "·")/\($0.score?.raw ?? "·")"
        }
        for row in expected {
            #expect(rows.contains(row), "\(row) not in \(rows)")
        }
    }

    /// Indicator rows read as the seed's (name, target, actual, 分值 and 得分): pdftotext -layout
    /// of both seeds. 83 of 157 and 43 of 81 before words one space apart were cut into cells
    /// and short figures of two rows were kept apart (`WrappedRowBlock`).
    /// The same forms printed by Writer, rows with no blank line between them: 54 and 1 before
    /// the lines of label cells were left out of sharing lines between rows, the header's cells
    /// over and under its line named columns, and a figure under 分值 or 得分 went on from the
    /// row above only as the rest of a cut figure; 72 of 000's before pieces of two header
    /// cells one space apart were cut (`年度指标 实际完` over `分值  得分`). Words of two label
    /// columns one space apart (`服务对象满意度 服务对象满`) cut in two: 111, 52, 76 and 36 before.
    /// A row's line whose 得分 is empty (`补助发放准确率  100%  100%  10`) read as a row without
    /// it: 112 and 78 of 000's before.
    @Test(arguments: [("000_84adb1842e62a47c.txt", "000-layout.txt", 113), ("004_c9f77f6b4bcb1ec1.txt", "004-layout.txt", 53),
                      ("000_84adb1842e62a47c.txt", "000-layout-writer.txt", 81), ("004_c9f77f6b4bcb1ec1.txt", "004-layout-writer.txt", 37)])
    func indicatorRowsReadAsTheSeeds(seed: String, layout: String, sameRows: Int) {
        func key(_ r: IndicatorRow) -> String {
            "\(r.name.value)|\(r.target.map { "\($0.value)" } ?? "")|\(r.actual.map { "\($0.value)" } ?? "")|\(r.weight?.value.description ?? "")|\(r.score?.value.description ?? "")"
        }
        let original = Fixtures.forms(Fixtures.seeds.appendingPathComponent(seed))
        let printed = Fixtures.forms(Self.folder.appendingPathComponent(layout))
        let same = zip(original, printed).map { a, b in
            let read = Set(b.indicators.map(key))
            return a.indicators.filter { read.contains(key($0)) }.count
        }.reduce(0, +)
        #expect(same >= sameRows, "\(layout): \(same) of \(original.map(\.indicators.count).reduce(0, +)) rows as the seed's")
    }

    /// The seeds print no label the vocabulary does not know: every 一级/二级 label read from
    /// their PDF texts is a known one. (A label column's text the vocabulary does not know is
    /// taken for a label of its own, `预算执行情况`; pieces of known labels broken over lines,
    /// `成本指` / `标`, and the table's `绩效指标` must not be.)
    @Test(arguments: ["000-layout.txt", "004-layout.txt", "000-layout-writer.txt", "004-layout-writer.txt",
                      "000-other-layout-writer.txt", "004-other-layout.txt", "004-other-layout-writer.txt"])
    func noUnknownLabelsInTheSeedsPDFText(layout: String) {
        let known = Set(Vocabulary.level1 + Vocabulary.level2)
        let read = Fixtures.forms(Self.folder.appendingPathComponent(layout)).flatMap(\.indicators).flatMap { [$0.level1, $0.level2] }.compactMap { $0 }
        #expect(read.filter { !known.contains($0) } == [])
    }

    /// Every seed form states both goals, so no form of their PDF texts reads an achieved goal
    /// without a planned one. (Text on a goals heading's line is the plan's first line only
    /// when the line holds no achieved heading: beside both headings, it is no plan.)
    @Test(arguments: ["000-layout.txt", "004-layout.txt", "000-layout-writer.txt", "004-layout-writer.txt",
                      "000-other-layout-writer.txt", "004-other-layout.txt", "004-other-layout-writer.txt"])
    func noAchievedGoalWithoutItsPlan(layout: String) {
        let forms = Fixtures.forms(Self.folder.appendingPathComponent(layout))
        #expect(forms.filter { $0.goals.planned == nil && $0.goals.actual != nil }.map(\.displayName) == [])
    }

    /// An indicator header whose 一级指标 and 三级指标 are broken over the lines around its own
    /// (`一级  三级指` / `二级指标  指标值 … 得分` / `指标  标`) is a header: one form of each Writer
    /// text and of the pdfplumber one had no indicator table, its every line reported as not read.
    @Test(arguments: ["004-layout-writer.txt", "000-other-layout-writer.txt", "004-pdfplumber.txt"])
    func headerWithItsLevelNamesBroken(file: String) {
        #expect(Vocabulary.isIndicatorHeader(["二级指标", "指标值", "度量单位", "实际完成值", "权重", "得分"]))
        #expect(!Vocabulary.isIndicatorHeader(["二级指标", "权重", "得分"]))
        let forms = Fixtures.forms(Self.folder.appendingPathComponent(file))
        #expect(forms.allSatisfy { !$0.indicators.isEmpty }, "\(file): \(forms.filter(\.indicators.isEmpty).map { $0.name?.value ?? "?" })")
    }

    /// The 总分 figure cut at its column's edge and centred on the total's line (`98.0` /
    /// `总分  100.00  优` / `0`, Writer's text): read as 98.00, where it was read as 0 (its top
    /// went to the last indicator row): 5 of 18 and 0 of 8 totals as the seeds' before.
    @Test(arguments: [("000_84adb1842e62a47c.txt", "000-layout-writer.txt", 16), ("004_c9f77f6b4bcb1ec1.txt", "004-layout-writer.txt", 7)])
    func totalsReadAsTheSeeds(seed: String, layout: String, sameTotals: Int) {
        func total(_ f: Form) -> [ExactDecimal?] { [f.total?.weight?.value, f.total?.score?.value] }
        let original = Fixtures.forms(Fixtures.seeds.appendingPathComponent(seed))
        let printed = Fixtures.forms(Self.folder.appendingPathComponent(layout))
        let same = zip(original, printed).filter { total($0) == total($1) }.count
        #expect(same >= sameTotals, "\(layout): \(same) totals as the seed's")
    }

    /// The seeds in another province's template printed by Writer (`template-other.py`): the
    /// header fields, totals and indicator rows read as the seeds'. Before the header's pieces
    /// over and under its middle line made columns of their own (`指标` over `性质` beside
    /// `三级指标`), the 合计's 权重 cut around its line was placed by where it stands, a value
    /// wrapped around a later label's line went to that label, and an operator one space after
    /// the name went to 指标性质: 0 headers, 1 total and 0 rows of 004's, 5 headers and 7 rows
    /// of 000's. Funding tables: 3 of 000's before its figures were placed by the columns they
    /// stand in (the header stands left of them) and figures cut around a row's line were
    /// joined into it when the row's line has fewer or as many (`554,560.0 … 86.75` /
    /// `年度资金总额  10  8.68` / `0 … %`); 3 of 004's before pieces of two header cells one
    /// space apart were cut (`调整后预 预算执`), 4 (and 4 headers) before a funding header over
    /// several lines none of which names three columns was put together from them (`年初预算
    /// 调整后 预算执行  预算执` / `分值  得分` / `数  预算数 数  行率(%)`); 19 rows of 000's before words of two label
    /// columns one space apart were cut in two (`经济效益指 定点机构政`); 33 and 24 rows before
    /// two numbers under one of 权重 and 得分 (the header squeezed left of them) were read as
    /// both, and an operator just left of 指标性质 went to it.
    /// The same as a web page (`004-other-layout.txt`) and through pdfplumber
    /// (`004-other-pdfplumber.txt`): a header value centred on its line without positions went
    /// to the label that had none (`…医疗保险事` / `主管部门 X 实施单位` / `务中心`), 0 headers
    /// before; a qualitative row moved one column left was read back (`达成指标 10.00 9.00`);
    /// 1 total of 8 through pdfplumber before the 合计's figure wrapped around its line was told
    /// to be the 分值 (`100.0` / `合计 98.00 优` / `0`: 合计 also names a funding row); 22 rows
    /// before the words wrapped around a row with its 指标性质 on its line went after the target
    /// (`成本控制有效 达成指` / `定性 有效 5.00 5.00` / `性 标`: 达成指标 is the actual).
    @Test(arguments: [("004_c9f77f6b4bcb1ec1.txt", "004-other-layout-writer.txt", 7, 7, 8, 40),
                      ("000_84adb1842e62a47c.txt", "000-other-layout-writer.txt", 11, 14, 18, 47),
                      ("004_c9f77f6b4bcb1ec1.txt", "004-other-layout.txt", 8, 6, 8, 42),
                      ("004_c9f77f6b4bcb1ec1.txt", "004-other-pdfplumber.txt", 4, 6, 8, 30)])
    func otherTemplateInPDFText(seed: String, layout: String, sameHeaders: Int, sameFunding: Int, sameTotals: Int, sameRows: Int) {
        func key(_ r: IndicatorRow) -> String {
            "\(r.name.value)|\(r.target.map { "\($0.value)" } ?? "")|\(r.actual.map { "\($0.value)" } ?? "")|\(r.weight?.value.description ?? "")|\(r.score?.value.description ?? "")"
        }
        func total(_ f: Form) -> [ExactDecimal?] { [f.total?.weight?.value, f.total?.score?.value] }
        let original = Fixtures.forms(Fixtures.seeds.appendingPathComponent(seed))
        let printed = Fixtures.forms(Self.folder.appendingPathComponent(layout))
        #expect(original.count == printed.count)
        let headers = zip(original, printed).filter { Self.header($0) == Self.header($1) }.count
        let totals = zip(original, printed).filter { total($0) == total($1) }.count
        let funding = zip(original, printed).filter { Self.funding($0) == Self.funding($1) }.count
        let rows = zip(original, printed).map { a, b in
            let read = Set(b.indicators.map(key))
            return a.indicators.filter { read.contains(key($0)) }.count
        }.reduce(0, +)
        #expect(headers >= sameHeaders, "\(layout): \(headers) headers as the seed's")
        #expect(funding >= sameFunding, "\(layout): \(funding) funding tables as the seed's")
        #expect(totals >= sameTotals, "\(layout): \(totals) totals as the seed's")
        #expect(rows >= sameRows, "\(layout): \(rows) of \(original.map(\.indicators.count).reduce(0, +)) rows as the seed's")
    }

    /// Goal texts side by side, run together one space apart where the 预期目标 text fills its
    /// column (`…更好地为参保人提供 人员完成窗口工作秩序…`): cut where the 实际完成情况 texts start
    /// on the lines that hold them alone; the 年度总体 / 目标 label beside them is no text. Before,
    /// the first form's planned text began with 年度总体 and its first line went to the actual.
    @Test func goalsSideBySide() throws {
        let form = try #require(Fixtures.forms(Self.folder.appendingPathComponent("004-layout-writer.txt")).first)
        let planned = try #require(form.goals.planned?.value.compacted), actual = try #require(form.goals.actual?.value.compacted)
        #expect(planned.hasPrefix("为解决窗口拥堵问题，提高办事效率，更好地为参保人提供服务"))
        #expect(actual.hasPrefix("通过购买辅助类用工服务") && actual.contains("协助窗口工作人员完成窗口工作秩序。"))
        #expect(!actual.contains("为解决窗口拥堵问题"))
    }
}
