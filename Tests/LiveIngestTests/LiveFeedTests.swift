import Foundation
import Testing
import RaceModel
import TimingIngest
@testable import LiveIngest
import RaceStore
import Snapshots
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Starts a feed on `event`, runs `body`, and stops the feed whatever happens.
func withLiveRun(
    _ event: LiveEventFolder, mode: TailMode = .automatic,
    _ body: (LiveRun) async throws -> Void
) async throws {
    let run = try LiveRun(event, mode: mode)
    do {
        try await body(run)
    } catch {
        await run.feed.stop()
        throw error
    }
    await run.feed.stop()
    #expect(run.feed.status().isRunning == false)
}

/// A live run over a fresh test folder holding `files` (path, text), once it has caught up.
func withCaughtUpRun(
    _ files: [(String, String)], mode: TailMode = .automatic,
    _ body: (LiveEventFolder, LiveRun) async throws -> Void
) async throws {
    let event = try LiveEventFolder()
    defer { event.remove() }
    for (path, text) in files { try event.append(path, text) }
    try await withLiveRun(event, mode: mode) { run in
        _ = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
        try await body(event, run)
    }
}

/// Writes lines like a decoder and tracks the numbers the tailer gives them.
struct LineWriter {
    let event: LiveEventFolder
    let folder: EventFolder
    let feed: LiveFeed
    /// Each line with its number within its file's generation, as the tailer numbers it.
    private(set) var written: [(file: Int, number: Int, generation: Int, text: String)] = []
    /// Lines per path over all generations, as the feed counts its progress.
    private var numbers: [String: Int] = [:]
    private var positions: [String: (generation: Int, line: Int)] = [:]

    init(_ event: LiveEventFolder, _ run: LiveRun) {
        self.event = event
        folder = run.folder
        feed = run.feed
    }

    /// Notes a line written before the feed started (or by other means);
    /// returns how many lines the path has had, for `waitForLine`.
    mutating func note(_ path: String, _ text: String) -> Int {
        let number = (numbers[path] ?? 0) + 1
        numbers[path] = number
        let position = positions[path] ?? (0, 0)
        positions[path] = (position.generation, position.line + 1)
        let file = folder.readFiles.firstIndex { $0.path == path }!
        written.append((file, position.line + 1, position.generation, text))
        return number
    }

    /// The file at `path` started over (truncated, or a new file after a rotation).
    mutating func startGeneration(_ path: String) {
        positions[path] = ((positions[path]?.generation ?? 0) + 1, 0)
    }

    /// Appends `text` and a newline in one write, then waits (with a deadline)
    /// until the feed has put it in the state.
    mutating func write(_ path: String, _ text: String) async throws {
        try event.append(path, text + "\n")
        let number = note(path, text)
        let feed = feed
        let delivered = try await withDeadline("\(path):\(number)") { await feed.waitForLine(number, ofFile: path) }
        #expect(delivered, "\(path):\(number) \(text)")
    }
}

@Suite struct LiveFeedTests {
    static let modes: [TailMode] = [.automatic, .polling]

