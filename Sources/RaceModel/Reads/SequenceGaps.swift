/// A break in a decoder's numbering of its passings within one read file:
/// numbers that never arrived (passings the decoder made that the file lacks),
/// or a restart of the numbering (the decoder was reset, or a second decoder
/// writes into the same file).
public struct SequenceGap: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case missing, restart }
    public var file: Int
    public var kind: Kind
    /// Missing: the first and last number missing. Restart: the number before and the one after.
    public var from: Int
    public var to: Int
    /// The line that shows it: the first read after the gap, or after the restart.
    public var ref: LineRef

    public init(file: Int, kind: Kind, from: Int, to: Int, ref: LineRef) {
        self.file = file
        self.kind = kind
        self.from = from
        self.to = to
        self.ref = ref
    }

    public var count: Int { kind == .missing ? to - from + 1 : 0 }

    public var description: String {
        switch kind {
        case .missing where from == to: return "passing \(from) missing"
        case .missing: return "passings \(from)-\(to) missing (\(count))"
        case .restart: return "numbering jumps back from \(from) to \(to)"
        }
    }
}

extension SequenceGap {
    /// `reads/km5.txt:1251: km5 decoder: passings 1200-1250 missing (51)`
    public func message(event: EventConfig, files: [ReadFileInfo]) -> String {
        let info = files[file]
        let point = event.points[info.pointIndex].id
        return "\(info.path):\(ref.line): \(point)\(info.isBackup ? " backup" : "") decoder: \(self)"
    }
}

public enum SequenceGaps {
    /// Gaps and restarts in every file's sequence numbers, in file and line
    /// order. A number seen again with the same chip and time is a resend
    /// (decoders repeat what was not acknowledged), not a restart; numbers
    /// that arrive late and out of order fill their gap. Numbers before a
    /// file's first are not counted missing: the decoder may have written
    /// them elsewhere before this file was started. Gun lines numbered with
    /// the reads (CTP01) count as numbers too.
    ///
    /// Runs with every evaluation, so it hashes nothing and copies no codes:
    /// each file's numbers index a table of the lines that carry them.
    public static func find(in log: ReadLog, upTo at: Millis? = nil) -> [SequenceGap] {
        findWithTails(in: log, upTo: at).gaps
    }

    /// Where each file's numbering stands after its last numbered line: that
    /// line and the top of its current run. A line after it numbered one more
    /// adds no gap, which spares live snapshots a pass over every read.
    struct Tail: Sendable, Equatable {
        var ref: LineRef
        var upper: Int
    }

    /// Each file's numbered lines in line order: a read index, or a gun
    /// marker index as its bitwise complement. Made once, a replay's seeks
    /// take the lines up to each clock from it rather than from every read.
    struct NumberedLines: Sendable {
        var entries: [[Int32]]
        /// Whether a file's lines never go back in time: those up to a clock
        /// are then a prefix. Found only for lines kept for seeks (`init(_:)`).
        var inTimeOrder: [Bool] = []
        /// The log it was made from, by its reads and gun markers.
        let reads: Int
        let guns: Int

        /// Every numbered line, kept to answer for any clock.
        init(_ log: ReadLog) {
            self.init(log, upTo: nil)
            let lines = Lines(log: log)
            inTimeOrder = entries.map { file in
                zip(file, file.dropFirst()).allSatisfy { lines.time($0) <= lines.time($1) }
            }
        }

        /// The numbered lines at or before `at`.
        init(_ log: ReadLog, upTo at: Millis?) {
            (reads, guns) = (log.reads.count, log.gunMarkers.count)
            entries = [[Int32]](repeating: [], count: log.files.count)
            // Room for every line at once: arrays grown by doubling left their old buffers behind.
            for f in entries.indices where f < log.lineCounts.count { entries[f].reserveCapacity(log.lineCounts[f]) }
            for (i, read) in log.reads.enumerated() where read.sequence >= 0 {
                if let at, read.time > at { continue }
                entries[Int(read.ref.file)].append(Int32(i))
            }
            var withGuns = Set<Int>()
            for (g, marker) in log.gunMarkers.enumerated() where marker.sequence >= 0 {
                if let at, marker.time > at { continue }
                entries[Int(marker.ref.file)].append(~Int32(g))
                withGuns.insert(Int(marker.ref.file))
            }
            let lines = Lines(log: log)
            for file in withGuns { entries[file].sort { lines.ref($0) < lines.ref($1) } }
        }

        func isMade(from log: ReadLog) -> Bool {
            reads == log.reads.count && guns == log.gunMarkers.count && inTimeOrder.count == entries.count
        }

