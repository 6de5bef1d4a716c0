import RaceModel

/// What really happened on the course, and where each race-day fault was planted.
/// Lists are in participant order unless said otherwise.
public struct SimulationTruth: Sendable, Equatable {
    /// One per participant, same order as `SimulatedEvent.participants`.
    public var runners: [RunnerTruth]
    /// Never crossed any mat: no reads at all.
    public var dnsBibs: [String]
    /// Stopped on the course: reads end at their `lastCheckpointId`.
    public var dnfBibs: [String]
    /// No chip: their reads carry the bib, and IPICO mats (chip only) never see them.
    public var chiplessBibs: [String]
    /// The runner who skipped part of the course.
    public var courseCut: CourseCut?
    /// A runner missing from every file of one mat (not counting the silent mat or chipless runners).
    public var missedReads: [ReadRef]
    /// Missing from a point's main line but present in its backup line.
    public var mainMissedBackupCaught: [ReadRef]
    /// Repeated reads of one runner on one mat's main line (runner standing on the mat).
    public var duplicateReads: [DuplicateRead]
    /// The one runner who stood on a mat for a long time.
    public var longestStand: DuplicateRead?
    /// Every backup line writes its reads this much later than the main line would.
    public var backupOffset: Millis
    /// Decoders whose clock is off; `event.toml` corrects them with `clock_offset`.
    public var clockSkews: [ClockSkew]
    /// Reads of a chip nobody wears.
    public var unknownChip: UnknownChip?
    /// A main line that wrote nothing for a while.
    public var silentMat: SilentMat?
    /// Lines no parser should accept.
    public var garbageLines: [GarbageLine]
    /// Bibs written in the hand-timing file.
    public var handTimedBibs: [String]
}

public enum RunnerStatus: String, Sendable, Equatable {
    case finished, dnf, dns
}

public struct RunnerTruth: Sendable, Equatable {
    public var bib: String
    public var raceId: String
    public var waveId: String
    public var status: RunnerStatus
    /// True time of day at each checkpoint of the runner's race (course
    /// order); nil where the runner never got there.
    public var crossings: [Millis?]
    /// Checkpoint indices the runner crossed but that no read file records.
    public var unread: [Int]
    /// The checkpoint where a DNF runner stopped (nil unless DNF).
    public var lastCheckpointId: String?
}

public struct CourseCut: Sendable, Equatable {
    public var bib: String
    public var raceId: String
    /// Last checkpoint before the cut and first after it, both read.
    public var fromCheckpointId: String
    public var toCheckpointId: String
    public var skippedCheckpointIds: [String]
    /// Speed implied by the two reads around the cut.
    public var apparentSpeedKmh: Double
}

/// One runner at one checkpoint.
public struct ReadRef: Sendable, Equatable {
    public var bib: String
    public var pointId: String
    public var checkpointId: String
}

public struct DuplicateRead: Sendable, Equatable {
    public var bib: String
    public var pointId: String
    public var checkpointId: String
    /// Lines written for the crossing, the first read included.
    public var reads: Int
    /// From the first to the last of those reads.
    public var span: Millis
}

public struct ClockSkew: Sendable, Equatable {
    public var pointId: String
    /// Decoder clock minus true time (negative: the decoder is behind).
    public var skew: Millis
}

public struct UnknownChip: Sendable, Equatable {
    public var code: String
    public var pointIds: [String]
}

public struct SilentMat: Sendable, Equatable {
    public var pointId: String
    public var path: String
    /// No line of that file has a write time in this interval.
    public var interval: Range<Millis>
}

public struct GarbageLine: Sendable, Equatable {
    public var path: String
    /// 1-based line number in the file.
    public var line: Int
    public var text: String
    public var reason: String
}
