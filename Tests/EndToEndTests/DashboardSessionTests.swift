import Dashboard
import DashboardApp
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import ScreenGrid
import Testing

/// Keys through the dashboard's key handler to the replay clock, without a terminal.
@Suite struct DashboardSessionTests {
    func replaySession(at time: String = "10:00:00", paused: Bool = false) async throws -> (
        DashboardSession, RaceSnapshot
    ) {
        let state = try SampleFeed.state()
        let span = try #require(await state.feedSpan)
        let clock = ReplayClock(
            event: await state.event, feedSpan: span, from: SampleFeed.clock(time), speed: 60, paused: paused)
        return (DashboardSession(feed: .replay(clock)), await state.snapshot(at: clock.position))
    }

    func press(_ keys: [Key], _ session: inout DashboardSession, _ snapshot: RaceSnapshot) {
        for key in keys { session.press(key, snapshot: snapshot, height: 30) }
    }

    @Test func pauseSpeedAndSeekKeysDriveTheClock() async throws {
        var (session, snapshot) = try await replaySession()
        press([.char(" ")], &session, snapshot)
        #expect(session.replayClock?.paused == true)
        press([.char("+"), .char("+")], &session, snapshot)
        #expect(session.replayClock?.speed == 300)
        press([.char("-")], &session, snapshot)
        #expect(session.replayClock?.speed == 120)
        press([.char("]")], &session, snapshot)
        #expect(session.replayClock?.position == SampleFeed.clock("10:10:00"))
        press([.left, .left], &session, snapshot)
        #expect(session.replayClock?.position == SampleFeed.clock("10:08:00"))
        press([.char("[")], &session, snapshot)
        #expect(session.replayClock?.position == SampleFeed.clock("09:58:00"))
        press([.char("g")] + "11:15:30".map { .char($0) } + [.enter], &session, snapshot)
        #expect(session.replayClock?.position == SampleFeed.clock("11:15:30"))
        #expect(session.replayClock?.paused == true, "seeking keeps the pause")
        #expect(!session.quitRequested)
        press([.char("q")], &session, snapshot)
        #expect(session.quitRequested)
    }

    @Test func goingPastTheEndStopsThereAndSaysWhereTheFeedEnds() async throws {
        var (session, snapshot) = try await replaySession()
        press([.char("g")] + "23:00".map { .char($0) } + [.enter], &session, snapshot)
        let clock = try #require(session.replayClock)
        #expect(clock.position == clock.end)
        #expect(clock.paused)
        #expect(session.ui.message?.contains(TimeFormat.timeOfDay(clock.end)) == true)
        press([.char(" ")], &session, snapshot)
        #expect(session.replayClock?.paused == true)
        #expect(session.ui.message?.contains("end of the feed") == true)
    }

    @Test func advancingMovesOnlyARunningReplay() async throws {
        var (session, _) = try await replaySession()
        session.advance(byWall: .seconds(2))
        #expect(session.replayClock?.position == SampleFeed.clock("10:02:00"))
        var (paused, _) = try await replaySession(paused: true)
        paused.advance(byWall: .seconds(2))
        #expect(paused.replayClock?.position == SampleFeed.clock("10:00:00"))
    }

    @Test func headerStatusFollowsTheClockAndTheSnapshot() async throws {
        var (session, snapshot) = try await replaySession()
        press([.char(" "), .char("+")], &session, snapshot)
        let status = session.status(for: snapshot, liveNow: 0)
        let clock = try #require(session.replayClock)
        #expect(status.mode == .replay(speed: 120, paused: true))
        #expect(status.clock == snapshot.at)
        #expect(status.feedStart == clock.start)
        #expect(status.feedEnd == clock.end)
        #expect(status.wallNow == nil)
        #expect(session.wantedTime(liveNow: 0, feedEnd: nil) == clock.position)
    }

    @Test func liveIgnoresReplayKeysButQuits() async throws {
        let (_, snapshot) = try await replaySession()
        var session = DashboardSession(feed: .live)
        press([.char(" "), .char("]")], &session, snapshot)
        #expect(session.feed == .live)
        #expect(session.ui.message?.contains("live") == true)
        session.advance(byWall: .seconds(5))
        #expect(session.feed == .live)
        let status = session.status(for: snapshot, liveNow: SampleFeed.clock("10:00:07"))
        #expect(status.mode == .live)
        #expect(status.wallNow == SampleFeed.clock("10:00:07"))
        #expect(status.clock == snapshot.at)
        press([.ctrlC], &session, snapshot)
        #expect(session.quitRequested)
    }

    @Test func liveWantsTheWallClockInWholeSecondsButNeverHidesAReadAhead() {
        let session = DashboardSession(feed: .live)
        #expect(
            session.wantedTime(liveNow: SampleFeed.clock("10:00:07.250"), feedEnd: SampleFeed.clock("09:59:00"))
                == SampleFeed.clock("10:00:07"))
        #expect(
            session.wantedTime(liveNow: SampleFeed.clock("10:00:07.250"), feedEnd: SampleFeed.clock("10:00:09.5"))
                == SampleFeed.clock("10:00:09.5"))
        #expect(
            session.wantedTime(liveNow: SampleFeed.clock("10:00:07.250"), feedEnd: nil) == SampleFeed.clock("10:00:07"))
    }

    @Test func liveClockIsTheTimeOfDayAtTheEvent() throws {
        let event = try SampleFeed.folder().event  // 2025-04-06, +09:00
        let midnightUTC = 1_743_897_600_000  // 2025-04-06T00:00:00Z
        #expect(LiveClock.timeOfDay(unixMillis: midnightUTC, event: event) == SampleFeed.clock("09:00:00"))
        #expect(
            LiveClock.timeOfDay(unixMillis: midnightUTC - 9 * 3_600_000 - 1, event: event) == -1,
            "a moment before local midnight of the event date is the day before")
        #expect(
            LiveClock.timeOfDay(unixMillis: midnightUTC + 16 * 3_600_000, event: event) == SampleFeed.clock("25:00:00"))
    }
}
