import Dashboard
import DashboardApp
import Foundation
import LiveIngest
import RaceModel
import RaceStore
import ScreenGrid
import Snapshots
import Synchronization
import TestSupport
import Testing
import TimingIngest

/// A feed that reports on itself by hand: each `change` is what the live
/// feed's update stream would say after a file event.
final class HandFeed: Sendable {
    private let report = Mutex(FeedReport())
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1)) }

    var watch: FeedWatch {
        FeedWatch(changes: { self.stream }, report: { self.report.withLock { $0 } })
    }

    func change(_ next: FeedReport) {
        report.withLock { $0 = next }
        continuation.yield()
    }

    /// The sample race live at its last read, this feed reporting on it.
    func dashboard(width: Int = 80, height: Int = 24, _ body: (RunningDashboard) async throws -> Void) async throws {
        let state = try SampleFeed.state()
        let end = try #require(await state.feedSpan?.end)
        try await withDashboard(
            {
                try await RunningDashboard(
                    state: state, feed: .live, width: width, height: height, liveNow: { _ in end },
                    feedWatch: self.watch)
            }, body)
    }
}

/// Feed problems reach the live dashboard when they happen: the change wakes
/// the loop, no key and no new snapshot needed.
@Suite struct FeedWatchLoopTests {
    @Test func aDeletedFileShowsWithNoKeyPressedAndAFixClearsIt() async throws {
        let feed = HandFeed()
        try await feed.dashboard { d in
            #expect(d.terminal.frames.last?.frame.line(2).contains("FEED") == false)
            feed.change(FeedReport(problems: ["reads/km20.txt was deleted at 10:00:00; waiting for a new one"]))
            let shown = try await d.terminal.frame("the deleted file in the ticker") {
                $0.line(2).contains("FEED reads/km20.txt was deleted at 10:00:00")
            }
            #expect(shown.keysRead == 0)
            feed.change(FeedReport())
            let cleared = try await d.terminal.frame("the ticker back on the race alerts") {
                !$0.line(2).contains("FEED")
            }
            #expect(cleared.keysRead == 0)
        }
    }

    @Test func theCheckpointsViewListsEveryReadFile() async throws {
        let feed = HandFeed()
        try await feed.dashboard(width: 120, height: 50) { d in
            _ = try await d.terminal.pressAndDraw(.char("3"))
            feed.change(
                FeedReport(
                    problems: ["reads/km10.txt was truncated at 10:00:00; reading it again from its start"],
                    files: [
                        FeedFileLine(
                            path: "reads/km05.txt", bytes: 12_345, lines: 400, lastLineAt: nil, state: "following",
                            isProblem: false),
                        FeedFileLine(
                            path: "reads/km10.txt", bytes: 0, lines: 783, lastLineAt: nil,
                            state: "TRUNCATED 10:00:00", isProblem: true),
                    ]))
            let panel = try await d.terminal.frame("the feed panel") { $0.row(containing: "Read files: 2") != nil }
            let top = try #require(panel.frame.row(containing: "Read files: 2 followed · 1 NEED A LOOK"))
            // The file in trouble first.
            #expect(panel.frame.line(top + 1).hasPrefix(" ! reads/km10.txt"))
            #expect(panel.frame.line(top + 1).contains("TRUNCATED 10:00:00"))
            #expect(panel.frame.line(top + 2).contains("reads/km05.txt"))
            #expect(panel.frame.line(top + 2).contains("12.3 kB"))
        }
    }
}

/// A real live feed behind the dashboard: a bad config edit shows at once,
/// and fixing it clears it, with no key pressed.
@Suite struct LiveConfigOnScreenTests {
    @Test func aBadConfigEditShowsAndItsFixClearsIt() async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        let folder = try event.load()
        let state = RaceState(folder: folder)
        let feed = LiveFeed(
            folder: folder, state: state, options: LiveFeed.Options(configCheckInterval: .milliseconds(50)))
        feed.start()
        let watch = FeedWatch(feed, utcOffsetMinutes: folder.event.utcOffsetMinutes)
        try await withDashboard({
            try await RunningDashboard(
                state: state, feed: .live, width: 160, height: 30, liveNow: { _ in 9 * 3_600_000 }, feedWatch: watch)
        }) { d in
            try event.replace(
                "event.toml",
                with: LiveEventFolder.config.replacingOccurrences(of: "point = \"km5\"", with: "point = \"km6\""))
            let bad = try await d.terminal.frame("the refused edit in the ticker") {
                $0.line(2).contains("FEED config edit not loaded, previous config in use")
            }
            #expect(bad.keysRead == 0)
            try event.replace("event.toml", with: LiveEventFolder.config)
            let fixed = try await d.terminal.frame("the ticker clear of it") { !$0.line(2).contains("FEED") }
            #expect(fixed.keysRead == 0)
        }
        await feed.stop()
    }
}

