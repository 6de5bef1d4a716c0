/// The outcome of each read a timeline considered, in read order, packed in
/// four bytes: the point and what became of the read. The line and time of
/// a used or duplicate read are not repeated here (they are in the log, and
/// a 50,000-runner race has 700,000 of them); a rejected read, rare and
/// listed by line, keeps its line, time and reason beside.
public struct ReadOutcomes: RandomAccessCollection, Sendable, Equatable {
    struct Packed: Sendable, Equatable {
        var point: Int16
        /// -1: duplicate; -2: rejected (see `rejected`); else the checkpoint used.
        var code: Int16

        /// What the code says, without looking up a rejection's reason.
        var kind: Kind { code >= 0 ? .used : code == -1 ? .duplicate : .rejected }
    }

    enum Kind { case used, duplicate, rejected }
    var packed: [Packed] = []
    /// The rejected reads in the order they were judged; nil while there is
    /// none, one reference fewer to copy for nearly every runner.
    public private(set) var rejected: [RejectedRead]? = nil

    /// The most checkpoints a race may have: a used read holds its checkpoint in 15 bits.
    public static let maxCheckpoints = Int(Int16.max)

    public init() {}

    /// One entry per read, each a duplicate until set otherwise.
    init(duplicates reads: UnsafeBufferPointer<TimingEngine.Read>) {
        packed = reads.map { Packed(point: Int16(truncatingIfNeeded: $0.point), code: -1) }
    }

    /// Sets the outcome of entry `i`, the read `read`.
    mutating func set(_ i: Int, _ outcome: ReadOutcome, read: TimingEngine.Read) {
        if packed[i].kind == .rejected { rejected!.removeAll { $0.entry == i } }
        switch outcome {
        case .used(let checkpoint):
            precondition(checkpoint >= 0 && checkpoint <= Self.maxCheckpoints, "checkpoint index out of range")
            packed[i].code = Int16(checkpoint)
        case .duplicate: packed[i].code = -1
        case .rejected(let reason):
            packed[i].code = -2
            if rejected == nil { rejected = [] }
            rejected!.append(
                RejectedRead(entry: Int32(i), ref: read.ref, point: Int(read.point), time: read.time, reason: reason))
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { packed.count }

    public subscript(i: Int) -> (point: Int, outcome: ReadOutcome) {
        let p = packed[i]
        switch p.kind {
        case .used: return (Int(p.point), .used(checkpoint: Int(p.code)))
        case .duplicate: return (Int(p.point), .duplicate)
        case .rejected:
            // Only here, for one entry, is the list searched: the hot paths read `packed` and `rejected`.
            return (Int(p.point), .rejected(rejected!.first { $0.entry == i }!.reason))
        }
    }
}

/// A read the rules refused: its line, point, time and why.
public struct RejectedRead: Sendable, Equatable {
    /// Its place among the timeline's outcomes.
    public var entry: Int32
    public var ref: LineRef
    public var point: Int
    public var time: Millis
    public var reason: RejectReason
}
