import Foundation
import Testing
import SelfEval
@testable import SelfEvalChecks

/// What the checks must (and must not) find on the two real seed files.
@Suite struct SeedFindingsTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/seeds")

    static let diagnostics: [Diagnostic] = {
        let linter = Linter(checks: AllChecks.types)
        return linter.lint(files: ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"].map {
            (path: seeds.appendingPathComponent($0).path, display: $0)
        }).flatMap(\.diagnostics)
    }()

    static func forms(_ check: String) -> Set<String> {
        Set(diagnostics.filter { $0.check == check }.compactMap(\.form))
    }

    @Test func fundingBreakdownInTheInitialBudgetColumn() {
        let found = Self.diagnostics.filter { $0.check == "funding-breakdown" }
        #expect(Set(found.compactMap(\.form)) == ["监督执法专项工作经费", "政府购买服务人员专项经费", "物业管理费"])
        #expect(found.allSatisfy { $0.message.en.contains("年初预算数") })
        let first = found.first { $0.form == "监督执法专项工作经费" }
        #expect(first?.message.en == "年度资金总额 年初预算数 448,000.00 ≠ sum of its parts 488,000.00 (元)")
        #expect(first?.range.start == SourceLocation(line: 8, column: 9))
    }

    @Test func missingActualOnTheRentSatisfactionRow() {
        let found = Self.diagnostics.filter { $0.check == "missing-actual" }
        #expect(found.map { $0.form ?? "" } == ["房屋租赁费"])
        #expect(found.first?.row == "服务对象和工作人员满意度")
        #expect(found.first?.range.start.line == 93)
    }

    @Test func duplicatedGoalTextOnTheCopiedForms() {
        #expect(Self.forms("duplicated-goal-text") == [
            "医疗救助资金专项检查工作经费", "医疗救助资金", "城乡医疗救助（沪财预〔2022〕127号）", "医疗救助补助资金—社23011",
            "医疗救助补助资金（社2383）", "残疾人就业保障金",
        ])
    }

    @Test func noWeightSumFindingBecauseAllSeedWeightsAddTo100() {
        #expect(Self.forms("weight-sum").isEmpty)
    }

    @Test func cleanFormsHaveNoWarningOrError() {
        for clean in ["退休人员体检费", "医疗服务与保障能力提升-社23021号"] {
            let found = Self.diagnostics.filter { $0.form == clean && $0.severity >= .warning }
            #expect(found.isEmpty, "\(clean): \(found.map(\.message.en))")
        }
    }

    @Test func fingerprintsAreStableAndDistinct() {
        let prints = Self.diagnostics.map(\.fingerprint)
        #expect(Set(prints).count == prints.count)
        #expect(prints.allSatisfy { $0.count == 16 })
    }
}

/// The full catalogue on the seeds (issue 3).
@Suite struct SeedCatalogueTests {
    static func found(_ check: String) -> [Diagnostic] { SeedFindingsTests.diagnostics.filter { $0.check == check } }
    static func pairs(_ check: String) -> Set<String> { Set(found(check).map { "\($0.form ?? "")/\($0.row ?? "")" }) }

    @Test func deductionDespiteMet() {
        let forms = Set(Self.found("deduction-despite-met").compactMap(\.form))
        #expect(forms == ["医保普法、宣教工作经费", "政府购买辅助服务（保安）", "医疗保障宣传费用", "服务窗口业务", "政府购买辅助服务", "医保专线电信", "闵行区医保定点医药机构信息管理服务"])
        let rows = Self.pairs("deduction-despite-met")
        for expected in ["医保普法、宣教工作经费/医保政策知晓率", "政府购买辅助服务（保安）/用工单位满意度", "医疗保障宣传费用/宣传覆盖率",
                         "服务窗口业务/参保人员满意度", "政府购买辅助服务/雇员考核机制建立情况", "医保专线电信/维保机制建立情况",
                         "闵行区医保定点医药机构信息管理服务/动态跟踪机制建立情况"] {
            #expect(rows.contains(expected), "\(expected)")
        }
    }

    @Test func deductionWithoutReason() {
        #expect(Self.pairs("deduction-without-reason") == ["服务窗口业务/参保人员满意度", "闵行区医保定点医药机构信息管理服务/动态跟踪机制建立情况"])
    }

    @Test func lenientPartialScoreOnTheMailCounts() {
        let rows = Self.pairs("lenient-partial-score")
        for expected in ["服务窗口业务/汇款汇费件数", "服务窗口业务/挂号信邮资件数", "服务窗口业务/平邮邮资件数"] {
            #expect(rows.contains(expected), "\(expected)")
        }
        // 工伤医疗费审核数量 (≥4000, 3344, 9 of 10) is within the 1-point margin of 8.36.
        #expect(!rows.contains("非基本医疗保险审核及经办管理辅助事务服务外包项目/工伤医疗费审核数量"))
    }

    @Test func actualCopiesTarget() {
        let forms = Set(Self.found("actual-copies-target").compactMap(\.form))
        #expect(forms.isSuperset(of: ["长护险工作专项经费", "公务员百分之二医疗补助", "宝山区不驻会人大政协副职医疗补助"]))
        #expect(Self.found("actual-copies-target").allSatisfy { $0.message.en.contains(">=") || $0.message.en.contains("<=") || $0.message.en.contains("≥") })
    }

    @Test func staleYearOnThe2024FormsThatSpeakOf2023() {
        #expect(Set(Self.found("stale-year").compactMap(\.form)) == ["政府购买辅助服务（保安）", "非基本医疗保险审核及经办管理辅助事务服务外包项目", "闵行区医保定点医药机构信息管理服务"])
        let first = Self.found("stale-year").first { $0.form == "政府购买辅助服务（保安）" }
        #expect(first?.range.start == SourceLocation(line: 44, column: 6))
    }

    @Test func roundingCasesAreAtMostNotes() {
        let rate = Self.found("execution-rate")
        #expect(rate.contains { $0.form == "物业管理费" })
        #expect(rate.allSatisfy { $0.severity == .note })
        #expect(Self.found("budget-score").allSatisfy { $0.severity == .note })
    }

    @Test func noArithmeticContradictionsBeyondTheFundingBreakdowns() {
        for check in ["total-score", "score-exceeds-weight", "grade-mismatch"] {
            #expect(Self.found(check).isEmpty, "\(check): \(Self.found(check).map(\.message.en))")
        }
        // The one row whose score was lost in extraction, with the value the total implies.
        let missing = Self.found("missing-score")
        #expect(missing.map { $0.row ?? "" } == ["补助发放准确率"])
        #expect(missing.first?.notes.first?.en.contains("would be 10") == true)
    }

    @Test func targetOvershootOnTheStaffCount() {
        #expect(Self.pairs("target-overshoot") == ["政府购买服务人员专项经费/购买服务人员数量"])
    }

    @Test func crossFormDuplicateFindsSharedGoalText() {
        let forms = Set(Self.found("cross-form-duplicate").compactMap(\.form))
        #expect(forms.isSuperset(of: ["医疗救助资金", "城乡医疗救助（沪财预〔2022〕127号）", "医疗救助补助资金—社23011", "医疗救助补助资金（社2383）"]))
        #expect(Self.found("cross-form-duplicate").allSatisfy { $0.severity == .note })
    }

    @Test func weightDistributionIsOffByDefault() {
        #expect(Self.found("weight-distribution").isEmpty)
    }
}
