/// Each point's read times in order, kept for a replay: the reads up to any
/// clock tallied with a search per point, where a pass over every read was
/// a seek's one serial step (some 700,000 reads at 50,000 runners).
struct PointReadTimes: Sendable {
    let times: [[Millis]]
    /// How many reads the log held when these were made.
    let reads: Int

    init(_ log: ReadLog, points: Int) {
        var times = [[Millis]](repeating: [], count: points)
        log.reads.withUnsafeBufferPointer { reads in
            for i in reads.indices { times[Int(reads[inPlace: i].point)].append(reads[inPlace: i].time) }
        }
        self.times = times.map { $0.radixSorted() }
        reads = log.reads.count
    }

    func isMade(from log: ReadLog) -> Bool { reads == log.reads.count }

    /// What `RaceComputation.readTallies` gives at `at`.
    func tallies(at: Millis) -> [RaceComputation.ReadTally] {
        times.map { times in
            let count = times.upperBound(at)
            guard count > 0 else { return RaceComputation.ReadTally() }
            return RaceComputation.ReadTally(count: count, first: times[0], last: times[count - 1])
        }
    }
}
