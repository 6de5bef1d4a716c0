extension Array {
    /// `count` copies of `value`. `Array(repeating:count:)` allocates through a
    /// call the compiler cannot specialize, which looks the storage type up in
    /// the runtime's locked metadata table each time: measurable, and contended
    /// between cores, when every timeline of a 50,000-runner field is made.
    /// A big one is advised for huge pages before it is filled (`HugePages`),
    /// and filled in one pass rather than an append a value.
    @inlinable static func filled(_ value: Element, count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, count * MemoryLayout<Element>.stride >= HugePages.size {
                HugePages.advise(base, bytes: count * MemoryLayout<Element>.stride)
            }
            buffer.initialize(repeating: value)
            initialized = count
        }
    }
}
