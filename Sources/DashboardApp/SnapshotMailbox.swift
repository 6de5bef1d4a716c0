import Dashboard
import RaceModel
import RaceStore
import ScreenGrid
import Snapshots
import Synchronization

/// Hands snapshots from the fetcher to the UI thread and the wanted time back,
/// and the live feed's report on itself whenever it changes. Holds one of
/// each: a newer snapshot or report replaces one not yet taken, so a slow
/// screen skips them instead of queueing them.
public final class SnapshotMailbox: Sendable {
    private struct Slots {
        var wanted: Millis
        var latest: RaceSnapshot?
        var taken = true
        var closed = false
        var deposits = 0
        var feed: FeedReport?
    }

    private let slots: Mutex<Slots>
    /// The UI thread's terminal wait, ended by every deposit.
    private let loopWaker = Mutex<(any KeyWaker)?>(nil)
    /// Rings when the wanted time moves, the state changes or the mailbox
    /// closes: the fetcher sleeps on it instead of polling.
    let rings: AsyncStream<Void>
    private let bell: AsyncStream<Void>.Continuation

    public init(wanted: Millis) {
        slots = Mutex(Slots(wanted: wanted))
        (rings, bell) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func ring() { bell.yield() }

    /// The time of day the UI wants standings for.
    public var wanted: Millis { slots.withLock { $0.wanted } }

    public func want(_ time: Millis) {
        let moved = slots.withLock { slots -> Bool in
            defer { slots.wanted = time }
            return slots.wanted != time
        }
        if moved { ring() }
    }

    public func deposit(_ snapshot: RaceSnapshot) {
        slots.withLock {
            $0.latest = snapshot
            $0.taken = false
            $0.deposits += 1
        }
        wakeLoop()
    }

    /// The UI loop's terminal wait: a deposit ends it, so the loop draws what
    /// came without waiting for a key or the end of its wait.
    public func wakes(_ waker: any KeyWaker) {
        loopWaker.withLock { $0 = waker }
    }

    private func wakeLoop() { loopWaker.withLock { $0 }?.wake() }

    /// The feed's latest report on itself, replacing one not yet taken.
    public func deposit(_ report: FeedReport) {
        slots.withLock { $0.feed = report }
        wakeLoop()
    }

    /// The feed's report if a new one arrived since the last call, else nil.
    public func takeNewFeedReport() -> FeedReport? {
        slots.withLock { slots -> FeedReport? in
            defer { slots.feed = nil }
            return slots.feed
        }
    }

    /// Snapshots deposited so far, taken or not: how hard the fetcher works.
    public var deposits: Int { slots.withLock { $0.deposits } }

    /// The newest snapshot if it arrived since the last call, else nil.
    public func takeNew() -> RaceSnapshot? {
        slots.withLock { slots -> RaceSnapshot? in
            guard !slots.taken else { return nil }
            slots.taken = true
            return slots.latest
        }
    }

    /// Tells the fetcher to stop.
    public func close() {
        slots.withLock { $0.closed = true }
        bell.finish()
    }

    public var isClosed: Bool { slots.withLock { $0.closed } }
}
