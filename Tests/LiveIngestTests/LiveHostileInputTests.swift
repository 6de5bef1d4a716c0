import Foundation
import Testing
import RaceModel
import TimingIngest
@testable import LiveIngest
import RaceStore
import Snapshots
import TestSupport
@testable import ResultsReport

/// During `live`: an edit with a value that would overflow, event.toml
/// replaced by a FIFO, a runaway line, a file past its line limit. The race
/// goes on, every later read is counted, nothing blocks.
@Suite struct LiveHostileInputTests {
    @Test func anOverflowingEditIsRefusedAndTheRaceGoesOn() async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        try event.append("reads/stadium.txt", "1,09:00:05\n")
        try await withLiveRun(event) { run in
            _ = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
            for (target, replacement) in [
                ("duplicate_window = 10", "duplicate_window = 1e20"),
                ("km = 5 }", "km = 1e-300 }"),
                ("duplicate_window = 10", "duplicate_window = 10\nclock_offset = -1e16"),
            ] {
                try event.replace(
                    "event.toml", with: LiveEventFolder.config.replacingOccurrences(of: target, with: replacement))
                #expect(
                    await eventually {
                        run.feed.status().configError?.contains(
                            replacement.contains("km") ? "'5K' at km 1e-300" : "is out of range") == true
                    })
                try event.replace("event.toml", with: LiveEventFolder.config)
                #expect(await eventually { run.feed.status().configError == nil })
            }
            #expect(run.feed.status().reloads == 0)
            try event.append("reads/km5.txt", "1,09:17:00\n")
            #expect(
                try await withDeadline("read after the bad edits") {
                    await run.feed.waitForLine(1, ofFile: "reads/km5.txt")
                })
            #expect(standingsSummary(await run.state.snapshot()).first == "1 RUN 1 0:17:00")
        }
    }

    @Test func aFIFOInPlaceOfEventTomlBlocksNeitherReloadsNorStop() async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        try await withLiveRun(event) { run in
            _ = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
            try FileManager.default.removeItem(atPath: event.file("event.toml"))
            #expect(mkfifo(event.file("event.toml"), 0o600) == 0)
            #expect(
                await eventually { run.feed.status().configError?.contains("is a FIFO, not a regular file") == true })
            try event.append("reads/km5.txt", "1,09:17:00\n")
            #expect(
                try await withDeadline("read with a FIFO config") {
                    await run.feed.waitForLine(1, ofFile: "reads/km5.txt")
                })
            try FileManager.default.removeItem(atPath: event.file("event.toml"))
            try event.replace(
                "event.toml", with: LiveEventFolder.config.replacingOccurrences(of: "09:00:00", with: "08:59:30"))
            #expect(await eventually { run.feed.status().reloads == 1 })
        }
    }

    @Test func aRunawayLineIsOneRejectedLineAndLaterLinesCount() async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        try await withLiveRun(event) { run in
            _ = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
            try event.append("reads/km5.txt", String(repeating: "x", count: 10 << 20) + "\n1,09:17:00\n")
            #expect(
                try await withDeadline("line after the long one") {
                    await run.feed.waitForLine(2, ofFile: "reads/km5.txt")
                })
            let snapshot = await run.state.snapshot()
            let rejected = try #require(snapshot.evaluation.rejections.first { $0.reason.kind == "malformed" })
            #expect(rejected.ref.line == 1)
            #expect(rejected.reason.description.contains("line is 10485760 bytes long"))
            #expect(rejected.text == String(repeating: "x", count: ReadLimits.shownBytes) + "…")
            #expect(standingsSummary(snapshot).first == "1 RUN 1 0:17:00")
        }
    }

    @Test func aFilePastItsLineLimitIsNoLongerFollowedAndSaysSo() async throws {
        let event = try LiveEventFolder(config: LiveEventFolder.config + "\n[limits]\nlines_per_file = 2\n")
        defer { event.remove() }
        try await withLiveRun(event) { run in
            _ = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
            try event.append("reads/km5.txt", "1,09:17:00\n2,09:18:00\n# third\n")
            #expect(
                await eventually {
                    run.file("reads/km5.txt")?.condition
                        == .unreadable(
                            reason:
                                "has more than 2 lines (limits.lines_per_file = 2 in event.toml); lines after it are not read"
                        )
                })
            #expect(await run.state.readCount == 2)
        }
    }
}

/// After a truncation a file's lines count from 1 again, and reports name
/// which generation of the file a line belongs to.
@Suite struct LiveGenerationTests {
    @Test func linesAfterATruncationCountFromOneInTheNextGeneration() async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        try event.append("reads/km5.txt", "garbage before\n1,09:17:00\n")
        try await withLiveRun(event) { run in
            _ = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
            try event.replace("reads/km5.txt", with: "")
            #expect(await eventually { run.file("reads/km5.txt")?.lastNotice == .truncated })
            try event.append("reads/km5.txt", "garbage after\n")
            #expect(
                try await withDeadline("the line after truncation") {
                    await run.feed.waitForLine(3, ofFile: "reads/km5.txt")
                })
            let snapshot = await run.state.snapshot()
            let refs = snapshot.evaluation.rejections.filter { $0.reason.kind == "malformed" }.map(\.ref)
            #expect(refs == [LineRef(file: 1, line: 1), LineRef(file: 1, line: 1, generation: 1)])
            let printed = snapshot.evaluation.rejections.filter { $0.reason.kind == "malformed" }.map {
                HeadlessPrinter.rejectionLine($0, path: "reads/km5.txt", snapshot: snapshot)
            }
            #expect(printed.first?.hasPrefix("REJECTED reads/km5.txt:1: ") == true)
            #expect(printed.last?.hasPrefix("REJECTED reads/km5.txt (generation 2):1: ") == true)
        }
    }
}
