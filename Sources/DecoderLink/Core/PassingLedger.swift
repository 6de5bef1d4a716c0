import RaceModel
import TimingIngest

/// What one decoder's read file already holds, so a passing sent again (after
/// a reconnect, or an unacknowledged message resent) is written once only.
/// A repeat is the same sequence number with the same chip and time: a decoder
/// that restarts and numbers from 1 again sends new passings under old numbers,
/// and those are kept.
public struct PassingLedger: Sendable, Equatable {
    struct Key: Hashable, Sendable {
        var sequence: Int?
        var code: String
        var day: Int
        var time: Millis
    }

    private var seen: Set<Key> = []
    /// Sequence numbers of the current numbering run: the last one taken and those skipped since.
    public private(set) var lastSequence: Int?
    public private(set) var missing: [ClosedRange<Int>] = []

    public init() {}

    /// Sequence numbers skipped and not (yet) received.
    public var missingCount: Int { missing.reduce(0) { $0 + $1.count } }

    /// The first sequence number not stored: where a fetch after a reconnect starts.
    public var firstWanted: Int { missing.first?.lowerBound ?? (lastSequence ?? 0) + 1 }

    /// True if the passing is new and must be written; false for a repeat.
    /// A line of several reads (a MYLAPS `Store` message) is new if one of them is.
    public mutating func admit(_ parsed: ParsedLine) -> Bool {
        switch parsed {
        case .read(let r):
            return admit(Key(sequence: r.sequence, code: r.code, day: r.date?.daysSinceEpoch ?? -1, time: r.timeOfDay))
        case .reads(let reads):
            var fresh = false
            for r in reads where admit(.read(r)) { fresh = true }
            return fresh
        case .gunMarker(let time, let date, let sequence):
            return admit(Key(sequence: sequence, code: "\u{0}gun", day: date?.daysSinceEpoch ?? -1, time: time))
        case .control, .ignored, .malformed: return true
        }
    }

    private mutating func admit(_ key: Key) -> Bool {
        guard seen.insert(key).inserted else { return false }
        if let sequence = key.sequence { track(sequence) }
        return true
    }

    private mutating func track(_ sequence: Int) {
        if let i = missing.firstIndex(where: { $0.contains(sequence) }) {
            let range = missing[i]
            var rest: [ClosedRange<Int>] = []
            if range.lowerBound < sequence { rest.append(range.lowerBound...(sequence - 1)) }
            if sequence < range.upperBound { rest.append((sequence + 1)...range.upperBound) }
            missing.replaceSubrange(i...i, with: rest)
            return
        }
        guard let last = lastSequence else {
            lastSequence = sequence
            return
        }
        if sequence > last + 1 {
            missing.append((last + 1)...(sequence - 1))
        } else if sequence <= last {
            // Numbering went back: the decoder restarted its count. Old gaps cannot be filled any more.
            missing = []
        }
        lastSequence = sequence
    }

    /// The ledger of lines already in a read file.
    public static func seeded(from bytes: [UInt8]) -> PassingLedger {
        var ledger = PassingLedger()
        bytes.withUnsafeBytes { raw in
            ReadFileScanner.forEachLine(in: raw) { _, line in _ = ledger.admit(ReadLineParser.parse(line)) }
        }
        return ledger
    }
}
