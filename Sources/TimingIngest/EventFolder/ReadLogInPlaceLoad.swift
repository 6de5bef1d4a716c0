import RaceModel

extension ReadLogLoader {
    /// The runs of files in `ranges` parsed at once, each part's reads moved
    /// as it goes into its own run of the joined log's storage (`PartRoom`,
    /// about as many places as its files have lines), then the runs slid together
    /// in file order. A log per part joined after wrote every read twice,
    /// the second time into pages never touched: a 50,000-runner load spent
    /// as long faulting those in as on a fifth of its parsing.
    ///
    /// `beside`: other work done on the cores meanwhile, taken first (the
    /// participant list, while the read files are parsed): the parts and it
    /// share the cores, not three threads two. `after`: work taken last,
    /// once every part is taken, by a core that would otherwise wait for
    /// the last part. Each has run, once, when this returns or throws.
    static func parseInPlace(
        _ folder: EventFolder, ranges: [Range<Int>], bytes: [Int], beside: (() -> Void)? = nil,
        after: [() -> Void] = []
    ) throws -> (log: ReadLog, missing: [String]) {
        let rooms = lineEstimates(folder, ranges: ranges)
        var offsets = [0]
        for room in rooms { offsets.append(offsets[offsets.count - 1] + room) }
        let capacity = offsets[ranges.count]
        // The biggest parts first, so the last to finish is a small one.
        // Work k: a part below `ranges.count`, then `beside` if there is one, then `after`.
        let besideWork = beside == nil ? nil : ranges.count
        let afterStart = ranges.count + (beside == nil ? 0 : 1)
        let order =
            (besideWork.map { [$0] } ?? []) + ranges.indices.sorted { bytes[$0] > bytes[$1] }
            + (afterStart..<(afterStart + after.count))
        var parts: [PartOutcome] = []
        let reads = [TimedRead](unsafeUninitializedCapacity: capacity) { storage, count in
            let base = storage.baseAddress
            if let base { HugePages.advise(base, bytes: capacity * MemoryLayout<TimedRead>.stride) }
            parts = ParallelParts.map(taking: order) { k -> PartOutcome? in
                guard k < ranges.count else {
                    if k == besideWork { beside?() } else { after[k - afterStart]() }
                    return nil
                }
                var room = base.map { PartRoom(start: $0 + offsets[k], room: rooms[k]) }
                let result = Result { try parse(folder, files: ranges[k], room: &room) }
                return PartOutcome(result: result, moved: room?.written ?? 0)
            }.prefix(ranges.count).map { $0! }
            // Each run slid down to follow the one before (moveInitialize allows the overlap).
            var end = 0
            for k in parts.indices {
                if let base, end != offsets[k] {
                    (base + end).moveInitialize(from: base + offsets[k], count: parts[k].moved)
                }
                end += parts[k].moved
            }
            // Places past the end were written by the parts before the slide (a few MB): not kept.
            if let base { HugePages.giveBack(base + end, bytes: (capacity - end) * MemoryLayout<TimedRead>.stride) }
            count = end
        }
        // The error of the first file in order, as the sequential load gives: not whichever part failed first.
        var logs: [ReadLog] = []
        var missing: [String] = []
        for part in parts {
            let (log, missed) = try part.result.get()
            logs.append(log)
            missing += missed
        }
        guard logs.contains(where: { !$0.reads.isEmpty }) else {
            return (ReadLog(joiningCountsOf: logs, files: ranges, reads: reads), missing)
        }
        // Reads that found no room (rare): each part's moved reads and the rest joined the slow way.
        var start = 0
        for k in logs.indices {
            logs[k].reads = Array(reads[start..<(start + parts[k].moved)]) + logs[k].reads
            start += parts[k].moved
        }
        return (ReadLog(joining: &logs, files: ranges), missing)
    }

    struct PartOutcome {
        let result: Result<(log: ReadLog, missing: [String]), any Error>
        /// Reads moved into the part's room.
        let moved: Int
    }

    /// Each run's lines, estimated (`ReadFileScanner.lineEstimate`).
    static func lineEstimates(_ folder: EventFolder, ranges: [Range<Int>]) -> [Int] {
        let counts = folder.readFiles.map { ReadFileScanner.lineEstimate(ofFileAt: folder.absolutePath(of: $0)) }
        return ranges.map { $0.reduce(0) { $0 + counts[$1] } }
    }
}
