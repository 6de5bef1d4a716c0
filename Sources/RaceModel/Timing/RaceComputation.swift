/// Matches read codes to participants: by chip first, then by bib.
public struct ParticipantDirectory: Sendable {
    var byChip: CodeTable
    var byBib: CodeTable

    public init(_ participants: [Participant]) {
        // The two tables apart, one per core for a big field.
        let bibs = { Self.table(of: participants, chips: false) }
        let chips = { Self.table(of: participants, chips: true) }
        (byBib, byChip) =
            participants.count < ParallelParts.threshold ? (bibs(), chips()) : ParallelParts.both(bibs, chips)
    }

    /// The two tables as `table(of:chips:)` made them for these participants.
    public init(bibs: CodeTable, chips: CodeTable) {
        (byBib, byChip) = (bibs, chips)
    }

    /// The participants' chips (or bibs) to their indices, each code also
    /// in lower case where that differs; in `spare`'s memory where it fits
    /// (`CodeTable.init(capacity:reusing:)`).
    public static func table(
        of participants: [Participant], chips: Bool, reusing spare: consuming CodeTable? = nil
    ) -> CodeTable {
        var table = CodeTable(capacity: participants.count, reusing: consume spare)
        participants.withUnsafeBufferPointer { participants in
            func code(_ i: Int) -> String {
                chips ? participants[inPlace: i].chip ?? "" : participants[inPlace: i].bib
            }
            // Each code's slot fetched a few codes ahead (see `group`).
            HashesAhead.forEach(
                in: participants.indices, hash: { CodeTable.hash(code($0)) },
                prefetch: { table.prefetch(hash: $0) }
            ) { i, hash in
                let code = code(i)
                if chips && code.isEmpty { return }
                table.set(ChipCode(code), i, hash: hash)
                let lower = code.lowercasedIfNeeded
                if lower != code { table.set(lower, i) }
            }
        }
        return table
    }

    public func runner(forCode code: String) -> Int? {
        withLookup { $0.runner(forCode: code) }
    }

    /// Both tables read in place (`CodeTable.Lookup`), for the loop over every read.
    struct Lookup {
        let byChip: CodeTable.Lookup
        let byBib: CodeTable.Lookup

        func runner(forCode code: String) -> Int? {
            let chip = ChipCode(code)
            return runner(forChip: chip, hash: chip.hash)
        }

        /// `hash`: `chip.hash`, which both tables share.
        func runner(forChip chip: ChipCode, hash: Int32) -> Int? {
            if let i = byChip[chip, hash: hash] ?? byBib[chip, hash: hash] { return i }
            // Not found as written: as a participant's code may be, in lower case.
            let code = chip.string
            let lower = code.lowercasedIfNeeded
            guard lower != code else { return nil }
            return byChip[lower] ?? byBib[lower]
        }

        /// Fetches early where `code` is looked for first (by its hash).
        func prefetch(hash: Int32) {
            (byChip.isEmpty ? byBib : byChip).prefetch(hash: hash)
        }
    }

    func withLookup<T>(_ body: (Lookup) -> T) -> T {
        byChip.withLookup { chips in byBib.withLookup { bibs in body(Lookup(byChip: chips, byBib: bibs)) } }
    }
}

/// Counts for one timing point over the reads up to some time of day.
public struct PointStats: Sendable, Equatable {
    public var lines = 0
    public var reads = 0
    public var used = 0
    public var duplicates = 0
    public var rejected = 0
    /// Decoder control and status lines, not reads.
    public var control = 0
    /// Blank lines and `#` comments.
    public var blank = 0
    /// Reads of the first/last-seen edge the point does not use.
    public var otherEdge = 0
    public var firstRead: Millis? = nil
    public var lastRead: Millis? = nil
}

extension PointStats {
    /// The point's reads: count, first and last time.
    mutating func take(_ tally: RaceComputation.ReadTally) {
        reads = tally.count
        firstRead = tally.first
        lastRead = tally.last
    }
}

/// A line that was not used for timing, with the reason: for `check`,
/// the alerts view and the runner view.
public struct Rejection: Sendable, Equatable {
    public var ref: LineRef
    public var point: Int
    public var reason: RejectReason
    /// The line as written, where it is known (parse problems).
    public var text: String?
    public var time: Millis?
    public var runner: Int?
}

extension Rejection {
    /// A read the rules refused, of `runner`.
    init(_ read: RejectedRead, runner: Int) {
        self.init(ref: read.ref, point: read.point, reason: read.reason, text: nil, time: read.time, runner: runner)
    }
}

