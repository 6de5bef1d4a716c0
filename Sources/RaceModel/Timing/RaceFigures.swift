/// The figures of each checkpoint of a race: the fastest ranking-clock
/// split, how many passed, the first and last through by time of day, and
/// the runners placed by the furthest checkpoint they reached. Counted over
/// runners in participant order (ties go to the first), or over runs of
/// them apart and joined in that order, which gives the same.
public struct RaceFigures: Sendable, Equatable {
    public var leader: [Millis?]
    public var passed: [Int]
    public var first: [Through?]
    public var last: [Through?]
    public var byLast: [Int]

    public init(checkpoints: Int) {
        leader = Array(repeating: nil, count: checkpoints)
        passed = Array(repeating: 0, count: checkpoints)
        first = Array(repeating: nil, count: checkpoints)
        last = Array(repeating: nil, count: checkpoints)
        byLast = Array(repeating: 0, count: checkpoints)
    }

    /// Counts a runner's row; `times`: their timeline's splits by time of day.
    mutating func add(_ row: Standing, times: [Millis?]) {
        for c in leader.indices {
            if let t = row.splits[c] {
                passed[c] += 1
                if leader[c].map({ t < $0 }) ?? true { leader[c] = t }
            }
            if let t = times[c] { through(Through(runner: row.runner, time: t), at: c) }
        }
        if let c = row.lastCheckpoint, row.status.isPlaced { byLast[c] += 1 }
    }

    /// Counts the figures of runners who all come after these in participant order.
    mutating func add(_ later: RaceFigures) {
        for c in leader.indices {
            passed[c] += later.passed[c]
            byLast[c] += later.byLast[c]
            if let t = later.leader[c], leader[c].map({ t < $0 }) ?? true { leader[c] = t }
            if let f = later.first[c] { through(f, at: c) }
            if let l = later.last[c] { through(l, at: c) }
        }
    }

    /// A passage through checkpoint `c`: first or last only when strictly so.
    private mutating func through(_ passage: Through, at c: Int) {
        if first[c].map({ passage.time < $0.time }) ?? true { first[c] = passage }
        if last[c].map({ passage.time > $0.time }) ?? true { last[c] = passage }
    }
}
