/// Gives places in listing order where an exact tie (same checkpoint, same
/// unrounded time) shares the place and the next place is skipped: 1, 2, 2, 4.
public struct PlaceCounter: Sendable {
    var counts: [Int]
    var lastPlace: [Int]
    var lastKey: [RankKey?]

    public init(categories: Int = 1) {
        counts = Array(repeating: 0, count: categories)
        lastPlace = Array(repeating: 0, count: categories)
        lastKey = Array(repeating: nil, count: categories)
    }

    /// The next place in `category` for a runner with `key`.
    public mutating func next(_ key: RankKey, in category: Int = 0) -> Int {
        counts[category] += 1
        if lastKey[category] != key { lastPlace[category] = counts[category] }
        lastKey[category] = key
        return lastPlace[category]
    }
}

/// What places are decided on: the listing group, the furthest checkpoint
/// (further first) and the unrounded time there on the runner's clock.
public struct RankKey: Sendable, Equatable, Comparable {
    public var group: Int
    public var checkpoint: Int
    public var time: Millis

    public init(_ s: Standing) {
        self.init(group: s.status.listOrder, checkpoint: s.lastCheckpoint, time: s.rankTime)
    }

    public init(group: Int, checkpoint: Int?, time: Millis?) {
        self.group = group
        self.checkpoint = -(checkpoint ?? -1)
        self.time = time ?? 0
    }

    public static func < (a: RankKey, b: RankKey) -> Bool {
        (a.group, a.checkpoint, a.time) < (b.group, b.checkpoint, b.time)
    }
}
