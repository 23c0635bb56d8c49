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
