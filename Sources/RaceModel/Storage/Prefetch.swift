import CPrefetch

/// How far ahead loops over big tables ask for memory: eight items ahead
/// keeps about as many fetches in flight as a core has room for.
public enum FetchAhead {
    public static let distance = 8
}

extension UnsafeBufferPointer {
    /// Asks for element `i`'s memory ahead of its use (a hint: no effect on
    /// what is read). Work that jumps about a big array waits on memory once
    /// per element; asked for early, those waits overlap.
    @inline(__always) public func prefetch(_ i: Int) {
        guard let base = baseAddress else { return }
        UnsafeRawPointer(base + i).prefetch(bytes: MemoryLayout<Element>.stride)
    }
}

extension UnsafeMutablePointer {
    /// The same for the element here.
    @usableFromInline func prefetch() {
        UnsafeRawPointer(self).prefetch(bytes: MemoryLayout<Pointee>.stride)
    }
}

extension UnsafeRawPointer {
    /// Every cache line of the `bytes` from here: an element may start
    /// anywhere in a line and run on into the next ones.
    @inline(__always) func prefetch(bytes: Int) {
        var offset = 0
        while offset < bytes {
            racedash_prefetch(self + offset)
            offset += 64
        }
        if bytes > 1 { racedash_prefetch(self + (bytes - 1)) }
    }
}
