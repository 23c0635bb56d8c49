/// Page numbers and other marks a page break leaves in a PDF dump: `第 2 页 共 9 页`, `- 2 -`,
/// `Page 2 of 9`, `续表`. They are no part of any table.
enum PageMark {
    /// Whether a line nothing read is a page footer: a page mark, or a bare page number
    /// (`12`, `3/8`, `-1`), which in a row could be a value.
    static func isFooter(_ text: String) -> Bool {
        let t = text.compacted
        if t.isEmpty || isMarkText(t) { return true }
        var core = Substring(t)
        if core.hasBytePrefix("第") && core.hasByteSuffix("页") { core = core.dropFirst().dropLast() }
        core = core.drop { $0 == "-" || $0 == "—" || $0 == "－" }
        while let l = core.last, l == "-" || l == "—" || l == "－" { core = core.dropLast() }
        let parts = core.split(separator: "/")
        return !core.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A page number that cannot be a value: `第 2 页`, `共 9 页`, `第2页/共9页`, `第 2 页，共 9 页`,
    /// `- 2 -`, `Page 2 of 9`, or the head of a table's next page, `续表`. (A bare `3/8` may be a
    /// value, so only a line nothing read is taken as a footer for it, by `isFooter`.) Only
    /// short lines that start like one are joined and looked at.
    static func isMark(_ line: TextLine) -> Bool {
        line.isBlank ? false : isMark(line, first: line.nonEmpty.key(at: 0))
    }

    /// The same, given the first cell's key (the reader has it at hand for every line).
    static func isMark(_ line: TextLine, first: String) -> Bool {
        // From the first bytes (most lines stop at the first): 第 共 续 P p; ( or （ before 续;
        // a dash (- — －) when the line ends with the same one.
        guard let b0 = first.utf8.first else { return false }
        switch b0 {
        case UInt8(ascii: "-"), UInt8(ascii: "P"), UInt8(ascii: "p"), UInt8(ascii: "("), 0xE7, 0xE5, 0xE2, 0xEF: break
        default: return false
        }
        let cells = line.nonEmpty
        guard cells.count <= 8 else { return false }
        func endsWith(_ last: UInt8) -> Bool { cells.text(at: cells.count - 1).utf8.last == last }
        let leads = first.withBytes { b -> Bool in
            func at(_ k: Int) -> UInt32 { k + 2 < b.count ? UInt32(b[k]) << 16 | UInt32(b[k + 1]) << 8 | UInt32(b[k + 2]) : 0 }
            switch b0 {
            case UInt8(ascii: "P"), UInt8(ascii: "p"): return true
            case UInt8(ascii: "-"): return endsWith(UInt8(ascii: "-"))
            case UInt8(ascii: "("): return at(1) == 0xE7BBAD
            case 0xE7, 0xE5: return at(0) == 0xE7ACAC || at(0) == 0xE585B1 || at(0) == 0xE7BBAD
            case 0xE2: return at(0) == 0xE28094 && endsWith(0x94)
            default: return (at(0) == 0xEFBC8D && endsWith(0x8D)) || (at(0) == 0xEFBC88 && at(3) == 0xE7BBAD)
            }
        }
        guard leads else { return false }
        let t = line.text.compacted
        guard t.utf8.count <= 40 else { return false }
        return isMarkText(t)
    }

    /// The test of `isMark` on text without spaces.
    static func isMarkText(_ t: String) -> Bool {
        var rest = Substring(t)
        func digits() -> Bool {
            let d = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(d.count)
            return !d.isEmpty
        }
        func take(_ word: String) -> Bool {
            guard rest.hasPrefix(word) else { return false }
            rest = rest.dropFirst(word.count)
            return true
        }
        if t.hasBytePrefix("P") || t.hasBytePrefix("p") {
            let lower = t.lowercased()
            guard lower.hasBytePrefix("page") else { return false }
            rest = Substring(lower).dropFirst(4)
            guard digits() else { return false }
            if take("of") || take("/") { guard digits() else { return false } }
            return rest.isEmpty
        }
        // 第N页 and 共N页 in either order, with a separator between them or none.
        if t.hasBytePrefix("第") || t.hasBytePrefix("共") {
            while !rest.isEmpty {
                guard take("第") || take("共"), digits(), take("页") else { return false }
                _ = take("/") || take("，") || take(",") || take("、")
            }
            return true
        }
        // The head of a table's next page: 续表, (续), 续上表.
        if t.sameBytes("续表") || t.sameBytes("续上表") || t.sameBytes("(续)") || t.sameBytes("（续）") || t.sameBytes("(续表)") || t.sameBytes("（续表）") { return true }
        // A number between dashes: -2-, — 2 —, －2－.
        for dash in ["-", "—", "－"] where t.hasBytePrefix(dash) && t.hasByteSuffix(dash) && t.utf8.count > 2 * dash.utf8.count {
            rest = Substring(t).dropFirst().dropLast()
            return digits() && rest.isEmpty
        }
        return false
    }

}