        /// Each file's lines at or before `at`, in line order.
        func upTo(_ at: Millis, _ lines: Lines) -> [ArraySlice<Int32>] {
            entries.indices.map { f in
                let file = entries[f]
                guard inTimeOrder[f] else { return ArraySlice(file.filter { lines.time($0) <= at }) }
                var (lo, hi) = (0, file.count)
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if lines.time(file[mid]) <= at { lo = mid + 1 } else { hi = mid }
                }
                return file[..<lo]
            }
        }
    }

    /// `numbered`: the log's numbered lines made before (a replay's), used
    /// when they are the log's as it stands.
    static func findWithTails(in log: ReadLog, upTo at: Millis? = nil, numbered kept: NumberedLines? = nil) -> (
        gaps: [SequenceGap], tails: [Int: Tail]
    ) {
        findWithTails(in: log, numbered: numberedLines(of: log, upTo: at, kept: kept))
    }

    /// Each file's numbered lines at or before `at` (all of them without),
    /// taken from `kept` when it was made from the log as it stands.
    static func numberedLines(of log: ReadLog, upTo at: Millis?, kept: NumberedLines?) -> [ArraySlice<Int32>] {
        if let made = kept, made.isMade(from: log) {
            return at.map { made.upTo($0, Lines(log: log)) } ?? made.entries.map { $0[...] }
        }
        return NumberedLines(log, upTo: at).entries.map { $0[...] }
    }

    /// The gaps in each file's `numbered` lines, and where each file's numbering ends.
    static func findWithTails(in log: ReadLog, numbered: [ArraySlice<Int32>]) -> (
        gaps: [SequenceGap], tails: [Int: Tail]
    ) {
        let lines = Lines(log: log)
        // Each file's numbering on its own: a run of files per core.
        let work = numbered.reduce(0) { $0 + $1.count }
        let perFile = ParallelParts.map(count: numbered.count, work: work) { files in
            files.compactMap { file -> (file: Int, gaps: [SequenceGap], tail: Tail)? in
                let entries = numbered[file]
                guard !entries.isEmpty else { return nil }
                let (found, upper) = gapsInFile(file, entries, lines)
                return (file, found, Tail(ref: lines.ref(entries[entries.endIndex - 1]), upper: upper))
            }
        }.flatMap { $0 }
        var gaps: [SequenceGap] = []
        var tails: [Int: Tail] = [:]
        for found in perFile {
            gaps += found.gaps
            tails[found.file] = found.tail
        }
        return (gaps.sorted { $0.ref < $1.ref }, tails)
    }

    /// Reads and gun markers of the log, looked up by entry.
    struct Lines {
        let log: ReadLog
        func seq(_ e: Int32) -> Int { Int(e >= 0 ? log.reads[Int(e)].sequence : log.gunMarkers[Int(~e)].sequence) }
        func ref(_ e: Int32) -> LineRef { e >= 0 ? log.reads[Int(e)].ref : log.gunMarkers[Int(~e)].ref }
        func time(_ e: Int32) -> Millis { e >= 0 ? log.reads[Int(e)].time : log.gunMarkers[Int(~e)].time }
        func code(_ e: Int32) -> ChipCode { e >= 0 ? log.reads[Int(e)].chip : .empty }
        /// The same passing sent again: same chip and time.
        func isResend(_ a: Int32, _ b: Int32) -> Bool { time(a) == time(b) && code(a) == code(b) }
    }

    /// The line carrying each number of one run, by number: a table when the
    /// numbers are dense (always, unless a damaged or foreign number lies far
    /// out of line), else a dictionary, so such a number costs no huge table.
    struct Slots {
        static let none = Int32.min
        private var table: [Int32] = []
        private var sparse: [Int: Int32] = [:]
        private let low: Int
        let isDense: Bool

        init(low: Int, high: Int, count: Int) {
            self.low = low
            isDense = high - low <= 4 * count + 4096
            if isDense { table = [Int32](repeating: Self.none, count: high - low + 1) }
        }

        subscript(n: Int) -> Int32 {
            get { isDense ? table[n - low] : sparse[n] ?? Self.none }
            set { if isDense { table[n - low] = newValue } else { sparse[n] = newValue } }
        }

        mutating func clear(_ run: ClosedRange<Int>) {
            if isDense { for n in run { table[n - low] = Self.none } } else { sparse.removeAll() }
        }

        /// The run's numbers with nothing between them and the next, as (last before, first after).
        func holes(_ run: ClosedRange<Int>) -> [(Int, Int)] {
            var out: [(Int, Int)] = []
            if isDense {
                var previous = run.lowerBound
                for n in run where table[n - low] != Self.none {
                    if n > previous + 1 { out.append((previous, n)) }
                    previous = n
                }
            } else {
                let numbers = sparse.keys.sorted()
                for (a, b) in zip(numbers, numbers.dropFirst()) where b > a + 1 { out.append((a, b)) }
            }
            return out
        }
    }

    /// The file's gaps, and the top of the run its last line belongs to.
    private static func gapsInFile(_ file: Int, _ entries: ArraySlice<Int32>, _ lines: Lines) -> ([SequenceGap], Int) {
        var low = Int.max, high = Int.min
        for e in entries {
            let s = lines.seq(e)
            low = min(low, s)
            high = max(high, s)
        }
        var slots = Slots(low: low, high: high, count: entries.count)
        var gaps: [SequenceGap] = []
        var run: ClosedRange<Int>? = nil
        var last = -1
        func closeRun() {
            guard let r = run else { return }
            for (a, b) in slots.holes(r) {
                gaps.append(SequenceGap(file: file, kind: .missing, from: a + 1, to: b - 1, ref: lines.ref(slots[b])))
            }
        }
        for e in entries {
            let s = lines.seq(e)
            let old = slots[s]
            if old != Slots.none {
                if lines.isResend(old, e) { continue }
                closeRun()
                gaps.append(SequenceGap(file: file, kind: .restart, from: last, to: s, ref: lines.ref(e)))
                if let r = run { slots.clear(r) }
                run = nil
            }
            slots[s] = e
            run = run.map { min($0.lowerBound, s)...max($0.upperBound, s) } ?? s...s
            last = s
        }
        closeRun()
        return (gaps, run?.upperBound ?? last)
    }
}
