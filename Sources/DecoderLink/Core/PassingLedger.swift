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
    /// `line` is the text parsed, for the sequence number of a gun line.
    public mutating func admit(_ parsed: ParsedLine, line: some StringProtocol) -> Bool {
        let key: Key
        switch parsed {
        case .read(let r): key = Key(sequence: r.sequence, code: r.code, day: r.date?.daysSinceEpoch ?? -1, time: r.timeOfDay)
        case .gunMarker(let time, let date):
            key = Key(sequence: Self.gunLineSequence(line), code: "\u{0}gun", day: date?.daysSinceEpoch ?? -1, time: time)
        case .ignored, .malformed: return true
        }
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
        guard let last = lastSequence else { lastSequence = sequence; return }
        if sequence > last + 1 {
            missing.append((last + 1)...(sequence - 1))
        } else if sequence <= last {
            // Numbering went back: the decoder restarted its count. Old gaps cannot be filled any more.
            missing = []
        }
        lastSequence = sequence
    }

    /// A CTP01 `guntime` line is numbered with the tag lines: its number is no gap.
    static func gunLineSequence(_ line: some StringProtocol) -> Int? {
        guard line.hasPrefix("CT01_") else { return nil }
        let fields = line.split(separator: line.contains("~") ? "~" : ",", maxSplits: 2, omittingEmptySubsequences: false)
        return fields.count >= 2 ? Int(fields[1]) : nil
    }

    /// The ledger of lines already in a read file.
    public static func seeded(from bytes: [UInt8]) -> PassingLedger {
        var ledger = PassingLedger()
        bytes.withUnsafeBytes { raw in
            ReadFileScanner.forEachLine(in: raw) { _, line in
                _ = ledger.admit(ReadLineParser.parse(line), line: String(decoding: line, as: UTF8.self))
            }
        }
        return ledger
    }
}
