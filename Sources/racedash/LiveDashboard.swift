import DashboardApp
import RaceModel
import LiveIngest
import RaceStore
import Snapshots
import TimingIngest

/// `racedash live` on a terminal: the dashboard over a `LiveFeed` that keeps
/// tailing the read files while officials watch.
/// `liveNow` is the clock: by default the wall clock on race day, and the
/// feed's newest read on any other day.
func runLiveDashboard(eventPath: String, options: LiveFeed.Options = LiveFeed.Options(),
                      liveNow: (@Sendable (EventConfig) -> Millis)? = nil) async throws {
    let folder: EventFolder
    do {
        folder = try EventFolder.load(eventPath)
    } catch {
        throw RacedashError(error.description)
    }
    let state = RaceState(folder: folder)
    let feed = LiveFeed(folder: folder, state: state, options: options)
    feed.start()
    // No cancelOnTerminationSignals here: the terminal guard owns SIGINT and
    // SIGTERM while the dashboard runs, and restores the terminal on them.
    do {
        let clock = liveNow ?? (LiveClock.isRaceDay(event: folder.event) ? LiveClock.now(event:) : LiveClock.followingTheFeed(event:))
        try await runDashboard(state: state, feed: .live, feedProblems: { feed.status().problems }, liveNow: clock)
    } catch {
        await feed.stop()
        throw error
    }
    await feed.stop()
}
