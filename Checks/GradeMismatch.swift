import SelfEval

/// 评分等级 must agree with the 总分: 优 90–100, 良 80–<90, 中 60–<80, 差 below 60.
struct GradeMismatch: Check {
    static let description = CheckDescription(
        id: "grade-mismatch",
        title: Message(en: "Grade disagrees with the total", zh: "评分等级与总分不符"),
        severity: .warning,
        rationale: Message(en: "Grades follow the total: 优 90–100, 良 80–<90, 中 60–<80, 差 below 60 (bands configurable).",
                           zh: "评分等级按总分确定：优 90–100，良 80–<90，中 60–<80，差 60以下（分档可配置）。"),
        options: ["gradeBands"],
        triggering: [
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                0: "产出指标\t数量指标\t检查覆盖率\t=100%\t80%\t30\t24\t人手不足",
                1: "\t质量指标\t检查合格率\t≥95%\t80%\t20\t16.84\t人手不足",
            ]), total: "100\t90.84", grade: "良")),
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t60%\t30\t18\t人手不足",
                "\t质量指标\t检查合格率\t≥95%\t60%\t20\t12.63\t人手不足",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t60%\t30\t20\t宣传不足",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ], total: "100\t70.63", grade: "优")),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular(grade: "优")),
            // 优秀 is 优; 合格 is not on the 优/良/中/差 scale.
            Example(ExampleForm.tabular(grade: "优秀")),
            Example(ExampleForm.tabular(grade: "合格")),
            // Exactly 90 is 优.
            Example(ExampleForm.tabular(rows: ExampleForm.rows(replacing: [
                1: "\t质量指标\t检查合格率\t≥95%\t95%\t20\t20",
                2: "效益指标\t社会效益指标\t政策知晓率\t≥90%\t60%\t30\t20\t宣传不足",
            ]), total: "100\t90", grade: "优")),
        ])

    /// 优秀 → 优, 良好 → 良, 中等 → 中, 较差 → 差; other words (合格) are not on this scale.
    static func normalized(_ grade: String) -> String? {
        let g = grade.compacted
        for (word, grade) in [("优", "优"), ("良", "良"), ("中", "中"), ("较差", "差"), ("差", "差")] where g.hasBytePrefix(word) { return grade }
        return nil
    }

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        guard let grade = form.grade, let score = form.total?.score, let written = Self.normalized(grade.value) else { return }
        let expected = context.configuration.grade(for: score.value)
        guard !written.sameBytes(expected) else { return }
        let bands = context.configuration.gradeBands.map { "\($0.grade) ≥ \($0.minimum)" }.joined(separator: ", ")
        report.add(Message(en: "评分等级 \(grade.raw) does not match 总分 \(score.raw), which is \(expected)",
                           zh: "评分等级“\(grade.raw)”与总分 \(score.raw) 不符，应为“\(expected)”"),
                   at: grade.range, notes: [Message(en: "bands: \(bands), else 差", zh: "分档：\(bands)，以下为差")],
                   values: [grade.value, score.value.description])
    }
}
