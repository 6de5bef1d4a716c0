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

    public var labels: [String] {
        var out: [String] = []
        if contains(.missedSplit) { out.append("missed split") }
        if contains(.impossibleSplit) { out.append("impossible split") }
        if contains(.noStartRead) { out.append("no start read") }
        if contains(.backupUsed) { out.append("backup line") }
        if contains(.overdue) { out.append("overdue") }
        if contains(.suspiciousSegment) { out.append("suspicious segment") }
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
/// line it came from (none for a hand time), in 24 bytes.
public struct CountedSplit: Sendable, Equatable {
    @PackedTime public var time: Millis?
    public var ref: LineRef?

    public init(time: Millis?, ref: LineRef?) {
        self.time = time
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
    public var startRead: Millis?
    /// Index of the furthest checkpoint reached with a valid split.
    public var furthest: Int?
    public var flags: RunnerFlags
    /// Outcome of every read considered, in read order.
    public var outcomes: ReadOutcomes
    /// What few runners have, held apart: copying a timeline (50,000 of them
    /// in a seek) is then a retain of two arrays, not seven.
    private var unusual: Unusual?

    struct Unusual: Sendable, Equatable {
        var missed: [Int] = []
        var impossible: [RefusedSplit] = []
        var suspicious: [SuspiciousSegment] = []
    }

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
        var changed = unusual ?? Unusual()
        unusual = nil
        body(&changed)
        if !changed.missed.isEmpty || !changed.impossible.isEmpty || !changed.suspicious.isEmpty { unusual = changed }
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
            && a.outcomes.elementsEqual(b.outcomes) {
                $0.ref == $1.ref && $0.point == $1.point && $0.time == $1.time && $0.outcome == $1.outcome
            }
    }
}

/// The outcome of each read a timeline considered, packed: a read used or
/// a duplicate is a few bytes (the reasons of the rare rejected ones are
/// kept beside), where a full outcome each made the timelines of a 50,000-runner
/// race the biggest thing in memory.
public struct ReadOutcomes: RandomAccessCollection, Sendable {
    struct Packed: Sendable {
        var time: Millis
        var ref: LineRef
        var point: Int16
        /// -1: duplicate; -2 - n: rejected for `reasons[n]`; else the checkpoint used.
        var code: Int32

        /// What the code says, without looking up a rejection's reason.
        var kind: Kind { code >= 0 ? .used : code == -1 ? .duplicate : .rejected }
    }

    enum Kind { case used, duplicate, rejected }
    var packed: [Packed] = []
    /// Nil until a read is rejected: one reference fewer to copy for nearly every runner.
    var reasons: [RejectReason]? = nil

    public init() {}

    public init(_ entries: some Sequence<(ref: LineRef, point: Int, time: Millis, outcome: ReadOutcome)>) {
        packed.reserveCapacity(entries.underestimatedCount)
        for e in entries { append(e) }
    }

    /// One entry per read, each a duplicate until set otherwise.
    init(duplicates reads: UnsafeBufferPointer<TimingEngine.Read>) {
        packed = reads.map { Packed(time: $0.time, ref: $0.ref, point: Int16($0.point), code: -1) }
    }

    /// Sets the outcome of entry `i` (a rejection's reason is kept beside).
    subscript(outcome i: Int) -> ReadOutcome {
        get { self[i].outcome }
        set { packed[i].code = encode(newValue) }
    }

    /// The packed code of `outcome`; a rejection's reason is kept beside.
    mutating func encode(_ outcome: ReadOutcome) -> Int32 {
        switch outcome {
        case .used(let checkpoint): return Int32(checkpoint)
        case .duplicate: return -1
        case .rejected(let reason):
            if reasons == nil { reasons = [] }
            reasons!.append(reason)
            return -1 - Int32(reasons!.count)
        }
    }

    public mutating func append(_ e: (ref: LineRef, point: Int, time: Millis, outcome: ReadOutcome)) {
        let code = encode(e.outcome)
        packed.append(Packed(time: e.time, ref: e.ref, point: Int16(e.point), code: code))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { packed.count }

    public subscript(i: Int) -> (ref: LineRef, point: Int, time: Millis, outcome: ReadOutcome) {
        let p = packed[i]
        let outcome: ReadOutcome
        switch p.kind {
        case .used: outcome = .used(checkpoint: Int(p.code))
        case .duplicate: outcome = .duplicate
        case .rejected: outcome = .rejected(reasons![Int(-2 - p.code)])
        }
        return (p.ref, Int(p.point), p.time, outcome)
    }
}
