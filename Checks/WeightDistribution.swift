import SelfEval

/// First-level weights far from the 10/50/30/10 guideline (advisory, off by default).
struct WeightDistribution: Check {
    static let description = CheckDescription(
        id: "weight-distribution",
        title: Message(en: "First-level weights far from the guideline", zh: "一级指标分值偏离指导比例"),
        severity: .note,
        rationale: Message(
            en: "财预〔2020〕10号 sets weights “in principle” at budget execution 10, 产出 50, 效益 30, 满意度 10 (产出 + 成本 = 50 where 成本指标 is a first level), adjustable in special cases. A large departure deserves a look. Advisory; enable it in .selfeval.json.",
            zh: "财预〔2020〕10号：原则上预算执行率10分、产出指标50分、效益指标30分、满意度指标10分（成本指标单列时产出+成本=50分），特殊情况可调整。偏离较大值得关注。建议性检查，需在 .selfeval.json 中启用。"),
        isOptIn: true,
        options: ["weightGuideline", "thresholds.weightTolerance"],
        triggering: [
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t20\t20",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t60\t60",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t50\t50",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t15\t15",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t25\t25",
            ])),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t50\t50",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
            // 成本指标 as a first level counts with 产出.
            Example(ExampleForm.tabular(rows: [
                "成本指标\t经济成本指标\t成本控制有效性\t有效\t达成指标\t10\t10",
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t40\t40",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        guard !form.indicators.isEmpty else { return }
        var parts: [String: ExactDecimal] = ["budget": form.budgetWeight?.value ?? .zero, "output": .zero, "effect": .zero, "satisfaction": .zero]
        for row in form.indicators {
            guard let w = row.weight?.value else { continue }
            let level1 = row.level1 ?? ""
            let key: String?
            if level1.containsBytes("产出") || level1.containsBytes("成本") || level1.containsBytes("完成") { key = "output" }
            else if level1.containsBytes("效益") || level1.containsBytes("效果") { key = "effect" }
            else if level1.containsBytes("满意") { key = "satisfaction" }
            else { key = nil }
            if let key { parts[key] = parts[key]! + w }
        }
        let names = ["budget": ("budget execution", "预算执行率"), "output": ("产出 (+成本)", "产出（含成本）"), "effect": ("效益", "效益"), "satisfaction": ("满意度", "满意度")]
        let tolerance = context.configuration.weightTolerance
        var off: [(String, ExactDecimal, ExactDecimal)] = []
        for key in ["budget", "output", "effect", "satisfaction"] {
            guard let guide = context.configuration.weightGuideline[key], let actual = parts[key] else { continue }
            if (actual - guide).magnitude.compare(tolerance) > 0 { off.append((key, actual, guide)) }
        }
        guard !off.isEmpty else { return }
        let en = off.map { "\(names[$0.0]!.0) \($0.1) (guideline \($0.2))" }.joined(separator: ", ")
        let zh = off.map { "\(names[$0.0]!.1) \($0.1)（指导值 \($0.2)）" }.joined(separator: "，")
        report.add(Message(en: "first-level weights far from the guideline: \(en)", zh: "一级指标分值偏离指导比例：\(zh)"),
                   at: form.name?.range ?? form.range,
                   notes: [Message(en: "tolerance: \(tolerance) points (thresholds.weightTolerance)", zh: "容差：\(tolerance) 分（thresholds.weightTolerance）")],
                   values: off.map { "\($0.0)=\($0.1)" })
    }
}
