/// Standings kept up to date runner by runner, for live and replay: a new
/// read recomputes its runner's row and moves it in the listing order; the
/// rest of the field is carried over. Gives exactly what
/// `StandingsBuilder.standings` gives from scratch (the live, replay and
/// results tests hold it to that).
///
/// Rows depend on the clock in two ways only: a runner still out at the
/// race's cutoff becomes a DNF (a boundary: everything is rebuilt when the
/// clock crosses one), and the overdue flag (set when the rows are listed).
public struct LiveStandings: Sendable {
    let builder: StandingsBuilder
    /// Each participant's row without the overdue flag, by participant.
    var rows: [Standing]
    var overdue: [OverdueClock?]
    /// The key each row is listed under; with `bibRank`, unique per runner.
    var keys: [RankKey]
    /// Position of each bib in numeric-aware order: the tie-break of equal keys.
    let bibRank: [Int32]
    var races: [RaceOrder]
    public private(set) var at: Millis
    var finalRace: [Bool]

    /// One race's listing order and its per-checkpoint figures.
    struct RaceOrder: Sendable {
        var members: [Int32] = []
        var order: [Int32] = []
        var leader: [Millis?]
        var passed: [Int]
        var first: [Through?]
        var last: [Through?]
        var byLast: [Int]

        init(checkpoints: Int) {
            leader = Array(repeating: nil, count: checkpoints)
            passed = Array(repeating: 0, count: checkpoints)
            first = Array(repeating: nil, count: checkpoints)
            last = Array(repeating: nil, count: checkpoints)
            byLast = Array(repeating: 0, count: checkpoints)
        }
    }

    public init(
        builder: StandingsBuilder, timelines: ChunkedArray<RunnerTimeline>, at: Millis, finalRace: [Bool]
    ) {
        self.builder = builder
        self.at = at
        self.finalRace = finalRace
        let participants = builder.participants
        let byBib = participants.indices.sorted {
            let a = participants[$0].bib, b = participants[$1].bib
            if a.localizedStandardLess(b) { return true }
            if b.localizedStandardLess(a) { return false }
            return $0 < $1
        }
        var rank = [Int32](repeating: 0, count: participants.count)
        for (position, runner) in byBib.enumerated() { rank[runner] = Int32(position) }
        bibRank = rank
        rows = []
        overdue = []
        keys = []
        races = []
        rebuild(timelines: timelines)
    }

    /// Everything again, from the timelines at `at`.
    mutating func rebuild(timelines: ChunkedArray<RunnerTimeline>) {
        let event = builder.event
        races = event.races.map { RaceOrder(checkpoints: $0.checkpoints.count) }
        rows.removeAll(keepingCapacity: true)
        overdue.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        for (runner, participant) in builder.participants.enumerated() {
            let (row, clock) = makeRow(runner, timelines[runner])
            rows.append(row)
            overdue.append(clock)
            keys.append(RankKey(row))
            races[participant.raceIndex].members.append(Int32(runner))
        }
        for r in races.indices {
            races[r].order = races[r].members.sorted { precedes(Int($0), Int($1)) }
            for runner in races[r].members { add(Int(runner), timelines[Int(runner)], to: r) }
        }
    }

    func makeRow(_ runner: Int, _ timeline: RunnerTimeline) -> (Standing, OverdueClock?) {
        let participant = builder.participants[runner]
        let race = builder.event.races[participant.raceIndex]
        var row = builder.standing(
            of: runner, participant, timeline, race: race, at: at, final: finalRace[participant.raceIndex],
            markOverdue: false)
        let clock = row.status == .onCourse ? builder.overdueClock(of: row, timeline, race: race) : nil
        if !builder.corrections.isEmpty { builder.applyCorrections(to: &row) }
        return (row, clock)
    }

    func precedes(_ a: Int, _ b: Int) -> Bool {
        keys[a] != keys[b] ? keys[a] < keys[b] : bibRank[a] < bibRank[b]
    }

    /// Moves the clock to `at` and takes the new timelines of `changed`
    /// runners (`previous`: the timelines the rows were made from).
    public mutating func update(
        changed: some Sequence<Int>, timelines: ChunkedArray<RunnerTimeline>,
        previous: ChunkedArray<RunnerTimeline>, at newAt: Millis, finalRace newFinal: [Bool]
    ) {
        let crossed = builder.event.races.contains { race in
            guard let cutoff = race.cutoff else { return false }
            return race.waves.contains { wave in
                let boundary = wave.gun + cutoff
                return min(at, newAt) < boundary && boundary <= max(at, newAt)
            }
        }
        at = newAt
        if crossed || newFinal != finalRace {
            finalRace = newFinal
            return rebuild(timelines: timelines)
        }
        var stale: [Set<Int>] = Array(repeating: [], count: races.count)
        for runner in changed {
            let r = builder.participants[runner].raceIndex
            remove(runner, previous[runner], from: r, stale: &stale[r])
            let (row, clock) = makeRow(runner, timelines[runner])
            rows[runner] = row
            overdue[runner] = clock
            keys[runner] = RankKey(row)
            insert(runner, into: r)
            add(runner, timelines[runner], to: r)
        }
        for r in races.indices where !stale[r].isEmpty { recount(stale[r], race: r, timelines: timelines) }
    }

