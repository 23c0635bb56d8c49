import Foundation
import Testing
@testable import SelfEval

/// Positions in long lines (a paragraph of thousands of forms is megabytes on one line): found
/// through `ColumnIndex` instead of counting from the line's start each time, with the same
/// results as counting.
@Suite struct LongLineTests {
    /// A line of one-, two-, three- and four-byte characters, `count` of them.
    static func mixedLine(_ count: Int) -> String {
        let pieces: [Character] = ["a", "é", "项", "𠀀", " ", "7", "年"]
        var x: UInt64 = 42
        return String((0..<count).map { _ in
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return pieces[Int(x >> 33) % pieces.count]
        })
    }

    /// The byte where column `column` starts, counted from the line's start.
    static func counted(_ bytes: [UInt8], column: Int) -> Int {
        var c = 1
        for i in bytes.indices where bytes[i] & 0xC0 != 0x80 {
            if c == column { return i }
            c += 1
        }
        return bytes.count
    }

    @Test(arguments: [100, 20_000, 70_000])
    func columnIndexAgreesWithCounting(length: Int) {
        let bytes = Array(Self.mixedLine(length).utf8)
        let index = ColumnIndex()
        bytes.withUnsafeBufferPointer { h in
            for column in [1, 2, 1023, 1024, 1025, 2049, length / 2, length - 1, length, length + 1, length + 500] {
                let found = index.start(of: column, line: 3, in: h)
                #expect(found.byte == Self.counted(bytes, column: column), "column \(column)")
                #expect(found.column == min(column, length + 1), "column \(column)")
            }
            #expect(index.start(of: Int.max, line: 3, in: h).column == length + 1)
        }
    }

    /// `locate` finds the needle at or after the range's start, not an earlier one on the line.
    @Test(arguments: [50, 30_000])
    func locateStartsAtTheRangesColumn(padding: Int) throws {
        let filler = Self.mixedLine(padding).replacingOccurrences(of: "年", with: "月")
        let line = "2022年" + filler + "预计2022年招录" + filler + "2022年"
        let context = CheckContext(configuration: Configuration(), source: SourceText("标题\n" + line + "\n"))
        // The range starts at 预计, after 2022年 and the filler.
        let start = 5 + filler.unicodeScalars.count + 1
        let range = SourceRange(start: SourceLocation(line: 2, column: start), end: SourceLocation(line: 2, column: start + 8))
        let found = try #require(context.locate("2022年", in: range))
        #expect(found == SourceRange(line: 2, column: start + 2, length: 5))
        // Again on the same line (the index is built once and reused).
        #expect(context.locate("2022年", in: SourceRange(line: 2, column: 1, length: 3)) == SourceRange(line: 2, column: 1, length: 5))
        #expect(context.locate("2021年", in: range) == nil)
    }

    /// A finding in a long line gets a window of the line around it, as cutting the decoded
    /// line's scalars would give.
    @Test func sourceWindowsOfLongLinesMatchTheDecodedLine() {
        let line = Self.mixedLine(40_000)
        let source = SourceText("短行\n" + line + "\n")
        let columns = [1, 30, 61, 62, 500, 20_000, 39_990, 40_000, 40_001, 45_000]
        var diagnostics = columns.map {
            Diagnostic(check: "x", severity: .note, message: Message(en: "x", zh: "x"), file: "f", range: SourceRange(line: 2, column: $0, length: 1),
                       form: nil, row: nil, values: [])
        }
        Linter.attachSourceLines(&diagnostics, source)
        for (d, column) in zip(diagnostics, columns) {
            let from = max(0, min(column - 1 - 60, line.unicodeScalars.count))
            #expect(d.sourceLineStart == from + 1)
            #expect(d.sourceLine == line.scalars(from: from, to: from + 240), "column \(column)")
        }
    }
}
