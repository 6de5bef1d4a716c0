/// Gives places in listing order where an exact tie (same checkpoint, same
/// unrounded time) shares the place and the next place is skipped: 1, 2, 2, 4.
public struct PlaceCounter: Sendable {
    struct Slot: Sendable {
        var count = 0
        var lastPlace = 0
        var lastKey: RankKey? = nil
    }
    /// One slot per category: one array write per place given (this runs for
    /// every row of every live snapshot, four times).
    var slots: [Slot]

    public init(categories: Int = 1) {
        slots = Array(repeating: Slot(), count: categories)
    }

    /// The next place in `category` for a runner with `key`.
    public mutating func next(_ key: RankKey, in category: Int = 0) -> Int {
        Self.step(&slots[category], key)
    }

    private static func step(_ slot: inout Slot, _ key: RankKey) -> Int {
        slot.count += 1
        if slot.lastKey != key {
            slot.lastPlace = slot.count
            slot.lastKey = key
        }
        return slot.lastPlace
    }
}

/// What places are decided on: the listing group, the furthest checkpoint
/// (further first) and the unrounded time there on the runner's clock.
public struct RankKey: Sendable, Equatable, Comparable {
    public var group: Int
    public var checkpoint: Int
    public var time: Millis

    /// Borrowed: a row passed owned is copied, a retain of each of its arrays.
    public init(_ s: borrowing Standing) {
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
