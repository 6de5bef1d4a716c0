public enum RunnerStatus: String, Sendable, Equatable, CaseIterable {
    case finished = "FIN"
    case onCourse = "RUN"
    /// Still out at the race cutoff.
    case dnf = "DNF"
    /// No read counted yet.
    case dns = "DNS"
}

/// One runner's line in the standings at some time of day.
public struct Standing: Sendable, Equatable {
    public var runner: Int
    public var status: RunnerStatus
    /// Furthest checkpoint reached with a valid split.
    public var lastCheckpoint: Int?
    /// Time of day at `lastCheckpoint`.
    public var lastTimeOfDay: Millis?
    public var gunTime: Millis?
    public var netTime: Millis?
    /// Time at `lastCheckpoint` on the race's ranking clock.
    public var rankTime: Millis?
    /// Places within the race; nil for DNF and DNS.
    public var place: Int?
    public var sexPlace: Int?
    public var divisionPlace: Int?
    public var ageGroupPlace: Int?
    public var ageGroup: Int?
    /// Behind the fastest runner at the same checkpoint, on the ranking clock.
    public var gap: Millis?
    /// Milliseconds per km over the last segment and over the race so far.
    public var segmentPace: Millis?
    public var racePace: Millis?
    /// Finish time on the ranking clock: actual for finishers, projected for runners on course.
    public var projectedFinish: Millis?
    /// Ranking-clock time at each checkpoint.
    public var splits: [Millis?]
    public var flags: RunnerFlags
}

/// A runner's passage through a checkpoint, by time of day.
public struct Through: Sendable, Equatable {
    public var runner: Int
    public var time: Millis
    public init(runner: Int, time: Millis) { self.runner = runner; self.time = time }
}

/// The standings of one race at one time of day.
public struct RaceStandings: Sendable, Equatable {
    public var raceIndex: Int
    public var at: Millis
    /// Finishers by time, then runners on course by furthest checkpoint and
    /// time there, then DNF, then DNS.
    public var rows: [Standing]
    /// Fastest ranking-clock time at each checkpoint.
    public var leaderTimes: [Millis?]
    /// Runners with a valid split at each checkpoint.
    public var passed: [Int]
    /// First and last runner through each checkpoint, by time of day.
    public var firstThrough: [Through?]
    public var lastThrough: [Through?]
    /// Runners on course or finished, by the furthest checkpoint they reached.
    public var byLastCheckpoint: [Int]

    public func count(_ status: RunnerStatus) -> Int { rows.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }
}
