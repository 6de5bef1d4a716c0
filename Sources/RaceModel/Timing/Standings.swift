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
/// Held compactly (112 bytes, where a field of optionals took 264): live
/// standings keep two listings of 50,000 rows, by runner and in order. An
/// absent time is `Int64.min`, an absent place, group or checkpoint -1,
/// behind properties that read as the optionals they stand for.
public struct Standing: Sendable, Equatable {
    private var storedLastTimeOfDay: Int64
    private var storedGunTime: Int64
    private var storedNetTime: Int64
    private var storedRankTime: Int64
    private var storedGap: Int64
    private var storedSegmentPace: Int64
    private var storedRacePace: Int64
    private var storedProjectedFinish: Int64
    /// Ranking-clock time at each checkpoint.
    public var splits: [Millis?]
    /// The officials' corrections naming this runner, as labels (see `Correction.label`).
    public var corrections: [String] = []
    private var storedRunner: Int32
    private var storedPlace: Int32
    private var storedSexPlace: Int32
    private var storedDivisionPlace: Int32
    private var storedAgeGroupPlace: Int32
    private var storedLastCheckpoint: Int16
    private var storedAgeGroup: Int16
    public var status: RunnerStatus
    public var flags: RunnerFlags

    init(
        runner: Int, status: RunnerStatus, lastCheckpoint: Int?, lastTimeOfDay: Millis?, gunTime: Millis?,
        netTime: Millis?, rankTime: Millis?, ageGroup: Int?, splits: [Millis?], flags: RunnerFlags
    ) {
        storedLastTimeOfDay = Self.time(lastTimeOfDay)
        storedGunTime = Self.time(gunTime)
        storedNetTime = Self.time(netTime)
        storedRankTime = Self.time(rankTime)
        storedGap = .min
        storedSegmentPace = .min
        storedRacePace = .min
        storedProjectedFinish = .min
        self.splits = splits
        storedRunner = Int32(runner)
        storedPlace = -1
        storedSexPlace = -1
        storedDivisionPlace = -1
        storedAgeGroupPlace = -1
        storedLastCheckpoint = Int16(lastCheckpoint ?? -1)
        storedAgeGroup = Int16(ageGroup ?? -1)
        self.status = status
        self.flags = flags
    }

    private static func time(_ t: Millis?) -> Int64 { t.map(Int64.init) ?? .min }
    private static func time(_ t: Int64) -> Millis? { t == .min ? nil : Millis(t) }
    private static func index(_ i: Int32) -> Int? { i < 0 ? nil : Int(i) }

    public var runner: Int {
        get { Int(storedRunner) }
        set { storedRunner = Int32(newValue) }
    }
    /// Furthest checkpoint reached with a valid split.
    public var lastCheckpoint: Int? {
        get { storedLastCheckpoint < 0 ? nil : Int(storedLastCheckpoint) }
        set { storedLastCheckpoint = Int16(newValue ?? -1) }
    }
    /// Time of day at `lastCheckpoint`.
    public var lastTimeOfDay: Millis? {
        get { Self.time(storedLastTimeOfDay) }
        set { storedLastTimeOfDay = Self.time(newValue) }
    }
    public var gunTime: Millis? {
        get { Self.time(storedGunTime) }
        set { storedGunTime = Self.time(newValue) }
    }
    public var netTime: Millis? {
        get { Self.time(storedNetTime) }
        set { storedNetTime = Self.time(newValue) }
    }
    /// Time at `lastCheckpoint` on the race's ranking clock.
    public var rankTime: Millis? {
        get { Self.time(storedRankTime) }
        set { storedRankTime = Self.time(newValue) }
    }
    /// Places within the race; nil for runners not placed (see `RunnerStatus.isPlaced`).
    /// Exact ties on the unrounded time share a place.
    public var place: Int? {
        get { Self.index(storedPlace) }
        set { storedPlace = Int32(newValue ?? -1) }
    }
    public var sexPlace: Int? {
        get { Self.index(storedSexPlace) }
        set { storedSexPlace = Int32(newValue ?? -1) }
    }
    public var divisionPlace: Int? {
        get { Self.index(storedDivisionPlace) }
        set { storedDivisionPlace = Int32(newValue ?? -1) }
    }
    public var ageGroupPlace: Int? {
        get { Self.index(storedAgeGroupPlace) }
        set { storedAgeGroupPlace = Int32(newValue ?? -1) }
    }
    public var ageGroup: Int? {
        get { storedAgeGroup < 0 ? nil : Int(storedAgeGroup) }
        set { storedAgeGroup = Int16(newValue ?? -1) }
    }
    /// Behind the fastest runner at the same checkpoint, on the ranking clock.
    public var gap: Millis? {
        get { Self.time(storedGap) }
        set { storedGap = Self.time(newValue) }
    }
    /// Milliseconds per km over the last segment and over the race so far.
    public var segmentPace: Millis? {
        get { Self.time(storedSegmentPace) }
        set { storedSegmentPace = Self.time(newValue) }
    }
    public var racePace: Millis? {
        get { Self.time(storedRacePace) }
        set { storedRacePace = Self.time(newValue) }
    }
    /// Finish time on the ranking clock: actual for finishers, projected for runners on course.
    public var projectedFinish: Millis? {
        get { Self.time(storedProjectedFinish) }
        set { storedProjectedFinish = Self.time(newValue) }
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
}
