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
    /// How finely official times are published (whole seconds by default).
    public var precision: TimePrecision
    public var awards: AwardRules
    /// Lines a read file may hold (`[limits] lines_per_file`): line numbers are 32-bit.
    public var linesPerFile = EventConfig.defaultLinesPerFile
    public static let defaultLinesPerFile = 10_000_000

    public init(
        name: String, date: CivilDate, utcOffsetMinutes: Int, ageGroups: AgeGroups,
        points: [TimingPoint], races: [Race], rules: TimingRules = TimingRules(),
        precision: TimePrecision = .seconds, awards: AwardRules = AwardRules()
    ) {
        self.name = name
        self.date = date
        self.utcOffsetMinutes = utcOffsetMinutes
        self.ageGroups = ageGroups
        self.points = points
        self.races = races
        self.rules = rules
        self.precision = precision
        self.awards = awards
    }

    /// The rules for a runner of `race` in `wave`: the wave's, else the race's, else the event's.
    public func rules(race: Int, wave: Int) -> TimingRules {
        let r = races[race]
        return r.waves[wave].rules ?? r.rules ?? rules
    }

    /// The official form of a duration (see `OfficialTime`).
    public func official(_ ms: Millis) -> String { OfficialTime.format(ms, precision) }

    public func pointIndex(id: String) -> Int? { points.firstIndex { $0.id == id } }
    /// Each race's id read where it is kept: `firstIndex(where:)` copied
    /// every race it passed, arrays retained, for each of 50,000 participants.
    public func raceIndex(id: String) -> Int? {
        races.withUnsafeBufferPointer { races in races.indices.first { races[inPlace: $0].id == id } }
    }

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
    /// The window came from `[rules]`, not the point: a race's or wave's own
    /// `duplicate_window` then applies to its runners here.
    public var windowFromRules: Bool
    /// The format pinned for each file (same order as `files`); nil: recognised line by line.
    public var formats: [ReadFormat?]
    /// Which read of a first/last-seen reader this point times from.
    public var seen: SeenEdge

    public init(
        id: String, name: String, files: [String], duplicateWindow: Millis, clockOffset: Millis = 0,
        windowFromRules: Bool = false, formats: [ReadFormat?] = [], seen: SeenEdge = .first
    ) {
        self.id = id
        self.name = name
        self.files = files
        self.duplicateWindow = duplicateWindow
        self.clockOffset = clockOffset
        self.windowFromRules = windowFromRules
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
    /// Ranking clock of this wave's runners, over the race's.
    public var clock: RankingClock?
    /// Timing rules of this wave's runners (a wheelchair wave's max speed), complete.
    public var rules: TimingRules?
    public init(id: String, gun: Millis, clock: RankingClock? = nil, rules: TimingRules? = nil) {
        self.id = id
        self.gun = gun
        self.clock = clock
        self.rules = rules
    }
}

public struct Checkpoint: Sendable, Equatable {
    public var id: String
    public var pointIndex: Int
    public var km: Double
    public init(id: String, pointIndex: Int, km: Double) {
        self.id = id
        self.pointIndex = pointIndex
        self.km = km
    }
}

public struct Race: Sendable, Equatable {
    public var id: String
    public var name: String
    public var waves: [Wave]
    public var clock: RankingClock
    /// Ordered along the course; the first is the start, the last the finish.
    public var checkpoints: [Checkpoint]
    /// The time limit from the runner's own wave gun: still out then is a
    /// DNF, a finish after it is over the time limit.
    public var cutoff: Millis?
    /// Timing rules of this race, complete, over the event's.
    public var rules: TimingRules?
    /// Ranking clock per division, over the wave's and the race's.
    public var divisionClocks: [Division: RankingClock]

    public init(
        id: String, name: String, waves: [Wave], clock: RankingClock,
        checkpoints: [Checkpoint], cutoff: Millis? = nil, rules: TimingRules? = nil,
        divisionClocks: [Division: RankingClock] = [:]
    ) {
        self.id = id
        self.name = name
        self.waves = waves
        self.clock = clock
        self.checkpoints = checkpoints
        self.cutoff = cutoff
        self.rules = rules
        self.divisionClocks = divisionClocks
    }

    /// The clock a runner is ranked on: their division's, else their wave's, else the race's.
    public func clock(for runner: Participant) -> RankingClock {
        clock(division: runner.division, wave: runner.waveIndex)
    }

    /// The clock of a runner of `division` in wave `wave`.
    public func clock(division: Division, wave: Int) -> RankingClock {
        divisionClocks[division] ?? waves[wave].clock ?? clock
    }

    /// Whether any runner of the race is ranked on another clock than the race's.
    public var hasMixedClocks: Bool { !divisionClocks.isEmpty || waves.contains { $0.clock != nil } }

    public var distanceKm: Double { checkpoints.last?.km ?? 0 }
    public var finishIndex: Int { checkpoints.count - 1 }
    /// The start mat is the first checkpoint when it sits at km 0.
    public var hasStartMat: Bool { checkpoints.first.map { $0.km == 0 } ?? false }

    public func waveIndex(id: String?) -> Int? {
        guard let id else { return nil }
        return waves.withUnsafeBufferPointer { waves in waves.indices.first { waves[inPlace: $0].id == id } }
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
    /// A segment this many times faster than the runner's own pace over the
    /// rest of their race is flagged for review (a cut course, a lent chip).
    public var suspiciousRatio: Double

    public init(
        maxSpeedKmh: Double = 30, minSpeedKmh: Double = 2.5,
        startAllowance: Millis = 60 * 60_000, defaultDuplicateWindow: Millis = 60_000,
        suspiciousRatio: Double = 1.5
    ) {
        self.maxSpeedKmh = maxSpeedKmh
        self.minSpeedKmh = minSpeedKmh
        self.startAllowance = startAllowance
        self.defaultDuplicateWindow = defaultDuplicateWindow
        self.suspiciousRatio = suspiciousRatio
    }
}

/// How `racedash awards` picks winners.
public struct AwardRules: Sendable, Equatable {
    /// Winners per sex overall and per sex and age group.
    public var top: Int
    /// Overall winners also take age-group awards (most events say no).
    public var overallInAgeGroups: Bool
    public init(top: Int = 3, overallInAgeGroups: Bool = false) {
        self.top = top
        self.overallInAgeGroups = overallInAgeGroups
    }
}
