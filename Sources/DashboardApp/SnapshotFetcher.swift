import RaceModel
import RaceStore
import Snapshots

/// Pulls snapshots from the race state for the UI thread, off that thread:
/// at most one per `minInterval`, and only when the wanted time or the
/// state's version moved. A snapshot of a big race takes a while; the UI
/// keeps drawing the previous one meanwhile.
public struct SnapshotFetcher: Sendable {
    public let state: RaceState
    public let mailbox: SnapshotMailbox
    public let minInterval: Duration
    /// How soon a seek or a new read is noticed when nothing else is going on.
    public let pollInterval: Duration

    public init(state: RaceState, mailbox: SnapshotMailbox,
                minInterval: Duration = .milliseconds(100), pollInterval: Duration = .milliseconds(20)) {
        self.state = state
        self.mailbox = mailbox
        self.minInterval = minInterval
        self.pollInterval = pollInterval
    }

    /// Runs until the mailbox is closed or the task is cancelled. `current`
    /// describes the snapshot the UI already has, so it is not fetched again.
    public func run(current: (at: Millis, version: Int)? = nil) async {
        let clock = ContinuousClock()
        var have = current
        var lastFetch: ContinuousClock.Instant?
        while !Task.isCancelled, !mailbox.isClosed {
            let wanted = mailbox.wanted
            let version = await state.version
            guard have.map({ $0.at != wanted || $0.version != version }) ?? true else {
                try? await Task.sleep(for: pollInterval)
                continue
            }
            if let lastFetch, clock.now < lastFetch + minInterval {
                try? await Task.sleep(until: lastFetch + minInterval, clock: clock)
                continue  // the wanted time has likely moved on meanwhile
            }
            lastFetch = clock.now
            let snapshot = await state.snapshot(at: wanted)
            mailbox.deposit(snapshot)
            have = (snapshot.at, snapshot.version)
        }
    }
}
