extension Array {
    /// `count` copies of `value`, in one allocation. Made through
    /// `reserveCapacity`, whose growth path the compiler specializes to the
    /// element: `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)`
    /// allocate through a call it cannot specialize, which looks the storage
    /// type up in the runtime's locked metadata table each time: measurable,
    /// and contended between cores, when every timeline of a 50,000-runner
    /// field is made. A big one is advised for huge pages before it is
    /// filled (`HugePages`).
    @inlinable static func filled(_ value: Element, count: Int) -> [Element] {
        var out: [Element] = []
        out.reserveHugeCapacity(count)
        out.append(contentsOf: repeatElement(value, count: count))
        return out
    }
}
