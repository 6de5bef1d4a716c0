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
    /// The first clock time at which each row is overdue (`Millis.max`: never):
    /// one number per runner, so the pass over the field stays in cache.
    var overdueAt: [Millis]
    /// Sex (index + 1, 0: none) and elite (bit 2) per runner, for places.
    let category: [UInt8]
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
        /// The rows as listed, in `order`: shared with the snapshots, and
        /// written only where a row, a place, a gap or the overdue flag changed.
        var listed = ChunkedArray<Standing>()
        var figures: RaceFigures
        var statusCounts = StatusCounts()
        /// Each checkpoint's ranking-clock splits, sorted.
        var sortedSplits: [[Millis]]

        init(checkpoints: Int) {
            figures = RaceFigures(checkpoints: checkpoints)
            sortedSplits = Array(repeating: [], count: checkpoints)
        }

        /// Adds one runner's row to the figures.
        mutating func add(_ row: Standing) {
            figures.add(row)
            for c in 0..<row.checkpointCount {
                if let t = row.split(c) { sortedSplits[c].insert(t, at: sortedSplits[c].lowerBound(t)) }
            }
        }
    }

    public init(
        builder: StandingsBuilder, timelines: ChunkedArray<RunnerTimeline>, at: Millis, finalRace: [Bool],
        field: FieldKeys? = nil
    ) {
        self.builder = builder
        self.at = at
        self.finalRace = finalRace
        let field = field ?? FieldKeys(builder.participants)
        bibRank = field.bibRank
        category = field.category
        overdueAt = []
        keys = []
        races = []
        rebuild(timelines: timelines)
    }

    /// What the listing order needs of the participant list alone: made once
    /// per list (when it is loaded), not with each first snapshot.
    public struct FieldKeys: Sendable {
        let bibRank: [Int32]
        let category: [UInt8]

        public init(_ participants: [Participant]) {
            // `localizedStandardLess` as a key made once per bib: numbers first by
            // value, then text; equal bibs by participant (the full sort keeps that order).
            let numbers = participants.map { Int($0.bib) }
            let byBib = participants.indices.sorted { a, b in
                switch (numbers[a], numbers[b]) {
                case let (x?, y?): return x != y ? x < y : a < b
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil):
                    let x = participants[a].bib, y = participants[b].bib
                    return x != y ? x < y : a < b
                }
            }
            var rank = [Int32](repeating: 0, count: participants.count)
            for (position, runner) in byBib.enumerated() { rank[runner] = Int32(position) }
            bibRank = rank
            category = participants.map { p in
                UInt8(p.sex.map { $0.index + 1 } ?? 0) | (p.division == .elite ? 4 : 0)
            }
        }
    }

    /// Everything again, from the timelines at `at`.
    mutating func rebuild(timelines: ChunkedArray<RunnerTimeline>) {
        let event = builder.event
        var replaced = races
        races = event.races.map { RaceOrder(checkpoints: $0.checkpoints.count) }
        for r in replaced.indices {
            let listed = replaced[r].listed
            replaced[r].listed = ChunkedArray()
            ChunkedArray.releaseInParallel(consume listed)
        }
        let n = timelines.count
        precondition(n == builder.participants.count, "a timeline per participant")
        builder.inPlace { participants in
            for runner in participants.indices {
                races[participants[inPlace: runner].raceIndex].members.append(Int32(runner))
            }
        }
        let (builder, at, finalRace) = (builder, at, finalRace)
        var newOverdue = [Millis](repeating: .max, count: n)
        var newKeys = [RankKey](repeating: RankKey(group: 0, checkpoint: nil, time: nil), count: n)
        for r in races.indices {
            // A race at a time, its rows made as whole chunks of its listing on
            // every core (each row depends on its runner alone, its timeline read
            // in place), then put in listing order in place: no scratch copy of
            // the field beside the listings, nor rows copied into them.
            let members = races[r].members
            let checkpoints = event.races[r].checkpoints.count
            let parts = newOverdue.withUnsafeMutableBufferPointer { overdue in
                newKeys.withUnsafeMutableBufferPointer { keys in
                    builder.inPlace { participants in
                        let shared = UncheckedSendable((participants, overdue, keys))
                        // A row is some work: a race of 10,000 runners is shared among the cores too.
                        return ParallelParts.map(
                            count: members.count, alignment: ChunkedArray<Standing>.chunkSize, work: members.count * 2
                        ) { range in
                            let builder = builder.ownCopy()
                            var part = PartCount(checkpoints: checkpoints, runners: range.count)
                            var rows = ChunkedArray<Standing>()
                            for k in range {
                                let runner = Int(members[k])
                                let (row, clock) = timelines.withElementPointer(runner) {
                                    Self.makeRow(
                                        runner, $0, builder: builder, participants: shared.value.0, at: at,
                                        finalRace: finalRace)
                                }
                                part.add(row)
                                shared.value.1[runner] = clock?.firstOverdue ?? .max
                                shared.value.2[runner] = RankKey(row)
                                rows.append(consume row)
                            }
                            return (rows: rows, count: part)
                        }
                    }
                }
            }
            let counted = parts.map { $0.count }
            var listed = ChunkedArray(joining: parts.map { $0.rows })
            // Sorted on one flat key per runner rather than through `precedes`.
            let (keys, bibRank) = (newKeys, self.bibRank)
            let positions =
                rankOrder(members.map { keys[Int($0)] }, tie: members.map { bibRank[Int($0)] })
                ?? members.indices.map { (keys[Int(members[$0])], bibRank[Int(members[$0])], $0) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { $0.2 }
            listed.permute(positions)
            races[r].order = positions.map { members[$0] }
            races[r].listed = listed
            take(counted, race: r)
        }
        overdueAt = newOverdue
        keys = newKeys
        for r in races.indices { refresh(race: r) }
    }

    /// One part of a race's figures, and each checkpoint's ranking-clock
    /// splits, to be sorted once the parts are joined.
    struct PartCount {
        var figures: RaceFigures
        var splits: [[Millis]]

        /// Room for a split of each of the part's `runners` at every
        /// checkpoint: grown by doubling, each checkpoint's list left as
        /// much again in freed buffers (some 5 MB at 50,000 runners, at the
        /// peak of a live feed's first snapshot). Room never written costs
        /// no memory.
        init(checkpoints: Int, runners: Int) {
            figures = RaceFigures(checkpoints: checkpoints)
            splits = (0..<checkpoints).map { _ in
                var list: [Millis] = []
                list.reserveCapacity(runners)
                return list
            }
        }

        mutating func add(_ row: Standing) {
            figures.add(row)
            row.withSplitTimes { times, origin in
                for c in times.indices {
                    if let t = times[c].time { splits[c].append(t - origin) }
                }
            }
        }
    }

    /// The per-checkpoint figures of race `r` from its parts, joined in
    /// participant order (the same result as `add` for each member in turn),
    /// with each checkpoint's splits sorted once, a checkpoint per core at a
    /// time: joined for one checkpoint at a time, not for all of them beside
    /// the parts (at 50,000 runners, 5 MB more at the peak of a live feed's
    /// first snapshot).
    mutating func take(_ parts: [PartCount], race r: Int) {
        var figures = RaceFigures(checkpoints: races[r].figures.leader.count)
        for part in parts { figures.add(part.figures) }
        races[r].figures = figures
        let work = parts.reduce(0) { $0 + $1.splits.reduce(0) { $0 + $1.count } }
        races[r].sortedSplits = ParallelParts.map(count: figures.leader.count, work: work) { range in
            range.map { c in [Millis].sortedJoining(parts.map { $0.splits[c] }) }
        }.flatMap { $0 }
    }

    func makeRow(_ runner: Int, from timelines: ChunkedArray<RunnerTimeline>) -> (Standing, OverdueClock?) {
        builder.inPlace { participants in
            timelines.withElementPointer(runner) {
                Self.makeRow(runner, $0, builder: builder, participants: participants, at: at, finalRace: finalRace)
            }
        }
    }

    /// Static, and given what it reads: called from several threads at once,
    /// a method would copy the whole of `self` for each row. The participant
    /// is read in place and the race borrowed from its box (see `StandingsBuilder.inPlace`).
    @inline(__always) static func makeRow(
        _ runner: Int, _ timeline: UnsafePointer<RunnerTimeline>, builder: StandingsBuilder,
        participants: UnsafeBufferPointer<Participant>, at: Millis, finalRace: [Bool]
    ) -> (Standing, OverdueClock?) {
        let r = participants[inPlace: runner].raceIndex
        let race = builder.races[r]
        var row = builder.standing(
            of: runner, in: participants, timeline, race: race.value, at: at, final: finalRace[r],
            markOverdue: false)
        let clock = row.status == .onCourse ? builder.overdueClock(of: row, race: race.value) : nil
        if !builder.corrections.isEmpty { builder.applyCorrections(to: &row) }
        return (consume row, clock)
    }

    func precedes(_ a: Int, _ b: Int) -> Bool {
        keys[a] != keys[b] ? keys[a] < keys[b] : bibRank[a] < bibRank[b]
    }

    /// Moves the clock to `at` and takes the new timelines of `changed` runners.
    public mutating func update(
        changed: some Collection<Int>, timelines: ChunkedArray<RunnerTimeline>, at newAt: Millis,
        finalRace newFinal: [Bool]
    ) {
        let crossed = builder.event.races.contains { race in
            guard let cutoff = race.cutoff else { return false }
            return race.waves.contains { wave in
                let boundary = wave.gun + cutoff
                return min(at, newAt) < boundary && boundary <= max(at, newAt)
            }
        }
        at = newAt
        // Moving hundreds of rows one by one costs more than listing them again (`WideChange`).
        let many = WideChange.isWide(changed: changed.count, field: keys.count)
        if crossed || newFinal != finalRace || many {
            finalRace = newFinal
            return rebuild(timelines: timelines)
        }
        var stale: [Set<Int>] = Array(repeating: [], count: races.count)
        for runner in changed {
            let r = builder.inPlace { $0[inPlace: runner].raceIndex }
            let from = remove(runner, from: r, stale: &stale[r])
            let (row, clock) = makeRow(runner, from: timelines)
            overdueAt[runner] = clock?.firstOverdue ?? .max
            keys[runner] = RankKey(row)
            let to = insert(runner, into: r)
            races[r].listed.move(from: from, to: to)
            races[r].listed[to] = row
            races[r].add(row)
        }
        for r in races.indices where !stale[r].isEmpty { recount(stale[r], race: r) }
        for r in races.indices { refresh(race: r) }
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

    /// Where the runner now goes in the order.
    mutating func insert(_ runner: Int, into r: Int) -> Int {
        let at = position(of: runner, in: races[r].order)
        races[r].order.insert(Int32(runner), at: at)
        return at
    }

    /// Takes the runner's row out of the order and the figures; a checkpoint
    /// whose leader, first or last it was is counted again afterwards.
    /// Where the runner was in the order.
    mutating func remove(_ runner: Int, from r: Int, stale: inout Set<Int>) -> Int {
        var at = position(of: runner, in: races[r].order)
        if at >= races[r].order.count || Int(races[r].order[at]) != runner {
            // Never expected: the key the row was listed under is kept. Found the slow way rather than lost.
            at = races[r].order.firstIndex(of: Int32(runner))!
        }
        races[r].order.remove(at: at)
        let row = races[r].listed[at]
        for c in 0..<row.checkpointCount {
            if let t = row.split(c) {
                races[r].sortedSplits[c].remove(at: races[r].sortedSplits[c].lowerBound(t))
                races[r].figures.passed[c] -= 1
                if races[r].figures.leader[c] == t { stale.insert(c) }
            }
            if races[r].figures.first[c]?.runner == runner || races[r].figures.last[c]?.runner == runner {
                stale.insert(c)
            }
        }
        if let c = row.lastCheckpoint, row.status.isPlaced { races[r].figures.byLast[c] -= 1 }
        return at
    }

    /// Leader, first and last at `checkpoints` from every member of the race (rows already current).
    mutating func recount(_ checkpoints: Set<Int>, race r: Int) {
        for c in checkpoints {
            races[r].figures.leader[c] = nil
            races[r].figures.first[c] = nil
            races[r].figures.last[c] = nil
        }
        // In listing order: `RaceFigures` breaks ties by participant index, whatever the order.
        let listed = races[r].listed
        listed.forEachChunk { _, chunk in
            for j in chunk.indices {
                let runner = chunk[inPlace: j].runner
                for c in checkpoints {
                    races[r].figures.extremes(
                        at: c, runner: runner, split: chunk[inPlace: j].split(c), time: chunk[inPlace: j].timeOfDay(c))
                }
            }
        }
    }

    /// Brings the listed rows of race `r` up to the clock: overdue flags,
    /// gaps and places as `StandingsBuilder.givePlaces` gives them, written
    /// only where they differ (a read pass over the field, and copies of the
    /// few chunks where something changed).
    mutating func refresh(race r: Int) {
        let leader = races[r].figures.leader
        let order = races[r].order
        // Out of the race while it is written, so its chunks stay uniquely held.
        var listed = races[r].listed
        races[r].listed = ChunkedArray()
        var overall = PlaceCounter()
        var bySex = PlaceCounter(categories: Sex.allCases.count)
        var byDivision = PlaceCounter(categories: Division.allCases.count)
        var byAgeGroup = PlaceCounter(categories: builder.event.ageGroups.groupCount)
        // The listed rows in order, chunk by chunk, and two small tables by
        // runner: the base row fields are the listed row's own (a row copied
        // is two retains, and a row looked up by runner a cache miss, 50,000
        // times over). A chunk's changes are written before the next chunk is
        // read: only changed rows are written (a chunk shared with a snapshot
        // is copied only when one of its rows changes), and the list of them
        // stays a chunk long, where after a rebuild it had held every row
        // of the field at a live catch-up's peak.
        var writes: [RowUpdate] = []
        writes.reserveCapacity(ChunkedArray<Standing>.chunkSize)
        let at = at
        var counts = StatusCounts()
        let (overdueAt, category) = (overdueAt, category)
        // The rows come in listing order, the two tables by runner: each row's
        // entries asked for ahead, where they were a wait on memory a row
        // (a quarter of the pass at 50,000 runners).
        let ahead = FetchAhead.distance * 2
        for first in stride(from: 0, to: listed.count, by: ChunkedArray<Standing>.chunkSize) {
            let end = min(first + ChunkedArray<Standing>.chunkSize, listed.count)
            listed.forEachChunk(in: first..<end) { start, shown in
                for j in shown.indices {
                    let k = start + j
                    if k + ahead < order.count {
                        let later = Int(order[k + ahead])
                        overdueAt.withUnsafeBufferPointer { $0.prefetch(later) }
                        category.withUnsafeBufferPointer { $0.prefetch(later) }
                    }
                    let runner = Int(order[k])
                    let status = shown[j].status
                    counts.add(status)
                    var flags = shown[j].flags
                    if status == .onCourse && at >= overdueAt[runner] {
                        flags.insert(.overdue)
                    } else {
                        flags.remove(.overdue)
                    }
                    var gap = shown[j].gap
                    if let last = shown[j].lastCheckpoint, let t = shown[j].rankTime, let best = leader[last] {
                        gap = t - best
                    }
                    var place: Int? = nil, sexPlace: Int? = nil, divisionPlace: Int? = nil, ageGroupPlace: Int? = nil
                    if status.isPlaced {
                        let key = RankKey(
                            group: status.listOrder, checkpoint: shown[j].lastCheckpoint, time: shown[j].rankTime)
                        let kind = category[runner]
                        place = overall.next(key)
                        if kind & 3 != 0 { sexPlace = bySex.next(key, in: Int(kind & 3) - 1) }
                        divisionPlace = byDivision.next(key, in: (kind & 4 != 0 ? Division.elite : .amateur).index)
                        if let g = shown[j].ageGroup { ageGroupPlace = byAgeGroup.next(key, in: g) }
                    }
                    if shown[j].flags != flags || shown[j].gap != gap || shown[j].place != place
                        || shown[j].sexPlace != sexPlace || shown[j].divisionPlace != divisionPlace
                        || shown[j].ageGroupPlace != ageGroupPlace
                    {
                        writes.append(
                            RowUpdate(
                                k: Int32(k), flags: flags, gap: gap, place: place, sexPlace: sexPlace,
                                divisionPlace: divisionPlace, ageGroupPlace: ageGroupPlace))
                    }
                }
            }
            for w in writes {
                let k = Int(w.k)
                listed[k].flags = w.flags
                listed[k].gap = w.gap
                (listed[k].place, listed[k].sexPlace, listed[k].divisionPlace, listed[k].ageGroupPlace) =
                    (w.place, w.sexPlace, w.divisionPlace, w.ageGroupPlace)
            }
            writes.removeAll(keepingCapacity: true)
        }
        races[r].listed = listed
        races[r].statusCounts = counts
    }

    /// What `refresh` changes in a listed row, packed: after a rebuild it is every row of the field.
    struct RowUpdate {
        var k: Int32
        var flags: RunnerFlags
        @PackedTime var gap: Millis?
        @PackedIndex<Int32> var place: Int?
        @PackedIndex<Int32> var sexPlace: Int?
        @PackedIndex<Int32> var divisionPlace: Int?
        @PackedIndex<Int32> var ageGroupPlace: Int?
    }

    /// The standings of race `r` now.
    public func standings(race r: Int) -> RaceStandings {
        let race = races[r]
        var standings = RaceStandings(
            raceIndex: r, at: at, rows: race.listed, leaderTimes: race.figures.leader, passed: race.figures.passed,
            firstThrough: race.figures.first, lastThrough: race.figures.last, byLastCheckpoint: race.figures.byLast)
        standings.sortedSplits = race.sortedSplits
        standings.statusCounts = race.statusCounts
        return standings
    }
}
