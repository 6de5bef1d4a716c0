import Foundation

/// How long a test waits for something before calling it lost. The event it
/// waits for ends a passing wait, not this bound: it only turns a lost event
/// into a failure instead of a hang, so it is generous (CI machines are busy).
public let hangGuard: Duration = .seconds(120)

/// A test's own setup or wait failed.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Checks `condition` until it holds or the hang guard passes; returns
/// whether it held. For conditions nothing signals (a status field);
/// prefer awaiting an event where there is one.
public func eventually(_ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + hangGuard
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return try await condition()
}

/// Awaits `body`, failing with `what` if the hang guard passes first.
/// `body` must end when cancelled.
public func withDeadline<T: Sendable>(_ what: String, _ body: @escaping @Sendable () async -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { await body() }
        group.addTask {
            try? await Task.sleep(for: hangGuard)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw TestFailure("\(what): not done within \(hangGuard)")
        }
        return value
    }
}

/// Runs blocking work (waitpid, a semaphore, a blocking send) on a thread of
/// its own and awaits its result: on the concurrency pool, which has two
/// threads on a 2-core machine, it would stall every other test.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { (done: CheckedContinuation<T, Never>) in
        Thread { done.resume(returning: work()) }.start()
    }
}