/// Everything the timing rules make of a read log at one time of day.
public struct Evaluation: Sendable {
    public var at: Millis
    /// By participant; chunked, so snapshots taken one read apart share nearly all of them.
    public var timelines: ChunkedArray<RunnerTimeline>
    public var standings: [RaceStandings]
    public var pointStats: [PointStats]
    /// Rejected lines in file and line order.
    public var rejections: [Rejection]
    public var duplicateCount: Int
    public var usedCount: Int
    /// Final results in every race: nobody left on course.
    public var isFinal: Bool
    /// The officials' journal the standings were computed with.
    public var corrections: Corrections
    /// Breaks in the decoders' passing numbers, per file.
    public var sequenceGaps: [SequenceGap] = []
    /// False for an evaluation asked for places alone (`results`, `awards`):
    /// the per-point counts, rejected lines and numbering gaps were not made,
    /// and are empty rather than zero.
    public var isCounted = true
}

/// From a read log to standings: the path shared by `results`, `check`,
/// replay and live.
public struct RaceComputation: Sendable {
    public let event: EventConfig
    public let participants: [Participant]
    public let directory: ParticipantDirectory
    /// The officials' journal, applied on top of the raw reads.
    public let corrections: Corrections
    private(set) var engine: TimingEngine
    let builder: StandingsBuilder

    /// `directory`: the participants' own, when it is made already (a load's).
    public init(
        event: EventConfig, participants: [Participant], corrections: Corrections = Corrections(),
        directory: ParticipantDirectory? = nil
    ) {
        self.event = event
        self.participants = participants
        self.corrections = corrections
        self.directory = directory ?? ParticipantDirectory(participants)
        engine = TimingEngine(event: event)
        builder = StandingsBuilder(event: event, participants: participants, corrections: corrections)
    }

    /// Where a read goes: to a runner (a chip swap first, then chip and bib),
    /// to nobody, or nowhere because the officials ignore it.
    public enum Placement: Equatable {
        case runner(Int)
        case unmatched
        case ignored(line: Int)
    }

    public func place(_ read: TimedRead, in log: ReadLog) -> Placement {
        directory.withLookup { place(read, in: log, lookup: $0) }
    }

    /// `hash`: `read.chip.hash`, when the caller has it already.
    func place(_ read: TimedRead, in log: ReadLog, lookup: ParticipantDirectory.Lookup, hash: Int32? = nil)
        -> Placement
    {
        if !corrections.isEmpty {
            if let line = corrections.ignoringLine(read, file: log.files[Int(read.ref.file)].path) {
                return .ignored(line: line)
            }
            if let r = corrections.swappedRunner(code: read.code, time: read.time) { return .runner(r) }
        }
        return lookup.runner(forChip: read.chip, hash: hash ?? read.chip.hash).map(Placement.runner)
            ?? .unmatched
    }

    /// Reads grouped by runner, so timelines can be recomputed at any time
    /// of day without matching codes again.
    public struct Grouped: Sendable {
        /// Indices into `log.reads` of each runner's reads, in time order.
        public var byRunner: ReadsByRunner
        /// Reads whose code matched nobody.
        public var unmatched: [Int32]
        /// Reads the officials ignore, with the journal line that says so.
        public var ignored: [(read: Int32, line: Int)] = []
        /// The runner of each read in `log.reads` (-1: nobody), so a read is matched once.
        public var runnerOfRead: [Int32]
    }

    /// `span`: the earliest and latest read time, when the caller has them.
    public func group(_ log: ReadLog, span: (start: Millis, end: Millis)? = nil) -> Grouped {
        let reads = log.reads
        let runners = participants.count
        // Matching codes is most of the work: shared among the cores, each
        // part writing its reads' runners in place, counting its runners'
        // reads and keeping its unmatched and ignored reads as it goes, so
        // no pass over every read follows.
        var parts: [MatchedPart] = []
        let runnerOfRead = [Int32](unsafeUninitializedCapacity: reads.count) { out, filled in
            if let base = out.baseAddress { HugePages.advise(base, bytes: out.count * MemoryLayout<Int32>.stride) }
            let out = UncheckedSendable(out)
            parts = ParallelParts.map(count: reads.count) { range in
                reads.withUnsafeBufferPointer { reads in
                    directory.withLookup { lookup in
                        var part = MatchedPart(range: range, runners: runners)
                        // Each read's table slot is asked for a few reads ahead: the tables
                        // of a big field are far bigger than the caches, and one lookup
                        // after another, each waiting on memory, was an eighth of a run.
                        HashesAhead.forEach(
                            in: range, hash: { reads[inPlace: $0].chip.hash },
                            prefetch: { lookup.prefetch(hash: $0) }
                        ) { i, hash in
                            switch place(reads[inPlace: i], in: log, lookup: lookup, hash: hash) {
                            case .runner(let r):
                                out.value[i] = Int32(r)
                                part.counts[r] += 1
                            case .unmatched:
                                out.value[i] = -1
                                part.unmatched.append(Int32(i))
                            case .ignored(let line):
                                out.value[i] = -1
                                part.ignored.append((Int32(i), line))
                            }
                        }
                        return part
                    }
                }
            }
            filled = reads.count
        }
        let byRunner = ReadsByRunner(
            runnerOfRead: runnerOfRead, runners: runners, parts: parts.map { ($0.range, $0.counts) }, reads: reads,
            span: span)
        return Grouped(
            byRunner: byRunner, unmatched: parts.flatMap(\.unmatched), ignored: parts.flatMap(\.ignored),
            runnerOfRead: runnerOfRead)
    }

