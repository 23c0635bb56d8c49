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
