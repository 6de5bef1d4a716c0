import RaceState

/// `racedash live` on a terminal: the dashboard app loop over a `LiveFeed`.
/// The dashboard module fills this in; until then live runs headless.
func runLiveDashboard(eventPath: String, summaryEvery: Duration, options: LiveFeed.Options = LiveFeed.Options()) async throws {
    writeLine("racedash live: dashboard for live arrives with the dashboard module; printing headless output", to: 2)
    try await runLiveHeadless(eventPath: eventPath, summaryEvery: summaryEvery, options: options)
}
