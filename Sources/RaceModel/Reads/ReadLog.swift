/// Every line read from an event's read files, as parsed: the reads, and
/// the lines that could not be used, with where they came from. Nothing is
/// dropped: each line is a read, a gun marker, ignored (blank or comment),
/// or a problem with its reason.
public struct ReadLog: Sendable {
    public var files: [ReadFileInfo]
    public var reads: [TimedRead] = []
    public var problems: [LineProblem] = []
    public var gunMarkers: [GunMarker] = []
    /// Lines seen per file, blank and comment lines included.
    public var lineCounts: [Int]
    public var ignoredCounts: [Int]
    /// Decoder control and status lines per file (not reads, not problems).
    public var controlCounts: [Int]
    /// Reads per file of the first/last-seen edge the point does not use.
    public var otherEdgeCounts: [Int]
    /// Time of the latest read recorded per file, to place untimed lines.
    var lastReadTimes: [Millis?]

    public init(files: [ReadFileInfo]) {
        self.files = files
        lineCounts = Array(repeating: 0, count: files.count)
        ignoredCounts = Array(repeating: 0, count: files.count)
        controlCounts = Array(repeating: 0, count: files.count)
        otherEdgeCounts = Array(repeating: 0, count: files.count)
        lastReadTimes = Array(repeating: nil, count: files.count)
    }

    /// Files of each point, for per-point counts.
    public func files(ofPoint point: Int) -> [Int] {
        files.indices.filter { files[$0].pointIndex == point }
    }

    /// Logs of runs of files read apart (`parts[k]` holds the files
    /// `files[k]`), joined in file order; `parts` is left empty. The reads are
    /// copied into place a run of parts per core, each part's array freed on
    /// the core that copies it.
    public init(joining parts: inout [ReadLog], files: [Range<Int>]) {
        self.init(countsOf: parts, files: files)
        let counts = parts.map(\.reads.count)
        var offsets = [0]
        for count in counts { offsets.append(offsets[offsets.count - 1] + count) }
        // Each part's reads alone in a box: moved out and freed on the core that moves them.
        let boxes = parts.map { ReadsBox($0.reads) }
        parts = []
        let total = offsets[counts.count]
        reads = [TimedRead](unsafeUninitializedCapacity: total) { joined, count in
            if let base = joined.baseAddress {
                HugePages.advise(base, bytes: total * MemoryLayout<TimedRead>.stride)
            }
            let target = UncheckedSendable(joined.baseAddress)
            _ = ParallelParts.map(count: boxes.count, work: total) { run in
                for k in run { boxes[k].move(to: target.value.map { $0 + offsets[k] }) }
            }
            count = total
        }
    }

    /// Logs of runs of files read apart (`parts[k]` holds the files
    /// `files[k]`), their reads already joined in file order in `reads`:
    /// the problems, gun markers and counts are joined here.
    public init(joiningCountsOf parts: [ReadLog], files: [Range<Int>], reads: [TimedRead]) {
        self.init(countsOf: parts, files: files)
        self.reads = reads
    }

    /// Everything of the parts but their reads, joined in file order.
    private init(countsOf parts: [ReadLog], files: [Range<Int>]) {
        precondition(!parts.isEmpty && parts.count == files.count, "a run of files per part")
        self.init(files: parts[0].files)
        for k in parts.indices {
            problems += parts[k].problems
            gunMarkers += parts[k].gunMarkers
            for f in files[k] {
                lineCounts[f] += parts[k].lineCounts[f]
                ignoredCounts[f] += parts[k].ignoredCounts[f]
                controlCounts[f] += parts[k].controlCounts[f]
                otherEdgeCounts[f] += parts[k].otherEdgeCounts[f]
                lastReadTimes[f] = parts[k].lastReadTimes[f] ?? lastReadTimes[f]
            }
        }
    }

    /// Latest read time in the log (clock offsets applied).
    public var latestReadTime: Millis? { Self.timeSpan(of: reads[...])?.end }

