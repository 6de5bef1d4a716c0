/// A runner's state in the standings. Every rule about statuses lives here:
/// which get places and in which order they are listed.
public enum RunnerStatus: String, Sendable, Hashable, CaseIterable {
    case finished = "FIN"
    case onCourse = "RUN"
    /// Finished after the race's time limit (`cutoff`, from the runner's own
    /// gun): recorded, not an official finish.
    case overTimeLimit = "OTL"
    /// Still out at the race cutoff, or no finish read in final results.
    case dnf = "DNF"
    /// Disqualified by the officials (corrections journal): no place, listed after DNF.
    case disqualified = "DQ"
    /// No read counted yet, or set by the officials.
    case dns = "DNS"

    /// Only finishers and runners on course get places.
    public var isPlaced: Bool { self == .finished || self == .onCourse }

    /// Crossed a mat after the gun.
    public var hasStarted: Bool { self != .dns }

    /// Listing order: placed runners, then over the time limit (as ultras
    /// publish them), then DNF, then DQ, then DNS.
    public var listOrder: Int {
        switch self {
        case .finished, .onCourse: return 0
        case .overTimeLimit: return 1
        case .dnf: return 2
        case .disqualified: return 3
        case .dns: return 4
        }
    }

    /// As a race official reads it.
    public var longName: String {
        switch self {
        case .finished: return "finished"
        case .onCourse: return "on course"
        case .overTimeLimit: return "over the time limit"
        case .dnf: return "DNF"
        case .disqualified: return "disqualified"
        case .dns: return "DNS"
        }
    }
}

/// One runner's line in the standings at some time of day.
///
/// Held compactly (120 bytes, where a field of optionals took 264): a live
/// listing keeps 50,000 rows. Absent times and places are sentinels behind
/// properties that read as the optionals they stand for (`PackedTime`,
/// `PackedIndex`), declared widest first so they pack without padding.
public struct Standing: Sendable, Equatable {
    /// Time of day at `lastCheckpoint`.
    @PackedTime public var lastTimeOfDay: Millis?
    @PackedTime public var gunTime: Millis?
    @PackedTime public var netTime: Millis?
    /// Time at `lastCheckpoint` on the race's ranking clock.
    @PackedTime public var rankTime: Millis?
    /// Behind the fastest runner at the same checkpoint, on the ranking clock.
    @PackedTime public var gap: Millis? = nil
    /// Milliseconds per km over the last segment and over the race so far.
    @PackedTime public var segmentPace: Millis? = nil
    @PackedTime public var racePace: Millis? = nil
    /// Finish time on the ranking clock: actual for finishers, projected for runners on course.
    @PackedTime public var projectedFinish: Millis? = nil
    /// Ranking-clock time at each checkpoint (made when asked: hot paths use `split(_:)`).
    public var splits: [Millis?] {
        get { timesOfDay.map { $0.time.map { $0 - splitOrigin } } }
        set {
            timesOfDay = newValue.map { CountedSplit(time: $0, ref: nil) }
            splitOrigin = 0
        }
    }
    /// The time of day at each checkpoint: the runner's timeline's own array,
    /// shared, not a copy per row (10 MB and a malloc per runner at 50,000).
    private var timesOfDay: [CountedSplit]
    /// Where `timesOfDay` lies in a row (`prefetchSplits`).
    static let splitsOffset = MemoryLayout<Standing>.offset(of: \Standing.timesOfDay)!
    /// Where the ranking clock starts: the gun, or the runner's start read.
    private var splitOrigin: Millis
    /// The officials' corrections naming this runner, as labels (see `Correction.label`).
    public var corrections: [String] = []
    private var storedRunner: Int32
    /// Places within the race; nil for runners not placed (see `RunnerStatus.isPlaced`).
    /// Exact ties on the unrounded time share a place.
    @PackedIndex<Int32> public var place: Int? = nil
    @PackedIndex<Int32> public var sexPlace: Int? = nil
    @PackedIndex<Int32> public var divisionPlace: Int? = nil
    @PackedIndex<Int32> public var ageGroupPlace: Int? = nil
    /// Furthest checkpoint reached with a valid split.
    @PackedIndex<Int16> public var lastCheckpoint: Int?
    @PackedIndex<Int16> public var ageGroup: Int?
    public var status: RunnerStatus
    public var flags: RunnerFlags

    init(
        runner: Int, status: RunnerStatus, lastCheckpoint: Int?, lastTimeOfDay: Millis?, gunTime: Millis?,
        netTime: Millis?, rankTime: Millis?, ageGroup: Int?, timesOfDay: [CountedSplit], origin: Millis,
        flags: RunnerFlags
    ) {
        self.lastTimeOfDay = lastTimeOfDay
        self.gunTime = gunTime
        self.netTime = netTime
        self.rankTime = rankTime
        self.timesOfDay = timesOfDay
        splitOrigin = origin
        storedRunner = Int32(runner)
        self.lastCheckpoint = lastCheckpoint
        self.ageGroup = ageGroup
        self.status = status
        self.flags = flags
    }

    public var runner: Int {
        get { Int(storedRunner) }
        set { storedRunner = Int32(newValue) }
    }

    /// The ranking-clock time at checkpoint `c`, without making the array of them.
    public func split(_ c: Int) -> Millis? { timesOfDay[c].time.map { $0 - splitOrigin } }

