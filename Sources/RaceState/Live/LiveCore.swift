import Foundation
import RaceModel
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
/// `LiveFeed` share: the queue of work for the pump, the per-file status, the
/// notices and everyone waiting on them.
///
/// `@unchecked Sendable`: every stored var is read and written only with
/// `lock` held, and no continuation is resumed while it is held.
final class LiveCore: @unchecked Sendable {
    enum Item {
        /// An event of the tailer with this id, which follows `path` (as in event.toml).
        case tail(tailer: Int, path: String, TailEvent)
        case reload(EventFolder)
    }

    /// Readers wait once this many items are queued, so catching up on a large
    /// file does not hold the whole file in memory when the state is slower
    /// than the disk. Also bounds one `append(lines:)` batch.
    static let queueCapacity = 16_384
    static let noticeLimit = 256

    private let lock = NSLock()
    let pumpSignals: AsyncStream<Void>
    private let pumpSignal: AsyncStream<Void>.Continuation

    private var queue: [Item] = []
    private var roomWaiters: [CheckedContinuation<Void, Never>] = []
    private var files: [FileStatus] = []
    private var position: [String: Int] = [:]
    private var notices: [LiveNotice] = []
    private var nextSequence = 1
    private var configError: String?
    private var configErrorSince: Date?
    private var reloads = 0
    private var lastReload: Date?
    private var linesDelivered = 0
    private var wasCaughtUp = false
    private var started = false
    private var stopped = false
    private var lineWaiters: [Int: (path: String, line: Int, continuation: CheckedContinuation<Bool, Never>)] = [:]
    private var caughtUpWaiters: [Int: CheckedContinuation<Bool, Never>] = [:]
    private var nextWaiter = 0
    private var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
    private var nextSubscriber = 0
    private var tailers: [String: TailerHandle] = [:]
    private var nextTailerID = 0
    private var tasks: [Task<Void, Never>] = []

