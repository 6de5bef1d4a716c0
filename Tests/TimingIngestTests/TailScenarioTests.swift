import Foundation
import Testing
@testable import TimingIngest
#if canImport(Glibc)
import Glibc
#endif

/// Real files, real writers; every scenario runs with inotify and with polling.
/// Each compares the complete event sequence of a file with what was written:
/// no line lost, none repeated, in order, numbered on.
@Suite("File tailer scenarios", .timeLimit(.minutes(5)))
struct TailScenarioTests {
    @Test("catch-up delivers an existing file whole, across 1 MiB chunks", arguments: TailSetup.both)
    func catchUp(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("start.txt")
        var written = (1...40_000).map { "read \($0) " + String(repeating: "x", count: $0 % 97) }
        written[10] = "Ürümqi ✓ 08:00:01.25"
        let body = written.enumerated().map { $0.offset % 3 == 0 ? $0.element + "\r\n" : $0.element + "\n" }.joined()
        #expect(body.utf8.count > 2 * TailOutput.chunkSize)
        try writeFile(path, body + "unfinished line, no newline yet")

        let probe = TailProbe(paths: [path], mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }
        let events = try await probe.finish()

        #expect(events.of(file: 0) == numbered(written) + [.caughtUp(file: 0)])
    }

    @Test("appends after catch-up arrive in order, however they were written", arguments: TailSetup.both)
    func appendsAfterCatchUp(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("km5.txt")
        try writeFile(path, "a1\na2\n")
        let probe = TailProbe(paths: [path], mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        let writer = try TailWriter(path)
        try writer.write("b1\n")
        try await probe.waitFor("b1") { $0.lineCount(file: 0) == 3 }
        try writer.write("c1\nc2\nc3\n")
        let singles = (1...200).map { "d\($0)" }
        for line in singles { try writer.write(line + "\n") }
        try await probe.waitFor("all appends") { $0.lineCount(file: 0) >= 206 }
        let events = try await probe.finish()

        let expected =
            numbered(["a1", "a2"]) + [.caughtUp(file: 0)]
            + numbered(["b1", "c1", "c2", "c3"] + singles, from: 3)
        #expect(events.of(file: 0) == expected)
    }

    @Test("a line written in two pieces is held, then delivered once, whole", arguments: TailSetup.both)
    func lineInTwoPieces(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("finish.txt")
        try writeFile(path, "")
        let probe = TailProbe(paths: [path], mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        let writer = try TailWriter(path)
        try writer.write("CT01_33~7~finish~5012")
        // Long enough for several polls, or for the inotify event to be handled.
        try await Task.sleep(for: .milliseconds(200))
        #expect(await probe.events.of(file: 0) == [.caughtUp(file: 0)], "the partial line must be held")
        try writer.write("~09:12:44.31~1~A1B2C3~1\r\nnext~1\n")
        try await probe.waitFor("completed line") { $0.lineCount(file: 0) == 2 }
        let events = try await probe.finish()

        let expected =
            [TailEvent.caughtUp(file: 0)]
            + numbered(["CT01_33~7~finish~5012~09:12:44.31~1~A1B2C3~1", "next~1"])
        #expect(events.of(file: 0) == expected)
    }

    @Test("files created after the start are picked up, by open or by rename into place", arguments: TailSetup.both)
    func createdAfterStart(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let direct = scratch.file("km10.txt")
        let renamed = scratch.file("km21.txt")
        let probe = TailProbe(paths: [direct, renamed], mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        try await probe.waitFor("both caught up") { $0.contains(.caughtUp(file: 0)) && $0.contains(.caughtUp(file: 1)) }

        try writeFile(direct, "x1\nx2\n")
        try writeFile(scratch.file("km21.tmp"), "y1\n")
        #expect(rename(scratch.file("km21.tmp"), renamed) == 0)
        try await probe.waitFor("both files") { $0.lineCount(file: 0) == 2 && $0.lineCount(file: 1) == 1 }
        let writer = try TailWriter(renamed)
        try writer.write("y2\n")
        try await probe.waitFor("y2") { $0.lineCount(file: 1) == 2 }
        let events = try await probe.finish()

        let start: [TailEvent] = [.notice(file: 0, .waitingForFile), .caughtUp(file: 0)]
        #expect(events.of(file: 0) == start + [.notice(file: 0, .appeared)] + numbered(["x1", "x2"]))
        let start1: [TailEvent] = [.notice(file: 1, .waitingForFile), .caughtUp(file: 1)]
        #expect(events.of(file: 1) == start1 + [.notice(file: 1, .appeared)] + numbered(["y1", "y2"], file: 1))
    }

    @Test("copy-truncate: reading restarts at the new beginning, numbers go on", arguments: TailSetup.both)
    func copyTruncate(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("stadium.txt")
        let before = (1...5).map { "before truncation, read number \($0), padded to be long" }
        try writeFile(path, before.map { $0 + "\n" }.joined())
        let probe = TailProbe(paths: [path], mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        // logrotate copytruncate: copy aside, then empty the file in place,
        // while the decoder goes on appending through its O_APPEND descriptor.
        let writer = try TailWriter(path)
        try writeFile(scratch.file("stadium.txt.1"), before.map { $0 + "\n" }.joined())
        #expect(truncate(path, 0) == 0)
        try writer.write("n1\nn2\n")
        try await probe.waitFor("lines after truncation") { $0.lineCount(file: 0) == 7 }
        try writer.write("n3\n")
        try await probe.waitFor("n3") { $0.lineCount(file: 0) == 8 }
        let events = try await probe.finish()

        let expected =
            numbered(before) + [.caughtUp(file: 0), .notice(file: 0, .truncated)]
            + numbered(["n1", "n2", "n3"], generation: 1)
        #expect(events.of(file: 0) == expected)
    }

    @Test(
        "rotation: the old file is read until its writer closes it, the new one from its start",
        arguments: TailSetup.both)
    func rotation(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("km30.txt")
        let old = try TailWriter(path)
        try old.write("o1\no2\no3\n")
        let probe = setup.rotationProbe(path)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        try old.write("o4\no5\n")
        #expect(rename(path, scratch.file("km30.txt.1")) == 0)
        // The decoder has not reopened yet: these land in the renamed file.
        try old.write("o6\nhalf a line")
        let new = try TailWriter(path)
        try new.write("r1\nr2\n")
        try await probe.waitFor("new file") { $0.lineCount(file: 0) == 8 }
        try old.write(", its other half\nlate\n")
        try new.write("r3\n")
        try await probe.waitFor("late lines of the old file") { $0.lineCount(file: 0) == 11 }
        old.close()
        try await setup.waitForRenamedFileClosed(probe)
        let events = try await probe.finish()

        // The old file's lines keep its generation and numbering, the new file's count from 1.
        let lines = events.compactMap {
            if case .line(_, let n, let text, let g) = $0 { "\(g):\(n) \(text)" } else { nil }
        }
        #expect(
            lines.sorted() == [
                "0:1 o1", "0:2 o2", "0:3 o3", "0:4 o4", "0:5 o5", "0:6 o6", "0:7 half a line, its other half",
                "0:8 late", "1:1 r1", "1:2 r2", "1:3 r3",
            ])
        #expect(!events.contains { if case .unusableLine = $0 { true } else { false } })
        #expect(events.contains(.notice(file: 0, .rotated)))
        if setup.mode == .inotify {
            #expect(events.last == .notice(file: 0, .rotatedFileDone(writerClosed: true)))
        } else {
            // Nothing in polling mode says the writer closed it; its grace has not run out.
            #expect(!events.contains { if case .notice(_, .rotatedFileDone) = $0 { true } else { false } })
        }
    }

    @Test("polling: a renamed file that stays quiet for its grace is given up, its unfinished line kept")
    func quietRenamedFileIsGivenUp() async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("km30.txt")
        let old = try TailWriter(path)
        defer { old.close() }
        try old.write("o1\nhalf")
        // The writer still holds it open: only the grace can end it.
        let probe = TailProbe(
            paths: [path], mode: .polling, pollInterval: .milliseconds(20), rotatedGrace: .milliseconds(200))
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }
        #expect(rename(path, scratch.file("km30.txt.1")) == 0)
        try writeFile(path, "n1\n")
        let events = try await probe.waitFor("the renamed file given up") {
            $0.contains(.notice(file: 0, .rotatedFileDone(writerClosed: false))) && $0.lineCount(file: 0) == 2
        }
        #expect(events.contains(.line(file: 0, lineNumber: 1, text: "o1", generation: 0)))
        #expect(events.contains(.line(file: 0, lineNumber: 1, text: "n1", generation: 1)))
        #expect(
            events.contains(
                .unusableLine(
                    file: 0, lineNumber: 2, text: "half",
                    reason: "unfinished line: the rotated file was given up before its newline", generation: 0)))
    }

