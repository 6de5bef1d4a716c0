/// Orders runners and gives places, gaps, paces and projections.
public struct StandingsBuilder: Sendable {
    public private(set) var event: EventConfig
    public let participants: [Participant]
    public let corrections: Corrections
    /// The event's races, each borrowed from its box by the rows made on every core.
    private(set) var races: [Boxed<Race>]

    public init(event: EventConfig, participants: [Participant], corrections: Corrections = Corrections()) {
        self.event = event
        self.participants = participants
        self.corrections = corrections
        races = event.races.map(Boxed.init)
    }

    /// A builder whose races and age groups are in memory of its own, for
    /// one core's part of the field (see `Race.ownCopy`).
    func ownCopy() -> StandingsBuilder {
        var copy = self
        copy.event.ageGroups = event.ageGroups.ownCopy()
        copy.races = races.map { Boxed($0.value.ownCopy()) }
        return copy
    }

    /// The rows of one race in participant order, with the figures of its checkpoints.
    public struct RaceRows: Sendable {
        var rows: ChunkedArray<Standing>
        var figures: RaceFigures
    }

    /// The row of each runner of race `raceIndex`. Each row depends on its
    /// runner alone: a run of the field per core, each part written in place
    /// and counted into its own figures, joined in participant order.
    public func rows(
        race raceIndex: Int, timelines: ChunkedArray<RunnerTimeline>, at: Millis, final: Bool = false
    ) -> RaceRows {
        let race = event.races[raceIndex]
        let members = participants.indices.filter { participants[$0].raceIndex == raceIndex }
        var figures = RaceFigures(checkpoints: race.checkpoints.count)
        // Each part whole chunks of the listing, joined without a copy; sorted later in place.
        let parts = inPlace { participants in
            let given = UncheckedSendable(participants)
            return ParallelParts.map(count: members.count, alignment: ChunkedArray<Standing>.chunkSize) { range in
                let own = ownCopy()
                let race = own.races[raceIndex].value
                var part = RaceFigures(checkpoints: race.checkpoints.count)
                var rows = ChunkedArray<Standing>()
                for k in range {
                    let index = members[k]
                    var row = timelines.withElementPointer(index) {
                        own.standing(of: index, in: given.value, $0, race: race, at: at, final: final)
                    }
                    if !corrections.isEmpty { applyCorrections(to: &row) }
                    part.add(row)
                    rows.append(row)
                }
                return (rows: rows, figures: part)
            }
        }
        for part in parts { figures.add(part.figures) }
        return RaceRows(rows: ChunkedArray(joining: parts.map { $0.rows }), figures: figures)
    }

    /// The standings of race `raceIndex` from its rows (as `rows(race:)`
    /// gives them; taken, and left empty).
    public func standings(race raceIndex: Int, rows raceRows: inout RaceRows, at: Millis) -> RaceStandings {
        let race = event.races[raceIndex]
        let figures = raceRows.figures
        var rows = raceRows.rows
        raceRows.rows = []
        let leader = figures.leader
        // Sort small keys, not the wide rows, on plain comparisons; runners
        // under the same key (the DNS, exact ties) then by bib, numbers first.
        let keys = rows.map(RankKey.init)
        var order =
            rankOrder(keys) ?? Array(rows.indices).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var runStart = 0
        while runStart < order.count {
            var runEnd = runStart + 1
            // The keys in rank order lie all over their array: each fetched a few places ahead.
            let ahead = runEnd + FetchAhead.distance
            if ahead < order.count { keys.withUnsafeBufferPointer { $0.prefetch(order[ahead]) } }
            while runEnd < order.count && keys[order[runEnd]] == keys[order[runStart]] { runEnd += 1 }
            if runEnd - runStart > 1 {
                let bibs = participants
                order[runStart..<runEnd].sort {
                    let (a, b) = (bibs[rows[$0].runner].bib, bibs[rows[$1].runner].bib)
                    return a.localizedStandardLess(b) || (!b.localizedStandardLess(a) && $0 < $1)
                }
            }
            runStart = runEnd
        }
        // In place: a sorted copy beside the rows was 6 MB more at 50,000 runners, kept by the process once freed.
        rows.permute(order)
        var sorted = rows
        rows = []
        givePlaces(&sorted, leader: leader, race: race)
        var standings = RaceStandings(
            raceIndex: raceIndex, at: at, rows: sorted, leaderTimes: leader, passed: figures.passed,
            firstThrough: figures.first, lastThrough: figures.last, byLastCheckpoint: figures.byLast)
        standings.statusCounts = StatusCounts(sorted)
        return standings
    }

