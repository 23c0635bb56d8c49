import SelfEval

/// A target exceeded by far, scored full, with no analysis: the target was probably set too low.
struct TargetOvershoot: Check {
    static let description = CheckDescription(
        id: "target-overshoot",
        title: Message(en: "Target far exceeded without analysis", zh: "大幅超额完成但未分析原因"),
        severity: .warning,
        rationale: Message(
            en: "财预〔2020〕10号: a target met by far more than planned must have its reason analysed; if it was set too low, the score is reduced. Full marks with no analysis hide a target set too low.",
            zh: "财预〔2020〕10号：大幅超额完成的应分析原因，目标设定过低的应扣分。满分且未作分析，掩盖了目标设定偏低。"),
        options: ["thresholds.overshootRatio"],
        triggering: [
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t购买服务人员数量\t=4人\t7\t30\t30",
            ])), row: "购买服务人员数量"),
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t凭证快递送达件数\t≥1750.00(件)\t3405.00(件)\t30\t30",
            ])), row: "凭证快递送达件数"),
            // An analysis that says nothing (无) is none.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t凭证快递送达件数\t≥1750.00(件)\t3405.00(件)\t30\t30\t无",
            ])), row: "凭证快递送达件数"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            // Analysed in the deviation column.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t凭证快递送达件数\t≥1750.00(件)\t3405.00(件)\t30\t30\t平邮改为快递，件数相应增加",
            ]))),
            // Exceeded, but by less than the ratio (1.4 < 1.5).
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t检查次数\t≥10次\t14次\t30\t30",
            ]))),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        let ratio = context.configuration.overshootRatio
        for row in form.indicators {
            guard let w = row.weight, let s = row.score, s.value.compare(w.value) >= 0,
                  let t = row.target, let a = row.actual, let tq = t.value.quantity, let aq = a.value.quantity,
                  tq.comparator == nil || tq.comparator == .equal || tq.comparator == .atLeast || tq.comparator == .greater,
                  let (tv, av) = TargetEvaluation.comparable(target: tq, actual: aq), !tv.isZero, !tv.isNegative,
                  av.compare(tv * ratio) >= 0, !row.hasAnalysis else { continue }
            let times = av.divided(by: tv, scale: 2)!
            report.add(Message(en: "\(row.name.raw): actual \(a.raw) is \(times)× the target \(t.raw), scored full \(s.value) with no analysis",
                               zh: "“\(row.name.raw)”实际 \(a.raw) 为指标值 \(t.raw) 的 \(times) 倍，得满分 \(s.value) 且未分析原因"),
                       at: a.range, row: row.name.value,
                       notes: [Message(en: "rule: far exceeding a target needs an analysis; a target set too low reduces the score (ratio ≥ \(ratio), thresholds.overshootRatio)",
                                       zh: "规则：大幅超额完成须分析原因，目标设定偏低应扣分（倍数 ≥ \(ratio)，thresholds.overshootRatio）")],
                       values: [t.value.canonical, a.value.canonical])
        }
    }
}
