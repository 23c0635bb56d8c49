/// Figures printed with nothing between them (`448,000.00488,000.00390,4001080.00%8`), split
/// into one figure per column of the funding table.
///
/// A figure is a dash (`-`, `—`, `－`, `/`) or a number: `0` or up to 15 digits without a
/// leading zero, or digits grouped by threes (`390,400`), then up to four decimals, then an
/// optional `%`.
/// Every way to cut the run into at most one figure per column is weighed by how well each
/// figure fits its column: two decimals or none (as money and scores are printed), money
/// columns with the same decimals, a 分值 above 0 and at most 100 without `%`, a 执行率 of at
/// most 300%, a 得分 not above its 分值, and every column filled (a blank costs least). The cut
/// that fits best is taken only when no other cut fits as well; otherwise the run is left whole
/// (and reported by the reader).
enum FigureRun {
    /// Characters a run of figures may hold.
    static func isFigure(_ s: Unicode.Scalar) -> Bool {
        (s >= "0" && s <= "9") || s == "." || s == "," || s == "%" || isDash(s)
    }

    static func isDash(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "—" || s == "－" || s == "/" }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    /// Longest run split (16 figures of 10 characters).
    static let maxRun = 160

    /// Longest figure: 15 digits grouped (19), a point and four decimals, `%`.
    static let maxFigure = 25

    /// Most cuts weighed; a run with more ways to cut is left whole.
    static let maxCuts = 20_000

    /// Where each figure of `run` ends (the last is `run.count`), or nil when the run is not
    /// figures or cuts two ways equally well.
    ///
    /// `reference`: the figures of the table's total row by column (canonical, see `canonical`);
    /// a part row is usually printed with the same amounts, and each money column of a cut that
    /// equals them counts in its favour (`489592479592474000` after a total of `489,592.00`,
    /// `479,592.00`, `474,000` cuts as `489592` `479592` `474000`).
    /// `part`: the row is a part of the total (当年财政拨款, 上年结转资金, 其他资金), which prints
    /// amounts only: a figure under 分值, 执行率 or 得分 counts against a cut.
    static func split(_ run: [Unicode.Scalar], columns: [FundingColumn], reference: [String?] = [], part: Bool = false) -> [Int]? {
        let n = run.count, k = max(1, columns.count)
        // A funding row prints a handful of figures; a longer run is not one.
        guard n > 0, n <= maxRun, k <= 16, n <= k * maxFigure else { return nil }
        // A run of digits too long for k figures of at most 15 digits each.
        var digitRun = 0, longest = 0
        for c in run {
            digitRun = isDigit(c) ? digitRun + 1 : 0
            longest = max(longest, digitRun)
        }
        guard longest <= 15 * k else { return nil }
        // The ends of the figures starting at p: flat[from[p]..<from[p + 1]] (one array, not one
        // per position).
        var flat: [Int] = [], from: [Int] = [0]
        flat.reserveCapacity(n * 4)
        for p in 0..<n {
            figureEnds(run, from: p, into: &flat)
            from.append(flat.count)
        }
        func ends(_ p: Int) -> ArraySlice<Int> { flat[from[p]..<from[p + 1]] }
        // reach(p, t): the rest from p cuts into exactly t figures.
        var reachable = [Bool](repeating: false, count: (n + 1) * (k + 1))
        func reach(_ p: Int, _ t: Int) -> Bool { reachable[p * (k + 1) + t] }
        reachable[n * (k + 1)] = true
        for p in stride(from: n - 1, through: 0, by: -1) {
            for t in 1...k { reachable[p * (k + 1) + t] = ends(p).contains { reach($0, t - 1) } }
        }
        var best: (penalty: Int, cuts: [Int])?
        var tie = false
        var tried = 0
        var cuts: [Int] = []
        // `left`: figures still allowed (at least one).
        func walk(_ p: Int, _ left: Int) {
            for e in ends(p) {
                if tried > maxCuts { return }
                cuts.append(e)
                if e == n {
                    tried += 1
                    let penalty = weigh(run, cuts, columns, part: part) - 2 * matches(run, cuts, columns, reference)
                    if best == nil || penalty < best!.penalty { best = (penalty, cuts); tie = false } else if penalty == best!.penalty { tie = true }
                } else if left > 1, (1...(left - 1)).contains(where: { reach(e, $0) }) {
                    walk(e, left - 1)
                }
                cuts.removeLast()
            }
        }
        guard (1...k).contains(where: { reach(0, $0) }) else { return nil }
        walk(0, k)
        guard tried <= maxCuts, let found = best, !tie else { return nil }
        return found.cuts
    }