    /// Position of `runner` in `order` (or where it goes), by its current key.
    func position(of runner: Int, in order: [Int32]) -> Int {
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if precedes(Int(order[mid]), runner) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func insert(_ runner: Int, into r: Int) {
        races[r].order.insert(Int32(runner), at: position(of: runner, in: races[r].order))
    }

    /// Takes the runner's row out of the order and the figures; a checkpoint
    /// whose leader, first or last it was is counted again afterwards.
    mutating func remove(_ runner: Int, _ timeline: RunnerTimeline, from r: Int, stale: inout Set<Int>) {
        var at = position(of: runner, in: races[r].order)
        if at >= races[r].order.count || Int(races[r].order[at]) != runner {
            // Never expected: the key the row was listed under is kept. Found the slow way rather than lost.
            at = races[r].order.firstIndex(of: Int32(runner))!
        }
        races[r].order.remove(at: at)
        let row = rows[runner]
        for c in row.splits.indices {
            if let t = row.splits[c] {
                races[r].passed[c] -= 1
                if races[r].leader[c] == t { stale.insert(c) }
            }
            if races[r].first[c]?.runner == runner || races[r].last[c]?.runner == runner { stale.insert(c) }
        }
        if let c = row.lastCheckpoint, row.status.isPlaced { races[r].byLast[c] -= 1 }
    }

    /// Adds the runner's row to the figures, as the full computation does in participant order.
    mutating func add(_ runner: Int, _ timeline: RunnerTimeline, to r: Int) {
        let row = rows[runner]
        for c in row.splits.indices {
            if let t = row.splits[c] {
                races[r].passed[c] += 1
                if races[r].leader[c].map({ t < $0 }) ?? true { races[r].leader[c] = t }
            }
            if let t = timeline.splits[c] {
                if races[r].first[c].map({ t < $0.time || (t == $0.time && runner < $0.runner) }) ?? true {
                    races[r].first[c] = Through(runner: runner, time: t)
                }
                if races[r].last[c].map({ t > $0.time || (t == $0.time && runner < $0.runner) }) ?? true {
                    races[r].last[c] = Through(runner: runner, time: t)
                }
            }
        }
        if let c = row.lastCheckpoint, row.status.isPlaced { races[r].byLast[c] += 1 }
    }

    /// Leader, first and last at `checkpoints` from every member of the race.
    mutating func recount(_ checkpoints: Set<Int>, race r: Int, timelines: ChunkedArray<RunnerTimeline>) {
        for c in checkpoints {
            races[r].leader[c] = nil
            races[r].first[c] = nil
            races[r].last[c] = nil
        }
        for member in races[r].members {
            let runner = Int(member)
            let row = rows[runner], timeline = timelines[runner]
            for c in checkpoints {
                if let t = row.splits[c], races[r].leader[c].map({ t < $0 }) ?? true { races[r].leader[c] = t }
                guard let t = timeline.splits[c] else { continue }
                if races[r].first[c].map({ t < $0.time }) ?? true { races[r].first[c] = Through(runner: runner, time: t) }
                if races[r].last[c].map({ t > $0.time }) ?? true { races[r].last[c] = Through(runner: runner, time: t) }
            }
        }
    }

    /// The standings of race `r` now: rows in order with the overdue flag,
    /// gaps and places, as `StandingsBuilder.standings` lists them.
    public func standings(race r: Int) -> RaceStandings {
        let race = races[r]
        var listed: [Standing] = []
        listed.reserveCapacity(race.order.count)
        for member in race.order {
            let runner = Int(member)
            var row = rows[runner]
            if row.status == .onCourse, let clock = overdue[runner], clock.isOverdue(at: at) {
                row.flags.insert(.overdue)
            }
            listed.append(row)
        }
        builder.givePlaces(&listed, leader: race.leader, race: builder.event.races[r])
        return RaceStandings(
            raceIndex: r, at: at, rows: listed, leaderTimes: race.leader, passed: race.passed,
            firstThrough: race.first, lastThrough: race.last, byLastCheckpoint: race.byLast)
    }
}
