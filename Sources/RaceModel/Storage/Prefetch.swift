import CPrefetch

extension UnsafeBufferPointer {
    /// Asks for element `i`'s memory ahead of its use (a hint: no effect on
    /// what is read). Work that jumps about a big array waits on memory once
    /// per element; asked for early, those waits overlap.
    @inline(__always) func prefetch(_ i: Int) {
        guard let base = baseAddress else { return }
        racedash_prefetch(base + i)
        // An element may run on into the next cache line.
        if MemoryLayout<Element>.stride > 8 {
            racedash_prefetch(UnsafeRawPointer(base + i) + (MemoryLayout<Element>.stride - 1))
        }
    }
}