    /// The earliest and latest time of `reads` (nil: there are none), read
    /// in place a run per core: a catch-up's 700,000 reads are otherwise
    /// one serial pass.
    public static func timeSpan(of reads: ArraySlice<TimedRead>) -> (start: Millis, end: Millis)? {
        reads.withUnsafeBufferPointer { reads in
            guard !reads.isEmpty else { return nil }
            let parts = ParallelParts.map(count: reads.count) { range in
                var (start, end) = (Millis.max, Millis.min)
                for i in range {
                    let t = reads[inPlace: i].time
                    start = min(start, t)
                    end = max(end, t)
                }
                return (start, end)
            }
            return parts.dropFirst().reduce(parts[0]) { (min($0.0, $1.0), max($0.1, $1.1)) }
        }
    }
}

/// A line that could not be parsed into a read, kept with its text.
public struct LineProblem: Sendable, Equatable {
    public var ref: LineRef
    public var reason: RejectReason
    public var text: String
    /// Time of the last read before it in the same file: a line that cannot
    /// be timed is shown from when the mat wrote it, as near as can be told.
    public var after: Millis?
    /// A read or gun marker a reload's edit took out of the event window
    /// (`ReadLog.carried`), its line no longer held: kept so a later edit
    /// that brings it back in places it again.
    public var parked: Parked?
    public init(ref: LineRef, reason: RejectReason, text: String, after: Millis? = nil, parked: Parked? = nil) {
        self.ref = ref
        self.reason = reason
        self.text = text
        self.after = after
        self.parked = parked
    }

    /// Its time is the one its line gave: the date and time of day as
    /// milliseconds since 1970-01-01 for a dated line, the time of day for
    /// an undated one, with no clock offset.
    public enum Parked: Sendable, Equatable {
        case read(TimedRead)
        case gunMarker(GunMarker)
    }
}

public struct GunMarker: Sendable, Equatable {
    public var ref: LineRef
    public var time: Millis
    /// Decoder sequence number of the line (CTP01 seq), -1 when none.
    public var sequence: Int32
    /// The line gave a date (see `TimedRead.isDated`).
    public var isDated: Bool
    public init(ref: LineRef, time: Millis, sequence: Int? = nil, isDated: Bool = false) {
        self.ref = ref
        self.time = time
        self.sequence = Int32(truncatingIfNeeded: sequence ?? -1)
        self.isDated = isDated
    }
}

extension ReadLog {
    /// Files the line into the log. `text` is kept only for lines that are
    /// rejected. With a `window`, an undated time of day goes on the day that
    /// puts it in the window, and a read outside it is rejected (kept as a
    /// problem, so it never moves the race clock).
    public mutating func record(
        _ parsed: ParsedLine, file: Int, line: Int, generation: Int = 0, eventDate: CivilDate,
        window: EventWindow? = nil, clockOffset: Millis, text: @autoclosure () -> String
    ) {
        let ref = LineRef(file: file, line: line, generation: generation)
        lineCounts[file] += 1
        switch parsed {
        case .read(let raw):
            add(raw, ref: ref, eventDate: eventDate, window: window, clockOffset: clockOffset, text: text)
        case .reads(let batch):
            for raw in batch {
                add(raw, ref: ref, eventDate: eventDate, window: window, clockOffset: clockOffset, text: text)
            }
        case .gunMarker(let time, let date, let sequence):
            let raw = RawRead(chip: .empty, date: date, timeOfDay: time, format: .ctp01)
            guard let placed = Self.place(raw, eventDate: eventDate, window: window, clockOffset: clockOffset) else {
                problems.append(
                    LineProblem(
                        ref: ref, reason: .outsideEventWindow("gun marker " + Self.stamp(raw)),
                        text: text(), after: lastReadTimes[file]))
                return
            }
            gunMarkers.append(GunMarker(ref: ref, time: placed, sequence: sequence, isDated: date != nil))
        case .control:
            controlCounts[file] += 1
        case .ignored:
            ignoredCounts[file] += 1
        case .malformed(let reason):
            problems.append(LineProblem(ref: ref, reason: .malformed(reason), text: text(), after: lastReadTimes[file]))
        }
    }

