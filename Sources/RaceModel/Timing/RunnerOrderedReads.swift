/// Every runner's reads as the timing rules read them (`TimingEngine.Read`:
/// plain data), laid out runner after runner in the order of the grouping.
/// For a replay, whose reads no longer change: a seek that times most of the
/// field then reads each runner's run from one place, where gathering it read
/// by read from the log, kept in file order, was a cache miss a read. 32
/// bytes a read, beside the log.
public struct RunnerOrderedReads: Sendable {
    let reads: [TimingEngine.Read]
    /// Where each runner's run starts; one more at the end.
    let starts: [Int32]
    /// How many reads the log held when these were laid out.
    public let readCount: Int

    public init(log: ReadLog, grouped: RaceComputation.Grouped, runners: Int) {
        var starts = [Int32](repeating: 0, count: runners + 1)
        var reads: [TimingEngine.Read] = []
        reads.reserveCapacity(log.reads.count)
        log.reads.withUnsafeBufferPointer { all in
            for r in 0..<runners {
                for i in grouped.byRunner[r] { reads.append(TimingEngine.Read(all[inPlace: Int(i)])) }
                starts[r + 1] = Int32(reads.count)
            }
        }
        (self.reads, self.starts, readCount) = (reads, starts, log.reads.count)
    }

    /// The time of `runner`'s latest read, if they have one.
    public func lastTime(of runner: Int) -> Millis? {
        let end = Int(starts[runner + 1])
        return end > Int(starts[runner]) ? reads[end - 1].time : nil
    }

    /// `runner`'s reads up to `at`, in the grouping's (time) order.
    func withRun<T>(of runner: Int, upTo at: Millis, _ body: (UnsafeBufferPointer<TimingEngine.Read>) -> T) -> T {
        reads.withUnsafeBufferPointer { reads in
            let first = Int(starts[runner])
            var end = Int(starts[runner + 1])
            while end > first && reads[end - 1].time > at { end -= 1 }
            return body(UnsafeBufferPointer(rebasing: reads[first..<end]))
        }
    }
}
