import Foundation

/// Hands events from the tailing thread to the one async consumer, with
/// back-pressure: catching up on a large file must not queue the whole file in
/// memory when the consumer is slower than the disk, so the thread blocks once
/// `capacity` events wait.
///
/// `@unchecked Sendable`: every stored var is read and written only while
/// `condition` is locked.
final class TailChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var queue: [TailEvent] = []
    private var head = 0
    private var waiter: CheckedContinuation<TailEvent?, Never>?
    private var closed = false

    /// Taken places slid out once this many lie before the first waiting
    /// one (and they are at least half the queue): a slide moves at most
    /// the waiting events, so each event is moved about once.
    static let slideAfter = 256

    /// 1,024: enough to keep the consumer busy; more only holds lines in memory.
    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// Called by the tailing thread; blocks while the queue is full. A batch is
    /// taken whole, so the queue holds at most `capacity` plus one batch.
    /// Returns false once the channel is closed: the thread should stop.
    func send(_ batch: [TailEvent]) -> Bool {
        guard !batch.isEmpty else { return true }
        condition.lock()
        while !closed && queue.count - head >= capacity { condition.wait() }
        guard !closed else {
            condition.unlock()
            return false
        }
        var rest = batch[...]
        let resumed = waiter
        waiter = nil
        if resumed != nil { rest = rest.dropFirst() }
        queue.append(contentsOf: rest)
        condition.unlock()
        resumed?.resume(returning: batch[0])
        return true
    }

    /// The consumer's next event; nil once the channel is closed.
    func next() async -> TailEvent? {
        if let ready = take() { return ready }
        return await withCheckedContinuation { continuation in
            condition.lock()
            if let ready = takeLocked() {
                condition.unlock()
                continuation.resume(returning: ready)
            } else {
                waiter = continuation
                condition.unlock()
            }
        }
    }

    /// Ends the stream now; events not yet taken are dropped.
    func close() {
        condition.lock()
        closed = true
        queue = []
        head = 0
        let resumed = waiter
        waiter = nil
        condition.broadcast()
        condition.unlock()
        resumed?.resume(returning: nil)
    }

    /// nil: nothing yet, wait. `.some(nil)`: closed.
    private func take() -> TailEvent?? {
        condition.lock()
        defer { condition.unlock() }
        return takeLocked()
    }

    private func takeLocked() -> TailEvent?? {
        if head < queue.count {
            let wasFull = queue.count - head >= capacity
            // The place let go of its line now: taken lines held until the
            // queue was next emptied or slid were a few MB of a big race's
            // catch-up (thousands of lines per file, 13 files).
            let event = queue[head]
            queue[head] = .caughtUp(file: -1)
            head += 1
            if head == queue.count {
                // Emptied: its room let go too. Kept, it was the most a
                // catch-up ever queued, for each of a race's files, all day.
                queue = []
                head = 0
            } else if head >= Self.slideAfter && head * 2 >= queue.count {
                queue.removeFirst(head)
                head = 0
            }
            if wasFull { condition.broadcast() }
            return .some(event)
        }
        return closed ? .some(nil) : nil
    }
}
