import SelfEval

/// Full marks contradict an actual that misses the target, or a deviation analysis that
/// admits a shortfall.
struct FullMarksContradiction: Check {
    static let description = CheckDescription(
        id: "full-marks-contradiction",
        title: Message(en: "Full marks despite a missed target", zh: "未达目标却得满分"),
        severity: .warning,
        rationale: Message(
            en: "财预〔2020〕10号: full weight only when the target is met; a missed quantitative target scores weight × actual / target, a partly achieved qualitative one 60–80% of the weight.",
            zh: "财预〔2020〕10号：完成指标值的得全部分值；未完成的按实际完成值/指标值×分值计分，定性指标部分达成的得60%–80%。"),
        triggering: [
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t≥95%\t90%\t50\t50",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ]), row: "检查覆盖率"),
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t50\t50",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30\t部分街镇宣传未完成，下年加强",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ]), row: "政策知晓率"),
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t有效投诉数量\t≤5件\t8件\t50\t50",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ]), row: "有效投诉数量"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            // Exactly met, and a reverse target met.
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t≥95%\t95%\t50\t50",
                "效益指标\t社会效益指标\t有效投诉数量\t≤5件\t5件\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
            // Missed but not scored full: another check's business.
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t≥95%\t90%\t50\t47.37\t人员不足，未完成",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ], total: "100\t97.37")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        // Deviation texts are searched for the words only when they hold a word's first character.
        let shortfall = context.configuration.shortfallFilter
        // Rows are read where they are stored (`for row in form.indicators` copied every row);
        // a row is copied only for a finding.
        form.indicators.withUnsafeBufferPointer { rows in
            for i in rows.indices {
                // The numbers first, the Fields only for rows at full marks.
                guard let wv = rows[i].weight?.value, let sv = rows[i].score?.value, !wv.isZero, sv.compare(wv) >= 0,
                      let scoreRange = rows[i].score?.range else { continue }
                if let target = rows[i].target?.value, let actual = rows[i].actual?.value {
                    let attainment = TargetEvaluation.evaluate(target: target, actual: actual)
                    if attainment.isMissedOrPartial, let t = rows[i].target, let a = rows[i].actual {
                        let row = rows[i]
                        report.add(Self.missed(row, t.raw, a.raw, sv, wv, attainment), at: scoreRange, row: row.name.value,
                                   notes: [Self.rule], values: [t.value.canonical, a.value.canonical, "\(sv)"])
                        continue
                    }
                }
                let deviation = rows[i].deviationText
                if shortfall.matches(deviation), let word = context.configuration.shortfallWords.first(where: { deviation.containsBytes($0) }) {
                    let row = rows[i]
                    let range = row.deviation?.range ?? scoreRange
                    report.add(Self.admitted(row, word, sv, wv), at: range, row: row.name.value,
                               notes: [Self.quote(deviation), Self.rule], values: [word, "\(sv)"])
                }
            }
        }
    }

    private static func missed(_ row: IndicatorRow, _ target: String, _ actual: String, _ score: ExactDecimal, _ weight: ExactDecimal, _ a: Attainment) -> Message {
        let how = a == .partial ? "only partly meets" : "misses"
        let zhHow = a == .partial ? "仅部分达成" : "未达到"
        return Message(en: "\(row.name.raw) scores full marks \(score) of \(weight) although the actual \(actual) \(how) the target \(target)",
                       zh: "“\(row.name.raw)”实际完成值 \(actual) \(zhHow)年度指标值 \(target)，却得满分 \(score)/\(weight)")
    }

    private static func admitted(_ row: IndicatorRow, _ word: String, _ score: ExactDecimal, _ weight: ExactDecimal) -> Message {
        Message(en: "\(row.name.raw) scores full marks \(score) of \(weight) although its deviation analysis admits a shortfall (“\(word)”)",
                zh: "“\(row.name.raw)”偏差原因分析承认未完成（“\(word)”），却得满分 \(score)/\(weight)")
    }

    private static func quote(_ text: String) -> Message {
        Message(en: "偏差原因分析: \(text)", zh: "偏差原因分析：\(text)")
    }

    private static let rule = Message(en: "rule: full weight only when the target is met (财预〔2020〕10号)",
                                      zh: "规则：完成指标值的方可得全部分值（财预〔2020〕10号）")
}