/// What the dashboard is told about each file of a live feed.
@Suite struct FeedReportTests {
    func status(_ path: String, _ condition: FileCondition, notice: TailNotice? = nil) -> FileStatus {
        var s = FileStatus(path: path, absolutePath: "/nonexistent/" + path, pointIndex: 0, isBackup: false)
        s.condition = condition
        s.lastNotice = notice
        // 01:00:00 UTC is 10:00:00 at +09:00.
        s.lastNoticeAt = notice.map { _ in Date(timeIntervalSince1970: 3600) }
        s.lines = 7
        return s
    }

    /// Until every read file is read through, the standings and alerts are
    /// interim (a mat whose file is not read yet looks silent): the header
    /// says so in place of LIVE, with how many files are done.
    @Test func theHeaderSaysCatchingUpUntilEveryFileIsReadThrough() async throws {
        var read = status("reads/a.txt", .following)
        read.caughtUp = true
        var reading = status("reads/b.txt", .starting)
        let missing = status("reads/c.txt", .waitingForFile)
        let report = FeedReport(
            LiveStatus(files: [read, reading, missing]), utcOffsetMinutes: 0, fileSize: { _ in nil })
        #expect(report.catchingUp == FeedStatus.CatchUp(done: 1, of: 2))
        (reading.caughtUp, reading.condition) = (true, .following)
        let done = FeedReport(LiveStatus(files: [read, reading, missing]), utcOffsetMinutes: 0, fileSize: { _ in nil })
        #expect(done.catchingUp == nil)

        let feed = HandFeed()
        feed.change(report)
        try await feed.dashboard { d in
            _ = try await d.terminal.frame("catching up in the header") { $0.line(0).hasSuffix(" CATCHING UP 1/2") }
            // From the very first frame: LIVE never stands over a catch-up.
            #expect(d.terminal.frames.all.first?.frame.line(0).hasSuffix(" CATCHING UP 1/2") == true)
            feed.change(done)
            _ = try await d.terminal.frame("live again") { $0.line(0).hasSuffix(" LIVE") }
        }
    }

    @Test func deletedTruncatedRotatedUnreadableAndConfigErrorsAreAllProblems() {
        let live = LiveStatus(
            files: [
                status("reads/a.txt", .following, notice: .appeared),
                status("reads/b.txt", .deleted, notice: .deleted),
                status("reads/c.txt", .following, notice: .truncated),
                status("reads/d.txt", .following, notice: .rotated),
                status("reads/e.txt", .unreadable(reason: "Permission denied"), notice: .unreadable(reason: "x")),
                status("reads/f.txt", .waitingForFile),
            ], configError: "event.toml:3: unknown key 'gnu'",
            journalProblems: [
                "corrections.csv:5: unknown bib 77; row skipped", "corrections.csv:6: bad time; row skipped",
            ])
        let report = FeedReport(live, utcOffsetMinutes: 9 * 60, fileSize: { _ in nil })
        #expect(
            report.problems == [
                "config edit not loaded, previous config in use: event.toml:3: unknown key 'gnu'",
                "corrections.csv:5: unknown bib 77; row skipped",
                "corrections.csv:6: bad time; row skipped",
                "reads/b.txt was deleted at 10:00:00; waiting for a new one",
                "reads/c.txt was truncated at 10:00:00; reading it again from its start",
                "reads/d.txt was replaced (rotated) at 10:00:00; reading the new file",
                "reads/e.txt cannot be read at 10:00:00: Permission denied",
            ])
        #expect(
            report.files.map(\.state) == [
                "following", "DELETED 10:00:00", "TRUNCATED 10:00:00", "ROTATED 10:00:00", "UNREADABLE 10:00:00",
                "no file yet",
            ])
        #expect(report.files.map(\.isProblem) == [false, true, true, true, true, false])
        #expect(report.files.allSatisfy { $0.lines == 7 && $0.bytes == nil })
        // A file that was not written yet is normal on race morning, and a fixed config says nothing.
        #expect(
            FeedReport(LiveStatus(files: [status("reads/f.txt", .waitingForFile)]), utcOffsetMinutes: 0).problems
                .isEmpty)
    }
}
