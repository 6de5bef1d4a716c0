import RaceModel
import RaceStore
import Snapshots

/// Pulls snapshots from the race state for the UI thread, off that thread:
/// at most one per `minInterval` of `clock`, and only when the wanted time or
/// the state's version moved. It sleeps until one of them does (the mailbox
/// and the state both signal), so an idle dashboard costs nothing. A snapshot
/// of a big race takes a while; the UI keeps drawing the previous one meanwhile.
public struct SnapshotFetcher<C: Clock>: Sendable where C.Duration == Duration {
    public let state: RaceState
    public let mailbox: SnapshotMailbox
    public let minInterval: Duration
    public let clock: C

    public init(state: RaceState, mailbox: SnapshotMailbox, minInterval: Duration = .milliseconds(100), clock: C) {
        self.state = state
        self.mailbox = mailbox
        self.minInterval = minInterval
        self.clock = clock
    }

    /// Runs until the mailbox is closed or the task is cancelled. `current`
    /// describes the snapshot the UI already has, so it is not fetched again.
    public func run(current: (at: Millis, version: Int)? = nil) async {
        // Subscribed before the first look, so no change falls between the two.
        let changes = await state.changes()
        let forwarder = Task { [mailbox] in
            for await _ in changes { mailbox.ring() }
        }
        defer { forwarder.cancel() }

        var have = current
        var lastFetch: C.Instant?
        var rings = mailbox.rings.makeAsyncIterator()
        while !Task.isCancelled, !mailbox.isClosed {
            let wanted = mailbox.wanted
            let version = await state.version
            guard have.map({ $0.at != wanted || $0.version != version }) ?? true else {
                // Nothing to fetch: sleep until something moves.
                if await rings.next() == nil { return }
                continue
            }
            if let lastFetch, clock.now < lastFetch.advanced(by: minInterval) {
                try? await clock.sleep(until: lastFetch.advanced(by: minInterval), tolerance: nil)
                continue  // the wanted time has likely moved on meanwhile
            }
            lastFetch = clock.now
            var snapshot = await state.snapshot(at: wanted)
            // Here, off the actor and off the screen's thread.
            snapshot.prepareForDashboard()
            mailbox.deposit(snapshot)
            have = (snapshot.at, snapshot.version)
        }
    }
}

extension SnapshotFetcher where C == ContinuousClock {
    public init(state: RaceState, mailbox: SnapshotMailbox, minInterval: Duration = .milliseconds(100)) {
        self.init(state: state, mailbox: mailbox, minInterval: minInterval, clock: ContinuousClock())
    }
}
