import RaceModel

/// How a read file writes its lines.
enum LineStyle: Equatable {
    case ipico
    /// IPICO first-seen / last-seen mode: 42 characters, the TTO status byte
    /// saying first (`80`) or last (`60`) seen.
    case ipicoFirstLastSeen
    case ctp01Tilde
    case ctp01Comma
    /// `undatedUntil`: the decoder writes `0000-00-00` (no GPS fix) for
    /// reads before this time of day; `Int.max` means never dated.
    case raceResult(prefixed: Bool, undatedUntil: Millis)
    /// Hand timing typed by a volunteer: `<bib>,<HH:MM:SS.fff>`.
    case manual
    /// A ChronoTrack controller's own `TO~` file, reading bib tags.
    case chronotrackController
    /// MYLAPS Exchange passings, one per line.
    case mylaps

    var readFormat: ReadFormat {
        switch self {
        case .ipico, .ipicoFirstLastSeen: return .ipico
        case .ctp01Tilde, .ctp01Comma: return .ctp01
        case .raceResult: return .raceResult
        case .manual: return .manual
        case .chronotrackController: return .chronotrackController
        case .mylaps: return .mylaps
        }
    }

    /// IPICO tags are chip codes only: a runner without chip is never read.
    var readsChipsOnly: Bool { readFormat == .ipico }
}

enum FileRole: Equatable { case main, backup, handTiming }

struct FileSpec {
    var path: String
    var style: LineStyle
    var role: FileRole
}

struct PointSpec {
    var id: String
    var name: String
    /// Name configured on the decoder (CTP01 location, RACE RESULT box name).
    var deviceName: String
    var files: [FileSpec]
    var duplicateWindowSeconds: Int?
    /// Decoder clock minus true time; `event.toml` gets the correction.
    var skew: Millis = 0
}

struct WaveSpec {
    var id: String
    var gun: Millis
    /// Time from the gun until the back of the wave crosses the start mat.
    var startSpread: Millis
}

struct CheckpointSpec {
    var id: String
    var pointId: String
    var km: Double
}

/// Finish times (net) of a group of runners, drawn from a triangle.
struct TimeRange {
    var fastest: Millis
    var mode: Millis
    var slowest: Millis
}

struct RaceSpec {
    var id: String
    var name: String
    var clock: RankingClock
    var cutoff: Millis
    var waves: [WaveSpec]
    var checkpoints: [CheckpointSpec]
    /// Share of the amateur field.
    var share: Double
    var amateurTimes: TimeRange
    var dnfRate: Double
    /// Amateurs go to waves by expected time (fast first), skipping an `elite` wave.
    var hasEliteWave: Bool { waves.first?.id == "elite" }
}

struct FaultSpec {
    var silentPointId: String
    var silentDuration: Millis
    var cutRaceId: String
    var cutFrom: String
    var cutTo: String
    /// How long the cutter took over the skipped stretch.
    var cutDuration: Millis
    var standPointId: String
    var unknownChipPointIds: [String]
    var backupOffset: Millis
    var backupMissRate: Double
    /// Share of crossings with repeated reads on the main line.
    var duplicateRate: Double
    var dnsRate: Double
    var chiplessRate: Double
    var handTimedRate: Double
    var garbage: [GarbageSpec]
}

enum GarbageKind { case truncated, badChecksum, nonsense(String) }

struct GarbageSpec {
    var pointId: String
    var kind: GarbageKind
}

struct CourseSpec {
    var name: String
    var date: CivilDate
    var utcOffsetMinutes: Int
    var ageGroups: [Int]
    var points: [PointSpec]
    var races: [RaceSpec]
    /// Elite field sizes as a share of all runners, capped.
    var eliteMenShare: Double
    var eliteWomenShare: Double
    var eliteMenMax: Int
    var eliteWomenMax: Int
    /// Weight of DPRK runners among amateurs; others come from the country table.
    var homeWeight: Double
    var faults: FaultSpec

    static func make(_ profile: SimulationProfile) -> CourseSpec {
        switch profile {
        case .pyongyang: return .pyongyang
        case .bigCityMarathon: return .bigCity
        }
    }

    func point(_ id: String) -> PointSpec { points.first { $0.id == id }! }
    func pointIndex(_ id: String) -> Int { points.firstIndex { $0.id == id }! }
}

@inline(__always) func clock(_ h: Int, _ m: Int, _ s: Int = 0) -> Millis { ((h * 60 + m) * 60 + s) * 1000 }
