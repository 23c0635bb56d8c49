import SelfEval

/// A missed target scored well above what the scoring rules give it.
struct LenientPartialScore: Check {
    static let description = CheckDescription(
        id: "lenient-partial-score",
        title: Message(en: "Missed target scored too leniently", zh: "未完成目标但得分偏高"),
        severity: .warning,
        rationale: Message(
            en: "财预〔2020〕10号: a missed target scores weight × actual / target (weight × target / actual for ≤ targets); a partly achieved qualitative one 60–80% of the weight, an unachieved one at most 60%. A score more than the margin above that inflates the result.",
            zh: "财预〔2020〕10号：未完成的定量指标按 实际值/指标值 × 分值 计分（反向指标按 指标值/实际值 × 分值）；定性指标部分达成得60%–80%，未达成不超过60%。得分高出规定超过容差即为虚高。"),
        options: ["thresholds.lenientMargin"],
        triggering: [
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t汇款汇费件数\t≥950(件)\t42.00(件)\t30\t29\t邮汇方式逐步取消",
            ]), total: "100\t99"), row: "汇款汇费件数"),
            // Reverse target: ≤5 complaints, 10 received: 30 × 5 / 10 = 15.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t有效投诉数量\t≤5件\t10件\t30\t25\t投诉增加，加强管理",
            ]), total: "100\t95"), row: "有效投诉数量"),
            // Partly achieved qualitative target above 80% of the weight.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                2: "效益指标\t社会效益指标\t工作有序性\t有序\t基本有序\t30\t29\t加强沟通",
            ]), total: "100\t99"), row: "工作有序性"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            // 30 × 3344 / 4000 = 25.08; 26 is within the 1-point margin.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t工伤医疗费审核数量\t≥4000.00(件)\t3344.00(件)\t30\t26\t直接结算普及，受理数下降",
            ]), total: "100\t96")),
            // Partly achieved at exactly 80% of the weight.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                2: "效益指标\t可持续影响指标\t公务员医疗补助机制\t建立健全\t逐步完善\t30\t24\t进一步健全完善",
            ]), total: "100\t94")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        let margin = context.configuration.lenientMargin
        for row in form.indicators {
            // The values first, the Fields only for a finding (as in full-marks-contradiction,
            // whose business full marks are).
            guard let wv = row.weight?.value, let sv = row.score?.value, sv.compare(wv) < 0,
                  let target = row.target?.value, let actual = row.actual?.value else { continue }
            let attainment = TargetEvaluation.evaluate(target: target, actual: actual, overshootRatio: context.configuration.overshootRatio)
            // What the rules allow, and how; the explanation is written only for a finding.
            var allowed: ExactDecimal?
            var rule: Rule?
            if attainment == .missed, let tq = target.quantity, let aq = actual.quantity,
               let (tv, av) = TargetEvaluation.comparable(target: tq, actual: aq) {
                let reverse = tq.comparator?.isReverse ?? false
                if reverse {
                    guard !av.isZero else { continue }
                    allowed = (wv * tv).divided(by: av, scale: 2)
                    rule = .proportional(times: tv, over: av)
                } else {
                    guard !tv.isZero else { continue }
                    allowed = (wv * av).divided(by: tv, scale: 2)
                    rule = .proportional(times: av, over: tv)
                }
            } else if attainment == .partial || (attainment == .missed && target.quantity == nil) {
                let share = attainment == .partial ? ExactDecimal(significand: 8, scale: 1) : ExactDecimal(significand: 6, scale: 1)
                allowed = (wv * share).trimmed
                rule = .share(partial: attainment == .partial)
            }
            guard let allowed, let rule, sv.compare(allowed + margin) > 0, let s = row.score, let t = row.target, let a = row.actual else { continue }
            report.add(Message(en: "\(row.name.raw) scores \(sv) of \(wv) for \(a.raw) against \(t.raw); the scoring rules give \(allowed)",
                               zh: "“\(row.name.raw)”实际 \(a.raw)、目标 \(t.raw)，按规则应得 \(allowed) 分，却得 \(sv) 分（分值 \(wv)）"),
                       at: s.range, row: row.name.value,
                       notes: [Self.how(rule, wv, allowed), Message(en: "allowed margin: \(margin) point(s) (thresholds.lenientMargin)", zh: "容差：\(margin) 分（thresholds.lenientMargin）")],
                       values: [target.canonical, actual.canonical, sv.description])
        }
    }

    /// How the allowed score was worked out.
    private enum Rule {
        /// 分值 × one figure ÷ the other (actual over target, or target over actual when lower is better).
        case proportional(times: ExactDecimal, over: ExactDecimal)
        /// A share of the weight: 80% when partly achieved, 60% when a qualitative target is missed.
        case share(partial: Bool)
    }

    private static func how(_ rule: Rule, _ weight: ExactDecimal, _ allowed: ExactDecimal) -> Message {
        switch rule {
        case .proportional(let times, let over):
            return Message(en: "\(weight) × \(times) / \(over) = \(allowed)", zh: "\(weight) × \(times) ÷ \(over) = \(allowed)")
        case .share(let partial):
            let band = partial ? "80%" : "60%"
            return Message(en: "\(partial ? "partly achieved" : "not achieved"): at most \(band) of \(weight) = \(allowed)",
                           zh: "\(partial ? "部分达成" : "未达成")：最多得分值 \(weight) 的 \(band) = \(allowed)")
        }
    }
}
