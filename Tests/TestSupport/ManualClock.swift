import Synchronization

/// A clock that moves only when a test says so, for code that paces itself
/// with an injected clock: what happens "100 ms later" happens when the test
/// advances it, however busy the machine is.
public final class ManualClock: Clock, Sendable {
    public struct Instant: InstantProtocol {
        public var offset: Duration

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private struct Sleeper {
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleepers = Waiters<Sleeper>()
        var sleeperWatchers: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    public init() {}

    public var now: Instant { state.withLock { $0.now } }
    public var minimumResolution: Duration { .zero }

    /// Tasks asleep on this clock now.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = state.withLock { $0.sleepers.newID() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (outcome, watchers) = state.withLock {
                    s -> (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if s.sleepers.wasCancelled(id) { return (.failure(CancellationError()), []) }
                    if deadline <= s.now { return (.success(()), []) }
                    s.sleepers.park(Sleeper(deadline: deadline, continuation: continuation), id: id)
                    defer { s.sleeperWatchers = [] }
                    return (nil, s.sleeperWatchers)
                }
                if let outcome { continuation.resume(with: outcome) }
                for watcher in watchers { watcher.resume() }
            }
        } onCancel: {
            state.withLock { $0.sleepers.cancel(id) }?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward and wakes every sleeper whose time has come.
    public func advance(by duration: Duration) {
        let due = state.withLock { s -> [Sleeper] in
            s.now = s.now.advanced(by: duration)
            let now = s.now
            return s.sleepers.removeAll { $0.deadline <= now }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Returns once some task is asleep on this clock.
    public func waitForSleeper() async {
        await withCheckedContinuation { (watcher: CheckedContinuation<Void, Never>) in
            let asleep = state.withLock { s -> Bool in
                if !s.sleepers.isEmpty { return true }
                s.sleeperWatchers.append(watcher)
                return false
            }
            if asleep { watcher.resume() }
        }
    }
}