    init(folder: EventFolder) {
        // Newest-only: the pump takes the whole queue whenever it wakes.
        (pumpSignals, pumpSignal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        files = Self.statuses(of: folder, keeping: [])
        reindex()
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    // MARK: Lifecycle

    func claimStart() -> Bool {
        locked {
            guard !started && !stopped else { return false }
            started = true
            return true
        }
    }

    func keep(_ task: Task<Void, Never>) {
        let cancelNow = locked {
            if stopped { return true }
            tasks.append(task)
            return false
        }
        if cancelNow { task.cancel() }
    }

    /// Marks the feed stopped and releases everyone waiting; returns what the
    /// caller must stop and wait for.
    func beginStop() -> (tailers: [TailerHandle], tasks: [Task<Void, Never>]) {
        let (handles, tasks, lineWaiters, caughtUpWaiters, roomWaiters, subscribers) = locked {
            stopped = true
            queue = []
            defer {
                tailers = [:]; self.tasks = []; self.lineWaiters = [:]; self.caughtUpWaiters = [:]
                self.roomWaiters = []; self.subscribers = [:]
            }
            return (Array(tailers.values), self.tasks, self.lineWaiters.values.map(\.continuation),
                    Array(self.caughtUpWaiters.values), self.roomWaiters, Array(self.subscribers.values))
        }
        pumpSignal.finish()
        for waiter in lineWaiters { waiter.resume(returning: false) }
        for waiter in caughtUpWaiters { waiter.resume(returning: false) }
        for waiter in roomWaiters { waiter.resume() }
        for subscriber in subscribers { subscriber.finish() }
        return (handles, tasks)
    }

    var isStopped: Bool { locked { stopped } }

    // MARK: Tailers

    func makeTailerID() -> Int {
        locked {
            nextTailerID += 1
            return nextTailerID
        }
    }

    /// False once the feed is stopped: the caller stops the tailer itself.
    func register(_ handle: TailerHandle, for path: String) -> Bool {
        locked {
            guard !stopped else { return false }
            tailers[path] = handle
            return true
        }
    }

    func unregister(_ path: String) -> TailerHandle? {
        locked { tailers.removeValue(forKey: path) }
    }

    // MARK: Queue

    /// Queues an item for the pump. Returns false when the queue is full:
    /// a reader should then `waitForRoom()` before sending more.
    @discardableResult
    func enqueue(_ item: Item) -> Bool {
        let (wasEmpty, hasRoom) = locked {
            guard !stopped else { return (false, true) }
            let wasEmpty = queue.isEmpty
            queue.append(item)
            return (wasEmpty, queue.count < Self.queueCapacity)
        }
        // The pump takes the whole queue when it wakes, so only the first item
        // of a new run needs to wake it.
        if wasEmpty { pumpSignal.yield() }
        return hasRoom
    }

    func waitForRoom() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = locked {
                if stopped || queue.count < Self.queueCapacity { return true }
                roomWaiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    func takeQueue() -> [Item] {
        let (items, waiters) = locked {
            defer { queue = []; roomWaiters = [] }
            return (queue, roomWaiters)
        }
        for waiter in waiters { waiter.resume() }
        return items
    }

    // MARK: What the pump reports

    /// Lines of these files are now in the race state.
    func delivered(_ perFile: [String: (count: Int, last: Int)], total: Int) {
        let now = Date()
        let ready = locked {
            linesDelivered += total
            for (path, delivered) in perFile {
                guard let i = position[path] else { continue }
                files[i].lines += delivered.count
                files[i].lastLineNumber = max(files[i].lastLineNumber, delivered.last)
                files[i].lastLineAt = now
                if files[i].condition == .starting { files[i].condition = .following }
            }
            var ready: [CheckedContinuation<Bool, Never>] = []
            for (id, waiter) in lineWaiters {
                guard let i = position[waiter.path], files[i].lastLineNumber >= waiter.line else { continue }
                ready.append(waiter.continuation)
                lineWaiters[id] = nil
            }
            return ready
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    func record(_ notice: TailNotice, path: String) {
        locked {
            guard let i = position[path] else { return }
            let now = Date()
            files[i].lastNotice = notice
            files[i].lastNoticeAt = now
            switch notice {
            case .waitingForFile: files[i].condition = .waitingForFile
            case .appeared, .truncated, .rotated: files[i].condition = .following
            case .unreadable(let reason): files[i].condition = .unreadable(reason: reason)
            case .deleted: files[i].condition = .deleted
            case .rotatedFileDone: break
            }
            addNotice(.file(path: path, notice), at: now)
        }
    }

    func markCaughtUp(_ path: String) {
        let ready = locked {
            guard let i = position[path] else { return [CheckedContinuation<Bool, Never>]() }
            files[i].caughtUp = true
            if files[i].condition == .starting { files[i].condition = .following }
            return checkCaughtUp()
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    /// A new configuration is in the race state: the file table follows it,
    /// keeping the status of files that remain.
    func applied(_ folder: EventFolder, added: [String], removed: [String]) {
        let ready = locked {
            files = Self.statuses(of: folder, keeping: files)
            reindex()
            let now = Date()
            reloads += 1
            lastReload = now
            configError = nil
            configErrorSince = nil
            addNotice(.configReloaded(addedFiles: added, removedFiles: removed), at: now)
            // Removing the one file still catching up completes the catch-up.
            return checkCaughtUp()
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    /// An edit was loaded but changes nothing: only an earlier error is cleared.
    func confirmedUnchanged() {
        locked {
            guard configError != nil else { return }
            configError = nil
            configErrorSince = nil
            addNotice(.configReloaded(addedFiles: [], removedFiles: []), at: Date())
        }
        notifySubscribers()
    }

    func rejected(_ error: String) {
        locked {
            let now = Date()
            if configError == nil { configErrorSince = now }
            configError = error
            addNotice(.configRejected(error), at: now)
        }
        notifySubscribers()
    }

    // MARK: What callers ask

    func status() -> LiveStatus {
        locked {
            LiveStatus(files: files, configError: configError, configErrorSince: configErrorSince,
                       reloads: reloads, lastReload: lastReload, notices: notices,
                       linesDelivered: linesDelivered, caughtUp: allCaughtUp, isRunning: started && !stopped)
        }
    }

    func waitForLine(_ line: Int, of path: String) async -> Bool {
        await wait { id, continuation in
            if let i = position[path], files[i].lastLineNumber >= line { return true }
            lineWaiters[id] = (path, line, continuation)
            return nil
        }
    }

    func waitUntilCaughtUp() async -> Bool {
        await wait { id, continuation in
            if allCaughtUp { return true }
            caughtUpWaiters[id] = continuation
            return nil
        }
    }

    /// Suspends until a registered continuation is resumed; `register` runs
    /// with the lock held and answers at once or files the continuation.
    /// Cancelling the waiting task answers false.
    private func wait(_ register: (Int, CheckedContinuation<Bool, Never>) -> Bool?) async -> Bool {
        let id = locked {
            nextWaiter += 1
            return nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let answer: Bool? = locked {
                    if stopped || Task.isCancelled { return false }
                    return register(id, continuation)
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            let waiter = locked {
                lineWaiters.removeValue(forKey: id)?.continuation ?? caughtUpWaiters.removeValue(forKey: id)
            }
            waiter?.resume(returning: false)
        }
    }

    func subscribe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let id: Int? = locked {
            guard !stopped else { return nil }
            nextSubscriber += 1
            subscribers[nextSubscriber] = continuation
            return nextSubscriber
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.locked { _ = self.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    func notifySubscribers() {
        let all = locked { Array(subscribers.values) }
        for subscriber in all { subscriber.yield() }
    }

    // MARK: Helpers (lock held)

    private var allCaughtUp: Bool { files.allSatisfy(\.caughtUp) }

    private func checkCaughtUp() -> [CheckedContinuation<Bool, Never>] {
        guard allCaughtUp else {
            wasCaughtUp = false
            return []
        }
        if !wasCaughtUp {
            wasCaughtUp = true
            addNotice(.caughtUp(files: files.count, lines: linesDelivered), at: Date())
        }
        defer { caughtUpWaiters = [:] }
        return Array(caughtUpWaiters.values)
    }

    private func addNotice(_ kind: LiveNotice.Kind, at time: Date) {
        notices.append(LiveNotice(sequence: nextSequence, time: time, kind: kind))
        nextSequence += 1
        if notices.count > Self.noticeLimit { notices.removeFirst(notices.count - Self.noticeLimit) }
    }

    private func reindex() {
        position = [:]
        for (i, file) in files.enumerated() { position[file.path] = i }
    }

    private static func statuses(of folder: EventFolder, keeping old: [FileStatus]) -> [FileStatus] {
        folder.readFiles.map { info in
            var status = old.first { $0.path == info.path }
                ?? FileStatus(path: info.path, absolutePath: folder.absolutePath(of: info),
                              pointIndex: info.pointIndex, isBackup: info.isBackup)
            status.pointIndex = info.pointIndex
            status.isBackup = info.isBackup
            return status
        }
    }
}
