import Foundation
import Testing
import SelfEval
@testable import SelfEvalChecks

/// What the checks must (and must not) find on the two real seed files.
@Suite struct SeedFindingsTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/seeds")

    static let diagnostics: [Diagnostic] = {
        let linter = Linter(checks: AllChecks.types)
        return ["000_84adb1842e62a47c.txt", "004_c9f77f6b4bcb1ec1.txt"].flatMap {
            linter.lint(path: seeds.appendingPathComponent($0).path, display: $0).diagnostics
        }
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