    /// One core's run of reads matched: reads per runner, and the reads
    /// matched to nobody or ignored.
    struct MatchedPart {
        let range: Range<Int>
        var counts: [Int32]
        var unmatched: [Int32] = []
        var ignored: [(read: Int32, line: Int)] = []

        init(range: Range<Int>, runners: Int) {
            self.range = range
            counts = [Int32](repeating: 0, count: runners)
        }
    }

    /// This computation with an engine in memory of its own, for one core's
    /// part of the field (`TimingEngine.ownCopy`).
    public func ownCopy() -> RaceComputation {
        var copy = self
        copy.engine = engine.ownCopy()
        return copy
    }

    /// Timeline of one runner from reads up to `at`. `arena`: where its
    /// outcomes go, when many timelines are made one after another.
    public func timeline(
        runner: Int, log: ReadLog, grouped: Grouped, at: Millis, arena: OutcomeArena? = nil
    ) -> RunnerTimeline {
        // Reads are in time order: take the prefix up to `at`.
        var timeline = log.reads.withUnsafeBufferPointer { reads in
            grouped.byRunner[runner].withUnsafeBufferPointer { indices in
                var end = indices.count
                while end > 0 && reads[inPlace: Int(indices[end - 1])].time > at { end -= 1 }
                let (race, wave) = raceAndWave(of: runner)
                return engine.timeline(race: race, wave: wave, indices: indices[..<end], of: reads, arena: arena)
            }
        }
        applyCorrections(to: &timeline, runner: runner, at: at)
        return timeline
    }

    /// Timeline of one runner from reads up to `at`, from their runner-ordered
    /// copy (a replay's): the same timeline `timeline(runner:log:grouped:at:)` gives.
    public func timeline(
        runner: Int, ordered: RunnerOrderedReads, at: Millis, arena: OutcomeArena? = nil
    ) -> RunnerTimeline {
        let (race, wave) = raceAndWave(of: runner)
        var timeline = ordered.withRun(of: runner, upTo: at) { reads in
            engine.timeline(race: race, wave: wave, reads: reads, arena: arena)
        }
        applyCorrections(to: &timeline, runner: runner, at: at)
        return timeline
    }

    /// The officials' journal laid over a timeline the reads made, however they were gathered.
    private func applyCorrections(to timeline: inout RunnerTimeline, runner: Int, at: Millis) {
        guard !corrections.isEmpty else { return }
        let (race, wave) = raceAndWave(of: runner)
        let gun = event.races[race].waves[wave].gun
        corrections.apply(to: &timeline, runner: runner, race: event.races[race], gun: gun, at: at)
    }

    /// The runner's race and wave, read in place: a participant copied out
    /// retains each of its strings, once per runner of every timeline made.
    func raceAndWave(of runner: Int) -> (race: Int, wave: Int) {
        participants.withUnsafeBufferPointer { ($0[inPlace: runner].raceIndex, $0[inPlace: runner].waveIndex) }
    }

    /// The lines of the reads `runner`'s timeline at `at` considered, one per
    /// outcome and in the same order (outcomes keep no lines of their own).
    public func consideredRefs(runner: Int, log: ReadLog, grouped: Grouped, at: Millis) -> [LineRef] {
        log.reads.withUnsafeBufferPointer { reads in
            engine.orderedRefs(
                indices: grouped.byRunner[runner].filter { reads[inPlace: Int($0)].time <= at }, of: reads)
        }
    }

