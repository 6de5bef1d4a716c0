/// The timing rules for one runner: from that runner's reads to their
/// passages through the checkpoints. Pure: the same reads give the same
/// timeline, so standings at any time of day are recomputed from raw reads.
public struct TimingEngine: Sendable {
    public let event: EventConfig
    /// What the rules read of each race, made once.
    let courses: [Course]
    /// False for places alone (`results`, `awards`): each timeline's
    /// outcomes are left empty. They serve the per-point counts, the
    /// rejected reads and a runner's list of reads, none of which a report
    /// of places reads; at 50,000 runners they were 50,000 arrays, 4.4 MB
    /// and 6% of a `results` run.
    public var keepsOutcomes = true

    /// What the rules read of a race, handed to each runner's timeline as one
    /// reference: a `Race` passed down per runner was copied, a retain and a
    /// release of each of its arrays and strings, 50,000 times a seek.
    final class Course: Sendable {
        let id: String
        let checkpoints: [Checkpoint]
        let waves: [Wave]
        /// The rules of each wave.
        let rules: [TimingRules]
        let hasStartMat: Bool
        let finishIndex: Int

        init(_ race: Race, rules: [TimingRules]) {
            (id, checkpoints, waves, self.rules) = (race.id, race.checkpoints, race.waves, rules)
            (hasStartMat, finishIndex) = (race.hasStartMat, race.finishIndex)
        }

        /// A copy in memory of its own: see `TimingEngine.ownCopy`.
        init(copying course: Course) {
            id = course.id
            checkpoints = course.checkpoints.map { $0 }
            waves = course.waves.map { $0 }
            rules = course.rules.map { $0 }
            (hasStartMat, finishIndex) = (course.hasStartMat, course.finishIndex)
        }
    }

    /// Pace assumed before a runner has a split of their own (6:00/km).
    public static let defaultPace: Millis = 360_000
    /// How much slower than the minimum speed a runner may be after a split
    /// (a stop at a medical tent, a toilet queue).
    static let slowSlack: Millis = 30 * 60_000

    /// An engine whose courses and points are in memory of its own. Every
    /// timeline retains and releases its course and arrays of it; the cores
    /// working through the field at once, each on an engine of its own, then
    /// do not fight over the same reference counts.
    public func ownCopy() -> TimingEngine {
        var event = event
        event.points = event.points.map { $0 }
        var copy = TimingEngine(event: event, courses: courses.map(Course.init(copying:)))
        copy.keepsOutcomes = keepsOutcomes
        return copy
    }

    private init(event: EventConfig, courses: [Course]) {
        self.event = event
        self.courses = courses
    }

    public init(event: EventConfig) {
        self.event = event
        courses = event.races.indices.map { r in
            Course(event.races[r], rules: event.races[r].waves.indices.map { event.rules(race: r, wave: $0) })
        }
    }

    /// What the rules read of a read: plain data (no chip code), gathered
    /// onto the stack for each runner, so nothing is retained or allocated per read.
    struct Read {
        var time: Millis
        var ref: LineRef
        var point: Int32
        var isBackup: Bool

        init(_ read: TimedRead) {
            time = read.time
            ref = read.ref
            point = read.point
            isBackup = read.isBackup
        }

        /// Time order; the main line first on ties, so a backup read at the
        /// same instant is the duplicate; then the line.
        static func before(_ a: Read, _ b: Read) -> Bool {
            if a.time != b.time { return a.time < b.time }
            if a.isBackup != b.isBackup { return !a.isBackup }
            return a.ref < b.ref
        }
    }

    /// Timeline of `runner` from `reads` (that runner's only, any order).
    public func timeline(
        for runner: Participant, reads: some Collection<TimedRead>, arena: OutcomeArena? = nil
    ) -> RunnerTimeline {
        withUnsafeTemporaryAllocation(of: Read.self, capacity: reads.count) { buffer in
            for (i, read) in reads.enumerated() { buffer[i] = Read(read) }
            return timeline(race: runner.raceIndex, wave: runner.waveIndex, gathered: buffer, arena: arena)
        }
    }

