import Dashboard
import DashboardApp
import Foundation
import DecoderLink
import RaceModel
import LiveIngest
import RaceStore
import Snapshots
import TimingIngest

/// `racedash live` on a terminal: the dashboard over a `LiveFeed` that keeps
/// tailing the read files while officials watch.
/// `liveNow` is the clock: by default the wall clock on race day, and the
/// feed's newest read on any other day.
func runLiveDashboard(
    eventPath: String, options: LiveFeed.Options = LiveFeed.Options(),
    liveNow: (@Sendable (EventConfig) -> Millis)? = nil
) async throws {
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
        let followsReads = liveNow == nil && !LiveClock.isRaceDay(event: folder.event)
        let clock = liveNow ?? (followsReads ? LiveClock.followingTheFeed(event:) : LiveClock.now(event:))
        // The decoders' passings reach the read files first; the feed tails them from there.
        try await withDecoderCapture(eventPath: eventPath, report: nil, summaryEvery: .seconds(30), liveNow: clock) {
            capture in
            try await runDashboard(
                state: state, feed: .live, journal: journalWriter(folder), clockFollowsReads: followsReads,
                feedWatch: FeedWatch(feed, utcOffsetMinutes: folder.event.utcOffsetMinutes),
                feedDecoders: { capture?.statuses.map(decoderLine) ?? [] }, liveNow: clock)
        }
    } catch {
        await feed.stop()
        throw error
    }
    await feed.stop()
}

/// Rows the dashboard writes to the folder's `corrections.csv`: stamped
/// with the wall-clock time at the event's UTC offset and the user's login.
func journalWriter(_ folder: EventFolder) -> JournalWriter {
    let path = folder.correctionsPath
    let who = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "dashboard"
    let offset = folder.event.utcOffsetMinutes * 60
    return { request in
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: offset)
        return try CorrectionsJournalFile.append(
            to: path, when: formatter.string(from: Date()), who: who, bib: request.bib,
            action: request.action, value: request.value, reason: request.reason)
    }
}

/// A decoder's status as the checkpoints view lists it.
func decoderLine(_ status: DecoderStatus) -> DecoderLine {
    DecoderLine(
        point: status.pointId, isUp: status.link == .connected,
        text: "\(status.kind.rawValue) \(status.endpoint) " + DecoderStatusText.details(status))
}
