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
        self.file = file; self.kind = kind; self.from = from; self.to = to; self.ref = ref
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
        // Numbered lines per file in line order: a read index, or a gun marker index as its bitwise complement.
        var numbered = [[Int32]](repeating: [], count: log.files.count)
        for (i, read) in log.reads.enumerated() where read.sequence >= 0 {
            if let at, read.time > at { continue }
            numbered[Int(read.ref.file)].append(Int32(i))
        }
        var withGuns = Set<Int>()
        for (g, marker) in log.gunMarkers.enumerated() where marker.sequence >= 0 {
            if let at, marker.time > at { continue }
            numbered[Int(marker.ref.file)].append(~Int32(g))
            withGuns.insert(Int(marker.ref.file))
        }
        let lines = Lines(log: log)
        for file in withGuns { numbered[file].sort { lines.ref($0) < lines.ref($1) } }

        var gaps: [SequenceGap] = []
        for (file, entries) in numbered.enumerated() where !entries.isEmpty {
            gaps += gapsInFile(file, entries, lines)
        }
        return gaps.sorted { $0.ref < $1.ref }
    }

    /// Reads and gun markers of the log, looked up by entry.
    struct Lines {
        let log: ReadLog
        func seq(_ e: Int32) -> Int { Int(e >= 0 ? log.reads[Int(e)].sequence : log.gunMarkers[Int(~e)].sequence) }
        func ref(_ e: Int32) -> LineRef { e >= 0 ? log.reads[Int(e)].ref : log.gunMarkers[Int(~e)].ref }
        func time(_ e: Int32) -> Millis { e >= 0 ? log.reads[Int(e)].time : log.gunMarkers[Int(~e)].time }
        func code(_ e: Int32) -> String { e >= 0 ? log.reads[Int(e)].code : "" }
        /// The same passing sent again: same chip and time.
        func isResend(_ a: Int32, _ b: Int32) -> Bool { time(a) == time(b) && code(a) == code(b) }
    }

    private static let none = Int32.min

    private static func gapsInFile(_ file: Int, _ entries: [Int32], _ lines: Lines) -> [SequenceGap] {
        var low = Int.max, high = Int.min
        for e in entries { let s = lines.seq(e); low = min(low, s); high = max(high, s) }
        // A number far out of line (a damaged or foreign decoder) must not cost a huge table.
        guard high - low <= 4 * entries.count + 4096 else { return [] }
        var slot = [Int32](repeating: none, count: high - low + 1)
        var gaps: [SequenceGap] = []
        var runLow = Int.max, runHigh = Int.min, last = -1
        for e in entries {
            let s = lines.seq(e)
            let old = slot[s - low]
            if old != none {
                if lines.isResend(old, e) { continue }
                gaps += missing(file, slot, low, runLow, runHigh, lines)
                gaps.append(SequenceGap(file: file, kind: .restart, from: last, to: s, ref: lines.ref(e)))
                for n in runLow...runHigh { slot[n - low] = none }
                runLow = .max; runHigh = .min
            }
            slot[s - low] = e
            runLow = min(runLow, s); runHigh = max(runHigh, s)
            last = s
        }
        gaps += missing(file, slot, low, runLow, runHigh, lines)
        return gaps
    }

    /// Runs of empty slots between the run's lowest and highest number.
    private static func missing(_ file: Int, _ slot: [Int32], _ low: Int, _ runLow: Int, _ runHigh: Int,
                                _ lines: Lines) -> [SequenceGap] {
        guard runLow < runHigh else { return [] }
        var gaps: [SequenceGap] = []
        var n = runLow
        while n <= runHigh {
            guard slot[n - low] == none else { n += 1; continue }
            let from = n
            while slot[n - low] == none { n += 1 }
            gaps.append(SequenceGap(file: file, kind: .missing, from: from, to: n - 1, ref: lines.ref(slot[n - low])))
        }
        return gaps
    }
}