    /// Timeline of a runner of race `race`, wave `wave`, from reads already
    /// laid out as the rules read them (`RunnerOrderedReads`), copied onto the stack.
    /// `arena`: where its outcomes go (else a block of their own).
    func timeline(race raceIndex: Int, wave: Int, reads: UnsafeBufferPointer<Read>, arena: OutcomeArena? = nil)
        -> RunnerTimeline
    {
        withUnsafeTemporaryAllocation(of: Read.self, capacity: reads.count) { buffer in
            _ = buffer.initialize(fromContentsOf: reads)
            return timeline(race: raceIndex, wave: wave, gathered: buffer, arena: arena)
        }
    }

    /// Timeline of a runner of race `race`, wave `wave`, from the reads at
    /// `indices` of `all` (any order). By index, not `Participant`: copying
    /// one retains five strings, 50,000 times a snapshot.
    func timeline(
        race raceIndex: Int, wave: Int, indices: some Collection<Int32>, of all: UnsafeBufferPointer<TimedRead>,
        arena: OutcomeArena? = nil
    ) -> RunnerTimeline {
        withUnsafeTemporaryAllocation(of: Read.self, capacity: indices.count) { buffer in
            for (i, index) in indices.enumerated() { buffer[i] = Read(all[inPlace: Int(index)]) }
            return timeline(race: raceIndex, wave: wave, gathered: buffer, arena: arena)
        }
    }

    /// The lines of the reads at `indices` of `all`, in the order the rules
    /// take them: the order of a timeline's outcomes.
    func orderedRefs(indices: some Collection<Int32>, of all: UnsafeBufferPointer<TimedRead>) -> [LineRef] {
        // `before` is a total order (lines differ), so this is the order the timeline sorted to.
        indices.map { Read(all[inPlace: Int($0)]) }.sorted(by: Read.before).map(\.ref)
    }

    /// The rules over reads already gathered (put in order here).
    private func timeline(
        race raceIndex: Int, wave waveIndex: Int, gathered reads: UnsafeMutableBufferPointer<Read>,
        arena: OutcomeArena? = nil
    ) -> RunnerTimeline {
        let race = courses[raceIndex]
        let rules = race.rules[waveIndex]
        var timeline = RunnerTimeline(checkpointCount: race.checkpoints.count)
        guard !reads.isEmpty else { return timeline }
        // Nearly always already in this order (reads come grouped by time): checked, not sorted again.
        if (1..<reads.count).contains(where: { !Read.before(reads[$0 - 1], reads[$0]) }) {
            var unsorted = reads
            unsorted.sort(by: Read.before)
        }
        let ordered = UnsafeBufferPointer(reads)
        var outcomes = Outcomes(of: ordered, kept: keepsOutcomes, arena: arena)
        // Passages on the stack too.
        withUnsafeTemporaryAllocation(of: Passage.self, capacity: ordered.count) { buffer in
            let count = passages(of: ordered, rules: rules, outcomes: &outcomes, into: buffer)
            assign(
                UnsafeMutableBufferPointer(rebasing: buffer[..<count]), of: ordered, wave: waveIndex, race: race,
                rules: rules, outcomes: &outcomes, timeline: &timeline)
        }
        timeline.suspicious = SuspiciousSegments.find(
            splits: timeline.counted, origin: race.waves[waveIndex].gun,
            checkpoints: race.checkpoints, ratio: rules.suspiciousRatio)
        if !timeline.suspicious.isEmpty { timeline.flags.insert(.suspiciousSegment) }
        timeline.outcomes = outcomes.kept
        return timeline
    }

    /// The outcomes of a timeline's reads as the rules give them, or none
    /// kept (`keepsOutcomes`).
    struct Outcomes {
        private(set) var kept: ReadOutcomes
        private let keeps: Bool

        init(of reads: UnsafeBufferPointer<Read>, kept keeps: Bool, arena: OutcomeArena?) {
            // Every read a duplicate until the rules say otherwise, packed from the start.
            kept = keeps ? ReadOutcomes(duplicates: reads, arena: arena) : ReadOutcomes()
            self.keeps = keeps
        }

