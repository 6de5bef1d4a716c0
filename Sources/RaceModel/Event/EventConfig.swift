/// Everything `event.toml` says about an event, validated and indexed.
public struct EventConfig: Sendable, Equatable {
    public var name: String
    public var date: CivilDate
    /// Offset of the local times written in the reads, in minutes east of UTC.
    public var utcOffsetMinutes: Int
    public var ageGroups: AgeGroups
    public var points: [TimingPoint]
    public var races: [Race]
    public var rules: TimingRules

    public init(name: String, date: CivilDate, utcOffsetMinutes: Int, ageGroups: AgeGroups,
                points: [TimingPoint], races: [Race], rules: TimingRules = TimingRules()) {
        self.name = name; self.date = date; self.utcOffsetMinutes = utcOffsetMinutes
        self.ageGroups = ageGroups; self.points = points; self.races = races; self.rules = rules
    }

    public func pointIndex(id: String) -> Int? { points.firstIndex { $0.id == id } }
    public func raceIndex(id: String) -> Int? { races.firstIndex { $0.id == id } }

    /// `+09:00` style label of the UTC offset.
    public var utcOffsetLabel: String {
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        let a = abs(utcOffsetMinutes)
        return "\(sign)\(TimeFormat.pad2(a / 60)):\(TimeFormat.pad2(a % 60))"
    }
}

/// A mat (or pair of mats) with one main read file and optional backup files.
public struct TimingPoint: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Paths relative to the event folder; the first is the main line.
    public var files: [String]
    /// Repeated reads of one runner within this window count once.
    public var duplicateWindow: Millis
    /// Added to every read of this point to correct decoder clock skew.
    public var clockOffset: Millis
    /// The format pinned for each file (same order as `files`); nil: recognised line by line.
    public var formats: [ReadFormat?]
    /// Which read of a first/last-seen reader this point times from.
    public var seen: SeenEdge

    public init(id: String, name: String, files: [String], duplicateWindow: Millis, clockOffset: Millis = 0,
                formats: [ReadFormat?] = [], seen: SeenEdge = .first) {
        self.id = id; self.name = name; self.files = files
        self.duplicateWindow = duplicateWindow; self.clockOffset = clockOffset
        self.formats = formats.count == files.count ? formats : Array(repeating: nil, count: files.count)
        self.seen = seen
    }
}

public enum RankingClock: String, Sendable, Equatable, CaseIterable {
    case gun, net
}

public struct Wave: Sendable, Equatable {
    public var id: String
    /// Time of day the gun went.
    public var gun: Millis
    public init(id: String, gun: Millis) { self.id = id; self.gun = gun }
}

public struct Checkpoint: Sendable, Equatable {
    public var id: String
    public var pointIndex: Int
    public var km: Double
    public init(id: String, pointIndex: Int, km: Double) {
        self.id = id; self.pointIndex = pointIndex; self.km = km
    }
}

public struct Race: Sendable, Equatable {
    public var id: String
    public var name: String
    public var waves: [Wave]
    public var clock: RankingClock
    /// Ordered along the course; the first is the start, the last the finish.
    public var checkpoints: [Checkpoint]
    /// Time after its wave's gun after which a runner still out is a DNF.
    public var cutoff: Millis?

    public init(id: String, name: String, waves: [Wave], clock: RankingClock,
                checkpoints: [Checkpoint], cutoff: Millis? = nil) {
        self.id = id; self.name = name; self.waves = waves; self.clock = clock
        self.checkpoints = checkpoints; self.cutoff = cutoff
    }

    public var distanceKm: Double { checkpoints.last?.km ?? 0 }
    public var finishIndex: Int { checkpoints.count - 1 }
    /// The start mat is the first checkpoint when it sits at km 0.
    public var hasStartMat: Bool { checkpoints.first.map { $0.km == 0 } ?? false }

    public func waveIndex(id: String?) -> Int? {
        guard let id else { return nil }
        return waves.firstIndex { $0.id == id }
    }
    /// Earliest gun of the race: the race clock of the header counts from it.
    public var firstGun: Millis { waves.map(\.gun).min() ?? 0 }
}

/// Plausibility limits for assigning reads to checkpoints.
public struct TimingRules: Sendable, Equatable {
    /// Faster than this between two checkpoints is an impossible split.
    /// 30 km/h is far above marathon world-record pace (about 21 km/h).
    public var maxSpeedKmh: Double
    /// Slower than this (after the start allowance) cannot be the next checkpoint.
    public var minSpeedKmh: Double
    /// How long after the gun a runner may still cross the start mat.
    public var startAllowance: Millis
    /// Duplicate window for points that give none.
    public var defaultDuplicateWindow: Millis

    public init(maxSpeedKmh: Double = 30, minSpeedKmh: Double = 2.5,
                startAllowance: Millis = 60 * 60_000, defaultDuplicateWindow: Millis = 60_000) {
        self.maxSpeedKmh = maxSpeedKmh; self.minSpeedKmh = minSpeedKmh
        self.startAllowance = startAllowance; self.defaultDuplicateWindow = defaultDuplicateWindow
    }
}
