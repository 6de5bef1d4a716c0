import Synchronization
import TimingIngest

/// Work for the pump in arrival order: the tailers' events and reloaded
/// configurations. Readers wait when it is full, so catching up on a large
/// file does not hold the whole file in memory when the state is slower than
/// the disk.
final class PumpQueue: Sendable {
    enum Item: Sendable {
        /// An event of the tailer with this id, which follows `path` (as in event.toml).
        case tail(tailer: Int, path: String, TailEvent)
        case reload(EventFolder)
    }

    /// Also bounds one `append(lines:)` batch. 4,096 keeps catch-up as fast as 16,384 did
    /// and its peak some 25 MiB lower on a 50,000-runner folder.
    static let capacity = 4_096

    private struct Contents {
        var items: [Item] = []
        var roomWaiters: [CheckedContinuation<Void, Never>] = []
        var closed = false
    }

    /// Rings when items arrive; newest-only, since the pump takes the whole queue when it wakes.
    let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation
    private let contents = Mutex(Contents())

    init() {
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues an item. Returns false when the queue is full: a reader should
    /// then `waitForRoom()` before sending more.
    @discardableResult
    func enqueue(_ item: Item) -> Bool {
        let (wasEmpty, hasRoom) = contents.withLock { c -> (Bool, Bool) in
            guard !c.closed else { return (false, true) }
            let wasEmpty = c.items.isEmpty
            c.items.append(item)
            return (wasEmpty, c.items.count < Self.capacity)
        }
        // Only the first item of a new run needs to wake the pump.
        if wasEmpty { signal.yield() }
        return hasRoom
    }

    func waitForRoom() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = contents.withLock { c -> Bool in
                if c.closed || c.items.count < Self.capacity { return true }
                c.roomWaiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Everything queued, oldest first; readers waiting for room go on.
    func take() -> [Item] {
        let (items, waiters) = contents.withLock { c in
            defer {
                c.items = []
                c.roomWaiters = []
            }
            return (c.items, c.roomWaiters)
        }
        for waiter in waiters { waiter.resume() }
        return items
    }

    /// Drops what is queued, ends `signals` and releases every waiting reader.
    func close() {
        let waiters = contents.withLock { c in
            defer {
                c.closed = true
                c.items = []
                c.roomWaiters = []
            }
            return c.roomWaiters
        }
        signal.finish()
        for waiter in waiters { waiter.resume() }
    }
}
