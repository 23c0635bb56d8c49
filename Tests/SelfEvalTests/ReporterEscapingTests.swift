import Foundation
import Testing
@testable import SelfEval

/// The escapers written on bytes give what the character-level definitions give.
@Suite struct ReporterEscapingTests {
    static let texts = ["", "plain", "100% done\r\nnext", "a:b,c%d\ne", "项目：资金，%\r", "路径/表 1.txt", "~_-./", "é\u{301}\u{3000}𠀀", "\r\n\r\n%%::,,"]

    /// SARIF artifact URIs: every byte but ASCII letters, digits and `-._~/` percent-encoded.
    @Test(arguments: texts)
    func uriEncodesAsRFC3986Asks(path: String) {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
        #expect(SARIFReporter.uri(path) == path.addingPercentEncoding(withAllowedCharacters: allowed))
    }

    /// GitHub workflow commands: `%`, CR and LF always, `:` and `,` in properties.
    @Test(arguments: texts)
    func workflowCommandEscapingMatchesTheToolkit(text: String) {
        func reference(_ s: String, _ property: Bool) -> String {
            var out = ""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "%": out += "%25"
                case "\r": out += "%0D"
                case "\n": out += "%0A"
                case ":" where property: out += "%3A"
                case "," where property: out += "%2C"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        #expect(GitHubReporter.escapeData(text) == reference(text, false))
        #expect(GitHubReporter.escapeProperty(text) == reference(text, true))
    }
}
