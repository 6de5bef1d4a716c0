import Testing
import RaceModel
import TimingIngest
import TestSupport

/// Read files parsed by several tasks at once give the log one task gives,
/// line for line, whatever the split.
@Suite struct ParallelLoadTests {
    @Test(arguments: [2, 3, 7, 50])
    func theSampleFeedLoadsTheSameInParts(parts: Int) async throws {
        let folder = try SampleFeed.folder()
        let (one, missingOne) = try ReadLogLoader.load(folder)
        let (split, missingSplit) = try await ReadLogLoader.loadInParallel(folder, parts: parts)
        #expect(split.reads == one.reads)
        #expect(split.problems == one.problems)
        #expect(split.gunMarkers == one.gunMarkers)
        #expect(split.lineCounts == one.lineCounts)
        #expect(split.ignoredCounts == one.ignoredCounts)
        #expect(split.controlCounts == one.controlCounts)
        #expect(split.otherEdgeCounts == one.otherEdgeCounts)
        #expect(missingSplit == missingOne)
        #expect(one.reads.count > 9_000 && !one.problems.isEmpty)
    }
}