    @Test("a rotated file is read on when the new file at the path is deleted", arguments: TailSetup.both)
    func rotatedThenNewDeleted(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("km35.txt")
        let old = try TailWriter(path)
        let probe = setup.rotationProbe(path)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }
        #expect(rename(path, scratch.file("km35.txt.1")) == 0)
        try writeFile(path, "n1\n")
        try await probe.waitFor("the new file") {
            $0.contains(.notice(file: 0, .rotated)) && $0.lineCount(file: 0) == 1
        }
        #expect(unlink(path) == 0)
        try await probe.waitFor("the deletion") { $0.contains(.notice(file: 0, .deleted)) }
        try old.write("o1\n")
        try await probe.waitFor("the old file's line") { $0.lineCount(file: 0) == 2 }
        old.close()
        try await setup.waitForRenamedFileClosed(probe)
    }

    @Test(
        "logrotate's create pattern: a writer appending to the renamed file for a while loses nothing",
        arguments: TailSetup.both)
    func logrotateCreate(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("km25.txt")
        let old = try TailWriter(path)
        let probe = setup.rotationProbe(path)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }
        var expected: [String] = []
        for i in 0..<300 {
            try old.write("a\(i)\n")
            expected.append("a\(i)")
        }
        #expect(rename(path, scratch.file("km25.txt.1")) == 0)
        let new = try TailWriter(path)  // `create`: a new empty file at once
        for i in 0..<400 {
            try old.write("b\(i)\n")  // the writer has not reopened yet
            expected.append("b\(i)")
            if i % 50 == 0 { try await Task.sleep(for: .milliseconds(2)) }
        }
        old.close()
        for i in 0..<100 {
            try new.write("c\(i)\n")
            expected.append("c\(i)")
        }
        let total = expected.count
        try await probe.waitFor("every line") { $0.lineCount(file: 0) == total }
        try await setup.waitForRenamedFileClosed(probe)
        let events = try await probe.finish()
        let lines = events.compactMap { if case .line(_, _, let text, _) = $0 { text } else { nil } }
        #expect(lines.sorted() == expected.sorted())
    }

    @Test("deletion is reported, and a re-created file is followed from its start", arguments: TailSetup.both)
    func deleteAndRecreate(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("km35.txt")
        try writeFile(path, "d1\nd2\n")
        let probe = TailProbe(paths: [path], mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        let writer = try TailWriter(path)
        try writer.write("d3\n")
        writer.close()
        #expect(unlink(path) == 0)
        try await probe.waitFor("deleted") { $0.contains(.notice(file: 0, .deleted)) }
        try writeFile(path, "e1\ne2\n")
        try await probe.waitFor("re-created") { $0.lineCount(file: 0) == 5 }
        let events = try await probe.finish()

        let expected =
            numbered(["d1", "d2"]) + [.caughtUp(file: 0)] + numbered(["d3"], from: 3)
            + [.notice(file: 0, .deleted), .notice(file: 0, .appeared)]
            + numbered(["e1", "e2"], generation: 1)
        #expect(events.of(file: 0) == expected)
    }

    @Test("deleted and re-created between two looks still gives both notices", arguments: TailSetup.both)
    func deleteAndRecreateAtOnce(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("km36.txt")
        try writeFile(path, "d1\n")
        let probe = TailProbe(paths: [path], mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        #expect(unlink(path) == 0)
        try writeFile(path, "e1\n")
        try await probe.waitFor("re-created") { $0.lineCount(file: 0) == 2 }
        let events = try await probe.finish()

        let expected =
            numbered(["d1"]) + [.caughtUp(file: 0)]
            + [.notice(file: 0, .deleted), .notice(file: 0, .appeared)] + numbered(["e1"], generation: 1)
        #expect(events.of(file: 0) == expected)
    }

    // Tests run as root, and root reads a file whatever its mode; a folder
    // standing where the file should be is unreadable for everyone.
    @Test("an unreadable path is reported, and followed once a file is there", arguments: TailSetup.both)
    func folderInThePlaceOfTheFile(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("km40.txt")
        #expect(mkdir(path, 0o755) == 0)
        let probe = TailProbe(paths: [path], mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        #expect(rmdir(path) == 0)
        try writeFile(path, "u1\nu2\n")
        try await probe.waitFor("lines") { $0.lineCount(file: 0) == 2 }
        let events = try await probe.finish()

        let expected: [TailEvent] =
            [
                .notice(file: 0, .unreadable(reason: "is a folder")), .caughtUp(file: 0),
                .notice(file: 0, .appeared),
            ] + numbered(["u1", "u2"])
        // A look between rmdir and the new file rightly sees nothing there.
        let waiting = TailEvent.notice(file: 0, .waitingForFile)
        #expect(events.of(file: 0).filter { $0 != waiting } == expected)
        #expect(events.of(file: 0).filter { $0 == waiting }.count <= 1)
    }

    @Test(
        "a file without read permission is reported, and followed once readable",
        .enabled(if: geteuid() != 0, "root reads files whatever their mode"),
        arguments: TailSetup.both)
    func permissionDenied(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("km41.txt")
        try writeFile(path, "p1\n")
        #expect(chmod(path, 0) == 0)
        let probe = TailProbe(paths: [path], mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        #expect(chmod(path, 0o644) == 0)
        try await probe.waitFor("lines") { $0.lineCount(file: 0) == 1 }
        let events = try await probe.finish()

        let reason = String(cString: strerror(EACCES))
        let expected: [TailEvent] =
            [
                .notice(file: 0, .unreadable(reason: reason)), .caughtUp(file: 0),
                .notice(file: 0, .appeared),
            ] + numbered(["p1"])
        #expect(events.of(file: 0) == expected)
    }

    @Test("several files: each event names its file, numbers count per file", arguments: TailSetup.both)
    func severalFiles(setup: TailSetup) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let paths = ["a.txt", "b.txt", "c.txt"].map(scratch.file)
        try writeFile(paths[0], "a1\n")
        try writeFile(paths[2], "c1\nc2\n")
        let probe = TailProbe(paths: paths, mode: setup.mode, pollInterval: setup.pollInterval)
        defer { probe.tailer.stop() }
        let start = try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 2)) }
        // Catch-up goes file by file, in the order given.
        #expect(
            start.filter { if case .caughtUp = $0 { true } else { false } }
                == [.caughtUp(file: 0), .caughtUp(file: 1), .caughtUp(file: 2)])

        let writers = try paths.map { try TailWriter($0) }
        for round in 1...20 {
            for (index, writer) in writers.enumerated() { try writer.write("f\(index)-\(round)\n") }
        }
        try await probe.waitFor("all rounds") {
            $0.lineCount(file: 0) == 21 && $0.lineCount(file: 1) == 20 && $0.lineCount(file: 2) == 22
        }
        let events = try await probe.finish()

        let rounds = { (file: Int) in (1...20).map { "f\(file)-\($0)" } }
        #expect(events.of(file: 0) == numbered(["a1"]) + [.caughtUp(file: 0)] + numbered(rounds(0), from: 2))
        #expect(
            events.of(file: 1) == [.notice(file: 1, .waitingForFile), .caughtUp(file: 1), .notice(file: 1, .appeared)]
                + numbered(rounds(1), file: 1))
        #expect(
            events.of(file: 2) == numbered(["c1", "c2"], file: 2) + [.caughtUp(file: 2)]
                + numbered(rounds(2), file: 2, from: 3))
    }

    // The folder cannot be watched before it exists: timed checks cover it,
    // so this one runs with a short period in both modes.
    @Test("a file in a folder that does not exist yet", arguments: [TailMode.inotify, .polling])
    func folderCreatedLater(mode: TailMode) async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let folder = scratch.file("reads")
        let path = folder + "/km42.txt"
        let probe = TailProbe(paths: [path], mode: mode, pollInterval: .milliseconds(30))
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        #expect(mkdir(folder, 0o755) == 0)
        try writeFile(path, "f1\n")
        try await probe.waitFor("f1") { $0.lineCount(file: 0) == 1 }
        try TailWriter(path).write("f2\n")
        try await probe.waitFor("f2") { $0.lineCount(file: 0) == 2 }
        let events = try await probe.finish()

        #expect(
            events.of(file: 0) == [.notice(file: 0, .waitingForFile), .caughtUp(file: 0), .notice(file: 0, .appeared)]
                + numbered(["f1", "f2"]))
    }
}
