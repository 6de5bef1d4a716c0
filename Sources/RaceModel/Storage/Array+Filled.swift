extension Array {
    /// `count` copies of `value`. `Array(repeating:count:)` allocates through a
    /// call the compiler cannot specialize, which looks the storage type up in
    /// the runtime's locked metadata table each time: measurable, and contended
    /// between cores, when every timeline of a 50,000-runner field is made.
    @inlinable static func filled(_ value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.reserveHugeCapacity(count)
        for _ in 0..<count { array.append(value) }
        return array
    }
}
