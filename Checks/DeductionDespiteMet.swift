import SelfEval

/// Points taken off although the actual meets the target.
struct DeductionDespiteMet: Check {
    static let description = CheckDescription(
        id: "deduction-despite-met",
        title: Message(en: "Points deducted although the target is met", zh: "已完成目标却扣分"),
        severity: .warning,
        rationale: Message(
            en: "财预〔2020〕10号: a met target earns the full weight. A deduction next to a met target means the actual, the target or the score is wrong. 达成指标 counts as met.",
            zh: "财预〔2020〕10号：完成指标值的得全部分值。已完成却扣分，说明实际值、指标值或得分有误。“达成指标”视为完成。"),
        triggering: [
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                2: "效益指标\t社会效益指标\t医保政策知晓率\t>=90%\t98%\t30\t29\t宣传力度需进一步加大",
            ]), total: "100\t99"), row: "医保政策知晓率"),
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                2: "效益指标\t可持续影响指标\t雇员考核机制建立情况\t建立健全\t达成指标\t30\t27\t进一步健全和完善考核机制",
            ]), total: "100\t97"), row: "雇员考核机制建立情况"),
            // Exactly met is met.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                3: "满意度指标\t服务对象满意度指标\t参保人员满意度\t≥90.00(%)\t90.00(%)\t10\t0",
            ]), total: "100\t90"), row: "参保人员满意度"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            // Partly achieved (较规范 against 规范): a deduction is right.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                2: "效益指标\t社会效益指标\t医疗服务行为规范性\t规范\t较规范\t30\t27\t部分机构存在违规问题",
            ]), total: "100\t97")),
            // An = target overshot: a deduction for a target set too low is allowed.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t信息管理对象数量\t=384.00(家)\t495.00(家)\t30\t29.9\t2024年新增纳保机构",
            ]), total: "100\t99.9")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        for row in form.indicators {
            guard let w = row.weight, let s = row.score, s.value.compare(w.value) < 0,
                  let t = row.target, let a = row.actual,
                  TargetEvaluation.evaluate(target: t.value, actual: a.value, overshootRatio: context.configuration.overshootRatio) == .met
            else { continue }
            report.add(Message(en: "\(row.name.raw) scores \(s.value) of \(w.value) although the actual \(a.raw) meets the target \(t.raw)",
                               zh: "“\(row.name.raw)”实际完成值 \(a.raw) 已达到年度指标值 \(t.raw)，却只得 \(s.value) 分（分值 \(w.value)）"),
                       at: s.range, row: row.name.value,
                       notes: [Message(en: "rule: a met target earns the full weight (财预〔2020〕10号)", zh: "规则：完成指标值的得全部分值（财预〔2020〕10号）")],
                       values: [t.value.canonical, a.value.canonical, s.value.description])
        }
    }
}
