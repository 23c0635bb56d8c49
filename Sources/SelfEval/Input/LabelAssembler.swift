/// Rebuilds a vertical label broken into pieces (`可持` / `续影` / `响指` / `标`) from the
/// vocabulary of one indicator level. The pieces of two levels may interleave.
struct LabelAssembler {
    let vocabulary: [String]
    private(set) var buffer = "" { didSet { resolved = resolve() } }
    /// The label the pieces so far stand for: itself when complete, else its shortest
    /// completion. Worked out when the buffer changes, not on every row that asks.
    private(set) var resolved: String?

    /// The labels no other label extends.
    let complete: WordList
    /// The vocabulary, for lookups.
    let words: WordList
    /// The labels' first characters: a piece starting with none of them starts no label.
    let firstCharacters: CharacterFilter

    init(vocabulary: [String]) {
        self.vocabulary = vocabulary
        complete = WordList(vocabulary.filter { label in !vocabulary.contains { $0 != label && $0.hasBytePrefix(label) } })
        words = WordList(vocabulary)
        firstCharacters = CharacterFilter(firstCharactersOf: vocabulary)
    }

    var isEmpty: Bool { buffer.isEmpty }

    /// Complete: the buffer is a label no other label extends.
    var isComplete: Bool { complete.contains(buffer) }

    var isPartial: Bool { !buffer.isEmpty && !isComplete }

    private func resolve() -> String? {
        if buffer.isEmpty { return nil }
        if buffer.hasByteSuffix("指标") && words.contains(buffer) { return buffer }
        // The shortest completion ending in 指标, else the shortest completion (the first of
        // equal length); the labels are all CJK, so byte length orders them as character count does.
        var shortest: String?, shortestIndicator: String?
        for label in vocabulary where label.hasBytePrefix(buffer) {
            if shortest.map({ label.utf8.count < $0.utf8.count }) ?? true { shortest = label }
            if label.hasByteSuffix("指标"), shortestIndicator.map({ label.utf8.count < $0.utf8.count }) ?? true { shortestIndicator = label }
        }
        return shortestIndicator ?? shortest ?? buffer
    }

    /// Some label starts with the buffer followed by `piece` (pieces are whole characters, so
    /// a byte prefix is a character prefix). Compared in place: no joined string, no hashing.
    func canExtend(with piece: String) -> Bool {
        buffer.withBytes { head in
            piece.withBytes { tail in
                vocabulary.contains { label in
                    label.withBytes { l in
                        l.count >= head.count + tail.count
                            && (head.isEmpty || memcmpBytes(l.baseAddress!, head.baseAddress!, head.count))
                            && (tail.isEmpty || memcmpBytes(l.baseAddress! + head.count, tail.baseAddress!, tail.count))
                    }
                }
            }
        }
    }

    func canStart(with piece: String) -> Bool { firstCharacters.matchesFirst(piece) && vocabulary.contains { $0.hasBytePrefix(piece) } }

    mutating func extend(_ piece: String) { buffer += piece }
    mutating func start(_ piece: String) { buffer = piece }
    mutating func reset() { buffer = "" }
}

/// Both levels' assemblers and the rule for where a piece goes.
struct LevelLabels {
    static let level1Template = LabelAssembler(vocabulary: Vocabulary.level1)
    static let level2Template = LabelAssembler(vocabulary: Vocabulary.level2)
    var level1 = LevelLabels.level1Template
    var level2 = LevelLabels.level2Template
    /// Whether a row was read since the 一级 label started.
    var rowsSinceLevel1 = 0
    /// The weight printed with the current 一级 label, when the reader trusts it to head its
    /// rows (see `FlowIndicatorReader.labelsPrecedeRows`).
    var level1Weight: Field<ExactDecimal>?

    /// Takes `piece` if it continues or starts a level label; false when it is not one.
    /// `weight` is the weight the piece prints, given to the 一级 label it starts or finishes.
    mutating func accept(_ raw: String, weight: Field<ExactDecimal>? = nil) -> Bool {
        let piece = Vocabulary.normalizedLabel(raw)
        if piece.isEmpty { return false }
        if level1.isPartial && level1.canExtend(with: piece) {
            level1.extend(piece)
            if weight != nil { level1Weight = weight }
            return true
        }
        if level2.isPartial && level2.canExtend(with: piece) { level2.extend(piece); return true }
        // A new label starts with at least two characters; a lone character only ends one.
        // (A scalar is at most four bytes: a longer piece has two without counting.)
        guard piece.utf8.count > 4 || piece.scalarCount >= 2 else { return false }
        let asLevel1 = level1.canStart(with: piece)
        let asLevel2 = level2.canStart(with: piece)
        // 成本指标 is both: a second level under 产出指标, else a first level of its own. Under
        // a lost 一级 label (only its `(50分)` printed), the 二级 label before it says which.
        func underOutput() -> Bool {
            if let l1 = level1.resolved { return l1.sameBytes("产出指标") }
            return piece.hasBytePrefix("成本") && (level2.resolved.flatMap(Vocabulary.level1(forLevel2:))?.sameBytes("产出指标") ?? false)
        }
        if asLevel1 && (!asLevel2 || (!underOutput() && (level1.isEmpty || rowsSinceLevel1 > 0))) {
            let previous = level1.resolved
            level1.start(piece)
            // The same label again without its weight (filled down) keeps the weight it printed.
            if weight != nil || level1.resolved != previous { level1Weight = weight }
            level2.reset()
            rowsSinceLevel1 = 0
            return true
        }
        if asLevel2 {
            level2.start(piece)
            return true
        }
        return false
    }

    mutating func noteRow() { rowsSinceLevel1 += 1 }

    /// A label the vocabulary does not know, placed by its column: the 一级 one (the 二级 reset)
    /// or the 二级 one.
    mutating func setUnknown(_ raw: String, level1 isLevel1: Bool) {
        let label = Vocabulary.normalizedLabel(raw)
        if isLevel1 {
            level1.start(label)
            level1Weight = nil
            level2.reset()
            rowsSinceLevel1 = 0
        } else {
            level2.start(label)
        }
    }

    /// Whether a piece in a label column may be a label the vocabulary does not know: not the
    /// end of a known label broken over lines (`指标`, `标`), nor the table's own label
    /// (`绩效指标`, `绩效指标(90分)`).
    func isUnknownPiece(_ raw: String) -> Bool {
        let t = Vocabulary.normalizedLabel(raw)
        return !t.hasBytePrefix("指") && !t.hasBytePrefix("标") && !t.hasBytePrefix("绩效指标")
    }
}
