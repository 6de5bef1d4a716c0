import Testing

@testable import RaceModel

/// Reads grouped at once and reads placed one by one afterwards (live) give
/// the same lists, through every packing.
@Suite struct ReadsByRunnerTests {
    /// Runner of each read and its time, seeded: ties in time on purpose.
    func feed(_ count: Int, runners: Int) -> [(runner: Int, time: Millis)] {
        var numbers = SeededNumbers(seed: 11)
        return (0..<count).map { _ in
            (Int(numbers.next(below: UInt64(runners))), Millis(numbers.next(below: 500)))
        }
    }

    /// Each runner's reads in (time, index) order, the way they are meant to be.
    func expected(_ feed: [(runner: Int, time: Millis)], runners: Int) -> [[Int32]] {
        (0..<runners).map { r in
            feed.indices.filter { feed[$0].runner == r }.sorted { (feed[$0].time, $0) < (feed[$1].time, $1) }
                .map(Int32.init)
        }
    }

    @Test func readsPlacedOneByOneGiveTheListsOfAGrouping() {
        let runners = 300
        let reads = feed(20_000, runners: runners)
        var byRunner = ReadsByRunner(runners: runners)
        for (i, read) in reads.enumerated() {
            byRunner.insert(Int32(i), runner: read.runner) { reads[Int($0)].time > read.time }
            // Checked now and then, across several packings.
            if i % 4_999 == 0 || i == reads.count - 1 {
                let sofar = Array(reads[...i])
                #expect((0..<runners).map { Array(byRunner[$0]) } == expected(sofar, runners: runners), "after \(i)")
            }
        }
        var packed = byRunner
        packed.pack()
        #expect(packed == byRunner)
        #expect((0..<runners).map { Array(packed[$0]) } == expected(reads, runners: runners))
    }

    @Test(arguments: [1, 30 * 86_400_000])
    func aGroupingSortsEachRunnersReadsByTime(scale: Int) {
        // Times 30 days apart do not fit the 32-bit keys: looked up instead.
        let runners = 50
        let feed = feed(3_000, runners: runners + 1).map { (runner: $0.runner - 1, time: $0.time * scale) }
        let reads = feed.enumerated().map { i, read in Fixture.read("c", 0, read.time, line: i + 1) }
        let counts = (0..<runners).map { r in Int32(feed.filter { $0.runner == r }.count) }
        let grouped = ReadsByRunner(runnerOfRead: feed.map { Int32($0.runner) }, counts: counts, reads: reads)
        #expect((0..<runners).map { Array(grouped[$0]) } == expected(feed, runners: runners))
    }

    @Test(arguments: [1, 30 * 86_400_000])
    func aGroupingFromRunsMatchedApartGivesTheListsOfOnePass(scale: Int) {
        // Each run files its own reads: a runner's reads from several runs
        // (and a run with none of one runner's, or none at all) keep log order.
        let runners = 40
        let feed = feed(5_000, runners: runners + 1).map { (runner: $0.runner - 1, time: $0.time * scale) }
        let reads = feed.enumerated().map { i, read in Fixture.read("c", 0, read.time, line: i + 1) }
        let runnerOfRead = feed.map { Int32($0.runner) }
        for bounds in [[0, 5_000], [0, 1, 1, 2_500, 4_999, 5_000], [0, 0, 1_234, 1_300, 3_000, 5_000, 5_000]] {
            let parts = zip(bounds, bounds.dropFirst()).map { start, end in
                let range = start..<end
                let counts = (0..<runners).map { r in Int32(range.filter { feed[$0].runner == r }.count) }
                return (range: range, counts: counts)
            }
            let grouped = ReadsByRunner(runnerOfRead: runnerOfRead, runners: runners, parts: parts, reads: reads)
            #expect((0..<runners).map { Array(grouped[$0]) } == expected(feed, runners: runners), "runs \(bounds)")
        }
        let none = ReadsByRunner(runnerOfRead: [], runners: runners, parts: [], reads: [])
        #expect(none.runners == runners && (0..<runners).allSatisfy { none[$0].isEmpty })
    }

    @Test func readsAddedManyAtATimeGiveTheListsOfAGrouping() {
        // Times at random: added reads land before, among and after those already grouped.
        let runners = 200
        let feed = feed(12_000, runners: runners + 1).map { (runner: $0.runner - 1, time: $0.time) }
        let reads = feed.enumerated().map { i, read in Fixture.read("c", 0, read.time, line: i + 1) }
        let runnerOfRead = feed.map { Int32($0.runner) }
        var byRunner = ReadsByRunner(runners: runners)
        var through = 0
        for (k, end) in [1, 700, 701, 5_000, 5_003, 9_000, 12_000].enumerated() {
            if k == 4 {
                // Reads placed one at a time in between (live after its first snapshot), then more added at once.
                for i in through..<end where runnerOfRead[i] >= 0 {
                    byRunner.insert(Int32(i), runner: Int(runnerOfRead[i])) { reads[Int($0)].time > reads[i].time }
                }
            } else {
                byRunner.append(through..<end, runnerOfRead: runnerOfRead, reads: reads)
            }
            through = end
            #expect((0..<runners).map { Array(byRunner[$0]) } == expected(Array(feed[..<end]), runners: runners))
        }
    }

    @Test func aRunnerWithoutReadsHasAnEmptyList() {
        var byRunner = ReadsByRunner(runners: 3)
        #expect(byRunner[0].isEmpty && byRunner[2].isEmpty)
        byRunner.insert(7, runner: 1) { _ in false }
        #expect(byRunner[0].isEmpty && Array(byRunner[1]) == [7] && byRunner[2].isEmpty)
    }
}
