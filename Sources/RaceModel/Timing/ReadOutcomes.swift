/// The outcome of each read a timeline considered, in read order, packed in
/// four bytes: the point and what became of the read. The line and time of
/// a used or duplicate read are not repeated here (they are in the log, and
/// a 50,000-runner race has 700,000 of them); a rejected read, rare and
/// listed by line, keeps its line, time and reason beside.
///
/// The packed outcomes are a run of a block shared with the runs of other
/// timelines made beside them (`OutcomeArena`), not an array of their own.
public struct ReadOutcomes: RandomAccessCollection, Sendable, Equatable {
    struct Packed: Sendable, Equatable {
        var point: Int16
        /// -1: duplicate; -2: rejected (see `rejected`); else the checkpoint used.
        var code: Int16

        /// What the code says, without looking up a rejection's reason.
        var kind: Kind { code >= 0 ? .used : code == -1 ? .duplicate : .rejected }
    }

    enum Kind { case used, duplicate, rejected }
    /// nil while there is no outcome.
    private var held: OutcomeBlock.Held?
    private var block: OutcomeBlock? { held?.block }
    /// The rejected reads in the order they were judged; nil while there is
    /// none, one reference fewer to copy for nearly every runner.
    public private(set) var rejected: [RejectedRead]? = nil
    private var stored: Int32 = 0
    /// Where the run starts in its block: in a byte, with the count beside
    /// the references, so a timeline keeps to 48 bytes (`RunnerTimeline`).
    private var first: UInt8 = 0

    /// The most checkpoints a race may have: a used read holds its checkpoint in 15 bits.
    public static let maxCheckpoints = Int(Int16.max)

    public init() {}

    /// One entry per read, each a duplicate until set otherwise, in room
    /// from `arena` (or a block of their own).
    init(duplicates reads: UnsafeBufferPointer<TimingEngine.Read>, arena: OutcomeArena?) {
        guard !reads.isEmpty else { return }
        let (block, first) = arena?.room(reads.count) ?? (OutcomeBlock.make(capacity: reads.count), UInt8(0))
        (held, self.first, stored) = (OutcomeBlock.Held(block: block), first, Int32(reads.count))
        let base = block.base + Int(first)
        for (i, read) in reads.enumerated() {
            (base + i).initialize(to: Packed(point: Int16(truncatingIfNeeded: read.point), code: -1))
        }
    }

    /// Which block holds the run (for the tests of `OutcomeArena`).
    var blockIdentity: ObjectIdentifier? { held.map { ObjectIdentifier($0.block) } }

    /// The packed outcomes in place, the block held while `body` reads them.
    func withPacked<R>(_ body: (UnsafeBufferPointer<Packed>) throws -> R) rethrows -> R {
        guard let block else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try withExtendedLifetime(block) {
            try body(UnsafeBufferPointer(start: block.base + Int(first), count: Int(stored)))
        }
    }

    /// Sets the outcome of entry `i`, the read `read`. Only while the
    /// timeline is being made: its run of the block is its own till then.
    mutating func set(_ i: Int, _ outcome: ReadOutcome, read: TimingEngine.Read) {
        precondition(i >= 0 && i < count, "outcome index out of range")
        let entry = block!.base + Int(first) + i
        if entry.pointee.kind == .rejected { rejected!.removeAll { $0.entry == i } }
        switch outcome {
        case .used(let checkpoint):
            precondition(checkpoint >= 0 && checkpoint <= Self.maxCheckpoints, "checkpoint index out of range")
            entry.pointee.code = Int16(checkpoint)
        case .duplicate: entry.pointee.code = -1
        case .rejected(let reason):
            entry.pointee.code = -2
            if rejected == nil { rejected = [] }
            rejected!.append(
                RejectedRead(entry: Int32(i), ref: read.ref, point: Int(read.point), time: read.time, reason: reason))
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(stored) }

    public subscript(i: Int) -> (point: Int, outcome: ReadOutcome) {
        precondition(i >= 0 && i < count, "outcome index out of range")
        let p = withPacked { $0[i] }
        switch p.kind {
        case .used: return (Int(p.point), .used(checkpoint: Int(p.code)))
        case .duplicate: return (Int(p.point), .duplicate)
        case .rejected:
            // Only here, for one entry, is the list searched: the hot paths read the packed entries and `rejected`.
            return (Int(p.point), .rejected(rejected!.first { $0.entry == i }!.reason))
        }
    }

    /// Adds (or with `sign` -1 takes away) each outcome to its point's tally,
    /// from the packed codes; whether any was a rejection.
    func add(to tally: inout [OutcomeTally], sign: Int = 1) -> Bool {
        withPacked { packed in
            var rejects = false
            for entry in packed {
                let point = Int(entry.point)
                switch entry.kind {
                case .used: tally[point].used += sign
                case .duplicate: tally[point].duplicates += sign
                case .rejected:
                    tally[point].rejected += sign
                    rejects = true
                }
            }
            return rejects
        }
    }

    public static func == (a: ReadOutcomes, b: ReadOutcomes) -> Bool {
        a.rejected == b.rejected && a.withPacked { x in b.withPacked { y in x.elementsEqual(y) } }
    }
}

/// Used, duplicate and rejected outcomes at one point.
struct OutcomeTally: Sendable {
    var used = 0, duplicates = 0, rejected = 0
}

/// Room for the packed outcomes of many timelines (`ReadOutcomes`): each
/// run written once, by the thread making its timeline, before the
/// timeline is handed anywhere, and only read after.
final class OutcomeBlock: ManagedBuffer<Void, ReadOutcomes.Packed> {
    /// A block as a timeline holds it (a `ManagedBuffer` is never `Sendable`
    /// itself): runs written before the timeline is shared, read only after.
    struct Held: @unchecked Sendable {
        let block: OutcomeBlock
    }

    static func make(capacity: Int) -> OutcomeBlock {
        unsafeDowncast(OutcomeBlock.create(minimumCapacity: capacity) { _ in () }, to: OutcomeBlock.self)
    }

    /// The entries stay where they are while the block lives.
    var base: UnsafeMutablePointer<ReadOutcomes.Packed> { withUnsafeMutablePointerToElements { $0 } }
}

/// Hands out room for the outcomes of timelines made one after another on
/// one thread (a part of the field): a block of about 1 KB holds some 16
/// runners' outcomes, where each runner's were an array of their own, made
/// and freed 50,000 times a seek (the seek's slowest part at its worst, the
/// freeing). Kept small enough that a timeline kept from an old seek holds
/// little besides its own, and inside what malloc serves from its quick lists.
public final class OutcomeArena {
    /// 240 entries of 4 bytes and the block's header: under 1,008 bytes.
    static let blockEntries = 240
    private var block: OutcomeBlock?
    private var used = 0
    private var capacity = 0

    public init() {}

    /// A run of `count` entries: the block and where the run starts in it.
    func room(_ count: Int) -> (OutcomeBlock, UInt8) {
        // A runner read hundreds of times gets a block of their own.
        guard count <= Self.blockEntries else { return (OutcomeBlock.make(capacity: count), 0) }
        if block == nil || used + count > capacity {
            let made = OutcomeBlock.make(capacity: Self.blockEntries)
            // A run starts inside the first 256 entries, wherever malloc rounded the block to.
            (block, used, capacity) = (made, 0, min(made.capacity, Int(UInt8.max)))
        }
        defer { used += count }
        return (block!, UInt8(used))
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