    /// Each ranking-clock split in checkpoint order, read in place: a report
    /// row asking `split(_:)` for each took a retain and release of the
    /// row's array per split.
    @inlinable public func forEachSplit(_ body: (Millis?) -> Void) {
        withSplitTimes { times, origin in
            for t in times { body(t.time.map { $0 - origin }) }
        }
    }

    @usableFromInline func withSplitTimes(_ body: (UnsafeBufferPointer<CountedSplit>, Millis) -> Void) {
        timesOfDay.withUnsafeBufferPointer { body($0, splitOrigin) }
    }

    /// The time of day at checkpoint `c`, as the runner's timeline has it.
    public func timeOfDay(_ c: Int) -> Millis? { timesOfDay[c].time }

    /// How many checkpoints the race has (and `splits` holds).
    public var checkpointCount: Int { timesOfDay.count }

    /// Equal when they read the same: two rows may hold the same splits on different origins.
    public static func == (a: Standing, b: Standing) -> Bool {
        a.lastTimeOfDay == b.lastTimeOfDay && a.gunTime == b.gunTime && a.netTime == b.netTime
            && a.rankTime == b.rankTime && a.gap == b.gap && a.segmentPace == b.segmentPace
            && a.racePace == b.racePace && a.projectedFinish == b.projectedFinish
            && a.checkpointCount == b.checkpointCount
            && (0..<a.checkpointCount).allSatisfy { a.split($0) == b.split($0) }
            && a.corrections == b.corrections && a.runner == b.runner && a.place == b.place
            && a.sexPlace == b.sexPlace && a.divisionPlace == b.divisionPlace && a.ageGroupPlace == b.ageGroupPlace
            && a.lastCheckpoint == b.lastCheckpoint && a.ageGroup == b.ageGroup && a.status == b.status
            && a.flags == b.flags
    }

    /// Flags, then corrections: what the reports list under `flags`.
    public var flagLabels: [String] { corrections.isEmpty ? flags.labels : flags.labels + corrections }
}

/// A runner's passage through a checkpoint, by time of day.
public struct Through: Sendable, Equatable {
    public var runner: Int
    public var time: Millis
    public init(runner: Int, time: Millis) {
        self.runner = runner
        self.time = time
    }
}

/// The standings of one race at one time of day.
public struct RaceStandings: Sendable, Equatable {
    public var raceIndex: Int
    public var at: Millis
    /// Finishers by time, then runners on course by furthest checkpoint and
    /// time there, then the unplaced in `RunnerStatus.listOrder`.
    /// Chunked: live snapshots taken a read apart share every chunk the read did not move.
    public var rows: ChunkedArray<Standing>
    /// Fastest ranking-clock time at each checkpoint.
    public var leaderTimes: [Millis?]
    /// Runners with a valid split at each checkpoint.
    public var passed: [Int]
    /// First and last runner through each checkpoint, by time of day.
    public var firstThrough: [Through?]
    public var lastThrough: [Through?]
    /// Runners on course or finished, by the furthest checkpoint they reached.
    public var byLastCheckpoint: [Int]
    /// Every ranking-clock split at each checkpoint, in order, where the
    /// standings are kept live: a runner's place there is one binary search.
    public var sortedSplits: [[Millis]]? = nil

    /// One plus the runners faster at `checkpoint` than `time` on the ranking clock.
    public func place(at checkpoint: Int, time: Millis) -> Int? {
        sortedSplits.map { $0[checkpoint].lowerBound(time) + 1 }
    }

    /// Equal when every figure is; `sortedSplits` is only an index over the rows.
    public static func == (a: RaceStandings, b: RaceStandings) -> Bool {
        a.raceIndex == b.raceIndex && a.at == b.at && a.rows == b.rows && a.leaderTimes == b.leaderTimes
            && a.passed == b.passed && a.firstThrough == b.firstThrough && a.lastThrough == b.lastThrough
            && a.byLastCheckpoint == b.byLastCheckpoint && a.statusCounts == b.statusCounts
    }

    /// Runners by status, counted when the standings are made (the header shows them every frame).
    public var statusCounts = StatusCounts()
}

extension Array where Element == Millis {
    /// In a sorted array, how many times come before `t` (where `t` would go).
    func lowerBound(_ t: Millis) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// In a sorted array, how many times are at or before `t`.
    func upperBound(_ t: Millis) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension UnsafeBufferPointer where Element == Participant {
    /// Rows in standings order read their participants all over the list:
    /// in a pass over `rows`, at row `i`, the participant of the row
    /// `FetchAhead.distance` on is asked for.
    @inline(__always) public func prefetchRunner(ahead i: Int, of rows: UnsafeBufferPointer<Standing>) {
        let ahead = i + FetchAhead.distance
        if ahead < rows.count { prefetch(rows[inPlace: ahead].runner) }
    }
}

extension UnsafeBufferPointer where Element == Standing {
    /// In a pass writing rows out, at row `i`, the splits of the row
    /// `FetchAhead.distance` on are asked for: each row's are an array of
    /// their own, and the CSV waited on every one. Their place is read from
    /// the row's bytes, not through the array, which would retain it and so
    /// wait on that very memory; a hint, so a wrong address would cost nothing.
    @inline(__always) public func prefetchSplits(ahead i: Int) {
        let ahead = i + FetchAhead.distance
        guard ahead < count, let base = baseAddress else { return }
        let storage = UnsafeRawPointer(base + ahead).load(fromByteOffset: Standing.splitsOffset, as: UInt.self)
        UnsafeRawPointer(bitPattern: storage)?.prefetch(bytes: 128)
    }
}
