import Dashboard
import DashboardApp
import RaceModel
import RaceStore
import ScreenGrid
import Snapshots
import TestSupport
import Synchronization
import Testing

/// The dashboard loop in-process on a test terminal: keys in, frames out,
/// replay time from a manual clock. Every wait is for a frame or the loop's
/// end, never for time to pass.
@Suite struct DashboardLoopTests {
    static let start = "10:00:00"

    func replay(paused: Bool = true) async throws -> RunningDashboard {
        try await .replay(from: Self.start, paused: paused)
    }

    /// The session a replay of the sample feed is in after `keys`, for the renderer's view of the same screen.
    func session(after keys: [Key], state: RaceState, snapshot: RaceSnapshot) async throws -> DashboardSession {
        let span = await state.feedSpan
        let clock = ReplayClock(event: snapshot.event, feedSpan: span, from: SampleFeed.clock(Self.start), paused: true)
        var session = DashboardSession(feed: .replay(clock))
        for key in keys { session.press(key, snapshot: snapshot, height: 24) }
        return session
    }

    @Test func numberKeysSwitchViewsAndEachScreenIsTheRenderersOwn() async throws {
        try await withDashboard({ try await replay() }) { d in
            let snapshot = await d.state.snapshot(at: SampleFeed.clock(Self.start))
            let marks = [
                "2": "Division: amateur", "3": "Where the field is", "4": "No runner chosen",
                "5": " critical · ", "6": "Due at the finish", "1": "Bib Women",
            ]
            var pressed: [Key] = []
            for key in ["2", "3", "4", "5", "6", "1"] {
                pressed.append(.char(Character(key)))
                let drawn = try await d.terminal.pressAndDraw(.char(Character(key)))
                #expect(drawn.frame.row(containing: marks[key]!) != nil, "view \(key): \(drawn)")
                #expect(
                    drawn.frame
                        == RunningDashboard.expected(
                            snapshot, try await session(after: pressed, state: d.state, snapshot: snapshot)),
                    "view \(key) as the loop drew it differs from the renderer's")
            }
        }
    }

    @Test func questionMarkShowsTheKeysAndEscOrQuestionMarkHidesThem() async throws {
        try await withDashboard({ try await replay() }) { d in
            let help = "show or hide this help"
            #expect(try await d.terminal.pressAndDraw(.char("?")).frame.row(containing: help) != nil)
            #expect(try await d.terminal.pressAndDraw(.char("?")).frame.row(containing: help) == nil)
            #expect(try await d.terminal.pressAndDraw(.function(1)).frame.row(containing: help) != nil, "F1 too")
            let closed = try await d.terminal.pressAndDraw(.escape)
            #expect(closed.frame.row(containing: help) == nil)
            #expect(closed.frame.row(containing: "Bib Men") != nil, "back on the elite view")
        }
    }

    @Test func qQuitsAndGivesTheTerminalBack() async throws {
        let d = try await replay()
        #expect(d.terminal.isStarted)
        #expect(!d.terminal.isStopped)
        let drawn = d.terminal.frames.count
        d.terminal.press(.char("2"), .char("q"), .char("3"))
        try await d.ended()
        #expect(d.terminal.isStopped)
        #expect(d.terminal.frames.count == drawn, "q ends the loop before it draws the keys before it")
    }

    @Test func ctrlCQuitsAndAStopRequestEndsTheLoop() async throws {
        let d = try await replay()
        d.terminal.press(.ctrlC)
        try await d.ended()
        #expect(d.terminal.isStopped)

        let signalled = try await replay()
        signalled.terminal.requestStop()
        try await signalled.ended()
        #expect(signalled.terminal.isStopped)
    }

    @Test func aResizeRedrawsInFullAtTheNewSize() async throws {
        try await withDashboard({ try await replay() }) { d in
            let wide = try await d.terminal.frame(afterKeys: d.terminal.resize(width: 120, height: 40))
            #expect(wide.frame.width == 120 && wide.frame.height == 40)
            #expect(wide.full)
            #expect(wide.lines[0].hasSuffix("PAUSED 60x"), "the title bar reaches the new right edge")

            let small = try await d.terminal.frame(afterKeys: d.terminal.resize(width: 60, height: 20))
            #expect(small.lines[0] == "terminal too small: need 80x24, have 60x20")

            let back = try await d.terminal.frame(afterKeys: d.terminal.resize(width: 80, height: 24))
            #expect(back.frame.width == 80 && back.full)
            #expect(back.frame.row(containing: "Bib Men") != nil, "recovers when the window grows")
        }
    }

    @Test func ctrlLRepaintsTheWholeScreen() async throws {
        try await withDashboard({ try await replay() }) { d in
            #expect(!(try await d.terminal.pressAndDraw(.char("2")).full), "a key alone redraws what changed")
            let repaint = try await d.terminal.pressAndDraw(.char("\u{0C}"))
            #expect(repaint.full)
            #expect(repaint.frame.row(containing: "Division: amateur") != nil, "the same view, repainted")
            #expect(!(try await d.terminal.pressAndDraw(.char("3")).full))
        }
    }

    @Test func replayKeysMoveTheClockInTheHeader() async throws {
        try await withDashboard({ try await replay() }) { d in
            func clock(after change: String, from before: String) async throws -> Millis? {
                try await d.terminal.frame(change) { $0.headerClock != SampleFeed.clock(before) }.frame.headerClock
            }
            d.terminal.press(.char("]"))
            #expect(try await clock(after: "] seeking 10 minutes on", from: "10:00:00") == SampleFeed.clock("10:10:00"))
            d.terminal.press(.left)
            #expect(try await clock(after: "← seeking a minute back", from: "10:10:00") == SampleFeed.clock("10:09:00"))
            d.terminal.type("g09:30")
            d.terminal.press(.enter)
            #expect(try await clock(after: "g going to 09:30", from: "10:09:00") == SampleFeed.clock("09:30:00"))

            // Running at 60x, a second of the loop's clock is a minute of race.
            let running = try await d.terminal.pressAndDraw(.char(" "))
            #expect(running.lines[0].hasSuffix("REPLAY 60x"))
            d.clock.advance(by: .seconds(1))
            #expect(try await clock(after: "a second at 60x", from: "09:30:00") == SampleFeed.clock("09:31:00"))
            #expect(try await d.terminal.pressAndDraw(.char("+")).lines[0].hasSuffix("REPLAY 120x"))

            // Paused, the clock stands however much time passes; a seek still moves it.
            #expect(try await d.terminal.pressAndDraw(.char(" ")).lines[0].hasSuffix("PAUSED 120x"))
            d.clock.advance(by: .seconds(10))
            d.terminal.press(.char("]"))
            #expect(try await clock(after: "] while paused", from: "09:31:00") == SampleFeed.clock("09:41:00"))
        }
    }

    @Test func aBurstOfKeysIsHandledBeforeOneRedraw() async throws {
        try await withDashboard({ try await replay() }) { d in
            let before = d.terminal.press([])
            let burst = d.terminal.press(["2", "3", "4", "5", "?", "?", "3"].map { Key.char(Character($0)) })
            let drawn = try await d.terminal.frame(afterKeys: burst)
            #expect(drawn.frame.row(containing: "Where the field is") != nil)
            #expect(d.terminal.keysReadByFrames(in: before..<burst) == [], "no screen drawn halfway through the burst")

            // A longer one (a held key) still redraws every 64 keys, so the screen does not freeze.
            let long = d.terminal.press(Array(repeating: .tab, count: 99) + [.char("5")])
            let end = try await d.terminal.frame(afterKeys: long)
            #expect(end.frame.row(containing: "critical ·") != nil)
            #expect(d.terminal.keysReadByFrames(in: burst..<long) == [burst + 64])
        }
    }

    @Test func aNewSnapshotInTheMailboxIsDrawn() async throws {
        let folder = try LiveEventFolder()
        defer { folder.remove() }
        let state = RaceState(folder: try folder.load())
        let now = SampleFeed.clock("09:10:00")
        try await withDashboard({ try await RunningDashboard(state: state, feed: .live, liveNow: { _ in now }) }) { d in
            let field = try await d.terminal.pressAndDraw(.char("a"))
            #expect(field.frame.row(containing: "Ri Jong Ho") != nil)
            #expect(field.lines[1].hasPrefix(" Started 0 "))
            // A read arrives: the state changes, the fetcher fetches, the loop draws the new snapshot on its own.
            await state.append(line: "1,09:00:04", number: 1, file: 0)
            await state.append(line: "1,09:07:30", number: 1, file: 1)
            let moved = try await d.terminal.frame("runner 1 started") { $0.line(1).hasPrefix(" Started 1 ") }
            #expect(
                moved.frame.row(containing: "Ri Jong Ho").map { moved.lines[$0].contains("5K") } == true,
                "\(moved.lines.joined(separator: "\n"))")
        }
    }

    @Test func liveTheAgeOfTheLastReadCountsOnWithNothingArriving() async throws {
        let folder = try LiveEventFolder()
        defer { folder.remove() }
        let state = RaceState(folder: try folder.load())
        await state.append(line: "1,09:00:04", number: 1, file: 0)
        let now = Mutex(SampleFeed.clock("09:00:30"))
        try await withDashboard({
            try await RunningDashboard(state: state, feed: .live, liveNow: { _ in now.withLock { $0 } })
        }) { d in
            _ = try await d.terminal.frame("the read 26 s ago") { $0.line(1).hasSuffix("last read 26s ago") }
            now.withLock { $0 += 1_000 }
            _ = try await d.terminal.frame("a second later") { $0.line(1).hasSuffix("last read 27s ago") }
            now.withLock { $0 += 60_000 }
            let quiet = try await d.terminal.frame("a quiet feed") { $0.line(1).hasSuffix("last read 1:27 ago") }
            #expect(quiet.lines[1].hasSuffix("! last read 1:27 ago"), "a minute without reads is a warning")
        }
    }
}
