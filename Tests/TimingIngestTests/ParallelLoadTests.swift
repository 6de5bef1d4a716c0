import Synchronization
import Testing
@testable import RaceModel
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

    /// The directory made as the load's last work finds every code as the
    /// list's own does, in either case; a list changed since has none.
    @Test func theDirectoryMadeWithTheLoadFindsWhatTheListsOwnDoes() async throws {
        let (both, _, _) = try await ReadLogLoader.loadFolderInParallel(SampleFeed.path, parts: 2)
        let made = try #require(both.directory)
        let own = ParticipantDirectory(both.participants)
        let codes = both.participants.flatMap { [$0.bib, $0.chip ?? ""] }.filter { !$0.isEmpty }
        #expect(codes.count > 1_000)
        let variants = codes + codes.map({ $0.lowercased() }) + codes.map({ $0.uppercased() }) + ["nobody", "X-1"]
        for code in variants {
            #expect(made.runner(forCode: code) == own.runner(forCode: code), "\(code)")
        }
        var changed = both
        changed.participants.removeLast()
        #expect(changed.directory == nil)
    }

    /// The participant list's repeat checks leave their two tables for the
    /// directory's, which are made in their memory.
    @Test func theDirectorysTablesAreMadeInTheRepeatChecksMemory() throws {
        let (event, decoders) = try EventFolder.loadConfig(SampleFeed.path)
        let spares = CodeTable.Spares()
        let folder = try EventFolder.load(SampleFeed.path, event: event, decoders: decoders, spares: spares)
        let own = ParticipantDirectory(folder.participants)
        for chips in [true, false] {
            let spare = try #require(spares.take())
            let memory = spare.storage
            let table = ParticipantDirectory.table(of: folder.participants, chips: chips, reusing: consume spare)
            #expect(table.storage == memory)
            let fresh = chips ? own.byChip : own.byBib
            var made: [String: Int] = [:]
            table.forEach { made[$0] = $1 }
            var new: [String: Int] = [:]
            fresh.forEach { new[$0] = $1 }
            #expect(made == new && !made.isEmpty)
        }
        #expect(spares.take() == nil)
    }

    /// Work after the parts runs once each, with or without work beside them.
    @Test(arguments: [false, true])
    func workAfterThePartsRunsOnce(beside: Bool) throws {
        let folder = try SampleFeed.folder()
        let (ranges, bytes) = ReadLogLoader.fileRanges(folder, parts: 4)
        let runs = Mutex([0, 0, 0])
        let (log, _) = try ReadLogLoader.parseInPlace(
            folder, ranges: ranges, bytes: bytes, beside: beside ? { runs.withLock { $0[0] += 1 } } : nil,
            after: [{ runs.withLock { $0[1] += 1 } }, { runs.withLock { $0[2] += 1 } }])
        #expect(runs.withLock { $0 } == [beside ? 1 : 0, 1, 1])
        #expect(log.reads == (try ReadLogLoader.load(folder)).log.reads)
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

/// A parallel load moves each part's reads into the joined log's storage as
/// they are parsed, room made by the lines its files have.
@Suite struct InPlaceLoadTests {
    /// MYLAPS Store messages hold three reads a line, more than their part has
    /// room for; a hand-timing file crosses several batches; a Wiclax-style
    /// file ends its lines with a lone CR.
    @Test(arguments: [2, 3, 8])
    func readsBeyondTheirRoomJoinInFileOrder(parts: Int) async throws {
        let folder = try HostileReadFileTests.Folder()
        // Chip, time, device and reader, count, passing number, date, then the check (a byte sum).
        let passing = { (n: Int) -> String in
            let body = String(format: "LZ%05d15:37:%02d.704 5 0F  1%04X250406", n, n % 60, n)
            return body + String(format: "%02X", body.utf8.reduce(0) { ($0 + Int($1)) & 0xFF })
        }
        try folder.write(
            "reads/stadium.txt",
            (1...2_000).map { "Start@Store@\(passing($0))@\(passing($0 + 3_000))@\(passing($0 + 6_000))@7@" }
                .joined(separator: "\n"))
        try folder.write(
            "reads/stadium-backup.txt", (1...30).map { "\($0),08:2\($0 % 10):00.5\r" }.joined())
        try folder.write(
            "reads/km5.txt",
            (1...9_000).map { "\($0 % 3 + 1),08:\(20 + $0 / 1000):\(10 + $0 % 50).\($0 % 10)\n" }.joined())
        let event = try EventFolder.load(folder.path)
        let (one, _) = try ReadLogLoader.load(event)
        let (split, _) = try await ReadLogLoader.loadInParallel(event, parts: parts)
        #expect(one.reads.count == 6_000 + 30 + 9_000)
        // Parallel: the Store messages' file is a part of its own.
        #expect(ReadLogLoader.fileRanges(event, parts: parts).ranges.first == 0..<1)
        #expect(split.reads == one.reads)
        #expect(split.problems == one.problems)
        #expect(split.lineCounts == one.lineCounts)
    }

    @Test func lineEstimateCountsEveryKindOfLineEndInASmallFile() throws {
        let folder = try HostileReadFileTests.Folder()
        let cases: [(String, Int)] = [
            ("", 0), ("a", 0), ("a\n", 1), ("a\r\nb\r\n", 2), ("a\rb\rc", 2), ("a\n\nb", 2), ("\u{FEFF}a\r\n", 1),
        ]
        for (text, ends) in cases {
            try folder.write("reads/x.txt", text)
            let path = folder.path + "/reads/x.txt"
            var lines = 0
            try ReadFileScanner.forEachLine(ofFileAt: path) { number, _ in lines = number }
            let estimate = ReadFileScanner.lineEstimate(ofFileAt: path)
            #expect(estimate == ends + 1, "\(text.debugDescription)")
            #expect(estimate >= lines, "\(text.debugDescription)")
        }
        #expect(ReadFileScanner.lineEstimate(ofFileAt: folder.path + "/reads/missing.txt") == 0)
    }

    /// A file bigger than the block counted: its lines, and at most an eighth more.
    @Test func lineEstimateOfABigFileIsNearItsLines() throws {
        let folder = try HostileReadFileTests.Folder()
        let lines = (1...5_000).map { "\($0 % 3 + 1),08:\(20 + $0 / 1000):\(10 + $0 % 50).\($0 % 10)" }
        for end in ["\n", "\r\n", "\r"] {
            try folder.write("reads/x.txt", lines.joined(separator: end) + end)
            let estimate = ReadFileScanner.lineEstimate(ofFileAt: folder.path + "/reads/x.txt", blockSize: 4_096)
            #expect(estimate >= lines.count + 1 && estimate <= lines.count * 9 / 8 + 2, "\(end.debugDescription)")
        }
    }

    /// Against a byte-at-a-time count, over bytes near the ends' values
    /// (0x8A and 0x0B are not "\n"), at every length and offset.
    @Test func lineEndsCountsAsOneByteAtATimeDoes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x8A, 0x0B, 0x09, 0x8D, 0x61, 0xFF, 0x00]
        for length in 0..<70 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                var expected = 0
                for (i, b) in bytes.enumerated() {
                    if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { expected += 1 }
                }
                #expect(bytes.withUnsafeBufferPointer { ReadFileScanner.lineEnds($0) } == expected, "\(bytes)")
            }
        }
    }

    /// A part that fails after moving reads into its room (past its file's
    /// line limit) gives the error the sequential load gives, and the reads
    /// it moved are let go with the rest.
    @Test func aPartFailingAfterItsFirstBatchGivesTheLoadsError() async throws {
        let folder = try HostileReadFileTests.Folder(
            config: EventFolderTests.config + "\n\n[limits]\nlines_per_file = 4500\n")
        try folder.write("reads/stadium.txt", (1...3_000).map { "\($0 % 3 + 1),08:0\($0 % 10):00\n" }.joined())
        try folder.write("reads/km5.txt", (1...5_000).map { "\($0 % 3 + 1),08:2\($0 % 10):00\n" }.joined())
        let event = try EventFolder.load(folder.path)
        #expect(ReadLogLoader.fileRanges(event, parts: 3).ranges.count > 1)
        for attempt in [
            { try ReadLogLoader.load(event) },
            {
                let (ranges, bytes) = ReadLogLoader.fileRanges(event, parts: 3)
                return try ReadLogLoader.parseInPlace(event, ranges: ranges, bytes: bytes)
            },
        ] {
            #expect {
                _ = try attempt()
            } throws: { error in
                "\(error)".contains("km5.txt: has more than 4500 lines")
            }
        }
    }
}
