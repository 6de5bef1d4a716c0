import Foundation
import Synchronization

/// fsyncs the capture's read files in batches: a thread of its own wakes every
/// `interval` (well under the promised 100 ms), or at once when a link waits
/// to acknowledge what it stored, and syncs the files written since.
/// fsync blocks, so it stays off the network threads and the concurrency pool.
public final class FileSyncer: Sendable {
    private let files = Mutex<[ReadFileAppender]>([])
    private let stopped = Mutex(false)
    private let woken = Mutex(false)
    private let condition = NSCondition()
    private let interval: TimeInterval

    public init(interval: Duration = .milliseconds(50)) {
        self.interval = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        let thread = Thread { [self] in run() }
        thread.name = "racedash fsync"
        thread.start()
    }

    public func add(_ file: ReadFileAppender) {
        files.withLock { $0.append(file) }
        file.syncedBy { [weak self] in self?.wake() }
    }

    /// Syncs now rather than at the end of the interval.
    func wake() {
        condition.lock()
        woken.withLock { $0 = true }
        condition.signal()
        condition.unlock()
    }

    /// Syncs once more and ends the thread.
    public func stop() {
        condition.lock()
        stopped.withLock { $0 = true }
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            // A wake that came while the files were being synced is not lost.
            if !stopped.withLock({ $0 }) && !woken.withLock({ $0 }) {
                _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
            }
            woken.withLock { $0 = false }
            condition.unlock()
            for file in files.withLock({ $0 }) { file.sync() }
            if stopped.withLock({ $0 }) { return }
        }
    }
}
