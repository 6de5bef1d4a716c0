/// Each runner's reads (indices into the log's reads), in time order. At a
/// grouping they are one flat array and where each runner's run starts: an
/// array per runner cost 50,000 allocations and some 48 bytes of header and
/// malloc each. A read placed later (live) moves its runner's list out to
/// an array of its own; once those hold as many reads as the flat array,
/// everything is packed flat again, so each read is moved a bounded number
/// of times.
public struct ReadsByRunner: Sendable {
    /// Runner r's reads at the last packing: `flat[starts[r]..<starts[r + 1]]`.
    private var starts: [Int32]
    private var flat: [Int32]
    /// A runner's whole list once a read was placed after the packing (empty:
    /// still in `flat`); no array at all until the first such read.
    private var moved: [[Int32]] = []
    /// Reads held in `moved`.
    private var movedReads = 0

    /// No runner has a read yet.
    public init(runners: Int) {
        starts = Array(repeating: 0, count: runners + 1)
        flat = []
    }

    /// The reads of each runner in `runnerOfRead` (-1: nobody), `counts[r]`
    /// of runner r's, sorted by time a run of runners per core.
    /// `span`: the earliest and latest time of `reads`, when the caller has them.
    public init(runnerOfRead: [Int32], counts: [Int32], reads: [TimedRead], span: (start: Millis, end: Millis)? = nil) {
        self.init(
            runnerOfRead: runnerOfRead, runners: counts.count, parts: [(0..<runnerOfRead.count, counts)], reads: reads,
            span: span)
    }

    /// The same from reads matched a run per core: `parts` are those runs in
    /// order, each with its own count of each runner's reads. Each core then
    /// files its own run's reads, where one pass over all 700,000 of a big
    /// race had been 18 ms on one core while the other waited.
    init(
        runnerOfRead: [Int32], runners: Int, parts: [(range: Range<Int>, counts: [Int32])], reads: [TimedRead],
        span: (start: Millis, end: Millis)? = nil
    ) {
        // Where each part's next read of each runner goes: part by part within
        // a runner's run, so its reads stay in log order as one pass leaves them.
        var cursors = [Int32](unsafeUninitializedCapacity: parts.count * runners) { cursors, filled in
            for (k, part) in parts.enumerated() {
                part.counts.withUnsafeBufferPointer {
                    (cursors.baseAddress! + k * runners).initialize(from: $0.baseAddress!, count: runners)
                }
            }
            filled = parts.count * runners
        }
        var starts = [Int32](repeating: 0, count: runners + 1)
        cursors.withUnsafeMutableBufferPointer { cursors in
            for r in 0..<runners {
                var at = starts[r]
                for k in parts.indices {
                    let count = cursors[k * runners + r]
                    cursors[k * runners + r] = at
                    at += count
                }
                starts[r + 1] = at
            }
        }
        let total = Int(starts[runners])
        // Each read's time is laid beside its index as the reads are filed,
        // so the sorts never look into them: 700,000 lookups at random took
        // a live catch-up's first snapshot 35 ms. (No reads: nothing to key.)
        let (origin, last) = span ?? ReadLog.timeSpan(of: reads[...]) ?? (Millis.max, Millis.min)
        let (gap, overflow) = last.subtractingReportingOverflow(origin)
        let keyed = !overflow && gap < Int(Int32.max)
        // Every place is written once by the filing below, on both cores: filled
        // first, the pages of these 6 MB were faulted in on one core while
        // the other waited. Then each runner's run is sorted in place, a run
        // of runners per core (the keys are needed for nothing else).
        let flat = [Int32](unsafeUninitializedCapacity: total) { flat, filled in
            _ = [Int32](unsafeUninitializedCapacity: keyed ? total : 0) { keys, filledKeys in
                for case let base? in [flat.baseAddress, keyed ? keys.baseAddress : nil] {
                    HugePages.advise(base, bytes: total * MemoryLayout<Int32>.stride)
                }
                Self.file(
                    into: flat, keys: keyed ? keys : nil, origin: origin, runners: runners, parts: parts,
                    cursors: &cursors, runnerOfRead: runnerOfRead, reads: reads)
                Self.sortRuns(of: flat, keys: keyed ? keys : nil, starts: starts, reads: reads)
                filledKeys = keys.count
            }
            filled = total
        }
        (self.starts, self.flat) = (starts, flat)
    }