    /// Every runner's timeline at `at`, a part of the field per core.
    /// `outcomes`: false for places alone (`TimingEngine.keepsOutcomes`).
    public func timelines(log: ReadLog, grouped: Grouped, at: Millis, outcomes: Bool = true)
        -> ChunkedArray<RunnerTimeline>
    {
        log.reads.withUnsafeBufferPointer { reads in
            fieldTimelines(outcomes: outcomes) { own, runner, arena in
                // A runner's reads lie all over the log: those of the runner two on are asked for now.
                let ahead = runner + Self.runnersAhead
                if ahead < grouped.byRunner.runners {
                    for i in grouped.byRunner[ahead] { reads.prefetch(Int(i)) }
                }
                return own.timeline(runner: runner, log: log, grouped: grouped, at: at, arena: arena)
            }
        }
    }

    /// A runner's dozen reads each wait on memory: two runners ahead keeps
    /// about as many fetches in flight as a core has room for.
    static let runnersAhead = 2

    /// Every runner's timeline at `at` from their runner-ordered reads (a replay's), a part of the field per core.
    public func timelines(ordered: RunnerOrderedReads, at: Millis) -> ChunkedArray<RunnerTimeline> {
        fieldTimelines { $0.timeline(runner: $1, ordered: ordered, at: at, arena: $2) }
    }

    /// Every runner's timeline as `timeline` makes it with a computation of
    /// each core's own (`ownCopy`), a part of the field per core.
    private func fieldTimelines(
        outcomes: Bool = true, _ timeline: (RaceComputation, Int, OutcomeArena) -> RunnerTimeline
    ) -> ChunkedArray<RunnerTimeline> {
        let parts = ParallelParts.map(count: participants.count, alignment: ChunkedArray<RunnerTimeline>.chunkSize) {
            range in
            var own = ownCopy()
            own.engine.keepsOutcomes = outcomes
            var part = ChunkedArray<RunnerTimeline>()
            let arena = OutcomeArena()
            for runner in range { part.append(timeline(own, runner, arena)) }
            return part
        }
        return ChunkedArray(joining: parts)
    }

    /// The timelines of `runners` at `at`, in that order, shared among the cores.
    public func timelines(of runners: [Int], log: ReadLog, grouped: Grouped, at: Millis) -> [RunnerTimeline] {
        ParallelParts.map(count: runners.count) {
            // A block of outcomes each: a few runners at a time (a live read) would each keep a shared block whole.
            let own = ownCopy()
            return $0.map { own.timeline(runner: runners[$0], log: log, grouped: grouped, at: at) }
        }.flatMap { $0 }
    }

    /// Standings and counts from the reads up to `at` (default: the end of the feed).
    public func evaluate(_ log: ReadLog, grouped: Grouped? = nil, at: Millis? = nil, final: Bool = false) -> Evaluation
    {
        let grouped = grouped ?? group(log)
        let at = at ?? log.latestReadTime ?? 0
        let timelines = timelines(log: log, grouped: grouped, at: at)
        return evaluation(log, grouped: grouped, timelines: timelines, at: at, final: final)
    }

    /// Which races give final results at `at`: all once asked for or once
    /// every time limit has passed, else those the officials closed.
    func finalRaces(at: Millis, final: Bool) -> [Bool] {
        let allFinal = final || event.allCutoffsPassed(at: at)
        return event.races.indices.map { allFinal || corrections.isClosed(race: $0, at: at) }
    }

    /// Counts per point of the lines that are not reads (every line, control
    /// lines, blank lines, the other edge's reads): the same at any time of day.
    func lineStats(_ log: ReadLog) -> [PointStats] {
        var stats = [PointStats](repeating: PointStats(), count: event.points.count)
        for (file, info) in log.files.enumerated() {
            stats[info.pointIndex].lines += log.lineCounts[file]
            stats[info.pointIndex].control += log.controlCounts[file]
            stats[info.pointIndex].blank += log.ignoredCounts[file]
            stats[info.pointIndex].otherEdge += log.otherEdgeCounts[file]
        }
        return stats
    }

    /// Reads up to some time of day at one point: how many, the first and the last.
    struct ReadTally: Sendable, Equatable {
        var count = 0
        var first: Millis? = nil
        var last: Millis? = nil
        mutating func add(_ t: Millis) {
            count += 1
            if last.map({ t > $0 }) ?? true { last = t }
            if first.map({ t < $0 }) ?? true { first = t }
        }
    }

    /// The reads up to `at`, tallied per point.
    func readTallies(_ log: ReadLog, at: Millis) -> [ReadTally] {
        var tallies = Array(repeating: ReadTally(), count: event.points.count)
        log.reads.withUnsafeBufferPointer {
            for read in $0 where read.time <= at { tallies[Int(read.point)].add(read.time) }
        }
        return tallies
    }

