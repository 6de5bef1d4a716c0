import Dashboard
import DashboardApp
import RaceModel
import RaceStore
import ScreenGrid
import Snapshots
import TestSupport

/// The real dashboard (`runDashboard`: loop, snapshot fetcher, mailbox) run
/// in-process on a test terminal, its replay time on a manual clock. The
/// loop has its own thread, as in the program; the test presses keys and
/// awaits the frames they lead to.
struct RunningDashboard {
    let terminal: TestTerminal
    let clock: ManualClock
    let state: RaceState
    private let run: Task<Void, any Error>

    /// Starts the dashboard and waits for its first frame.
    init(
        state: RaceState, feed: FeedSource, width: Int = 80, height: Int = 24,
        liveNow: @escaping @Sendable (EventConfig) -> Millis = { _ in 0 }, feedWatch: FeedWatch? = nil
    ) async throws {
        let terminal = TestTerminal(width: width, height: height)
        let clock = ManualClock()
        self.terminal = terminal
        self.clock = clock
        self.state = state
        // No fetch interval: the fetcher runs on the manual clock too, and must not wait for it.
        run = Task {
            try await runDashboard(
                state: state, feed: feed, terminal: { terminal }, clock: clock, fetchInterval: .zero,
                feedWatch: feedWatch, liveNow: liveNow)
        }
        _ = try await terminal.frame("a first frame") { _ in true }
    }

    /// A replay of the sample feed from `time` of day.
    static func replay(
        from time: String, speed: Double = 60, paused: Bool = true,
        width: Int = 80, height: Int = 24
    ) async throws -> RunningDashboard {
        let state = try SampleFeed.state()
        let span = await state.feedSpan
        let clock = ReplayClock(
            event: await state.event, feedSpan: span, from: SampleFeed.clock(time), speed: speed, paused: paused)
        return try await RunningDashboard(state: state, feed: .replay(clock), width: width, height: height)
    }

    /// Waits for the dashboard to return, as it does after `q`.
    func ended() async throws {
        let result = try await withDeadline("the dashboard to return") { [run] in await run.result }
        try result.get()
    }

    /// Ends the dashboard as SIGTERM does, if it still runs, and waits for it.
    func stop() async throws {
        terminal.requestStop()
        try await ended()
    }

    /// What the renderer draws for `snapshot` and the session the keys led to: what the loop must show.
    static func expected(_ snapshot: RaceSnapshot, _ session: DashboardSession, width: Int = 80, height: Int = 24)
        -> Frame
    {
        DashboardRenderer.render(
            snapshot, ui: session.ui, feed: session.status(for: snapshot, liveNow: 0),
            width: width, height: height)
    }
}

/// Runs `body` on a started dashboard and stops it afterwards, also when `body` throws.
func withDashboard(
    _ start: () async throws -> RunningDashboard,
    _ body: (RunningDashboard) async throws -> Void
) async throws {
    let dashboard = try await start()
    do {
        try await body(dashboard)
    } catch {
        try? await dashboard.stop()
        throw error
    }
    try await dashboard.stop()
}

extension Frame {
    /// The time of day in the title bar (the first `HH:MM:SS`).
    var headerClock: Millis? {
        line(0).split(separator: " ").lazy.filter { $0.count == 8 && $0.filter { $0 == ":" }.count == 2 }
            .compactMap { TimeFormat.parseClock(String($0)) }.first
    }
}
