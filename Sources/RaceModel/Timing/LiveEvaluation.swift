/// The evaluation of a race that changes a few reads at a time (live, and a
/// replay's clock stepping): standings, counts and rejected lines carried
/// from one snapshot to the next, with only what the change touched worked
/// out again. Gives exactly what `RaceComputation.evaluation` gives from
/// scratch; the live, replay and results tests hold it to that.
public struct LiveEvaluation: Sendable {
    let computation: RaceComputation
    var standings: LiveStandings
    var timelines: ChunkedArray<RunnerTimeline>
    var final: Bool
    /// Used, duplicate and rejected outcomes per point, over every timeline.
    var outcomes: [OutcomeTally]
    /// Runners with a read the timing rules rejected.
    var rejecting: Set<Int> = []
    /// Reads up to the clock per point: count, first and last time.
    var reads: [RaceComputation.ReadTally]
    var gaps: [SequenceGap]
    var gapTails: [Int: SequenceGaps.Tail]
    /// Gun markers seen when the gaps were found (CTP01 numbers its gun lines with its reads).
    var gunMarkers: Int
    /// Every numbered line, kept for a replay (made when it is readied, or
    /// else when its clock first goes back): each long seek finds its gaps
    /// from these, not from every read. Live moves forward and keeps none.
    var numbered: SequenceGaps.NumberedLines?
    /// Each point's read times, kept with the numbered lines: a long seek
    /// counts the reads up to its clock from these.
    var readTimes: PointReadTimes?

    public var at: Millis { standings.at }

    public init(
        computation: RaceComputation, log: ReadLog, timelines: ChunkedArray<RunnerTimeline>, at: Millis,
        final: Bool, field: LiveStandings.FieldKeys? = nil
    ) {
        self.computation = computation
        self.timelines = timelines
        self.final = final
        standings = LiveStandings(
            builder: computation.builder, timelines: timelines, at: at,
            finalRace: computation.finalRaces(at: at, final: final), field: field)
        outcomes = Array(repeating: OutcomeTally(), count: computation.event.points.count)
        (reads, gaps, gapTails) = Self.readsAndGaps(log, computation: computation, at: at)
        gunMarkers = log.gunMarkers.count
        recountOutcomes()
    }

    mutating func tally(_ timeline: RunnerTimeline, runner: Int, sign: Int) {
        let rejects = timeline.outcomes.add(to: &outcomes, sign: sign)
        if sign > 0 && rejects { rejecting.insert(runner) } else if sign < 0 { rejecting.remove(runner) }
    }

    /// Every timeline's outcomes counted again, a run of the field per core.
    mutating func recountOutcomes() {
        let points = computation.event.points.count
        let timelines = timelines
        let parts = ParallelParts.map(count: timelines.count, alignment: ChunkedArray<RunnerTimeline>.chunkSize) {
            range in
            var tally = [OutcomeTally](repeating: OutcomeTally(), count: points)
            var rejecting: [Int] = []
            timelines.forEachChunk(in: range) { start, chunk in
                for j in chunk.indices where chunk[j].outcomes.add(to: &tally) {
                    rejecting.append(start + j)
                }
            }
            return (tally, rejecting)
        }
        outcomes = Array(repeating: OutcomeTally(), count: points)
        rejecting = []
        for (tally, runners) in parts {
            for p in tally.indices {
                outcomes[p].used += tally[p].used
                outcomes[p].duplicates += tally[p].duplicates
                outcomes[p].rejected += tally[p].rejected
            }
            rejecting.formUnion(runners)
        }
    }

    /// The reads per point and the decoders' numbering gaps up to `at`,
    /// counted again, one on each core: a pass over every read, and the gaps
    /// from the numbered lines kept (`numbered`) or else a pass of their own.
    static func readsAndGaps(
        _ log: ReadLog, computation: RaceComputation, at: Millis, numbered: SequenceGaps.NumberedLines? = nil,
        readTimes: PointReadTimes? = nil
    ) -> (
        reads: [RaceComputation.ReadTally], gaps: [SequenceGap], tails: [Int: SequenceGaps.Tail]
    ) {
        if let readTimes, readTimes.isMade(from: log) {
            let (gaps, tails) = SequenceGaps.findWithTails(in: log, upTo: at, numbered: numbered)
            return (readTimes.tallies(at: at), gaps, tails)
        }
        // The files' gaps are looked for a run of files per core after: work
        // shared among the cores inside work done beside other work runs on
        // one core (libdispatch runs a nested apply in place).
        let (reads, lines) = ParallelParts.both(
            { computation.readTallies(log, at: at) },
            { SequenceGaps.numberedLines(of: log, upTo: at, kept: numbered) })
        let (gaps, tails) = SequenceGaps.findWithTails(in: log, numbered: lines)
        return (reads, gaps, tails)
    }

