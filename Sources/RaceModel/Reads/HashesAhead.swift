/// A loop over items looked up in a big code table, each item's slot
/// fetched a few items before its turn (`CodeTable.prefetch(hash:)`), so
/// the lookups wait on memory together rather than one after another.
enum HashesAhead {
    static let distance = FetchAhead.distance

    /// `body(i, hash(i))` for each `i` of `range` in order, `prefetch(hash(i))`
    /// having been called `distance` items earlier; each hash made once.
    @inline(__always)
    static func forEach(
        in range: Range<Int>, hash: (Int) -> Int32, prefetch: (Int32) -> Void, _ body: (Int, Int32) -> Void
    ) {
        var ring: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &ring) { ring in
            func fetch(_ i: Int) {
                let h = hash(i)
                prefetch(h)
                ring.storeBytes(of: h, toByteOffset: 4 * (i % distance), as: Int32.self)
            }
            for i in range.prefix(distance) { fetch(i) }
            for i in range {
                let h = ring.load(fromByteOffset: 4 * (i % distance), as: Int32.self)
                if i + distance < range.upperBound { fetch(i + distance) }
                body(i, h)
            }
        }
    }
}