        /// The reason of a rejection is not even made when nothing is kept.
        mutating func set(_ i: Int, _ outcome: @autoclosure () -> ReadOutcome, read: Read) {
            if keeps { kept.set(i, outcome(), read: read) }
        }
    }

    struct Passage {
        var point: Int
        var opened: Millis
        var chosen: Int
        var fromBackup: Bool
    }

    /// Groups reads at one point within its duplicate window into passages.
    /// The main line's first read times a passage; a backup read only where
    /// the main line has none.
    func passages(
        of reads: UnsafeBufferPointer<Read>, rules: TimingRules, outcomes: inout Outcomes,
        into passages: UnsafeMutableBufferPointer<Passage>
    ) -> Int {
        var count = 0
        for (i, read) in reads.enumerated() {
            let point = Int(read.point)
            let window =
                event.points[point].windowFromRules ? rules.defaultDuplicateWindow : event.points[point].duplicateWindow
            if let open = passages[..<count].lastIndex(where: { $0.point == point }),
                read.time - passages[open].opened <= window
            {
                if passages[open].fromBackup && !read.isBackup {
                    outcomes.set(passages[open].chosen, .duplicate, read: reads[passages[open].chosen])
                    passages[open].chosen = i
                    passages[open].fromBackup = false
                } else {
                    outcomes.set(i, .duplicate, read: read)
                }
            } else {
                (passages.baseAddress! + count).initialize(
                    to: Passage(point: point, opened: read.time, chosen: i, fromBackup: read.isBackup))
                count += 1
            }
        }
        // A main read replacing a backup one can move a passage later: a
        // stable insertion sort by the chosen read's time (a dozen passages).
        for j in 1..<max(count, 1) {
            let moving = passages[j]
            var k = j
            while k > 0 && reads[passages[k - 1].chosen].time > reads[moving.chosen].time {
                passages[k] = passages[k - 1]
                k -= 1
            }
            passages[k] = moving
        }
        return count
    }

    /// Where a runner is after their last counted split.
    struct Progress {
        var km = 0.0
        var time: Millis
        /// Index of the last checkpoint counted, -1 before the first.
        var checkpoint = -1
        /// Ranking pace so far, ms per km; nil before a split past the start.
        var pace: Double? = nil
    }

    /// Places each passage on the runner's next plausible checkpoint served
    /// by its point, judged by distance and elapsed time.
    func assign(
        _ passages: UnsafeMutableBufferPointer<Passage>, of reads: UnsafeBufferPointer<Read>, wave waveIndex: Int,
        race: Course,
        rules: TimingRules,
        outcomes: inout Outcomes, timeline: inout RunnerTimeline
    ) {
        let checkpoints = race.checkpoints
        let wave = race.waves[waveIndex]
        var progress = Progress(time: wave.gun)

        for passage in passages {
            let read = reads[passage.chosen]
            let t = read.time
            if t < wave.gun {
                outcomes.set(passage.chosen, .rejected(.beforeGun(wave: wave.id)), read: read)
                continue
            }
            // The first remaining checkpoint at this point; no array per passage (millions of them).
            var first = progress.checkpoint + 1
            while first < checkpoints.count && checkpoints[first].pointIndex != passage.point { first += 1 }
            if first == checkpoints.count {
                outcomes.set(
                    passage.chosen, noCandidate(point: passage.point, race: race, lastAssigned: progress.checkpoint),
                    read: read)
                continue
            }
            guard let chosen = bestCheckpoint(from: first, at: t, after: progress, race: race, rules: rules) else {
                let refused = tooFast(
                    read, point: passage.point, firstCandidate: first, after: progress, race: race, timeline: &timeline)
                outcomes.set(passage.chosen, refused, read: read)
                continue
            }
            if chosen > progress.checkpoint + 1 {
                timeline.missed.append(contentsOf: progress.checkpoint + 1..<chosen)
                timeline.flags.insert(.missedSplit)
            }
            timeline.counted[chosen] = CountedSplit(time: t, ref: read.ref)
            if passage.fromBackup { timeline.flags.insert(.backupUsed) }
            outcomes.set(passage.chosen, .used(checkpoint: chosen), read: read)
            if chosen == 0 && race.hasStartMat { timeline.startRead = t }
            let km = checkpoints[chosen].km
            if km > 0 { progress.pace = Double(t - (timeline.startRead ?? wave.gun)) / km }
            progress.km = km
            progress.time = t
            progress.checkpoint = chosen
        }
        timeline.furthest = progress.checkpoint >= 0 ? progress.checkpoint : nil
        if progress.checkpoint >= 0, race.hasStartMat, timeline.startRead == nil {
            timeline.flags.insert(.noStartRead)
        }
    }

