/// The code hashes of the next few items of a loop over a big code table,
/// whose slots were prefetched (`CodeTable.prefetch(hash:)`) when they were
/// pushed: by the time an item's turn comes, its slot is in the cache.
/// Eight ahead keeps about as many memory fetches in flight as a core
/// has room for.
public struct HashesAhead {
    public static let distance = 8
    private var ring: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var first = 0
    private var count = 0

    public init() {}

    public mutating func push(_ hash: Int32) {
        precondition(count < Self.distance, "no more than `distance` hashes ahead")
        withUnsafeMutableBytes(of: &ring) {
            $0.storeBytes(of: hash, toByteOffset: 4 * ((first + count) % Self.distance), as: Int32.self)
        }
        count += 1
    }

    /// The oldest hash pushed.
    public mutating func pop() -> Int32 {
        precondition(count > 0, "no hash ahead")
        let hash = withUnsafeBytes(of: ring) { $0.load(fromByteOffset: 4 * first, as: Int32.self) }
        first = (first + 1) % Self.distance
        count -= 1
        return hash
    }
}
