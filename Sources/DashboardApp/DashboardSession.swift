import Dashboard
import RaceModel
import RaceStore
import Snapshots
import ScreenGrid

/// Appends one row to the officials' journal and returns once it is on
/// disk (fsync'd): the line it went on. Throws with the reason it could not.
public typealias JournalWriter = @Sendable (CorrectionRequest) throws -> Int

/// What the loop keeps between frames besides the terminal and the snapshot:
/// the user's choices and the clock. Pure but for the journal writer it is
/// given, so what a key does to a replay is tested without a terminal.
public struct DashboardSession: Sendable {
    public var ui = UIState()
    public private(set) var feed: FeedSource
    public private(set) var quitRequested = false
    /// Live, not on race day: the clock follows the newest read (see `LiveClock.followingTheFeed`).
    public let clockFollowsReads: Bool
    /// Live only: replay never writes the journal.
    let journal: JournalWriter?

    public init(feed: FeedSource, journal: JournalWriter? = nil, clockFollowsReads: Bool = false) {
        self.feed = feed
        self.clockFollowsReads = clockFollowsReads
        if case .live = feed { self.journal = journal } else { self.journal = nil }
    }

    public var keyMode: KeyMode {
        if case .live = feed { return .live }
        return .replay
    }

    public var replayClock: ReplayClock? {
        if case .replay(let clock) = feed { return clock }
        return nil
    }

    /// Gives a key to the dashboard's key handler, then carries out the
    /// commands it returns. `height` is the terminal's; `feedProblems` are
    /// those the alerts view lists above the race alerts.
    public mutating func press(_ key: Key, snapshot: RaceSnapshot, height: Int, feedProblems: [String] = []) {
        let (next, commands) = KeyHandler.handle(
            key, ui, snapshot: snapshot, height: height, now: snapshot.at, mode: keyMode,
            writable: journal != nil, feedProblems: feedProblems)
        ui = next
        for command in commands { perform(command) }
    }

    public mutating func perform(_ command: Command) {
        switch command {
        case .quit: quitRequested = true
        case .replay(let control): perform(control)
        case .writeCorrection(let request): write(request)
        }
    }

    /// The screen says "written" only after the row is on disk; live picks
    /// the journal up like any config edit and the standings follow.
    private mutating func write(_ request: CorrectionRequest) {
        guard let journal else {
            ui.message = KeyHandler.readOnlyMessage
            return
        }
        let what = "\(request.action) bib \(request.bib)" + (request.value.isEmpty ? "" : " \(request.value)")
        do {
            let line = try journal(request)
            ui.message = "written: \(what), \(Correction.journalName) line \(line)"
        } catch {
            ui.message = "NOT written: \(what): \(error)"
        }
    }

    private mutating func perform(_ control: ReplayControl) {
        guard var clock = replayClock else {
            ui.message = KeyHandler.liveClockMessage
            return
        }
        switch control {
        case .togglePause:
            if clock.atEnd { ui.message = "end of the feed: ← or [ seeks back, g goes to a time" }
            clock.togglePause()
        case .faster:
            clock.faster()
        case .slower:
            clock.slower()
        case .seek(let delta):
            clock.seek(by: delta)
        case .seekTo(let time):
            clock.seek(to: time)
            if clock.position != time {
                ui.message =
                    "the feed runs from \(TimeFormat.timeOfDay(clock.start)) to \(TimeFormat.timeOfDay(clock.end))"
            }
        }
        feed = .replay(clock)
    }

    /// Moves a running replay on by `elapsed` of wall time.
    public mutating func advance(byWall elapsed: Duration) {
        guard var clock = replayClock else { return }
        clock.advance(byWall: elapsed)
        feed = .replay(clock)
    }

    /// The time of day to ask the race state for. Live: the wall clock in
    /// whole seconds (finer would refetch for nothing), or the newest read
    /// when a decoder's clock runs ahead, so no read that arrived is hidden.
    public func wantedTime(liveNow: Millis, feedEnd: Millis?) -> Millis {
        switch feed {
        case .replay(let clock):
            return clock.position
        case .live:
            return max(liveNow - liveNow % 1000, feedEnd ?? .min)
        }
    }

    /// What the header shows. Its clock is the snapshot's time, so the clock
    /// and the standings under it always agree.
    public func status(for snapshot: RaceSnapshot, liveNow: Millis) -> FeedStatus {
        switch feed {
        case .replay(let clock):
            return FeedStatus(
                mode: .replay(speed: clock.speed, paused: clock.paused), clock: snapshot.at,
                feedStart: clock.start, feedEnd: clock.end)
        case .live:
            var status = FeedStatus(
                mode: .live, clock: snapshot.at, feedStart: snapshot.feedStart,
                feedEnd: snapshot.feedEnd, wallNow: liveNow)
            status.clockFollowsReads = clockFollowsReads
            return status
        }
    }
}
