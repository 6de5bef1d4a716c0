import Foundation
import Testing
import RaceModel
@testable import TimingIngest

/// Read files that are not what a mat writes: too long, too many lines,
/// not regular files, a byte order mark. None hangs, none eats memory, and
/// every line that cannot be used is kept as rejected, with its start only.
@Suite struct HostileReadFileTests {
    /// A temporary event folder with the test event; `reads/` holds what is given.
    final class Folder {
        let path = NSTemporaryDirectory() + "racedash-hostile-\(UUID().uuidString)"

        init(config: String = EventFolderTests.config) throws {
            try FileManager.default.createDirectory(atPath: path + "/reads", withIntermediateDirectories: true)
            try write("event.toml", config)
            try write("participants.csv", EventFolderTests.participants)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
        }

        func write(_ name: String, bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
        }

        func load() throws -> ReadLog {
            try ReadLogLoader.load(EventFolder.load(path)).log
        }
    }

    @Test func aTenMegabyteLineIsOneRejectedLineWithAShortPrefix() throws {
        let folder = try Folder()
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        try folder.write("reads/km5.txt", bytes: Array("1,08:20:00\n".utf8) + long + Array("\n2,08:21:00\n".utf8))
        let log = try folder.load()
        #expect(log.lineCounts[2] == 3)
        #expect(log.reads.count == 2)
        let problem = try #require(log.problems.first)
        #expect(log.problems.count == 1)
        #expect(problem.ref == LineRef(file: 2, line: 2))
        #expect(problem.reason == .malformed("line is 10485760 bytes long; read lines are at most 4096 bytes"))
        #expect(problem.text == String(repeating: "x", count: ReadLimits.shownBytes) + "…")
    }

    /// Found by the line fuzz: an out-of-range time with a long fraction was echoed whole.
    @Test func aReasonQuotesAtMostTheStartOfAField() {
        let line = "1,25:00:00." + String(repeating: "9", count: 300)
        guard case .malformed(let reason) = ReadLineParser.parse(line) else {
            Issue.record("accepted")
            return
        }
        #expect(
            reason == "hand timing: time 25:00:00." + String(repeating: "9", count: 31) + "… is not a valid time of day"
        )
    }

    @Test func aChipCodeTooLongToBeOneIsRejectedNotEchoedAsUnknown() {
        let tag = String(repeating: "A", count: 65)
        #expect(
            ReadLineParser.parse("CT01_33~2~STADIUM~\(tag)~08:00:01.03~1~A13C00~2")
                == .malformed(reason: "chip or bib is 65 characters long; at most 64"))
        let fits = String(repeating: "A", count: 64)
        guard case .read = ReadLineParser.parse("CT01_33~2~STADIUM~\(fits)~08:00:01.03~1~A13C00~2") else {
            Issue.record("a 64-character tag is refused")
            return
        }
    }

    @Test func aRejectedLineKeepsOnlyItsStartCutAtACharacter() {
        let text = String(repeating: "é", count: 80)
        let shown = ReadLimits.shown(text)
        #expect(shown == String(repeating: "é", count: 50) + "…")
        #expect(ReadLimits.shown("short") == "short")
    }

    @Test func moreLinesThanTheLimitStopTheLoadNamingFileKeyAndLimit() throws {
        let folder = try Folder(config: EventFolderTests.config + "\n\n[limits]\nlines_per_file = 3\n")
        try folder.write("reads/km5.txt", "1,08:20:00\n2,08:21:00\n3,08:22:00\n")
        #expect(try folder.load().reads.count == 3)
        try folder.write("reads/km5.txt", "1,08:20:00\n2,08:21:00\n3,08:22:00\n# one too many\n")
        do {
            _ = try folder.load()
            Issue.record("no error")
        } catch let error as ConfigError {
            #expect(
                error.description
                    == "\(folder.path)/reads/km5.txt: has more than 3 lines (limits.lines_per_file = 3 in event.toml)")
        }
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstLine() throws {
        let folder = try Folder()
        try folder.write("reads/km5.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("1,08:20:00\r\n2,08:21:00\r\n".utf8))
        let log = try folder.load()
        #expect(log.reads.count == 2)
        #expect(log.problems.isEmpty)
    }

    @Test func aFIFOOrADeviceAsReadFileIsRefusedAtOnce() throws {
        let folder = try Folder()
        #expect(mkfifo(folder.path + "/reads/km5.txt", 0o600) == 0)
        do {
            _ = try folder.load()
            Issue.record("no error")
        } catch let error as ConfigError {
            #expect(error.description == "\(folder.path)/reads/km5.txt: cannot be read: is a FIFO, not a regular file")
        }
        try FileManager.default.removeItem(atPath: folder.path + "/reads/km5.txt")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/reads/km5.txt", withDestinationPath: "/dev/zero")
        do {
            _ = try folder.load()
            Issue.record("no error")
        } catch let error as ConfigError {
            #expect(
                error.description == "\(folder.path)/reads/km5.txt: cannot be read: is a device, not a regular file")
        }
    }
}
