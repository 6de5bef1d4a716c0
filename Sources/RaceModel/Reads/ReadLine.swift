/// The chip-timing formats a read file line may be written in.
public enum ReadFormat: String, Sendable, Equatable, CaseIterable {
    case ipico, ctp01, raceResult = "race-result", manual
}

/// What one line of a read file says, before it is matched to a runner.
public enum ParsedLine: Sendable, Equatable {
    /// A runner's read. `date` is nil when the format carries none (or the
    /// decoder had no date); the time is the local time of day in ms.
    case read(RawRead)
    /// A gun-start marker written by the decoder (CTP01 `guntime`).
    case gunMarker(time: Millis, date: CivilDate?)
    /// Blank line or comment: not a read, nothing to count.
    case ignored
    /// A line that cannot be used, and why.
    case malformed(reason: String)
}

public struct RawRead: Sendable, Equatable {
    /// Chip or bib as the decoder wrote it.
    public var code: String
    public var date: CivilDate?
    public var timeOfDay: Millis
    /// Decoder sequence number (CTP01 seq, RACE RESULT PassingNo) where given.
    public var sequence: Int?
    public var format: ReadFormat

    public init(code: String, date: CivilDate? = nil, timeOfDay: Millis, sequence: Int? = nil, format: ReadFormat) {
        self.code = code; self.date = date; self.timeOfDay = timeOfDay
        self.sequence = sequence; self.format = format
    }

    /// Milliseconds since local midnight of the event date.
    public func eventTime(eventDate: CivilDate) -> Millis {
        guard let date else { return timeOfDay }
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
        self.file = Int32(file); self.line = Int32(line); self.generation = UInt16(clamping: generation)
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
    public init(path: String, pointIndex: Int, isBackup: Bool) {
        self.path = path; self.pointIndex = pointIndex; self.isBackup = isBackup
    }
}
