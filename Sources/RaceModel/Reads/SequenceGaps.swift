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
    /// them elsewhere before this file was started.
    public static func find(in log: ReadLog, upTo at: Millis? = nil) -> [SequenceGap] {
        // Numbered lines per file in line order: reads, and gun lines numbered with them (CTP01).
        var numbered = [[Numbered]](repeating: [], count: log.files.count)
        for read in log.reads where read.sequence >= 0 && at.map({ read.time <= $0 }) ?? true {
            numbered[Int(read.ref.file)].append(Numbered(seq: read.sequence, code: read.code, time: read.time, ref: read.ref))
        }
        var withGuns = Set<Int>()
        for marker in log.gunMarkers where marker.sequence >= 0 && at.map({ marker.time <= $0 }) ?? true {
            numbered[Int(marker.ref.file)].append(Numbered(seq: marker.sequence, code: "", time: marker.time, ref: marker.ref))
            withGuns.insert(Int(marker.ref.file))
        }
        for file in withGuns { numbered[file].sort { $0.ref < $1.ref } }

        var gaps: [SequenceGap] = []
        for (file, lines) in numbered.enumerated() {
            var run = Run()
            for line in lines {
                if let old = run.seen[line.seq] {
                    if old.code == line.code && old.time == line.time { continue }
                    gaps += run.missing(file: file)
                    gaps.append(SequenceGap(file: file, kind: .restart, from: Int(run.last), to: Int(line.seq), ref: line.ref))
                    run = Run()
                }
                run.seen[line.seq] = (line.code, line.time, line.ref)
                run.last = line.seq
            }
            gaps += run.missing(file: file)
        }
        return gaps.sorted { $0.ref < $1.ref }
    }

    struct Numbered {
        var seq: Int32
        var code: String
        var time: Millis
        var ref: LineRef
    }

    /// One unbroken numbering of a file.
    struct Run {
        var seen: [Int32: (code: String, time: Millis, ref: LineRef)] = [:]
        var last: Int32 = -1

        func missing(file: Int) -> [SequenceGap] {
            let numbers = seen.keys.sorted()
            var gaps: [SequenceGap] = []
            for (a, b) in zip(numbers, numbers.dropFirst()) where b > a + 1 {
                gaps.append(SequenceGap(file: file, kind: .missing, from: Int(a) + 1, to: Int(b) - 1, ref: seen[b]!.ref))
            }
            return gaps
        }
    }
}
