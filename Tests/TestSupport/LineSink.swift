import Synchronization

/// Collects output lines from another task; a test awaits the line it expects.
public final class LineSink: Sendable {
    private struct Waiter {
        let match: @Sendable (String) -> Bool
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct Contents {
        var lines: [String] = []
        var waiters: [Int: Waiter] = [:]
        var nextWaiter = 0
        var cancelled: Set<Int> = []
    }

    private let contents = Mutex(Contents())

    public init() {}

    public func append(_ line: String) {
        let ready = contents.withLock { c -> [CheckedContinuation<Bool, Never>] in
            c.lines.append(line)
            let due = c.waiters.filter { $0.value.match(line) }
            for id in due.keys { c.waiters[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    public var all: [String] { contents.withLock { $0.lines } }

    /// Returns true once a line matching `match` has been appended (at once if
    /// one already was), false if the hang guard passes first.
    public func waitFor(_ match: @escaping @Sendable (String) -> Bool) async -> Bool {
        (try? await withDeadline("line") { await self.arrival(of: match) }) ?? false
    }

    private func arrival(of match: @escaping @Sendable (String) -> Bool) async -> Bool {
        let id = contents.withLock { c -> Int in
            c.nextWaiter += 1
            return c.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let resumeNow: Bool? = contents.withLock { c in
                    if c.cancelled.remove(id) != nil { return false }
                    if c.lines.contains(where: match) { return true }
                    c.waiters[id] = Waiter(match: match, continuation: continuation)
                    return nil
                }
                if let resumeNow { continuation.resume(returning: resumeNow) }
            }
        } onCancel: {
            let waiter = contents.withLock { c -> Waiter? in
                guard let w = c.waiters.removeValue(forKey: id) else {
                    c.cancelled.insert(id)
                    return nil
                }
                return w
            }
            waiter?.continuation.resume(returning: false)
        }
    }
}