    /// Where a figure starting at `p` may end, appended to `out`.
    static func figureEnds(_ s: [Unicode.Scalar], from p: Int, into out: inout [Int]) {
        let n = s.count
        if isDash(s[p]) { out.append(p + 1); return }
        guard isDigit(s[p]) else { return }
        // An integer part ending at e, then its decimals and percent sign.
        func fromInteger(_ e: Int) {
            func add(_ end: Int) {
                out.append(end)
                if end < n && s[end] == "%" { out.append(end + 1) }
            }
            add(e)
            if e + 1 < n && s[e] == "." && isDigit(s[e + 1]) {
                var f = e + 1
                while f < n && f - e <= 4 && isDigit(s[f]) {
                    f += 1
                    add(f)
                }
            }
        }
        if s[p] == "0" {
            fromInteger(p + 1)
            return
        }
        // No amount printed has more than 15 digits before its point.
        var e = p
        while e < n && e - p < 15 && isDigit(s[e]) {
            e += 1
            fromInteger(e)
        }
        // Grouped by threes: 1 to 3 digits, then ,ddd groups.
        if e - p <= 3 {
            var g = e
            while g + 3 < n && s[g] == "," && isDigit(s[g + 1]) && isDigit(s[g + 2]) && isDigit(s[g + 3]) {
                g += 4
                fromInteger(g)
            }
        }
    }

    /// The figure as a plain number string: no grouping commas, no trailing decimal zeros.
    static func canonical<C: Collection>(_ figure: C) -> String where C.Element == Unicode.Scalar {
        var digits = String.UnicodeScalarView(figure.filter { $0 != "," })
        if digits.contains(".") {
            while digits.last == "0" { digits.removeLast() }
            if digits.last == "." { digits.removeLast() }
        }
        return String(digits)
    }

    /// How many money figures of the cut equal the reference's in their column.
    static func matches(_ s: [Unicode.Scalar], _ cuts: [Int], _ columns: [FundingColumn], _ reference: [String?]) -> Int {
        var start = 0, n = 0
        for (k, end) in cuts.enumerated() {
            defer { start = end }
            guard k < columns.count, k < reference.count, let r = reference[k], columns[k].isMoney else { continue }
            if canonical(s[start..<end]) == r { n += 1 }
        }
        return n
    }

    /// How badly the figures cut at `cuts` fit `columns` (0 is a perfect fit).
    static func weigh(_ s: [Unicode.Scalar], _ cuts: [Int], _ columns: [FundingColumn], part: Bool = false) -> Int {
        // A column left blank (its cell vanished with the spaces) is common, so it costs little.
        var penalty = columns.count - cuts.count
        var start = 0
        var moneyDecimals: [Int] = []
        var weight: Int?
        for (k, end) in cuts.enumerated() {
            defer { start = end }
            let figure = s[start..<end]
            if figure.count == 1, isDash(figure.first!) { continue }
            let percent = figure.last == "%"
            let body = percent ? figure.dropLast() : figure
            let dot = body.firstIndex(of: ".")
            let decimals = dot.map { body.endIndex - $0 - 1 } ?? 0
            penalty += [0, 2, 0, 3, 4][min(decimals, 4)]
            var whole = 0
            for c in body[body.startIndex..<(dot ?? body.endIndex)] where isDigit(c) { whole = min(whole * 10 + Int(c.value - 48), 1_000_000_000_000) }
            let column = k < columns.count ? columns[k] : nil
            if part, let c = column, c == .weight || c == .rate || c == .score { penalty += 5 }
            switch column {
            case .initialBudget?, .fullYearBudget?, .executed?:
                if percent { penalty += 5 }
                moneyDecimals.append(decimals)
            case .weight?:
                if percent { penalty += 3 }
                if whole > 100 { penalty += 5 }
                // A budget-execution weight is never 0 (10 is usual).
                if whole == 0 { penalty += 3 }
                if decimals > 2 { penalty += 2 }
                weight = whole
            case .rate?:
                if whole > 300 { penalty += 5 }
            case .score?:
                if percent { penalty += 3 }
                if whole > 100 { penalty += 5 }
                if let w = weight, whole > w { penalty += 3 }
            case nil:
                penalty += 5
            }
        }
        // Money columns print the same decimals; each one that differs from the most usual counts.
        let most = Dictionary(grouping: moneyDecimals, by: { $0 }).values.map(\.count).max() ?? 0
        penalty += moneyDecimals.count - most
        return penalty
    }
}