    /// Files the start of a line the decoder never finished, its next line
    /// written on after it, as rejected: the line itself is counted once,
    /// by the `record` of the rest of it.
    public mutating func recordCutShort(file: Int, line: Int, generation: Int = 0, reason: String, text: String) {
        let ref = LineRef(file: file, line: line, generation: generation)
        problems.append(LineProblem(ref: ref, reason: .malformed(reason), text: text, after: lastReadTimes[file]))
    }

    /// A read of the edge the point does not use is counted, not timed: the
    /// reader sends both for every passage. A read outside the event window
    /// is kept as a problem, so it never moves the race clock.
    private mutating func add(
        _ raw: RawRead, ref: LineRef, eventDate: CivilDate, window: EventWindow?,
        clockOffset: Millis, text: () -> String
    ) {
        let file = Int(ref.file)
        let info = files[file]
        switch Self.timing(
            raw, ref: ref, point: info.pointIndex, isBackup: info.isBackup, seen: info.seen, eventDate: eventDate,
            window: window, clockOffset: clockOffset)
        {
        case .read(let read):
            reads.append(read)
            lastReadTimes[file] = read.time
        case .otherEdge:
            otherEdgeCounts[file] += 1
        case .outsideWindow:
            problems.append(
                LineProblem(
                    ref: ref, reason: .outsideEventWindow(Self.stamp(raw)), text: text(),
                    after: lastReadTimes[file]))
        }
    }

    /// What a file's read comes to: a read on the event clock, a read of
    /// the edge the point does not use (counted, not timed), or one outside
    /// the event window (kept as a problem). A loader storing reads itself
    /// takes the first, counting their lines in with `countStoredReads`,
    /// and hands `record` the line of either of the others.
    public enum Timing: Sendable {
        case read(TimedRead)
        case otherEdge
        case outsideWindow
    }

    public static func timing(
        _ raw: RawRead, ref: LineRef, point: Int, isBackup: Bool, seen: SeenEdge, eventDate: CivilDate,
        window: EventWindow?, clockOffset: Millis
    ) -> Timing {
        if let edge = raw.edge, edge != seen { return .otherEdge }
        guard let time = place(raw, eventDate: eventDate, window: window, clockOffset: clockOffset) else {
            return .outsideWindow
        }
        return .read(
            TimedRead(
                chip: raw.chip, time: time, point: point, isBackup: isBackup, ref: ref, sequence: raw.sequence,
                isDated: raw.date != nil))
    }

    /// `lines` lines of `file` whose reads (`timing`) the caller stored,
    /// the last of them at `last`: counted as `record` counts them.
    public mutating func countStoredReads(file: Int, lines: Int, last: Millis) {
        lineCounts[file] += lines
        lastReadTimes[file] = last
    }

    /// The read's time on the event clock, or nil when it falls outside the window.
    static func place(_ raw: RawRead, eventDate: CivilDate, window: EventWindow?, clockOffset: Millis) -> Millis? {
        guard let window else { return raw.eventTime(eventDate: eventDate) + clockOffset }
        if raw.date == nil {
            return window.place(timeOfDay: raw.timeOfDay + clockOffset)
        }
        let time = raw.eventTime(eventDate: eventDate) + clockOffset
        return window.contains(time) ? time : nil
    }

    static func stamp(_ raw: RawRead) -> String {
        (raw.date.map { "\($0) " } ?? "") + TimeFormat.timeOfDay(raw.timeOfDay, millis: true)
    }
}

/// One part's reads, to be moved out on whichever core takes the part.
private final class ReadsBox: @unchecked Sendable {
    var reads: [TimedRead]
    init(_ reads: [TimedRead]) { self.reads = reads }

    /// Copies the reads to `target` (plain data: nothing to count) and frees their array.
    func move(to target: UnsafeMutablePointer<TimedRead>?) {
        reads.withUnsafeBufferPointer { from in
            guard let source = from.baseAddress, let target else { return }
            target.initialize(from: source, count: from.count)
        }
        reads = []
    }
}