    /// The participants as a buffer, so a row reads its participant in
    /// place: a copy is a retain of each of its strings, 50,000 times a listing.
    func inPlace<T>(_ body: (UnsafeBufferPointer<Participant>) throws -> T) rethrows -> T {
        try participants.withUnsafeBufferPointer(body)
    }

    /// `markOverdue: false` leaves out the one part of a row that moves with
    /// the clock alone (see `overdueClock`). The runner's fields are read
    /// where the participant lies: handed over whole, the participant was
    /// copied, each of its strings retained and released, for every row.
    @inline(__always) func standing(
        of index: Int, in participants: UnsafeBufferPointer<Participant>, _ timeline: UnsafePointer<RunnerTimeline>,
        race: Race, at: Millis, final: Bool = false, markOverdue: Bool = true
    ) -> Standing {
        // The fields the row needs, read where the timeline lies: a timeline
        // handed over as a value was copied for each row, a retain and a
        // release of each of its three references, where the row keeps one.
        let counted = timeline.pointee.counted, startRead = timeline.pointee.startRead
        let furthest = timeline.pointee.furthest, flags = timeline.pointee.flags
        let wave = participants[inPlace: index].waveIndex
        let division = participants[inPlace: index].division
        let gun = race.waves[wave].gun
        let origin = race.clock(division: division, wave: wave) == .net ? (startRead ?? gun) : gun
        var row = Standing(
            runner: index, status: .dns, lastCheckpoint: furthest,
            lastTimeOfDay: nil, gunTime: nil, netTime: nil, rankTime: nil,
            ageGroup: event.ageGroups.group(
                sex: participants[inPlace: index].sex, age: participants[inPlace: index].age),
            timesOfDay: counted, origin: origin, flags: flags)
        guard let last = furthest, let t = counted[last].time else { return consume row }
        row.lastTimeOfDay = t
        row.gunTime = t - gun
        row.netTime = t - (startRead ?? gun)
        row.rankTime = t - origin
        let km = race.checkpoints[last].km
        if last == race.finishIndex {
            let overLimit = race.cutoff.map { t - gun > $0 } ?? false
            row.status = overLimit ? .overTimeLimit : .finished
        } else if final {
            row.status = .dnf
        } else if let cutoff = race.cutoff, at >= gun + cutoff {
            row.status = .dnf
        } else {
            row.status = .onCourse
        }
        if km > 0, let rank = row.rankTime {
            row.racePace = Int((Double(row.netTime ?? rank) / km).rounded())
            row.projectedFinish =
                last == race.finishIndex
                ? rank : Int((Double(rank) * race.distanceKm / km).rounded())
            if row.status == .dnf { row.projectedFinish = nil }
        }
        var previous = last - 1
        while previous >= 0 && counted[previous].time == nil { previous -= 1 }
        if previous >= 0, let tp = counted[previous].time {
            let segmentKm = km - race.checkpoints[previous].km
            if segmentKm > 0 { row.segmentPace = Int((Double(t - tp) / segmentKm).rounded()) }
        }
        if markOverdue, row.status == .onCourse, let clock = overdueClock(of: row, race: race),
            clock.isOverdue(at: at)
        {
            row.flags.insert(.overdue)
        }
        // `consume`: returned plainly, the row was copied and the original
        // destroyed, a retain and a release of each of its arrays per row.
        return consume row
    }