    /// Moves to the clock `at` with the new timelines of `changed` runners.
    /// `arrived`: the reads that came to lie at or before the clock since the
    /// last update, in any order; nil when that is not known (the clock went
    /// back, the configuration changed): they are counted again.
    public mutating func update(
        log: ReadLog, timelines new: ChunkedArray<RunnerTimeline>, changed: some Collection<Int>,
        arrived: [Int32]?, at newAt: Millis, final newFinal: Bool
    ) {
        // A seek or a fast replay's step: counting the field again is cheaper than two passes per runner.
        let many = WideChange.isWide(changed: changed.count, field: new.count)
        if !many {
            for runner in changed {
                tally(timelines[runner], runner: runner, sign: -1)
                tally(new[runner], runner: runner, sign: 1)
            }
        }
        final = newFinal
        standings.update(
            changed: changed, timelines: new, at: newAt,
            finalRace: computation.finalRaces(at: newAt, final: newFinal))
        let replaced = timelines
        timelines = new
        ChunkedArray.releaseInParallel(consume replaced)
        if many { recountOutcomes() }
        // The clock went back, or a seek forward brought a 64th of the reads or
        // more: counting every read again, one pass per core, costs less than
        // looking up each arrived read (a cache miss apiece) and its numbering.
        guard let arrived, arrived.count <= log.reads.count / 64 else {
            if arrived == nil { keepSeekIndexes(log) }
            (reads, gaps, gapTails) = Self.readsAndGaps(
                log, computation: computation, at: at, numbered: numbered, readTimes: readTimes)
            gunMarkers = log.gunMarkers.count
            return
        }
        for i in arrived { reads[Int(log.reads[Int(i)].point)].add(log.reads[Int(i)].time) }
        if log.gunMarkers.count != gunMarkers || !continuesNumbering(arrived, log) { findGaps(log) }
    }

    /// Keeps what a long seek counts from: every numbered line of `log`, and
    /// each point's read times (made again when the log has grown).
    public mutating func keepSeekIndexes(_ log: ReadLog) {
        if !(numbered?.isMade(from: log) ?? false) { numbered = SequenceGaps.NumberedLines(log) }
        if !(readTimes?.isMade(from: log) ?? false) {
            readTimes = PointReadTimes(log, points: computation.event.points.count)
        }
    }

    mutating func findGaps(_ log: ReadLog) {
        (gaps, gapTails) = SequenceGaps.findWithTails(in: log, upTo: at)
        gunMarkers = log.gunMarkers.count
    }

    /// Whether the arrived reads only carry each file's numbering on by one
    /// (a decoder's passings coming in as they should): no gap changes then.
    mutating func continuesNumbering(_ arrived: [Int32], _ log: ReadLog) -> Bool {
        let numbered = arrived.filter { log.reads[Int($0)].sequence >= 0 }.sorted {
            log.reads[Int($0)].ref < log.reads[Int($1)].ref
        }
        var tails = gapTails
        for i in numbered {
            let read = log.reads[Int(i)]
            let file = Int(read.ref.file)
            if let tail = tails[file] {
                guard read.ref > tail.ref, Int(read.sequence) == tail.upper + 1 else { return false }
            }
            tails[file] = SequenceGaps.Tail(ref: read.ref, upper: Int(read.sequence))
        }
        gapTails = tails
        return true
    }

    /// The evaluation now, as `RaceComputation.evaluation` makes it.
    public func evaluation(_ log: ReadLog, grouped: RaceComputation.Grouped) -> Evaluation {
        let event = computation.event
        let finalRace = standings.finalRace
        var stats = computation.lineStats(log)
        var used = 0, duplicates = 0
        for p in stats.indices {
            stats[p].take(reads[p])
            stats[p].used = outcomes[p].used
            stats[p].duplicates = outcomes[p].duplicates
            stats[p].rejected = outcomes[p].rejected
            used += outcomes[p].used
            duplicates += outcomes[p].duplicates
        }
        var rejections = computation.lineRejections(log, grouped: grouped, at: at, stats: &stats)
        for runner in rejecting.sorted() {
            for r in timelines[runner].outcomes.rejected ?? [] { rejections.append(Rejection(r, runner: runner)) }
        }
        rejections.sort { $0.ref < $1.ref }
        let allFinal = final || event.allCutoffsPassed(at: at)
        return Evaluation(
            at: at, timelines: timelines, standings: event.races.indices.map { standings.standings(race: $0) },
            pointStats: stats, rejections: rejections, duplicateCount: duplicates, usedCount: used,
            isFinal: allFinal || (!finalRace.isEmpty && !finalRace.contains(false)),
            corrections: computation.corrections, sequenceGaps: gaps)
    }
}
