import Foundation
import Synchronization
import TimingIngest

/// A running tailer of one read file and the task moving its events into the queue.
struct TailerHandle: Sendable {
    let id: Int
    let tailer: FileTailer
    let reader: Task<Void, Never>

    func stop() {
        tailer.stop()
        reader.cancel()
    }
}

/// What the tailers' readers, the config watcher, the pump and the callers of
/// `LiveFeed` share: the pump's queue, the subscribers to updates, the feed's
/// health with everyone waiting on it, and the running parts to stop.
/// No continuation is resumed while the lock is held.
final class LiveCore: Sendable {
    let queue = PumpQueue()
    let updates = UpdateBroadcast()

    private struct Shared {
        var health: FeedHealth
        var started = false
        var stopped = false
        var lineWaiters: [Int: (path: String, line: Int, continuation: CheckedContinuation<Bool, Never>)] = [:]
        var caughtUpWaiters: [Int: CheckedContinuation<Bool, Never>] = [:]
        var nextWaiter = 0
        var tailers: [String: TailerHandle] = [:]
        var nextTailerID = 0
        var tasks: [Task<Void, Never>] = []

        /// Takes the line waiters whose line is now in the state.
        mutating func dueLineWaiters() -> [CheckedContinuation<Bool, Never>] {
            var due: [CheckedContinuation<Bool, Never>] = []
            for (id, waiter) in lineWaiters where (health.lastLine(of: waiter.path) ?? 0) >= waiter.line {
                due.append(waiter.continuation)
                lineWaiters[id] = nil
            }
            return due
        }

        mutating func takeCaughtUpWaiters(if caughtUp: Bool) -> [CheckedContinuation<Bool, Never>] {
            guard caughtUp else { return [] }
            defer { caughtUpWaiters = [:] }
            return Array(caughtUpWaiters.values)
        }
    }

    private let shared: Mutex<Shared>

    init(folder: EventFolder) {
        shared = Mutex(Shared(health: FeedHealth(folder: folder)))
    }

    // MARK: Lifecycle

    func claimStart() -> Bool {
        shared.withLock { s in
            guard !s.started && !s.stopped else { return false }
            s.started = true
            return true
        }
    }

    func keep(_ task: Task<Void, Never>) {
        let cancelNow = shared.withLock { s -> Bool in
            if s.stopped { return true }
            s.tasks.append(task)
            return false
        }
        if cancelNow { task.cancel() }
    }

    /// Marks the feed stopped and releases everyone waiting; returns what the
    /// caller must stop and wait for.
    func beginStop() -> (tailers: [TailerHandle], tasks: [Task<Void, Never>]) {
        let (handles, tasks, waiters) = shared.withLock { s in
            s.stopped = true
            defer {
                s.tailers = [:]
                s.tasks = []
                s.lineWaiters = [:]
                s.caughtUpWaiters = [:]
            }
            return (
                Array(s.tailers.values), s.tasks,
                s.lineWaiters.values.map(\.continuation) + Array(s.caughtUpWaiters.values)
            )
        }
        queue.close()
        updates.close()
        for waiter in waiters { waiter.resume(returning: false) }
        return (handles, tasks)
    }

    // MARK: Tailers

    func makeTailerID() -> Int {
        shared.withLock { s in
            s.nextTailerID += 1
            return s.nextTailerID
        }
    }

    /// False once the feed is stopped: the caller stops the tailer itself.
    func register(_ handle: TailerHandle, for path: String) -> Bool {
        shared.withLock { s in
            guard !s.stopped else { return false }
            s.tailers[path] = handle
            return true
        }
    }

    func unregister(_ path: String) -> TailerHandle? {
        shared.withLock { $0.tailers.removeValue(forKey: path) }
    }

    // MARK: What the pump and the watcher report

    /// Lines of these files are now in the race state.
    func delivered(_ perFile: [String: (count: Int, last: Int)], total: Int) {
        let now = Date()
        let ready = shared.withLock { s in
            s.health.delivered(perFile, total: total, at: now)
            return s.dueLineWaiters()
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    func record(_ notice: TailNotice, path: String) {
        let now = Date()
        shared.withLock { $0.health.record(notice, path: path, at: now) }
    }

    func markCaughtUp(_ path: String) {
        let now = Date()
        let ready = shared.withLock { s in
            s.takeCaughtUpWaiters(if: s.health.markCaughtUp(path, at: now))
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    /// A new configuration is in the race state.
    func applied(_ folder: EventFolder, added: [String], removed: [String]) {
        let now = Date()
        let ready = shared.withLock { s in
            s.takeCaughtUpWaiters(if: s.health.applied(folder, added: added, removed: removed, at: now))
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    /// An edit was loaded but changes nothing: only an earlier error is cleared.
    func confirmedUnchanged() {
        let now = Date()
        shared.withLock { $0.health.confirmedUnchanged(at: now) }
        updates.notify()
    }

    func rejected(_ error: String) {
        let now = Date()
        shared.withLock { $0.health.rejected(error, at: now) }
        updates.notify()
    }

    // MARK: What callers ask

    func status() -> LiveStatus {
        shared.withLock { $0.health.status(isRunning: $0.started && !$0.stopped) }
    }

    func waitForLine(_ line: Int, of path: String) async -> Bool {
        await wait { s, id, continuation in
            if (s.health.lastLine(of: path) ?? 0) >= line { return true }
            s.lineWaiters[id] = (path, line, continuation)
            return nil
        }
    }

    func waitUntilCaughtUp() async -> Bool {
        await wait { s, id, continuation in
            if s.health.allCaughtUp { return true }
            s.caughtUpWaiters[id] = continuation
            return nil
        }
    }

    /// Suspends until a registered continuation is resumed; `register` runs
    /// with the lock held and answers at once or files the continuation.
    /// Cancelling the waiting task answers false.
    private func wait(_ register: (inout Shared, Int, CheckedContinuation<Bool, Never>) -> Bool?) async -> Bool {
        let id = shared.withLock { s in
            s.nextWaiter += 1
            return s.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let answer: Bool? = shared.withLock { s in
                    if s.stopped || Task.isCancelled { return false }
                    return register(&s, id, continuation)
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            let waiter = shared.withLock { s in
                s.lineWaiters.removeValue(forKey: id)?.continuation ?? s.caughtUpWaiters.removeValue(forKey: id)
            }
            waiter?.resume(returning: false)
        }
    }
}
