import Dashboard
import Foundation
import RaceModel
import RaceStore
import ScreenGrid
import Snapshots
import TerminalBackend

/// Runs the full-screen dashboard over `state` until the user quits (`q`,
/// Ctrl-C) or the process gets SIGTERM or SIGHUP, then restores the terminal
/// and returns. Throws `TerminalError` when stdin or stdout is not a terminal
/// or TERM is unknown, before drawing anything.
///
/// Live: whoever feeds `state` (the live feed) keeps doing so meanwhile; the
/// dashboard shows each new version within about 100 ms.
///
/// `feedWatch` (live) tells what is wrong with the feed itself, shown ahead
/// of every race alert, and each read file's state: the screen follows each
/// change as it happens, with no key pressed. `feedDecoders` is asked at each
/// redraw for the decoder links the checkpoints view lists.
/// `liveNow` tells live mode the time of day now: the wall clock at the
/// event on race day (the default), or another clock (a simulated race);
/// `clockFollowsReads`: it is not race day and the clock is the newest read.
public func runDashboard(
    state: RaceState, feed: FeedSource, colors: Bool = true, journal: JournalWriter? = nil,
    clockFollowsReads: Bool = false,
    feedWatch: FeedWatch? = nil,
    feedDecoders: @escaping @Sendable () -> [DecoderLine] = { [] },
    liveNow: @escaping @Sendable (EventConfig) -> Millis = LiveClock.now(event:)
) async throws {
    try await runDashboard(
        state: state, feed: feed, terminal: { CursesTerminal(colors: colors) }, clock: ContinuousClock(),
        journal: journal, clockFollowsReads: clockFollowsReads,
        feedWatch: feedWatch, feedDecoders: feedDecoders, liveNow: liveNow)
}

/// The dashboard on any terminal, with replay time and snapshot pacing from
/// `clock`: what tests run in-process, on a test terminal and a clock they move.
///
/// The terminal is made and used on a thread of its own, never on the
/// concurrency pool, whose few threads must not block in `readKey`.
/// Snapshots are fetched by a task, at most one per `fetchInterval`, and
/// reach that thread through a mailbox.
public func runDashboard<C: Clock>(
    state: RaceState, feed: FeedSource, terminal makeTerminal: @escaping @Sendable () -> any Terminal,
    clock: C, fetchInterval: Duration = .milliseconds(100), journal: JournalWriter? = nil,
    clockFollowsReads: Bool = false,
    feedWatch: FeedWatch? = nil,
    feedDecoders: @escaping @Sendable () -> [DecoderLine] = { [] },
    liveNow: @escaping @Sendable (EventConfig) -> Millis = LiveClock.now(event:)
) async throws where C.Duration == Duration {
    let event = await state.event
    let session = DashboardSession(feed: feed, journal: journal, clockFollowsReads: clockFollowsReads)
    let firstAt = session.wantedTime(liveNow: liveNow(event), feedEnd: await state.feedSpan?.end)
    let first = await state.snapshot(at: firstAt)
    let mailbox = SnapshotMailbox(wanted: firstAt)
    let fetcher = Task.detached {
        await SnapshotFetcher(state: state, mailbox: mailbox, minInterval: fetchInterval, clock: clock)
            .run(current: (first.at, first.version))
    }
    // The feed's word on itself for the first frame: without it the header said LIVE over a catch-up.
    let firstReport = feedWatch?.report() ?? FeedReport()
    let watcher = feedWatch.map { watch in Task.detached { await watch.forward(to: mailbox) } }
    defer {
        mailbox.close()
        fetcher.cancel()
        watcher?.cancel()
    }
    try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
        let thread = Thread {
            let loop = DashboardLoop(
                terminal: makeTerminal(), clock: clock, mailbox: mailbox, session: session,
                first: first, feedReport: firstReport, feedDecoders: feedDecoders, liveNow: liveNow)
            do {
                try loop.run()
                done.resume()
            } catch {
                done.resume(throwing: error)
            }
        }
        thread.name = "racedash-ui"
        thread.start()
    }
}
