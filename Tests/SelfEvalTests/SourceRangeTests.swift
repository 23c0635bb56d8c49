import Foundation
import Testing
@testable import SelfEval

/// Locations are stored in 32 bits each; they read, write, order and encode as the Ints they were.
@Suite struct SourceRangeTests {
    @Test func locationsEncodeAsLineAndColumn() throws {
        let location = SourceLocation(line: 1_234_567, column: 89)
        let data = try JSONEncoder().encode(location)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        #expect(object == ["line": 1_234_567, "column": 89])
        #expect(try JSONDecoder().decode(SourceLocation.self, from: data) == location)
    }

    @Test func locationsReadBackWhatWasWrittenAndOrderByLineThenColumn() {
        var a = SourceLocation(line: 3, column: 7)
        a.column = 2_000_000
        #expect(a.line == 3 && a.column == 2_000_000)
        #expect(SourceLocation(line: 2, column: 99) < SourceLocation(line: 3, column: 1))
        #expect(SourceLocation(line: 3, column: 1) < SourceLocation(line: 3, column: 2))
        let r = SourceRange(line: 5, column: 10, length: 4).union(SourceRange(line: 4, column: 20, length: 1))
        #expect(r.start == SourceLocation(line: 4, column: 20) && r.end == SourceLocation(line: 5, column: 14))
    }

    /// A figure past 32 bits is clamped, not a crash (no file comes near it).
    @Test func absurdFiguresAreClamped() {
        let l = SourceLocation(line: Int.max, column: Int.min)
        #expect(l.line == Int(Int32.max) && l.column == Int(Int32.min))
    }
}
