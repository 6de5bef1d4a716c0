/// Flags an official looks at before trusting a result.
public struct RunnerFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// A checkpoint before the furthest one reached has no read.
    public static let missedSplit = RunnerFlags(rawValue: 1 << 0)
    /// A read implied a speed no runner can reach; it is not used for placing.
    public static let impossibleSplit = RunnerFlags(rawValue: 1 << 1)
    /// No start-mat read: net time is taken as gun time.
    public static let noStartRead = RunnerFlags(rawValue: 1 << 2)
    /// A passage was timed from a backup line because the main line missed it.
    public static let backupUsed = RunnerFlags(rawValue: 1 << 3)
    /// On course, but long overdue at the next checkpoint by their own pace:
    /// more likely stopped than still running. Set by the standings, not the timing rules.
    public static let overdue = RunnerFlags(rawValue: 1 << 4)
    /// A segment much faster than the runner's own pace elsewhere: for the
    /// officials to review; it changes neither status nor place.
    public static let suspiciousSegment = RunnerFlags(rawValue: 1 << 5)
    /// Named in the officials' corrections journal (the rows are listed
    /// beside the flags, so this has no label of its own).
    public static let corrected = RunnerFlags(rawValue: 1 << 6)
    /// A bonus in the journal was more than the runner's last segment: it
    /// would put the finish at or before their previous split (or start),
    /// even give a negative time that wins. Not applied; for the officials.
    public static let bonusRefused = RunnerFlags(rawValue: 1 << 7)

    public var labels: [String] {
        var out: [String] = []
        if contains(.missedSplit) { out.append("missed split") }
        if contains(.impossibleSplit) { out.append("impossible split") }
        if contains(.noStartRead) { out.append("no start read") }
        if contains(.backupUsed) { out.append("backup line") }
        if contains(.overdue) { out.append("overdue") }
        if contains(.suspiciousSegment) { out.append("suspicious segment") }
        if contains(.bonusRefused) { out.append("bonus not applied: more than the last segment") }
        return out
    }
}

/// A split the timing rules refused to place: kept to be shown, never ranked.
public struct RefusedSplit: Sendable, Equatable {
    public var checkpoint: Int
    public var time: Millis
    public var ref: LineRef
}

/// A checkpoint's split as a timeline counts it: the time of day and the
/// line it came from (none for a hand time), in 16 bytes (`LineRef?` beside
/// the time padded a split to 24, and a big race holds 800,000 of them).
public struct CountedSplit: Sendable, Equatable {
    @PackedTime public var time: Millis?
    private var line: Int32
    /// `noFile`: no line.
    private var file: UInt16
    private var generation: UInt16

    /// The most read files an event may name: a split holds its line's file index in 16 bits.
    public static let maxReadFiles = Int(UInt16.max)
    private static let noFile = UInt16.max

    public var ref: LineRef? {
        get { file == Self.noFile ? nil : LineRef(file: Int(file), line: Int(line), generation: Int(generation)) }
        set {
            guard let newValue else {
                (file, line, generation) = (Self.noFile, 0, 0)
                return
            }
            precondition(newValue.file >= 0 && Int(newValue.file) < Self.maxReadFiles, "file index out of range")
            (file, line, generation) = (UInt16(newValue.file), newValue.line, newValue.generation)
        }
    }

    public init(time: Millis?, ref: LineRef?) {
        self.time = time
        (line, file, generation) = (0, Self.noFile, 0)
        self.ref = ref
    }

    static let empty = CountedSplit(time: nil, ref: nil)
}

/// One runner's passages through the checkpoints of their race, from the
/// reads up to some time of day.
public struct RunnerTimeline: Sendable, Equatable {
    /// Each checkpoint's split and its line in one array: one allocation
    /// per runner, where two were made, copied and freed 50,000 times a seek.
    public internal(set) var counted: [CountedSplit]

