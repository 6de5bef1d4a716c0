extension UnsafeBufferPointer {
    /// The element read where it lies. The buffer's own subscript returns a
    /// copy, a retain and a release of every array and string the element
    /// holds: for a race or a participant, read for each of 50,000 rows.
    @inlinable public subscript(inPlace i: Int) -> Element {
        _read {
            precondition(i >= 0 && i < count, "index out of range")
            yield baseAddress![i]
        }
    }
}

/// A value behind one immutable reference. Handing a race to the work of
/// each of 50,000 runners copies it, a retain and a release of every array
/// and string it holds; a boxed one is borrowed from the box.
final class Boxed<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
