/// The cells of one funding row, by column: used like a `[FundingColumn: Field<Measure>]`
/// (subscript by column, a dictionary literal, iterated as `(key, value)` pairs, here in column
/// order), stored as one slot per column.
///
/// Rows look their cells up all the time (the checks, the reports); a dictionary hashed the
/// column on every lookup and allocated a hash table per row.
public struct FundingCells: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    /// One slot per `FundingColumn.allCases` entry, or empty while no cell is set.
    private var slots: [Field<Measure>?] = []

    public init() {}

    public init(dictionaryLiteral elements: (FundingColumn, Field<Measure>)...) {
        for (column, field) in elements { self[column] = field }
    }

    public init(_ cells: [FundingColumn: Field<Measure>]) {
        for (column, field) in cells { self[column] = field }
    }

    public subscript(column: FundingColumn) -> Field<Measure>? {
        get { slots.isEmpty ? nil : slots[column.ordinal] }
        set {
            if slots.isEmpty {
                if newValue == nil { return }
                slots = Array(repeating: nil, count: FundingColumn.allCases.count)
            }
            slots[column.ordinal] = newValue
        }
    }

    // Equal when every column holds the same cell, however the slots were made.
    public static func == (a: FundingCells, b: FundingCells) -> Bool {
        FundingColumn.allCases.allSatisfy { a[$0] == b[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for column in FundingColumn.allCases { hasher.combine(self[column]) }
    }

    /// The cells that are set, in `FundingColumn.allCases` order.
    public func makeIterator() -> AnyIterator<(key: FundingColumn, value: Field<Measure>)> {
        var columns = FundingColumn.allCases.makeIterator()
        return AnyIterator {
            while let column = columns.next() { if let field = self[column] { return (column, field) } }
            return nil
        }
    }
}
