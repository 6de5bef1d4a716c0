/// The chip-timing formats a read file line may be written in.
public enum ReadFormat: String, Sendable, Equatable, CaseIterable {
    case ipico, ctp01, raceResult = "race-result", manual
    /// A ChronoTrack controller's own files: `TO~` tag observations and `.mrk` marker logs.
    case chronotrackController = "chronotrack-controller"
    /// MYLAPS Exchange passings, alone on a line or inside logged `Loc@Store@...@` messages.
    case mylaps
    /// RFID Timing Systems (Ultra, Joey) read lines.
    case rfidTiming = "rfid-timing"
    case wiclax

    /// How the format is named in messages.
    public var label: String {
        switch self {
        case .ipico: return "IPICO"
        case .ctp01: return "ChronoTrack CTP01"
        case .raceResult: return "RACE RESULT"
        case .manual: return "hand timing"
        case .chronotrackController: return "ChronoTrack controller"
        case .mylaps: return "MYLAPS"
        case .rfidTiming: return "RFID Timing"
        case .wiclax: return "Wiclax"
        }
    }
}

/// Which read of a passage a reader reporting first and last seen sends:
/// the first read as the chip came into range, or the last as it left.
public enum SeenEdge: String, Sendable, Equatable, CaseIterable {
    case first, last
}

/// What one line of a read file says, before it is matched to a runner.
public enum ParsedLine: Sendable, Equatable {
    /// A runner's read. `date` is nil when the format carries none (or the
    /// decoder had no date); the time is the local time of day in ms.
    case read(RawRead)
    /// Several reads on one line: a MYLAPS `Store` message carries a batch.
    case reads([RawRead])
    /// A gun-start marker written by the decoder (CTP01 `guntime`, an IPICO
    /// trigger frame, a controller's gun button).
    /// `sequence`: the decoder's number of the line, where it numbers gun lines with its reads.
    case gunMarker(time: Millis, date: CivilDate?, sequence: Int? = nil)
    /// A decoder's control or status line on the same stream (IPICO `ab`
    /// frames, CTP01 `newlocation`, MYLAPS pings, a controller's settings):
    /// not a read, but counted so `check` shows it was seen.
    case control
    /// Blank line or comment: not a read, nothing to count.
    case ignored
    /// A line that cannot be used, and why.
    case malformed(reason: String)
}

public struct RawRead: Sendable, Equatable {
    /// Chip or bib as the decoder wrote it.
    public var chip: ChipCode
    public var date: CivilDate?
    public var timeOfDay: Millis
    /// Decoder sequence number (CTP01 seq, RACE RESULT PassingNo, MYLAPS
    /// passing number, controller observation number) where given.
    public var sequence: Int?
    public var format: ReadFormat
    /// First- or last-seen read, where the reader says which (IPICO with TTO on).
    public var edge: SeenEdge?

    public init(
        code: String, date: CivilDate? = nil, timeOfDay: Millis, sequence: Int? = nil, format: ReadFormat,
        edge: SeenEdge? = nil
    ) {
        self.init(
            chip: ChipCode(code), date: date, timeOfDay: timeOfDay, sequence: sequence, format: format, edge: edge)
    }

    public init(
        chip: ChipCode, date: CivilDate? = nil, timeOfDay: Millis, sequence: Int? = nil, format: ReadFormat,
        edge: SeenEdge? = nil
    ) {
        self.chip = chip
        self.date = date
        self.timeOfDay = timeOfDay
        self.sequence = sequence
        self.format = format
        self.edge = edge
    }

    public var code: String {
        get { chip.string }
        set { chip = ChipCode(newValue) }
    }

    /// Milliseconds since local midnight of the event date.
    public func eventTime(eventDate: CivilDate) -> Millis {
        // Nearly every dated read is of the event's own day: no day count then.
        guard let date, date != eventDate else { return timeOfDay }
        return (date.daysSinceEpoch - eventDate.daysSinceEpoch) * 86_400_000 + timeOfDay
    }
}

/// Where a line came from: index into the event's read-file table, the
/// file's generation and the 1-based line number within it.
public struct LineRef: Hashable, Comparable, Sendable {
    public var file: Int32
    public var line: Int32
    /// 0 for the file as first read; one more each time its content starts
    /// over (truncated, rotated, deleted and re-created), when lines count
    /// from 1 again.
    public var generation: UInt16
    public init(file: Int, line: Int, generation: Int = 0) {
        self.file = Int32(file)
        self.line = Int32(line)
        self.generation = UInt16(clamping: generation)
    }
    public static func < (a: LineRef, b: LineRef) -> Bool {
        (a.file, a.generation, a.line) < (b.file, b.generation, b.line)
    }

    /// `reads/km5.txt:12`, or `reads/km5.txt (generation 2):12` once the file started over.
    public func label(path: String) -> String {
        generation == 0 ? "\(path):\(line)" : "\(path) (generation \(Int(generation) + 1)):\(line)"
    }
}

/// A read file named by `event.toml`: which point it serves and whether it is a backup line.
public struct ReadFileInfo: Sendable, Equatable {
    public var path: String
    public var pointIndex: Int
    public var isBackup: Bool
    /// The format pinned in `event.toml`; nil: each line is recognised on its own.
    public var format: ReadFormat?
    /// Which of a first/last-seen reader's reads this file's point uses.
    public var seen: SeenEdge
    public init(path: String, pointIndex: Int, isBackup: Bool, format: ReadFormat? = nil, seen: SeenEdge = .first) {
        self.path = path
        self.pointIndex = pointIndex
        self.isBackup = isBackup
        self.format = format
        self.seen = seen
    }
}