    @Test(arguments: modes)
    func linesWrittenWhileLiveEqualLoadingTheFinishedFiles(mode: TailMode) async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        try event.append("reads/stadium.txt", "1,09:00:05\n2,09:00:07\n")
        try await withLiveRun(event, mode: mode) { run in
            let caughtUp = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
            #expect(caughtUp)
            #expect(await run.state.readCount == 2)
            #expect(run.file("reads/stadium.txt")?.lines == 2)
            // km5 has written nothing yet: its file does not exist.
            #expect(run.file("reads/km5.txt")?.condition == .waitingForFile)

            var writer = LineWriter(event, run)
            _ = writer.note("reads/stadium.txt", "1,09:00:05")
            _ = writer.note("reads/stadium.txt", "2,09:00:07")
            for (path, text) in [
                ("reads/km5.txt", "AAA1,09:17:00"), ("reads/km5.txt", "AAA2,09:18:30"),
                ("reads/km5.txt", "CCC3,09:19:00"), ("reads/stadium.txt", "2,09:00:09"),
            ] {
                try await writer.write(path, text)
                // In the state means in the next snapshot.
                let number = writer.written.last!.number, file = writer.written.last!.file
                let snapshot = await run.state.snapshot()
                #expect(await accountedRefs(snapshot, in: run.state).contains(LineRef(file: file, line: number)))
            }
            #expect(run.file("reads/km5.txt")?.condition == .following)
            #expect(run.feed.status().notices.contains { $0.kind == .file(path: "reads/km5.txt", .appeared) })

            // A line written in two pieces counts once it is complete.
            try event.append("reads/stadium.txt", "AAA1,09:3")
            try await Task.sleep(for: .milliseconds(200))
            #expect(await run.state.readCount == 6)
            #expect(run.file("reads/stadium.txt")?.lastLineNumber == 3)
            try event.append("reads/stadium.txt", "4:00\n")
            let number = writer.note("reads/stadium.txt", "AAA1,09:34:00")
            let done = try await withDeadline("two-piece line") {
                await run.feed.waitForLine(number, ofFile: "reads/stadium.txt")
            }
            #expect(done)

            try await writer.write("reads/stadium.txt", "garbage line")
            // A burst: several lines in one write.
            try event.append("reads/stadium.txt", "AAA2,09:36:10\nCCC3,09:38:00\n")
            _ = writer.note("reads/stadium.txt", "AAA2,09:36:10")
            let last = writer.note("reads/stadium.txt", "CCC3,09:38:00")
            let burst = try await withDeadline("burst") {
                await run.feed.waitForLine(last, ofFile: "reads/stadium.txt")
            }
            #expect(burst)

            let live = await run.state.snapshot()
            let loaded = try await RaceState(folder: run.folder, log: ReadLogLoader.load(run.folder).log).snapshot()
            #expect(standingsSummary(live) == ["1 FIN 1 0:34:00", "2 FIN 2 0:36:10", "3 DNS - -"])
            #expect(live.evaluation.standings == loaded.evaluation.standings)
            #expect(live.evaluation.rejections == loaded.evaluation.rejections)
            #expect(live.evaluation.duplicateCount == loaded.evaluation.duplicateCount)
            let refs = await accountedRefs(live, in: run.state)
            #expect(Set(refs).count == refs.count)
            #expect(refs.count == writer.written.count)
            #expect(run.feed.status().linesDelivered == writer.written.count)
        }
    }

    @Test(arguments: modes)
    func copyTruncateKeepsEveryLineOnce(mode: TailMode) async throws {
        try await withCaughtUpRun([("reads/stadium.txt", "1,09:00:05\n2,09:00:07\n")], mode: mode) { event, run in
            var writer = LineWriter(event, run)
            _ = writer.note("reads/stadium.txt", "1,09:00:05")
            _ = writer.note("reads/stadium.txt", "2,09:00:07")
            try await writer.write("reads/km5.txt", "AAA1,09:17:00")
            try await writer.write("reads/km5.txt", "AAA2,09:18:30")

            // logrotate copytruncate: the content is copied away, the file emptied in place.
            let kept = try String(contentsOfFile: event.file("reads/km5.txt"), encoding: .utf8)
            try event.replace("reads/km5.txt.1", with: kept)
            try event.replace("reads/km5.txt", with: "")
            let noticed = await eventually { run.file("reads/km5.txt")?.lastNotice == .truncated }
            #expect(noticed)
            writer.startGeneration("reads/km5.txt")

            try await writer.write("reads/km5.txt", "CCC3,09:19:00")
            try await writer.write("reads/km5.txt", "AAA1,09:17:30")
            try await writer.write("reads/stadium.txt", "AAA1,09:34:00")
            #expect(run.file("reads/km5.txt")?.lastLineNumber == 4)

            try await expectMatchesReference(run, writer)
        }
    }

    @Test(arguments: modes)
    func renameAndNewFileKeepsEveryLineOnce(mode: TailMode) async throws {
        try await withCaughtUpRun([("reads/stadium.txt", "1,09:00:05\n2,09:00:07\n")], mode: mode) { event, run in
            var writer = LineWriter(event, run)
            _ = writer.note("reads/stadium.txt", "1,09:00:05")
            _ = writer.note("reads/stadium.txt", "2,09:00:07")
            try await writer.write("reads/km5.txt", "AAA1,09:17:00")

            // The file is renamed away; the decoder writes one more line to it
            // before it reopens the path and starts a new file.
            #expect(rename(event.file("reads/km5.txt"), event.file("reads/km5.txt.1")) == 0)
            try event.append("reads/km5.txt.1", "AAA2,09:18:30\n")
            _ = writer.note("reads/km5.txt", "AAA2,09:18:30")
            writer.startGeneration("reads/km5.txt")
            try event.append("reads/km5.txt", "CCC3,09:19:00\n")
            let number = writer.note("reads/km5.txt", "CCC3,09:19:00")
            let done = try await withDeadline("new file") {
                await run.feed.waitForLine(number, ofFile: "reads/km5.txt")
            }
            #expect(done)
            #expect(run.file("reads/km5.txt")?.lastNotice == .rotated)
            try await writer.write("reads/km5.txt", "AAA1,09:17:20")
            try await writer.write("reads/stadium.txt", "AAA1,09:34:00")

            try await expectMatchesReference(run, writer)
        }
    }

    @Test func stopEndsWaitersAndUpdates() async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        let run = try LiveRun(event)
        _ = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
        let updates = run.feed.updates()
        let feed = run.feed
        let waiting = Task { await feed.waitForLine(1, ofFile: "reads/km5.txt") }
        let listening = Task {
            for await _ in updates {}
            return true
        }
        await run.feed.stop()
        #expect(await waiting.value == false)
        let ended = try await withDeadline("updates end") { await listening.value }
        #expect(ended)
        // A stopped feed takes no more lines.
        try event.append("reads/km5.txt", "AAA1,09:17:00\n")
        try await Task.sleep(for: .milliseconds(150))
        #expect(await run.state.readCount == 0)
    }

    /// The live state equals a state loaded at once from every line written,
    /// numbered as the tailer numbers them, and no line counts twice.
    func expectMatchesReference(_ run: LiveRun, _ writer: LineWriter) async throws {
        let live = await run.state.snapshot()
        let reference = await referenceState(run.folder, lines: writer.written).snapshot()
        #expect(standingsSummary(live) == standingsSummary(reference))
        #expect(live.evaluation.standings == reference.evaluation.standings)
        #expect(live.evaluation.rejections == reference.evaluation.rejections)
        #expect(live.evaluation.duplicateCount == reference.evaluation.duplicateCount)
        #expect(
            await run.state.readCount == reference.evaluation.timelines.reduce(0) { $0 + $1.outcomes.count }
                + reference.evaluation.rejections.filter { $0.reason.kind == "unknown chip" }.count)
        let refs = await accountedRefs(live, in: run.state)
        #expect(Set(refs).count == refs.count, "a line was counted twice")
        #expect(refs.count == writer.written.count)
    }
}
