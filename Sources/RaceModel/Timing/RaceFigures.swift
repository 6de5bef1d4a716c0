/// The figures of each checkpoint of a race: the fastest ranking-clock
/// split, how many passed, the first and last through by time of day, and
/// the runners placed by the furthest checkpoint they reached. Runners may be
/// counted in any order, or in runs apart and joined: ties are broken by
/// participant index, so the figures are the same.
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

    /// Counts a runner's row.
    mutating func add(_ row: Standing) {
        let runner = row.runner
        // The row's times read in place, once each: a checkpoint without a
        // time of day has no split and counts for nothing.
        row.withSplitTimes { times, origin in
            precondition(times.count >= leader.count, "a time of day for every checkpoint of the race")
            for c in leader.indices {
                guard let time = times[c].time else { continue }
                passed[c] += 1
                extremes(at: c, runner: runner, split: time - origin, time: time)
            }
        }
        if let c = row.lastCheckpoint, row.status.isPlaced { byLast[c] += 1 }
    }

    /// Counts the figures of other runners, counted apart.
    mutating func add(_ other: RaceFigures) {
        for c in leader.indices {
            passed[c] += other.passed[c]
            byLast[c] += other.byLast[c]
            if let t = other.leader[c], leader[c].map({ t < $0 }) ?? true { leader[c] = t }
            if let f = other.first[c] { through(f, at: c) }
            if let l = other.last[c] { through(l, at: c) }
        }
    }

    /// Leader, first and last through checkpoint `c` with one runner's times.
    mutating func extremes(at c: Int, runner: Int, split: Millis?, time: Millis?) {
        if let t = split, leader[c].map({ t < $0 }) ?? true { leader[c] = t }
        if let t = time { through(Through(runner: runner, time: t), at: c) }
    }

    /// A passage through checkpoint `c`. Ties go to the lower participant
    /// index, whatever order the runners are counted in.
    private mutating func through(_ p: Through, at c: Int) {
        if first[c].map({ p.time < $0.time || (p.time == $0.time && p.runner < $0.runner) }) ?? true { first[c] = p }
        if last[c].map({ p.time > $0.time || (p.time == $0.time && p.runner < $0.runner) }) ?? true { last[c] = p }
    }
}
