import Foundation
import Testing
@testable import SelfEval

/// The same form written in every layout reads to the same model.
@Suite struct MetamorphicTests {
    static let seedForms: [Form] = Fixtures.forms(Fixtures.tabularSeed) + Fixtures.forms(Fixtures.flowSeed)

    @Test(arguments: FormRenderer.Style.allCases)
    func everySeedFormReadsTheSameInEveryLayout(style: FormRenderer.Style) throws {
        for form in Self.seedForms {
            let text = FormRenderer.render(form, as: style)
            let again = Fixtures.forms(text: text)
            if style != .paragraph { #expect(again.first?.layout.rawValue == (style == .aligned ? "flow" : style.rawValue)) }
            try #require(again.count == 1, "\(form.displayName) as \(style): \(again.count) forms")
            let a = FormDigest(form), b = FormDigest(again[0])
            #expect(a == b, "\(form.displayName) as \(style):\n\(diff(a, b))")
            #expect(again[0].issues.isEmpty, "\(form.displayName) as \(style): \(again[0].issues.map(\.message.en))")
        }
    }

    /// Every seed form in narrow columns aligned with spaces reads to the same model: cells
    /// wrapped at 16 columns of the page, centred on their row or set at its top, and at 8 set
    /// at the top (headers, funding labels and names over two to four lines: `年初预算` / `数`,
    /// `其中：当` / `年财政拨` / `款`).
    @Test(arguments: [(true, 16), (false, 16), (false, 8)])
    func everySeedFormReadsTheSameInNarrowColumns(centred: Bool, wrapWidth: Int) throws {
        for form in Self.seedForms {
            let text = FormRenderer.aligned(tabular: FormRenderer.render(form, as: .tabular), centred: centred, wrapWidth: wrapWidth)
            let again = Fixtures.forms(text: text)
            try #require(again.count == 1, "\(form.displayName): \(again.count) forms")
            let a = FormDigest(form), b = FormDigest(again[0])
            #expect(a == b, "\(form.displayName) in narrow columns:\n\(diff(a, b))")
            let labels = { (f: Form) in f.funding?.rows.map { $0.label.value.compacted } ?? [] }
            #expect(labels(form) == labels(again[0]), "\(form.displayName)")
            #expect(again[0].issues.isEmpty, "\(form.displayName): \(again[0].issues.map(\.message.en))")
        }
    }

    /// The 主管部门 and 实施单位 values wrapped in their columns (set at the top): each line of a
    /// value goes to the label it stands under. Before, all went to the last label on the line
    /// (实施单位 took 主管部门's `（汇总）`).
    @Test(arguments: [16, 24])
    func everySeedFormReadsTheSameWithItsHeaderWrapped(wrapWidth: Int) throws {
        for form in Self.seedForms {
            let text = FormRenderer.aligned(tabular: FormRenderer.render(form, as: .tabular), centred: false, wrapWidth: wrapWidth, wrapsHeader: true)
            let again = Fixtures.forms(text: text)
            try #require(again.count == 1, "\(form.displayName): \(again.count) forms")
            let a = FormDigest(form), b = FormDigest(again[0])
            #expect(a == b, "\(form.displayName) with its header wrapped:\n\(diff(a, b))")
        }
    }

    func diff(_ a: FormDigest, _ b: FormDigest) -> String {
        let x = a.description.split(separator: "\n", omittingEmptySubsequences: false), y = b.description.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : "∅", r = i < y.count ? String(y[i]) : "∅"
            if l != r { out += "- \(l)\n+ \(r)\n" }
        }
        return out
    }
}
