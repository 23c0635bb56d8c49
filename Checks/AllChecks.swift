import SelfEval

/// Every check selfeval knows, in the order they run. Adding a check is adding its file
/// and one line here; the registry test fails when a check file is not listed.
public enum AllChecks {
    public static let types: [any Check.Type] = [
        WeightSum.self,
        Level1Weight.self,
        FundingBreakdown.self,
        FullMarksContradiction.self,
        MissingActual.self,
        DuplicatedGoalText.self,
        TemplateInstructions.self,
        ExecutionRate.self,
        BudgetScore.self,
        TotalScore.self,
        ScoreExceedsWeight.self,
        MissingScore.self,
        DeductionWithoutReason.self,
        DeductionDespiteMet.self,
        LenientPartialScore.self,
        ActualCopiesTarget.self,
        StaleYear.self,
        GradeMismatch.self,
        TargetOvershoot.self,
        WeightDistribution.self,
        CrossFormDuplicate.self,
    ]

    public static var descriptions: [CheckDescription] { types.map { $0.description } }
}
