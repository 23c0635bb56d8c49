import Foundation
import Testing
@testable import SelfEval

@Suite struct ExactDecimalTests {
    @Test(arguments: [
        ("448,000.00", Int64(44_800_000), 2), ("0.958", 958, 3), ("100", 100, 0), ("-5.5", -55, 1), ("91,520,000", 91_520_000, 0),
    ])
    func parses(text: String, significand: Int64, scale: Int) throws {
        let d = try ExactDecimal.parse(text).get()
        #expect(d.significand == significand)
        #expect(d.scale == scale)
    }

    /// A binary fraction written out in full, as spreadsheet exports write computed cells, is
    /// read as the figure it stands for, with that figure's places.
    @Test(arguments: [
        ("6.1499999999999995", Int64(615), 2), ("488000.0000000001", 488_000, 0), ("0.30000000000000004", 3, 1),
        ("64.99999999999999", 65, 0), ("9.9999999999999998", 10, 0), ("-2.5000000000000004", -25, 1),
        ("1,234.5600000000001", 123_456, 2), ("255250.00000000006", 255_250, 0), ("96.14999999999999", 9615, 2),
    ])
    func readsBinaryNoiseAsTheFigure(text: String, significand: Int64, scale: Int) throws {
        let d = try ExactDecimal.parse(text).get()
        #expect(d.significand == significand, "\(text)")
        #expect(d.scale == scale, "\(text)")
    }

    /// A figure a spreadsheet showed in scientific notation is reported as such, with what to
    /// do; other text that is no number is reported as before.
    @Test func scientificNotationIsNamed() {
        #expect(BadNumber.message("3.5475E+07", "年初预算数").en.contains("scientific notation"))
        #expect(BadNumber.message("1.2e-3", "执行率").en.contains("scientific notation"))
        for text in ["12a", "E+07", "3.5E", "无", "ENE"] {
            #expect(BadNumber.message(text, "x").en.contains("is not a number"), "\(text)")
        }
    }

    /// A spreadsheet's formula error where a figure should be is named as one, with what to do.
    @Test func spreadsheetErrorsAreNamed() {
        for text in ["#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?"] {
            #expect(BadNumber.message(text, "执行率").en.contains("formula error"), "\(text)")
            #expect(BadNumber.isLostFigure(text))
        }
        for text in ["#1", "#号楼", "100%", "及时", "1.2E+05"] { #expect(!BadNumber.isSpreadsheetError(text), "\(text)") }
        #expect(BadNumber.isLostFigure("1.2E+05"))
        #expect(!BadNumber.isLostFigure("2023年12月"))
    }

    /// A target or actual the export lost is reported on its row, not read as a word.
    @Test func lostTargetsAndActualsAreReported() throws {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("seeds/000_84adb1842e62a47c.txt"), encoding: .utf8)
        let forms = Fixtures.forms(text: text.replacingOccurrences(of: "监督检查覆盖率\t=100%\t=100%", with: "监督检查覆盖率\t=100%\t#REF!")
            .replacingOccurrences(of: "监督执法达标率\t=100%", with: "监督执法达标率\t1.0E+02"))
        let issues = try #require(forms.first).issues.filter { $0.kind == .badNumber }
        #expect(issues.map(\.message.en).contains { $0.hasPrefix("监督检查覆盖率 实际完成值 \"#REF!\" is a spreadsheet's formula error") })
        #expect(issues.map(\.message.en).contains { $0.hasPrefix("监督执法达标率 年度指标值 \"1.0E+02\" is written in scientific notation") })
    }

    /// Figures that only look long stay as written: too few digits, or no run of 0s or 9s.
    @Test func keepsLongFiguresThatAreNotNoise() throws {
        #expect(try ExactDecimal.parse("0.123456789012").get().scale == 12)
        #expect(try ExactDecimal.parse("10.0000000000").get().scale == 10)
        #expect(try ExactDecimal.parse("1.000000000001").get().scale == 12)
        #expect((try? ExactDecimal.parse("3.14159265358979").get()) == nil)
    }

    @Test(arguments: ["1e400", "--5", "", ".", "1.2.3", "12a", ",100", "100."])
    func rejectsMalformed(text: String) {
        #expect(throws: ExactDecimal.ParseError.malformed) { try ExactDecimal.parse(text).get() }
    }