    /// Lines rejected before the timing rules (unreadable, unknown chip,
    /// ignored by the officials) up to `at`, counted into `stats`.
    func lineRejections(_ log: ReadLog, grouped: Grouped, at: Millis, stats: inout [PointStats]) -> [Rejection] {
        var rejections: [Rejection] = []
        for problem in log.problems where problem.after.map({ $0 <= at }) ?? true {
            let p = log.files[Int(problem.ref.file)].pointIndex
            stats[p].rejected += 1
            rejections.append(
                Rejection(ref: problem.ref, point: p, reason: problem.reason, text: problem.text, time: problem.after))
        }
        for i in grouped.unmatched {
            let read = log.reads[Int(i)]
            guard read.time <= at else { continue }
            stats[Int(read.point)].rejected += 1
            rejections.append(
                Rejection(
                    ref: read.ref, point: Int(read.point), reason: .unknownChip(read.code),
                    time: read.time))
        }
        for (i, line) in grouped.ignored {
            let read = log.reads[Int(i)]
            guard read.time <= at else { continue }
            stats[Int(read.point)].rejected += 1
            rejections.append(
                Rejection(
                    ref: read.ref, point: Int(read.point), reason: .ignoredByOfficials(line: line),
                    time: read.time, runner: directory.runner(forCode: read.code)))
        }
        return rejections
    }

    /// Standings and counts from timelines already computed at `at`.
    /// Final once asked for, once every race's time limit has passed
    /// (nobody can still be on course then), or, race by race, once the
    /// officials closed it.
    /// `counting`: false for places alone, without the per-point counts,
    /// rejected lines and numbering gaps (`Evaluation.isCounted`); at 50,000
    /// runners those are two thirds of the evaluation's work.
    public func evaluation(
        _ log: ReadLog, grouped: Grouped, timelines: ChunkedArray<RunnerTimeline>, at: Millis,
        final: Bool = false, counting: Bool = true
    ) -> Evaluation {
        let allFinal = final || event.allCutoffsPassed(at: at)
        let finalRace = finalRaces(at: at, final: final)
        let isFinal = allFinal || (!finalRace.isEmpty && !finalRace.contains(false))
        // The rows on every core; then the listing on one core while the
        // counts, rejected lines and numbering gaps take the other.
        var rows = event.races.indices.map {
            builder.rows(race: $0, timelines: timelines, at: at, final: finalRace[$0])
        }
        func listings() -> [RaceStandings] {
            event.races.indices.map { builder.standings(race: $0, rows: &rows[$0], at: at) }
        }
        guard counting else {
            return Evaluation(
                at: at, timelines: timelines, standings: listings(), pointStats: [], rejections: [],
                duplicateCount: 0, usedCount: 0, isFinal: isFinal, corrections: corrections, isCounted: false)
        }
        let (standings, counted) = ParallelParts.both(
            listings,
            {
                (
                    counts(log, grouped: grouped, timelines: timelines, at: at),
                    SequenceGaps.find(in: log, upTo: at)
                )
            })
        let ((stats, rejections, used, duplicates), gaps) = counted
        return Evaluation(
            at: at, timelines: timelines, standings: standings, pointStats: stats,
            rejections: rejections, duplicateCount: duplicates, usedCount: used,
            isFinal: isFinal, corrections: corrections, sequenceGaps: gaps)
    }

    /// Per-point counts, the rejected lines in file and line order, and the
    /// reads used and duplicate, up to `at`.
    func counts(_ log: ReadLog, grouped: Grouped, timelines: ChunkedArray<RunnerTimeline>, at: Millis) -> (
        stats: [PointStats], rejections: [Rejection], used: Int, duplicates: Int
    ) {
        var stats = lineStats(log)
        var duplicates = 0, used = 0
        for (p, tally) in readTallies(log, at: at).enumerated() { stats[p].take(tally) }
        var rejections = lineRejections(log, grouped: grouped, at: at, stats: &stats)
        // From the packed outcomes; the rare rejected reads are listed apart, with their lines.
        var tally = [OutcomeTally](repeating: OutcomeTally(), count: stats.count)
        timelines.forEachChunk { start, chunk in
            for j in chunk.indices {
                let outcomes = chunk[j].outcomes
                _ = outcomes.add(to: &tally)
                for r in outcomes.rejected ?? [] { rejections.append(Rejection(r, runner: start + j)) }
            }
        }
        for p in stats.indices {
            stats[p].used += tally[p].used
            stats[p].duplicates += tally[p].duplicates
            stats[p].rejected += tally[p].rejected
            used += tally[p].used
            duplicates += tally[p].duplicates
        }
        rejections.sort { $0.ref < $1.ref }
        return (stats, rejections, used, duplicates)
    }
}