    /// Time of day at each checkpoint, nil where none was counted (made when
    /// asked: the hot paths read `split(_:)` or `counted`).
    public var splits: [Millis?] {
        // A closure, not `\.time`: a key path through the property wrapper is
        // projected at run time, which made every timeline of a seek slower.
        get { counted.map { $0.time } }
        set {
            counted = newValue.indices.map {
                CountedSplit(time: newValue[$0], ref: $0 < counted.count ? counted[$0].ref : nil)
            }
        }
    }
    /// The line each counted split came from.
    public var splitRefs: [LineRef?] {
        get { counted.map { $0.ref } }
        set {
            counted = newValue.indices.map {
                CountedSplit(time: $0 < counted.count ? counted[$0].time : nil, ref: newValue[$0])
            }
        }
    }

    /// The time of day at checkpoint `c`, nil where none was counted.
    @inlinable public func split(_ c: Int) -> Millis? { counted[c].time }

    /// The nearest checkpoint before `c` with a split counted, and that split.
    public func lastSplit(before c: Int) -> (checkpoint: Int, time: Millis)? {
        guard let earlier = (0..<c).last(where: { split($0) != nil }), let time = split(earlier) else { return nil }
        return (earlier, time)
    }
    @PackedTime public var startRead: Millis?
    /// Outcome of every read considered, in read order.
    public var outcomes: ReadOutcomes
    // The flags and the furthest checkpoint fill the outcomes' last word:
    // declared in this order, a timeline is 48 bytes, not 56.
    public var flags: RunnerFlags
    /// Index of the furthest checkpoint reached with a valid split (a race has at most 32,767).
    @PackedIndex<Int16> public var furthest: Int?
    /// What few runners have, held apart in one box: copying a timeline
    /// (50,000 of them in a seek) is then a retain of three references, not
    /// seven, and a timeline is 48 bytes, not 80.
    private var box: UnusualBox?

    struct Unusual: Sendable, Equatable {
        var missed: [Int] = []
        var impossible: [RefusedSplit] = []
        var suspicious: [SuspiciousSegment] = []

        var isEmpty: Bool { missed.isEmpty && impossible.isEmpty && suspicious.isEmpty }
    }

    /// Copy on write: written only while one timeline holds it (`change`),
    /// so copies of a timeline never see each other's changes.
    final class UnusualBox: @unchecked Sendable {
        var value: Unusual
        init(_ value: Unusual) { self.value = value }
    }

    private var unusual: Unusual? { box?.value }

    /// Checkpoints before the furthest one with no split.
    public var missed: [Int] {
        get { unusual?.missed ?? [] }
        set { change { $0.missed = newValue } }
    }
    public var impossible: [RefusedSplit] {
        get { unusual?.impossible ?? [] }
        set { change { $0.impossible = newValue } }
    }
    /// Segments much faster than the runner's pace elsewhere.
    public var suspicious: [SuspiciousSegment] {
        get { unusual?.suspicious ?? [] }
        set { change { $0.suspicious = newValue } }
    }

    private mutating func change(_ body: (inout Unusual) -> Void) {
        if box == nil {
            // Nothing unusual, and most changes leave it so (the rules set the
            // suspicious segments of every finisher, nearly always none): no
            // box made and freed for them, 40,000 times in a big race.
            var value = Unusual()
            body(&value)
            if !value.isEmpty { box = UnusualBox(value) }
            return
        }
        if !isKnownUniquelyReferenced(&box) { box = UnusualBox(box!.value) }
        body(&box!.value)
        if box!.value.isEmpty { box = nil }
    }

    public init(checkpointCount: Int) {
        counted = .filled(.empty, count: checkpointCount)
        startRead = nil
        furthest = nil
        flags = []
        outcomes = ReadOutcomes()
    }

    public static func == (a: RunnerTimeline, b: RunnerTimeline) -> Bool {
        a.counted == b.counted && a.startRead == b.startRead
            && a.furthest == b.furthest && a.missed == b.missed && a.impossible == b.impossible
            && a.suspicious == b.suspicious
            && a.flags == b.flags
            && a.outcomes == b.outcomes
    }
}
