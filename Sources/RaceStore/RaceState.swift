import RaceModel
import TimingIngest
import Snapshots

/// The single source of truth of a race: the raw reads and the participant
/// list. Standings are always recomputed from raw reads, so a corrected
/// participant list (a chip swap, a late entry) re-matches every earlier read.
public actor RaceState {
    private(set) var folder: EventFolder
    private var computation: RaceComputation
    private var log: ReadLog
    private var grouped: RaceComputation.Grouped {
        didSet { replay = nil }
    }
    /// What a replay's seeks start from (`prepareForReplay`); dropped
    /// whenever the grouping changes (a reload changes it too).
    private var replay: ReplayPreparation?
    /// Read indices sorted by time, for finding what a step in time adds or
    /// takes away; built when the clock first moves (`results` never needs it).
    private var timeOrderStore: [Int32]?
    /// Earliest and latest read time, kept as reads arrive.
    private var span: (start: Millis, end: Millis)?
    public private(set) var version = 0
    private var watchers: [Int: AsyncStream<Void>.Continuation] = [:]
    private var nextWatcher = 0

    /// `outcomes`: the timelines keep their reads' outcomes (all but those
    /// made for one report of places: `TimingEngine.keepsOutcomes`).
    private var cache: (at: Millis, timelines: ChunkedArray<RunnerTimeline>, outcomes: Bool)?
    /// The reads before this one are in `grouped.byRunner`; those after were
    /// placed with no timelines to carry forward (a catch-up) and wait to be
    /// grouped many at once.
    private var groupedThrough = 0
    private var dirtyRunners: Set<Int> = []
    /// Reads added since the last snapshot, for the live evaluation's counts.
    private var appendedReads: [Int32] = []
    /// Standings and counts carried from one snapshot to the next.
    private var live: LiveEvaluation?
    /// A replay's state: its live evaluation keeps the numbered lines and read
    /// times a long seek counts from (`prepareForReplay`).
    private var keepsSeekIndexes = false
    /// False for a state asked for one snapshot (`results`, `check`): the
    /// evaluation is then made once, without what carrying it over needs.
    private let followsChanges: Bool
    /// The bib order and categories of the participants, for live standings.
    private var field: LiveStandings.FieldKeys?

    public init(folder: EventFolder, log: ReadLog? = nil, followsChanges: Bool = true) {
        self.followsChanges = followsChanges
        self.folder = folder
        var log = log ?? ReadLog(files: folder.readFiles)
        if log.reads.isEmpty {
            // Live starts empty and catches up on files already written: one
            // allocation for their reads, not a doubling copy of a growing array.
            log.reads.reserveCapacity(ReadLogLoader.readCapacity(folder))
        }
        self.log = log
        computation = RaceComputation(
            event: folder.event, participants: folder.participants, corrections: folder.corrections,
            directory: folder.directory)
        span = Self.span(of: log.reads[...])
        grouped = computation.group(log, span: span)
        groupedThrough = log.reads.count
        field = followsChanges ? LiveStandings.FieldKeys(folder.participants) : nil
    }

    public var event: EventConfig { folder.event }
    public var readCount: Int { log.reads.count }
    public var feedSpan: (start: Millis, end: Millis)? { span }

    /// The lines of the reads `runner`'s timeline at `at` considered, in the order of its outcomes.
    public func consideredRefs(runner: Int, at: Millis) -> [LineRef] {
        settleGrouping()
        return computation.consideredRefs(runner: runner, log: log, grouped: grouped, at: at)
    }

    /// `span` widened to take in the times of `reads`.
    static func span(
        of reads: ArraySlice<TimedRead>, from span: (start: Millis, end: Millis)? = nil
    ) -> (start: Millis, end: Millis)? {
        guard let found = ReadLog.timeSpan(of: reads) else { return span }
        guard let span else { return found }
        return (min(span.start, found.start), max(span.end, found.end))
    }

    /// Readies the state for a replay, whose clock moves from its first tick
    /// and is sought back and forth: every read's time order, the reads laid
    /// out runner by runner with each runner's settled timeline, and each
    /// file's numbered lines for the decoder gaps at any clock, made now
    /// rather than by the first tick or the first seek.
    /// Not for live, whose catch-up needs none of these.
    public func prepareForReplay() {
        settleGrouping()
        _ = ensureTimeOrder()
        replay = ReplayPreparation(log: log, grouped: grouped, computation: computation)
        keepsSeekIndexes = true
        live?.keepSeekIndexes(log)
    }

    private func ensureTimeOrder() -> [Int32] {
        if let order = timeOrderStore { return order }
        let order = Self.sortedByTime(log.reads)
        timeOrderStore = order
        return order
    }

    /// Yields each time the version moves (coalesced: a slow reader gets one
    /// wake-up for many changes), so readers need not poll. Ends when the
    /// reader stops iterating.
    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        nextWatcher += 1
        let id = nextWatcher
        watchers[id] = continuation
        continuation.onTermination = { _ in Task { await self.dropWatcher(id) } }
        return stream
    }

    private func dropWatcher(_ id: Int) { watchers[id] = nil }

    private func changed() {
        version += 1
        for watcher in watchers.values { watcher.yield() }
    }

    /// Adds one line a mat wrote (live tailing).
    public func append(line: String, number: Int, generation: Int = 0, file: Int) {
        let before = log.reads.count
        ReadLogLoader.ingest(
            line: line, number: number, generation: generation, file: file, into: &log, event: folder.event)
        if log.reads.count > before { placeNewReads(from: before) }
        changed()
    }

    /// Adds a line the tailer could not deliver whole (too long, cut by a
    /// truncation): it is kept as rejected, with the tailer's reason.
    public func append(unusable text: String, reason: String, number: Int, generation: Int = 0, file: Int) {
        ReadLogLoader.ingest(
            unusable: text, reason: reason, number: number, generation: generation, file: file,
            into: &log, event: folder.event)
        changed()
    }

    /// Adds many lines at once (catch-up), re-sorting once.
    public func append(lines: [(text: String, number: Int, file: Int)]) {
        append(lines: lines.map { ($0.text, $0.number, 0, $0.file) })
    }

    /// Lines of any generation of their files.
    public func append(lines: [(text: String, number: Int, generation: Int, file: Int)]) {
        let before = log.reads.count
        for l in lines {
            ReadLogLoader.ingest(
                line: l.text, number: l.number, generation: l.generation, file: l.file,
                into: &log, event: folder.event)
        }
        if log.reads.count > before { placeNewReads(from: before) }
        changed()
    }

    /// Replaces the configuration and participants (edited during the race)
    /// and re-matches every raw read.
    public func reload(_ newFolder: EventFolder) {
        let oldEvent = folder.event
        folder = newFolder
        computation = RaceComputation(
            event: newFolder.event, participants: newFolder.participants,
            corrections: newFolder.corrections, directory: newFolder.directory)
        let newFiles = newFolder.readFiles
        let carried = log.carried(from: oldEvent, to: newFolder.event, files: newFiles) { text, file in
            ReadLineParser.parse(text, as: newFiles[file].format)
        }
        if let carried {
            log = carried
            timeOrderStore = nil
            span = Self.span(of: log.reads[...])
        }
        grouped = computation.group(log)
        groupedThrough = log.reads.count
        field = followsChanges ? LiveStandings.FieldKeys(newFolder.participants) : nil
        cache = nil
        dirtyRunners = []
        appendedReads = []
        live = nil
        changed()
    }

    /// The race as it stood at time of day `at` (default: the latest read);
    /// `final`: the race is over, nobody is left on course. `placesOnly`: for
    /// a report of places (`results`, `awards`) from a state asked once, the
    /// per-point counts, rejected lines and numbering gaps are left out
    /// (`Evaluation.isCounted`); a state following changes keeps them anyway.
    public func snapshot(at requested: Millis? = nil, final: Bool = false, placesOnly: Bool = false) -> RaceSnapshot {
        settleGrouping()
        let at = requested ?? feedSpan?.end ?? 0
        // Places alone from a state asked once: nothing reads the outcomes.
        let step = timelines(at: at, outcomes: followsChanges || !placesOnly)
        let evaluation: Evaluation
        if !followsChanges {
            evaluation = computation.evaluation(
                log, grouped: grouped, timelines: step.timelines, at: at, final: final, counting: !placesOnly)
        } else if var live, let changed = step.changed {
            self.live = nil
            live.update(
                log: log, timelines: step.timelines, changed: changed, arrived: step.arrived, at: at, final: final)
            evaluation = live.evaluation(log, grouped: grouped)
            self.live = live
        } else {
            var live = LiveEvaluation(
                computation: computation, log: log, timelines: step.timelines, at: at, final: final, field: field)
            if keepsSeekIndexes { live.keepSeekIndexes(log) }
            evaluation = live.evaluation(log, grouped: grouped)
            self.live = live
        }
        let span = feedSpan
        return RaceSnapshot(
            event: folder.event, participants: folder.participants, files: log.files,
            evaluation: evaluation, gunMarkers: log.gunMarkers, version: version,
            feedStart: span?.start, feedEnd: span?.end)
    }

    /// Timelines at `at`, recomputing only the runners whose reads (or hand
    /// times) lie between the cached time and `at`, forward or back: a
    /// timeline depends on nothing else, so a seek gives what a fresh replay
    /// gives. Also says which runners changed (nil: all) and which reads came
    /// to lie at or before the clock (nil: the clock went back).
    /// `outcomes`: each timeline must keep its reads' outcomes (a cache
    /// made without them is then made again whole).
    private func timelines(at: Millis, outcomes: Bool = true) -> (
        timelines: ChunkedArray<RunnerTimeline>, changed: [Int]?, arrived: [Int32]?
    ) {
        let appended = appendedReads
        appendedReads = []
        guard var cached = cache, cached.outcomes || !outcomes else {
            let all = computation.timelines(log: log, grouped: grouped, at: at, outcomes: outcomes)
            cache = (at, all, outcomes)
            dirtyRunners = []
            return (all, nil, nil)
        }
        // Drop the cache's reference so patching below does not copy every timeline.
        cache = nil
        let count = folder.participants.count
        var isDirty = [Bool](repeating: false, count: count)
        var dirty: [Int] = []
        func mark(_ r: Int) {
            if !isDirty[r] {
                isDirty[r] = true
                dirty.append(r)
            }
        }
        for r in dirtyRunners { mark(r) }
        var arrived: [Int32]? = at >= cached.at ? appended.filter { log.reads[Int($0)].time <= cached.at } : nil
        if at != cached.at {
            let (low, high) = (min(at, cached.at), max(at, cached.at))
            let order = ensureTimeOrder()
            // Both ends found by bisection: a long seek passes hundreds of
            // thousands of reads, and a read looked up for its time is a cache miss.
            let between = upperBound(of: low, in: order)..<upperBound(of: high, in: order)
            for i in between {
                let r = grouped.runnerOfRead[Int(order[i])]
                if r >= 0 { mark(Int(r)) }
            }
            arrived? += order[between]
            for r in computation.corrections.runnersWithHandTimes(after: low, upTo: high) { mark(r) }
        }
        if WideChange.isWide(changed: dirty.count, field: count) {
            // A seek or a fast replay's step: the field built again beside the
            // old one (kept timelines shared), rather than every chunk copied
            // to be written.
            let old = cached.timelines
            let (log, grouped, computation) = (log, grouped, computation)
            let replay = replay.flatMap { $0.ordered.readCount == log.reads.count ? $0 : nil }
            let parts = ParallelParts.map(count: count, alignment: ChunkedArray<RunnerTimeline>.chunkSize) { range in
                let computation = computation.ownCopy()
                let arena = OutcomeArena()
                var part = ChunkedArray<RunnerTimeline>()
                old.forEachChunk(in: range) { start, chunk in
                    for j in chunk.indices {
                        let r = start + j
                        guard isDirty[r] else {
                            part.append(chunk[j])
                            continue
                        }
                        guard let replay else {
                            part.append(
                                computation.timeline(runner: r, log: log, grouped: grouped, at: at, arena: arena))
                            continue
                        }
                        part.append(
                            replay.timeline(of: r, at: at)
                                ?? computation.timeline(runner: r, ordered: replay.ordered, at: at, arena: arena))
                    }
                }
                return part
            }
            cached.timelines = ChunkedArray(joining: parts)
        } else {
            for (r, timeline) in zip(dirty, computation.timelines(of: dirty, log: log, grouped: grouped, at: at)) {
                cached.timelines[r] = timeline
            }
        }
        cache = (at, cached.timelines, cached.outcomes)
        dirtyRunners = []
        return (cached.timelines, dirty, arrived)
    }

    private func upperBound(of time: Millis, in order: [Int32]) -> Int {
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if log.reads[Int(order[mid])].time <= time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Reads placed since the grouping, all grouped at once.
    private func settleGrouping() {
        guard groupedThrough < log.reads.count else { return }
        let count = log.reads.count
        grouped.byRunner.append(groupedThrough..<count, runnerOfRead: grouped.runnerOfRead, reads: log.reads)
        groupedThrough = count
    }

    private func placeNewReads(from start: Int) {
        // Only once there are timelines to carry forward: before the first
        // snapshot (a catch-up of 700,000 reads) everything is computed afresh.
        if followsChanges && cache != nil {
            appendedReads.append(contentsOf: (start..<log.reads.count).map { Int32($0) })
        }
        for i in start..<log.reads.count {
            let read = log.reads[i]
            let placement = computation.place(read, in: log)
            switch placement {
            case .runner(let r):
                grouped.runnerOfRead.append(Int32(r))
                if cache != nil {
                    log.reads.withUnsafeBufferPointer { reads in
                        grouped.byRunner.insert(Int32(i), runner: r) { reads[Int($0)].time > read.time }
                    }
                    dirtyRunners.insert(r)
                }
            case .unmatched:
                grouped.runnerOfRead.append(-1)
                grouped.unmatched.append(Int32(i))
            case .ignored(let line):
                grouped.runnerOfRead.append(-1)
                grouped.ignored.append((Int32(i), line))
            }
        }
        if cache != nil {
            groupedThrough = log.reads.count
        } else if log.reads.count - groupedThrough >= max(groupedThrough / 8, 1 << 12) {
            // A catch-up grouped an eighth more at a time: the first snapshot is left little to do.
            settleGrouping()
        }
        span = Self.span(of: log.reads[start...], from: span)
        // Merge the new reads into the time order, once there is one.
        guard let timeOrder = timeOrderStore else { return }
        let added = Self.sortedByTime(log.reads, range: start..<log.reads.count)
        var merged: [Int32] = []
        merged.reserveCapacity(timeOrder.count + added.count)
        var a = 0, b = 0
        while a < timeOrder.count || b < added.count {
            if b == added.count
                || (a < timeOrder.count && log.reads[Int(timeOrder[a])].time <= log.reads[Int(added[b])].time)
            {
                merged.append(timeOrder[a])
                a += 1
            } else {
                merged.append(added[b])
                b += 1
            }
        }
        timeOrderStore = merged
    }

    static func sortedByTime(_ reads: [TimedRead], range: Range<Int>? = nil) -> [Int32] {
        let range = range ?? reads.indices
        return reads.withUnsafeBufferPointer { reads in
            positionsByTime(count: range.count) { reads[inPlace: range.lowerBound + $0].time }
        }.map { $0 + Int32(range.lowerBound) }
    }
}
