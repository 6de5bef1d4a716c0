import Testing

@testable import RaceModel

/// Work shared among the cores gives what one pass in order gives.
@Suite("Parallel parts")
struct ParallelPartsTests {
    @Test func partsCoverEveryIndexOnceInOrderAndAreWholeChunks() {
        for count in [0, 1, 511, ParallelParts.threshold - 1, ParallelParts.threshold, 50_001] {
            let parts = ParallelParts.ranges(count: count, alignment: 512)
            #expect(parts.flatMap { Array($0) } == Array(0..<count), "count \(count)")
            for part in parts.dropLast() { #expect(part.count % 512 == 0, "count \(count): \(part)") }
        }
        #expect(ParallelParts.ranges(count: ParallelParts.threshold - 1).count == 1)
    }

    @Test func mapKeepsThePartsOrder() {
        let count = 3 * ParallelParts.threshold + 7
        let squares = ParallelParts.map(count: count) { range in range.map { $0 * $0 } }.flatMap { $0 }
        #expect(squares == (0..<count).map { $0 * $0 })
    }

    @Test func mapTakingAnOrderGivesEachResultByIndex() {
        for order in [[], [0], [2, 0, 1], Array((0..<37).reversed())] {
            #expect(ParallelParts.map(taking: order) { $0 * $0 } == (0..<order.count).map { $0 * $0 })
        }
    }

    @Test func joiningChunkedPartsGivesTheWhole() {
        let parts = ParallelParts.map(count: 40_000, alignment: ChunkedArray<Int>.chunkSize) { ChunkedArray($0) }
        let joined = ChunkedArray(joining: parts)
        #expect(joined.count == 40_000)
        #expect(joined.elementsEqual(0..<40_000))
    }

    /// Over the threshold the codes are matched on several threads: the
    /// groups are still each runner's reads by time, then by read order.
    @Test func groupingManyReadsMatchesEveryReadToItsRunnerInTimeOrder() {
        let runners = (0..<400).map { Fixture.runner("\($0 + 1)", chip: "c\($0)") }
        var reads: [TimedRead] = []
        // Points written one after another, as files are read: each runner's reads out of time order.
        for (point, minute) in [(2, 40), (1, 25), (0, 0), (2, 15), (0, 50)] {
            for lap in 0..<12 {
                for r in 0..<400 {
                    let code = r % 7 == 0 ? "C\(r)" : r == 398 ? "nobody" : "c\(r)"
                    reads.append(Fixture.read(code, point, Fixture.t(minute + lap % 3, r % 60), line: reads.count + 1))
                }
            }
        }
        #expect(reads.count > ParallelParts.threshold)
        let log = Fixture.log(reads)
        let grouped = RaceComputation(event: Fixture.event(), participants: runners).group(log)
        for r in 0..<400 where r != 398 {
            let mine = reads.indices.filter { reads[$0].code.lowercased() == "c\(r)" }
                .sorted { (reads[$0].time, $0) < (reads[$1].time, $1) }
            #expect(grouped.byRunner[r].map(Int.init) == mine, "runner \(r)")
        }
        #expect(grouped.byRunner[398].isEmpty)
        #expect(grouped.unmatched.map(Int.init) == reads.indices.filter { reads[$0].code == "nobody" })
        #expect(grouped.runnerOfRead.count == reads.count)
    }
}