    @Test func rejectsAbsurdlyLarge() {
        #expect(throws: ExactDecimal.ParseError.tooLarge) { try ExactDecimal.parse("99999999999999999999").get() }
        #expect(throws: ExactDecimal.ParseError.tooPrecise) { try ExactDecimal.parse("0.1234567890123").get() }
    }

    @Test func arithmeticIsExact() throws {
        let a = try ExactDecimal.parse("573840.65").get(), b = try ExactDecimal.parse("159600").get()
        #expect((a + b).numericallyEquals(try ExactDecimal.parse("733,440.65").get()))
        #expect((a + b).description == "733440.65")
        let rate = try ExactDecimal.parse("0.8").get()
        #expect((ExactDecimal(10) * rate).numericallyEquals(ExactDecimal(8)))
        #expect(try ExactDecimal.parse("98.84").get().halfUnit.description == "0.005")
    }

    @Test func formatsWithGroupingAndPrintedPrecision() throws {
        #expect(try ExactDecimal.parse("488000").get().format(grouping: true, scale: 2) == "488,000.00")
        #expect(try ExactDecimal.parse("1234567.5").get().format(grouping: true) == "1,234,567.5")
        #expect(try ExactDecimal.parse("0.05").get().format(grouping: true) == "0.05")
        #expect(try ExactDecimal.parse("-1000").get().format(grouping: true) == "-1,000")
        #expect(try ExactDecimal.parse("98.835").get().rounded(toScale: 2).description == "98.84")
    }

    /// `compare` and `scaled(to:)` skip the multiplication when the scales agree; the result must
    /// be what comparing the values scaled through 128 bits gives, at equal and unequal scales,
    /// at the ends of the range and across zero.
    @Test func compareAgreesWithComparingScaledValues() {
        let significands: [Int64] = [0, 1, -1, 7, -7, 10, 100, 958, -958, 44_800_000, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1]
        let values = significands.flatMap { s in (0...4).map { ExactDecimal(significand: s, scale: $0) } }
        for a in values {
            for b in values {
                let s = max(a.scale, b.scale)
                var x = Int128(a.significand), y = Int128(b.significand)
                for _ in 0..<(s - a.scale) { x *= 10 }
                for _ in 0..<(s - b.scale) { y *= 10 }
                #expect(a.compare(b) == (x < y ? -1 : (x > y ? 1 : 0)), "\(a.significand)e-\(a.scale) vs \(b.significand)e-\(b.scale)")
                #expect(a.scaled(to: s) == x)
            }
        }
    }

    /// The formatter (digits in a stack buffer, written straight into the report's bytes) agrees
    /// with formatting the scaled value's decimal digits as a String, with and without grouping,
    /// with a wider minimum scale, at the ends of the range.
    @Test func formattingAgreesWithFormattingTheDigitsOfTheScaledValue() {
        func reference(_ d: ExactDecimal, grouping: Bool, scale minimumScale: Int?) -> String {
            let target = max(d.scale, minimumScale ?? d.scale)
            let v = d.scaled(to: target)
            var digits = String(v.magnitude)
            while digits.count < target + 1 { digits = "0" + digits }
            var integer = String(digits.dropLast(target))
            if grouping {
                var grouped = ""
                for (k, c) in integer.enumerated() {
                    if k > 0 && (integer.count - k) % 3 == 0 { grouped += "," }
                    grouped.append(c)
                }
                integer = grouped
            }
            return (v < 0 ? "-" : "") + integer + (target > 0 ? "." + digits.suffix(target) : "")
        }
        let significands: [Int64] = [0, 5, -5, 958, 1000, -1000, 1_234_567, 44_800_000, Int64.max, Int64.min, -999_999]
        for s in significands {
            for scale in 0...12 {
                let d = ExactDecimal(significand: s, scale: scale)
                for grouping in [false, true] {
                    for minimum in [nil, 0, 2, 14] as [Int?] {
                        #expect(d.format(grouping: grouping, scale: minimum) == reference(d, grouping: grouping, scale: minimum), "\(s)e-\(scale)")
                        var bytes: [UInt8] = Array("x".utf8)
                        d.appendFormatted(grouping: grouping, scale: minimum, to: &bytes)
                        #expect(String(decoding: bytes, as: UTF8.self) == "x" + reference(d, grouping: grouping, scale: minimum))
                    }
                }
            }
        }
    }
}