    /// Each part's reads written to their runners' places (`cursors`: where
    /// each part's next read of each runner goes), a run of parts per core;
    /// with `keys`, each read's time from `origin` beside its index.
    private static func file(
        into flat: UnsafeMutableBufferPointer<Int32>, keys: UnsafeMutableBufferPointer<Int32>?, origin: Millis,
        runners: Int, parts: [(range: Range<Int>, counts: [Int32])], cursors: inout [Int32],
        runnerOfRead: [Int32], reads: [TimedRead]
    ) {
        reads.withUnsafeBufferPointer { reads in
            runnerOfRead.withUnsafeBufferPointer { runnerOfRead in
                cursors.withUnsafeMutableBufferPointer { cursors in
                    let shared = UncheckedSendable((flat, keys, cursors))
                    _ = ParallelParts.map(count: parts.count, work: runnerOfRead.count) { mine in
                        let (flat, keys, cursors) = shared.value
                        for k in mine {
                            let next = cursors.baseAddress! + k * runners
                            for i in parts[k].range {
                                let r = Int(runnerOfRead[i])
                                guard r >= 0 else { continue }
                                let at = Int(next[r])
                                flat[at] = Int32(i)
                                if let keys { keys[at] = Int32(reads[inPlace: i].time - origin) }
                                next[r] += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Each runner's run of `flat` (`starts`) put in time order, a run of
    /// runners per core: by `keys` laid beside it, else by the reads' times.
    private static func sortRuns(
        of flat: UnsafeMutableBufferPointer<Int32>, keys: UnsafeMutableBufferPointer<Int32>?, starts: [Int32],
        reads: [TimedRead]
    ) {
        reads.withUnsafeBufferPointer { reads in
            let shared = UncheckedSendable((flat, keys))
            _ = ParallelParts.map(count: starts.count - 1) { range in
                let (flat, keys) = shared.value
                for r in range where starts[r + 1] - starts[r] > 1 {
                    let run = Int(starts[r])..<Int(starts[r + 1])
                    let list = UnsafeMutableBufferPointer(rebasing: flat[run])
                    if let keys {
                        Self.sort(list, keys: UnsafeMutableBufferPointer(rebasing: keys[run]))
                    } else {
                        Self.sortByTime(list, reads: reads)
                    }
                }
            }
        }
    }

    /// Read indices in (time, index) order by their times in `keys`, moved
    /// together. A runner's reads come file by file, and the files nearly in
    /// course order: an insertion sort, mostly a check that they already are.
    private static func sort(_ list: UnsafeMutableBufferPointer<Int32>, keys: UnsafeMutableBufferPointer<Int32>) {
        for j in 1..<list.count {
            let (moving, t) = (list[j], keys[j])
            var k = j
            while k > 0 && (keys[k - 1] > t || (keys[k - 1] == t && list[k - 1] > moving)) {
                (list[k], keys[k]) = (list[k - 1], keys[k - 1])
                k -= 1
            }
            (list[k], keys[k]) = (moving, t)
        }
    }

    /// The same by looking up each time (a feed spanning more than 24 days;
    /// new reads after a sorted run, from `from` on).
    private static func sortByTime(
        _ list: UnsafeMutableBufferPointer<Int32>, reads: UnsafeBufferPointer<TimedRead>, from: Int = 1
    ) {
        for j in max(from, 1)..<max(list.count, 1) {
            let moving = list[j]
            let t = reads[inPlace: Int(moving)].time
            var k = j
            while k > 0 {
                let prev = list[k - 1]
                let pt = reads[inPlace: Int(prev)].time
                guard pt > t || (pt == t && prev > moving) else { break }
                list[k] = prev
                k -= 1
            }
            list[k] = moving
        }
    }

    public var runners: Int { starts.count - 1 }

    /// The reads of runner `r`, in time order.
    public subscript(r: Int) -> ArraySlice<Int32> {
        if !moved.isEmpty && !moved[r].isEmpty { return moved[r][...] }
        return flat[Int(starts[r])..<Int(starts[r + 1])]
    }

    /// Places `read` among runner `r`'s reads, after every read not `later` than it.
    public mutating func insert(_ read: Int32, runner r: Int, later: (Int32) -> Bool) {
        if moved.isEmpty { moved = Array(repeating: [], count: runners) }
        if moved[r].isEmpty {
            moved[r] = Array(self[r])
            movedReads += moved[r].count
        }
        var at = moved[r].count
        while at > 0 && later(moved[r][at - 1]) { at -= 1 }
        moved[r].insert(read, at: at)
        movedReads += 1
        // The flat array's size again in moved lists: packed once more (a few ms at 700,000 reads).
        if movedReads > max(flat.count, 1 << 12) { pack() }
    }

    /// Adds the reads in `range` of the log (each to its runner in
    /// `runnerOfRead`, -1: nobody): every list copied once with its new reads
    /// after it, and each new read moved back past any later one, so only
    /// the new reads are looked up, not the 700,000 already grouped.
    public mutating func append(_ range: Range<Int>, runnerOfRead: [Int32], reads: [TimedRead]) {
        if !moved.isEmpty { pack() }
        var added = [Int32](repeating: 0, count: runners)
        for i in range where runnerOfRead[i] >= 0 { added[Int(runnerOfRead[i])] += 1 }
        var newStarts = [Int32](repeating: 0, count: runners + 1)
        for r in 0..<runners { newStarts[r + 1] = newStarts[r] + (starts[r + 1] - starts[r]) + added[r] }
        let total = Int(newStarts[runners])
        var newFlat = [Int32](repeating: 0, count: total)
        newFlat.withUnsafeMutableBufferPointer { out in
            flat.withUnsafeBufferPointer { old in
                for r in 0..<runners where starts[r + 1] > starts[r] {
                    (out.baseAddress! + Int(newStarts[r])).update(
                        from: old.baseAddress! + Int(starts[r]), count: Int(starts[r + 1] - starts[r]))
                }
            }
            var next = (0..<runners).map { newStarts[$0] + (starts[$0 + 1] - starts[$0]) }
            for i in range where runnerOfRead[i] >= 0 {
                let r = Int(runnerOfRead[i])
                out[Int(next[r])] = Int32(i)
                next[r] += 1
            }
            reads.withUnsafeBufferPointer { reads in
                for r in 0..<runners where added[r] > 0 {
                    let run = UnsafeMutableBufferPointer(rebasing: out[Int(newStarts[r])..<Int(newStarts[r + 1])])
                    Self.sortByTime(run, reads: reads, from: run.count - Int(added[r]))
                }
            }
        }
        (starts, flat) = (newStarts, newFlat)
    }

    /// Every list in the flat array again.
    mutating func pack() {
        var newStarts = [Int32](repeating: 0, count: runners + 1)
        for r in 0..<runners { newStarts[r + 1] = newStarts[r] + Int32(self[r].count) }
        let total = Int(newStarts[runners])
        let newFlat = [Int32](unsafeUninitializedCapacity: total) { out, filled in
            for r in 0..<runners {
                let list = self[r]
                var at = Int(newStarts[r])
                for read in list {
                    out[at] = read
                    at += 1
                }
            }
            filled = total
        }
        (starts, flat, moved, movedReads) = (newStarts, newFlat, [], 0)
    }
}

extension ReadsByRunner: Equatable {
    /// The same lists, however they are held.
    public static func == (a: ReadsByRunner, b: ReadsByRunner) -> Bool {
        a.runners == b.runners && (0..<a.runners).allSatisfy { a[$0] == b[$0] }
    }
}
