import DashboardApp
import RaceState
import TimingIngest

/// `racedash live` on a terminal: the dashboard over a `LiveFeed` that keeps
/// tailing the read files while officials watch.
func runLiveDashboard(eventPath: String, options: LiveFeed.Options = LiveFeed.Options()) async throws {
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
        try await runDashboard(state: state, feed: .live, feedProblems: { feed.status().problems })
    } catch {
        await feed.stop()
        throw error
    }
    await feed.stop()
}
