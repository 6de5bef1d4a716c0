import Testing
import RaceModel
@testable import TimingIngest
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

/// The participant list parsed while the read files are gives the folder and
/// log of the load in order, and the same first error.
@Suite struct FolderBesideReadsTests {
    @Test func theSampleFeedLoadsAsItDoesInOrder() async throws {
        let folder = try SampleFeed.folder()
        let (one, _) = try ReadLogLoader.load(folder)
        let (both, log, missing) = try await ReadLogLoader.loadFolderInParallel(SampleFeed.path, parts: 2)
        #expect(both.participants == folder.participants)
        #expect(both.readFiles == folder.readFiles)
        #expect(both.decoders.count == folder.decoders.count)
        #expect(log.reads == one.reads)
        #expect(log.problems == one.problems)
        #expect(missing.isEmpty)
    }

    @Test func aBadParticipantListIsReportedBeforeABadReadFile() async throws {
        let folder = try HostileReadFileTests.Folder(
            config: EventFolderTests.config + "\n\n[limits]\nlines_per_file = 1\n")
        try folder.write("reads/km5.txt", "1,08:20:00\n2,08:21:00\n")
        try folder.write("participants.csv", "bib,name,race\n7,Runner Seven,nowhere\n")
        await #expect {
            _ = try await ReadLogLoader.loadFolderInParallel(folder.path, parts: 2)
        } throws: { error in
            "\(error)".contains("participants.csv:2") && "\(error)".contains("unknown race 'nowhere'")
        }
        try folder.write("participants.csv", EventFolderTests.participants)
        await #expect {
            _ = try await ReadLogLoader.loadFolderInParallel(folder.path, parts: 2)
        } throws: { error in
            "\(error)".contains("km5.txt: has more than 1 lines")
        }
    }
}