    /// The officials' status for the runner replaces the timing rules' one,
    /// and their corrections go with the row.
    func applyCorrections(to row: inout Standing) {
        row.corrections = corrections.labels(runner: row.runner)
        guard let status = corrections.statusOverride(runner: row.runner) else { return }
        row.status = status
        row.projectedFinish = status == .finished ? row.projectedFinish : nil
        row.flags.remove(.overdue)
    }

    /// When an on-course row turns overdue: its last split and the slack after it.
    @inline(__always) func overdueClock(of row: Standing, race: Race) -> OverdueClock? {
        guard let last = row.lastCheckpoint, let t = row.timeOfDay(last), last + 1 < race.checkpoints.count else {
            return nil
        }
        let nextKm = race.checkpoints[last + 1].km - race.checkpoints[last].km
        return OverdueClock(since: t, nextKm: nextKm, pace: row.racePace ?? row.segmentPace)
    }

    /// Twice the time the next segment should take at the runner's pace, plus
    /// a quarter of an hour, has passed without a read: a runner who stopped
    /// (a DNF the cutoff has not made official yet) or a mat that misses them.
    static func isOverdue(since t: Millis, nextKm: Double, pace: Millis?, at: Millis) -> Bool {
        let pace = Double(pace ?? TimingEngine.defaultPace)
        return Double(at - t) > 2 * nextKm * pace + 15 * 60_000
    }

    func givePlaces(_ rows: inout ChunkedArray<Standing>, leader: [Millis?], race: Race) {
        // Plain arrays, not dictionaries: this runs for every row of every snapshot.
        var overall = PlaceCounter()
        var bySex = PlaceCounter(categories: Sex.allCases.count)
        var byDivision = PlaceCounter(categories: Division.allCases.count)
        var byAgeGroup = PlaceCounter(categories: event.ageGroups.groupCount)
        participants.withUnsafeBufferPointer { participants in
            rows.updateEachChunk { _, chunk in
                // Each row in place: one copied out retains its arrays, 50,000 times a snapshot.
                for i in chunk.indices {
                    // Waiting on every participant was nine tenths of this loop.
                    participants.prefetchRunner(ahead: i, of: UnsafeBufferPointer(chunk))
                    let row = chunk.baseAddress! + i
                    if let last = row.pointee.lastCheckpoint, let t = row.pointee.rankTime, let best = leader[last] {
                        row.pointee.gap = t - best
                    }
                    guard row.pointee.status.isPlaced else { continue }
                    let runner = row.pointee.runner
                    let key = RankKey(row.pointee)
                    row.pointee.place = overall.next(key)
                    if let sex = participants[inPlace: runner].sex {
                        row.pointee.sexPlace = bySex.next(key, in: sex.index)
                    }
                    row.pointee.divisionPlace = byDivision.next(key, in: participants[inPlace: runner].division.index)
                    if let g = row.pointee.ageGroup {
                        row.pointee.ageGroupPlace = byAgeGroup.next(key, in: g)
                    }
                }
            }
        }
    }
}

extension String {
    /// Numeric-aware order, so bib 9 comes before bib 10.
    func localizedStandardLess(_ other: String) -> Bool {
        if let a = Int(self), let b = Int(other) { return a < b }
        if Int(self) != nil { return true }
        if Int(other) != nil { return false }
        return self < other
    }
}

/// What `StandingsBuilder.isOverdue` needs of a row, kept so the flag can be
/// set again as the clock moves without recomputing the row.
struct OverdueClock: Sendable {
    var since: Millis
    var nextKm: Double
    var pace: Millis?
    func isOverdue(at: Millis) -> Bool {
        StandingsBuilder.isOverdue(since: since, nextKm: nextKm, pace: pace, at: at)
    }

    /// The first clock time `isOverdue` holds at: `at - since`, a whole
    /// number of ms (exact as a Double), must exceed the slack, so it is one
    /// past the slack's floor.
    var firstOverdue: Millis {
        let slack = 2 * nextKm * Double(pace ?? TimingEngine.defaultPace) + 15 * 60_000
        guard slack.isFinite, slack < 1e15 else { return .max }
        return since + Millis(slack.rounded(.down)) + 1
    }
}
