import SelfEval

/// The same goal text reused across different projects of one run (advisory).
struct CrossFormDuplicate: RunCheck {
    static let description = CheckDescription(
        id: "cross-form-duplicate",
        title: Message(en: "Goal text reused in another project", zh: "目标文字与其他项目雷同"),
        severity: .note,
        rationale: Message(
            en: "Each project has its own goals. The same 预期目标 or 实际完成情况 in different projects of one submission was usually copied between forms and not written for the project. Advisory.",
            zh: "每个项目应有自己的绩效目标。同一批次不同项目的预期目标或实际完成情况完全相同，通常是表格间互相复制而非据实填写。建议性检查。"),
        options: ["thresholds.crossFormMinimumLength"],
        triggering: [
            Example(ExampleForm.tabular(name: "医疗救助资金", planned: "严格依据规定标准发放救助资金，确保发放及时、准确、足额；加强资金监管。", actual: "全年救助 3200 人次，资金足额发放。")
                    + ExampleForm.tabular(name: "城乡医疗救助", planned: "严格依据规定标准发放救助资金，确保发放及时、准确、足额；加强资金监管。", actual: "全年救助 1800 人次，资金及时拨付。")),
            Example(ExampleForm.tabular(name: "项目甲", actual: "全年开展检查12次，覆盖全部定点机构，群众满意度98%。")
                    + ExampleForm.tabular(name: "项目乙", planned: "做好项目乙的各项工作，保障正常运转。", actual: "全年开展检查12次，覆盖全部定点机构，群众满意度98%。")),
        ],
        nonTriggering: [
            Example(ExampleForm.tabular(name: "项目甲") + ExampleForm.tabular(name: "项目乙", planned: "做好项目乙的各项工作，保障正常运转。", actual: "项目乙全年运转正常，支付及时。")),
            // The same project filed twice is not two projects.
            Example(ExampleForm.tabular(name: "项目甲") + ExampleForm.tabular(name: "项目甲")),
        ])

    func check(_ form: Form, context: CheckContext, into report: inout Report) {}

    func check(run forms: [Form], context: CheckContext) -> [Diagnostic] {
        let minimum = context.configuration.crossFormMinimumLength
        var out: [Diagnostic] = []
        for (part, zhPart, pick) in [("预期目标", "预期目标", { (f: Form) in f.goals.planned }), ("实际完成情况", "实际完成情况", { (f: Form) in f.goals.actual })] {
            // Group by a 64-bit hash of the normalized text (letters and digits only); the
            // first member's text stands for the group. Only indices are kept: the normalized
            // texts of a whole run would hold memory for nothing.
            var groups: [UInt64: [Int]] = [:]
            var order: [UInt64] = []
            for (i, form) in forms.enumerated() {
                guard let field = pick(form) else { continue }
                let (hash, count) = TextSimilarity.normalizedHash(field.value)
                guard count >= minimum else { continue }
                if groups[hash] == nil { order.append(hash) }
                groups[hash, default: []].append(i)
            }
            for hash in order {
                let members = groups[hash]!
                guard members.count >= 2 else { continue }
                let key = TextSimilarity.string(TextSimilarity.normalized(pick(forms[members[0]])!.value).prefix(40))
                // Names once per group: linear in the group, however many forms share the text.
                var firstByName: [String: Int] = [:]
                var namesInOrder: [String] = []
                for i in members {
                    let n = forms[i].name?.value.compacted ?? ""
                    if firstByName[n] == nil { firstByName[n] = i; namesInOrder.append(n) }
                }
                guard namesInOrder.count >= 2 else { continue }
                var countByName: [String: Int] = [:]
                for i in members { countByName[forms[i].name?.value.compacted ?? "", default: 0] += 1 }
                for i in members {
                    let form = forms[i]
                    let own = form.name?.value.compacted ?? ""
                    let otherCount = members.count - countByName[own, default: 0]
                    let shownNames = namesInOrder.lazy.filter { $0 != own }.prefix(3).map { n -> String in
                        let f = forms[firstByName[n]!]
                        return "\(f.displayName) (\(f.file):\(f.range.start.line))"
                    }
                    let shown = shownNames.joined(separator: "; ") + (otherCount > 3 ? "; +\(otherCount - 3)" : "")
                    var report = Report(checkID: Self.description.id, severity: context.configuration.severity(of: Self.description), form: form)
                    report.add(Message(en: "\(part) is the same as in \(otherCount) other project\(otherCount == 1 ? "" : "s"): \(shown)",
                                       zh: "\(zhPart)与其他 \(otherCount) 个项目相同：\(shown)"),
                               at: pick(form)!.range, values: [part, String(key.prefix(40))])
                    out += report.diagnostics
                }
            }
        }
        return out
    }
}
