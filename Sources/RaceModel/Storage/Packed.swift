/// An optional time in 8 bytes, `Int64.min` standing for none, where
/// `Millis?` takes 16: rows and updates of a 50,000-runner field hold many.
@propertyWrapper public struct PackedTime: Sendable, Equatable {
    private var raw: Int64

    public init(wrappedValue: Millis?) { raw = wrappedValue.map(Int64.init) ?? .min }

    public var wrappedValue: Millis? {
        get { raw == .min ? nil : Millis(raw) }
        set { raw = newValue.map(Int64.init) ?? .min }
    }
}

/// An optional place, index or count (never negative) in the width of
/// `Raw`, -1 standing for none.
@propertyWrapper public struct PackedIndex<Raw: FixedWidthInteger & SignedInteger & Sendable>: Sendable, Equatable {
    private var raw: Raw

    public init(wrappedValue: Int?) { raw = wrappedValue.map { Raw($0) } ?? -1 }

    public var wrappedValue: Int? {
        get { raw < 0 ? nil : Int(raw) }
        set { raw = newValue.map { Raw($0) } ?? -1 }
    }
}
