import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Start and stop handshake between a `FileTailer` and its thread. The thread
/// sleeps in poll(); a byte written to the wake pipe gets it out at once.
///
/// `@unchecked Sendable`: the vars are touched only while `condition` is
/// locked. `wakeReadEnd` is a let, polled by the thread alone, and closed by
/// that thread only as it ends.
final class TailControl: @unchecked Sendable {
    private let condition = NSCondition()
    private var started = false
    private var stopRequested = false
    private var threadEnded = false
    /// The write end is closed under the lock, so `requestStop` never writes
    /// to a descriptor number that has been closed and reused.
    private var wakeWriteEnd: Int32 = -1
    /// -1 when no pipe could be made: the thread then polls its stop flag.
    let wakeReadEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for fd in ends {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
            wakeReadEnd = ends[0]
            wakeWriteEnd = ends[1]
        } else {
            wakeReadEnd = -1
        }
    }

    deinit {
        // Only reached without a thread, or after it ended and closed both.
        if !threadEnded {
            if wakeReadEnd >= 0 { SystemFile.release(wakeReadEnd) }
            if wakeWriteEnd >= 0 { SystemFile.release(wakeWriteEnd) }
        }
    }

    /// Claims the one start. False if already started or already stopped.
    func claimStart() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !started && !stopRequested else { return false }
        started = true
        return true
    }

    var isStopRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopRequested
    }

    /// Empties the wake pipe so the next poll() blocks again.
    func drainWakeups() {
        var sink = [UInt8](repeating: 0, count: 64)
        while read(wakeReadEnd, &sink, sink.count) > 0 {}
    }

    /// Asks the thread to end and waits for it, at most `limit` (a thread
    /// stuck in a hung network file system must not hang the caller).
    func requestStop(waitingUpTo limit: TimeInterval) {
        condition.lock()
        defer { condition.unlock() }
        stopRequested = true
        guard started else { return }
        if wakeWriteEnd >= 0 {
            var byte: UInt8 = 1
            _ = write(wakeWriteEnd, &byte, 1)
        }
        let deadline = Date(timeIntervalSinceNow: limit)
        while !threadEnded {
            if !condition.wait(until: deadline) { break }
        }
    }

    /// Called by the thread as its last act, after closing its files.
    func threadDidEnd() {
        condition.lock()
        defer { condition.unlock() }
        if wakeReadEnd >= 0 { SystemFile.release(wakeReadEnd) }
        if wakeWriteEnd >= 0 { SystemFile.release(wakeWriteEnd) }
        wakeWriteEnd = -1
        threadEnded = true
        condition.broadcast()
    }
}
