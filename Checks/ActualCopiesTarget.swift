import SelfEval

/// An actual value that still carries the target's operator (`>=45000人`) measures nothing.
struct ActualCopiesTarget: Check {
    static let description = CheckDescription(
        id: "actual-copies-target",
        title: Message(en: "Actual value copies the target's operator", zh: "实际完成值照抄指标值"),
        severity: .note,
        rationale: Message(
            en: "An actual is a measured value. One that keeps an inequality operator (≥, >, ≤, <) was copied from the target and says nothing about what was achieved, so the score cannot be checked. A note by default: the value may still be true.",
            zh: "实际完成值应为实测值。带不等号（≥、>、≤、<）的实际值是从指标值照抄的，无法反映实际完成情况，得分也无从核对。默认仅作提示。"),
        triggering: [
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t长护险居家累计享受人数\t>=45000人\t>=45000人\t50\t50",
                "效益指标\t社会效益指标\t政策知晓率\t≥90%\t95%\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ]), row: "长护险居家累计享受人数"),
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t100%\t50\t50",
                "效益指标\t社会效益指标\t有效投诉数量\t<=5件\t<=5件\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ]), row: "有效投诉数量"),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular()),
            Example(ExampleForm.tabular(rows: [
                "产出指标\t数量指标\t检查覆盖率\t=100%\t=100%\t50\t50",
                "效益指标\t社会效益指标\t有效投诉数量\t<=5件\t2件\t30\t30",
                "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t98%\t10\t10",
            ])),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {
        for row in form.indicators {
            guard let a = row.actual, let q = a.value.quantity, let op = q.comparator, op.isInequality else { continue }
            let same = row.target.map { $0.raw.compacted == a.raw.compacted } ?? false
            report.add(Message(en: "the actual \(a.raw) of \(row.name.raw) carries the operator \(op.rawValue)\(same ? " and repeats the target" : ""): it is not a measured value",
                               zh: "“\(row.name.raw)”的实际完成值 \(a.raw) 带有“\(op.rawValue)”\(same ? "，与指标值相同" : "")：不是实测值"),
                       at: a.range, row: row.name.value,
                       notes: [Message(en: "rule: 实际完成值 states what was achieved, e.g. 46213人 or 98%", zh: "规则：实际完成值应填实际达到的数值，如 46213人、98%")],
                       values: [a.value.canonical])
        }
    }
}
