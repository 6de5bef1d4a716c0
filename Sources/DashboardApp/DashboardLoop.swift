import Dashboard
import RaceModel
import RaceStore
import Snapshots
import ScreenGrid

/// The interactive loop. Lives on one thread from start to end because
/// curses must: every terminal call happens here. Keys never draw; they
/// change the session and mark the screen dirty, and one place draws.
///
/// A running replay moves by the time `clock` says passed, so a test that
/// owns the clock decides how far it moves.
final class DashboardLoop<C: Clock> where C.Duration == Duration {
    /// Short, so a running replay's clock moves smoothly between keys.
    static var keyTimeoutMs: Int { 50 }
    /// Keys already waiting are handled together before one redraw, so a
    /// pasted or held-down key does not draw every intermediate screen.
    static var keyBurst: Int { 64 }

    private let terminal: any Terminal
    private let clock: C
    private let mailbox: SnapshotMailbox
    private var session: DashboardSession
    private var snapshot: RaceSnapshot
    private var dirty = true
    /// The live feed's latest word on itself, as the mailbox delivered it.
    private var feedReport = FeedReport()
    private let feedDecoders: @Sendable () -> [DecoderLine]
    private let liveNow: @Sendable (EventConfig) -> Millis

    init(
        terminal: any Terminal, clock: C, mailbox: SnapshotMailbox, session: DashboardSession, first: RaceSnapshot,
        feedReport: FeedReport = FeedReport(), feedDecoders: @escaping @Sendable () -> [DecoderLine] = { [] },
        liveNow: @escaping @Sendable (EventConfig) -> Millis = LiveClock.now(event:)
    ) {
        self.terminal = terminal
        self.clock = clock
        self.mailbox = mailbox
        self.session = session
        self.snapshot = first
        self.feedReport = feedReport
        self.feedDecoders = feedDecoders
        self.liveNow = liveNow
    }

    /// Until quit, Ctrl-C or the terminal's stop request (SIGTERM, SIGHUP).
    /// The terminal is restored however this returns.
    func run() throws {
        try terminal.start()
        defer { terminal.stop() }
        // A snapshot or a feed report ends the wait for a key: it is drawn at once.
        mailbox.wakes(terminal.waker)
        var last = clock.now
        var shownSecond = liveNow(snapshot.event) / 1000
        var shownWallSecond = LiveClock.unixMillisNow() / 1000
        while !session.quitRequested, !terminal.stopRequested {
            if dirty { draw() }
            var key = terminal.readKey(timeoutMs: Self.keyTimeoutMs)
            var handled = 0
            while let pressed = key, !terminal.stopRequested {
                handle(pressed)
                handled += 1
                if session.quitRequested || handled == Self.keyBurst { break }
                key = terminal.readKey(timeoutMs: 0)
            }
            if session.quitRequested || terminal.stopRequested { break }

            let now = clock.now
            session.advance(byWall: last.duration(to: now))
            last = now
            // From the newest snapshot's event: a live reload may correct the UTC offset.
            let liveNow = liveNow(snapshot.event)
            mailbox.want(session.wantedTime(liveNow: liveNow, feedEnd: snapshot.feedEnd))
            if let fresh = mailbox.takeNew() {
                let shown = snapshot
                snapshot = fresh
                Disposal.letGo(consume shown)
                dirty = true
            }
            takeFeedReport()
            // Live, "last read N s ago" counts on even when nothing arrives.
            if case .live = session.feed, liveNow / 1000 != shownSecond {
                shownSecond = liveNow / 1000
                dirty = true
            }
            // The feed panel's ages count on even when the race clock follows the feed.
            if case .live = session.feed, session.ui.view == .checkpoints, !feedReport.files.isEmpty {
                let wallSecond = LiveClock.unixMillisNow() / 1000
                if wallSecond != shownWallSecond {
                    shownWallSecond = wallSecond
                    dirty = true
                }
            }
        }
    }

    /// A feed report redraws at once when its problems changed. Line counts
    /// and sizes change with every line: the feed panel shows them at its
    /// once-a-second redraw (or with the next snapshot), not at every line.
    private func takeFeedReport() {
        guard let report = mailbox.takeNewFeedReport() else { return }
        if report.problems != feedReport.problems || report.catchingUp != feedReport.catchingUp { dirty = true }
        feedReport = report
    }

    private func handle(_ key: Key) {
        dirty = true
        switch key {
        case .resize:
            break  // the terminal already knows its new size and repaints in full
        case .char("\u{0C}"):
            terminal.invalidate()  // Ctrl-L: repaint a screen something else wrote over
        default:
            session.press(key, snapshot: snapshot, height: terminal.size.height, feedProblems: feedReport.problems)
        }
    }

    private func draw() {
        let (width, height) = terminal.size
        var feed = session.status(for: snapshot, liveNow: liveNow(snapshot.event))
        feed.problems = feedReport.problems
        feed.files = feedReport.files
        feed.catchingUp = feedReport.catchingUp
        feed.wallUnixMs = LiveClock.unixMillisNow()
        feed.decoders = feedDecoders()
        terminal.draw(DashboardRenderer.render(snapshot, ui: session.ui, feed: feed, width: width, height: height))
        dirty = false
    }
}
