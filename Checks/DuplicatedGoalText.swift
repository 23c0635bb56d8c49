import SelfEval

/// 实际完成情况 must report what happened, not repeat 预期目标.
struct DuplicatedGoalText: Check {
    static let description = CheckDescription(
        id: "duplicated-goal-text",
        title: Message(en: "Achieved text repeats the planned goal", zh: "实际完成情况照抄预期目标"),
        severity: .warning,
        rationale: Message(
            en: "实际完成情况 must state the results achieved; a copy of 预期目标 reports nothing and hides whether the goal was met.",
            zh: "实际完成情况应写明实际取得的结果；照抄预期目标等于没有报告，掩盖了目标是否实现。"),
        triggering: [
            Example(ExampleForm.tabular(planned: "确保医疗救助资金严格按照规定及时、准确、足额发放。", actual: "确保医疗救助资金严格按照规定及时、准确、足额发放。")),
            Example(ExampleForm.tabular(planned: "<p>严格依据规定标准发放救助资金，确保发放及时、准确、足额；加强资金监管。</p>",
                                        actual: "严格依据规定标准发放救助资金，确保发放及时准确足额；加强资金监管")),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            Example(ExampleForm.tabular(planned: "确保区医保局和医保服务大厅正常运行。", actual: "按合同支付租赁费用，确保区医保局和医保服务大厅正常运行。")),
            // Edited from the plan but reporting the figures achieved.
            Example(ExampleForm.tabular(planned: "2024年计划印刷宣传册6250份，宣传活动覆盖14个街镇，宣传对象满意度达90%。",
                                        actual: "2024年共印刷宣传册6250份，宣传活动覆盖全部街镇，宣传对象满意度达98%。")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        guard let planned = form.goals.planned, let actual = form.goals.actual else { return }
        let p = TextSimilarity.normalized(planned.value), a = TextSimilarity.normalized(actual.value)
        guard p.count >= 6, a.count >= 6 else { return }
        // Texts of very different lengths cannot reach the threshold: skip the bigram count.
        let bp = p.count - 1, ba = a.count - 1
        guard Double(2 * min(bp, ba)) / Double(bp + ba) >= context.configuration.goalSimilarity else { return }
        let similarity = TextSimilarity.dice(p, a)
        guard similarity >= context.configuration.goalSimilarity else { return }
        // A near copy that states new figures (98% against a planned 90%) is a report, not a copy.
        let newFigures = TextSimilarity.numbers(a).subtracting(TextSimilarity.numbers(p))
        guard similarity >= 1 || newFigures.isEmpty else { return }
        let percent = Int((similarity * 100).rounded(.down))
        report.add(Self.message(percent), at: actual.range, notes: [Self.planned(planned.raw), Self.rule],
                   values: [TextSimilarity.string(p.prefix(60))])
    }

    private static func message(_ percent: Int) -> Message {
        percent >= 100
            ? Message(en: "实际完成情况 is a copy of 预期目标 (identical text)", zh: "实际完成情况与预期目标完全相同")
            : Message(en: "实际完成情况 nearly repeats 预期目标 (\(percent)% similar)", zh: "实际完成情况与预期目标高度雷同（相似度 \(percent)%）")
    }

    private static func planned(_ text: String) -> Message {
        let shown = text.shortened(to: 60)
        return Message(en: "预期目标: \(shown)", zh: "预期目标：\(shown)")
    }

    private static let rule = Message(en: "rule: 实际完成情况 reports results achieved, not the plan",
                                      zh: "规则：实际完成情况应填写实际完成的结果，而非计划")
}
