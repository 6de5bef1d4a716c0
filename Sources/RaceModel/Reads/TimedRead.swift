/// A runner's read placed on its timing point, with the point's clock offset
/// applied. The raw code is kept so a corrected participant list can be
/// matched again from the raw reads (chip swaps, late entries).
///
/// 40 bytes, in this order so nothing pads them (a big race holds 700,000):
/// the point, the backup flag and the dated flag share 16 bits. Nothing in
/// it is counted or freed, so reads are copied and moved as plain bytes.
public struct TimedRead: Sendable, Equatable {
    public var chip: ChipCode
    /// Time of day in ms, clock offset applied.
    public var time: Millis
    public var ref: LineRef
    /// The point's index, with the backup flag in the top bit and the dated flag below it.
    private var pointAndBackup: UInt16
    /// Decoder sequence number (PassingNo, CTP01 seq) where the format has one.
    public var sequence: Int32

    /// Points an event may have: what `pointAndBackup` holds beside the flag.
    public static let maxPoints = 1 << 14
    static let backupBit: UInt16 = 1 << 15
    static let datedBit: UInt16 = 1 << 14
    static let flagBits = backupBit | datedBit

    public init(
        code: String, time: Millis, point: Int, isBackup: Bool, ref: LineRef, sequence: Int? = nil,
        isDated: Bool = false
    ) {
        self.init(
            chip: ChipCode(code), time: time, point: point, isBackup: isBackup, ref: ref, sequence: sequence,
            isDated: isDated)
    }

    public init(
        chip: ChipCode, time: Millis, point: Int, isBackup: Bool, ref: LineRef, sequence: Int? = nil,
        isDated: Bool = false
    ) {
        precondition(point >= 0 && point < Self.maxPoints, "point index out of range")
        self.chip = chip
        self.time = time
        self.ref = ref
        pointAndBackup = UInt16(point) | (isBackup ? Self.backupBit : 0) | (isDated ? Self.datedBit : 0)
        self.sequence = Int32(truncatingIfNeeded: sequence ?? -1)
    }

    /// The chip code or bib as the line gave it.
    public var code: String {
        get { chip.string }
        set { chip = ChipCode(newValue) }
    }

    public var point: Int32 {
        get { Int32(pointAndBackup & ~Self.flagBits) }
        set {
            precondition(newValue >= 0 && Int(newValue) < Self.maxPoints, "point index out of range")
            pointAndBackup = UInt16(newValue) | (pointAndBackup & Self.flagBits)
        }
    }

    /// Read on a backup line of its point.
    public var isBackup: Bool {
        get { pointAndBackup & Self.backupBit != 0 }
        set { pointAndBackup = (pointAndBackup & ~Self.backupBit) | (newValue ? Self.backupBit : 0) }
    }

    /// The line gave a date, so the read's day was not chosen by the event
    /// window: a corrected clock offset moves it by the correction alone,
    /// where an undated read is placed on a day again.
    public var isDated: Bool {
        get { pointAndBackup & Self.datedBit != 0 }
        set { pointAndBackup = (pointAndBackup & ~Self.datedBit) | (newValue ? Self.datedBit : 0) }
    }
}

/// Why a line or a read could not be used. Every rejected line keeps one.
public enum RejectReason: Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case unknownChip(String)
    case beforeGun(wave: String)
    case notOnCourse(point: String, race: String)
    case alreadyPassed(checkpoint: String)
    case afterFinish
    case impossibleSplit(checkpoint: String, kmh: Double)
    /// Dated outside the event window (or an undated time no day of it fits).
    case outsideEventWindow(String)
    /// Named by an `ignore` row of the officials' corrections journal.
    case ignoredByOfficials(line: Int)

    public var description: String {
        switch self {
        case .malformed(let why): return why
        case .unknownChip(let code): return "unknown chip \(code): no participant has this chip or bib"
        case .beforeGun(let wave): return "read before the gun of wave \(wave)"
        case .notOnCourse(let point, let race): return "point \(point) is not on the \(race) course"
        case .alreadyPassed(let cp): return "runner already passed \(cp); no later checkpoint at this point"
        case .afterFinish: return "read after the runner finished"
        case .ignoredByOfficials(let line): return "ignored by the officials (\(Correction.journalName) line \(line))"
        case .outsideEventWindow(let when):
            return "read at \(when) is outside the event window (6 h before the first gun to 6 h after the last cutoff)"
        case .impossibleSplit(let cp, let kmh):
            let rounded = (kmh * 10).rounded() / 10
            return "impossible split to \(cp): \(rounded.isFinite ? "\(rounded) km/h" : "no time elapsed")"
        }
    }

    /// Short tag for tables and counts.
    public var kind: String {
        switch self {
        case .malformed: return "malformed"
        case .unknownChip: return "unknown chip"
        case .beforeGun: return "before gun"
        case .notOnCourse: return "not on course"
        case .alreadyPassed: return "already passed"
        case .afterFinish: return "after finish"
        case .outsideEventWindow: return "outside event window"
        case .ignoredByOfficials: return "ignored by officials"
        case .impossibleSplit: return "impossible split"
        }
    }
}

/// What became of one read.
public enum ReadOutcome: Sendable, Equatable {
    case used(checkpoint: Int)
    /// A repeat within the duplicate window, a backup read the main line
    /// covered, or the same mat read again right after.
    case duplicate
    case rejected(RejectReason)
}