    /// Of the candidate checkpoints, the one whose expected arrival (at the
    /// runner's own pace) is nearest `t` among those reachable at a plausible
    /// speed; else one reached only slower than the minimum speed; nil when
    /// every candidate would be too fast.
    /// Candidates are the checkpoints from `first` on served by `first`'s point.
    func bestCheckpoint(
        from first: Int, at t: Millis, after progress: Progress, race: Course,
        rules: TimingRules
    ) -> Int? {
        let point = race.checkpoints[first].pointIndex
        let elapsed = Double(t - progress.time)
        var best: Int? = nil
        var bestError = Double.infinity
        var leastSlow: Int? = nil
        for c in first..<race.checkpoints.count where race.checkpoints[c].pointIndex == point {
            let distance = race.checkpoints[c].km - progress.km
            if Self.isTooFast(distance: distance, elapsedMs: elapsed, maxKmh: rules.maxSpeedKmh) { continue }
            let allowance = progress.checkpoint < 0 ? rules.startAllowance : Self.slowSlack
            let slowest = distance / rules.minSpeedKmh * 3_600_000 + Double(allowance)
            if elapsed > slowest {
                leastSlow = c
                continue
            }
            let expected = Double(progress.time) + distance * (progress.pace ?? Double(Self.defaultPace))
            let error = abs(Double(t) - expected)
            if error < bestError {
                best = c
                bestError = error
            }
        }
        return best ?? leastSlow
    }

    /// A read too fast for every remaining checkpoint at its point: the same
    /// mat again is a duplicate; anything else is an impossible split, refused and shown.
    func tooFast(
        _ read: Read, point: Int, firstCandidate c: Int, after progress: Progress, race: Course,
        timeline: inout RunnerTimeline
    ) -> ReadOutcome {
        let checkpoints = race.checkpoints
        if progress.checkpoint >= 0, checkpoints[progress.checkpoint].pointIndex == point { return .duplicate }
        let elapsed = Double(read.time - progress.time)
        let kmh = elapsed > 0 ? (checkpoints[c].km - progress.km) / (elapsed / 3_600_000) : .infinity
        timeline.impossible.append(RefusedSplit(checkpoint: c, time: read.time, ref: read.ref))
        timeline.flags.insert(.impossibleSplit)
        return .rejected(.impossibleSplit(checkpoint: checkpoints[c].id, kmh: kmh))
    }

    static func isTooFast(distance: Double, elapsedMs: Double, maxKmh: Double) -> Bool {
        guard distance > 0 else { return false }
        guard elapsedMs > 0 else { return true }
        return distance / (elapsedMs / 3_600_000) > maxKmh
    }

    func noCandidate(point: Int, race: Course, lastAssigned: Int) -> ReadOutcome {
        let checkpoints = race.checkpoints
        if lastAssigned >= 0, checkpoints[lastAssigned].pointIndex == point {
            // The same mat again after it was counted: the runner stepped back over it.
            return lastAssigned == race.finishIndex ? .rejected(.afterFinish) : .duplicate
        }
        if lastAssigned == race.finishIndex { return .rejected(.afterFinish) }
        if let passed = checkpoints[...max(lastAssigned, 0)].last(where: { $0.pointIndex == point }), lastAssigned >= 0
        {
            return .rejected(.alreadyPassed(checkpoint: passed.id))
        }
        return .rejected(.notOnCourse(point: event.points[point].id, race: race.id))
    }
}
