/// A value read from a form: its raw text, its meaning, and where it came from.
public struct Field<Value: Sendable & Hashable>: Sendable, Hashable {
    public var raw: String
    public var value: Value
    public var range: SourceRange

    public init(raw: String, value: Value, range: SourceRange) {
        self.raw = raw
        self.value = value
        self.range = range
    }
}

extension Optional {
    /// Whether there is no value. `field == nil` on an optional `Field` picks the Equatable `==`,
    /// which copies both sides into a tuple and destroys it through type metadata (hundreds of
    /// instructions); this switch reads only the tag.
    @inlinable public var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
