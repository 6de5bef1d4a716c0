import Synchronization

/// Collects what another thread or task produces (output lines, drawn
/// frames); a test awaits the one it expects instead of sleeping.
public final class Recorder<Element: Sendable>: Sendable {
    private struct Waiter {
        let from: Int
        let match: @Sendable (Element) -> Bool
        let continuation: CheckedContinuation<Element?, Never>
    }

    private struct Contents {
        var elements: [Element] = []
        var waiters = Waiters<Waiter>()
    }

    private let contents = Mutex(Contents())

    public init() {}

    public func append(_ element: Element) {
        let ready = contents.withLock { c -> [CheckedContinuation<Element?, Never>] in
            c.elements.append(element)
            let index = c.elements.count - 1
            return c.waiters.removeAll { index >= $0.from && $0.match(element) }.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: element) }
    }

    public var all: [Element] { contents.withLock { $0.elements } }
    public var count: Int { contents.withLock { $0.elements.count } }
    public var last: Element? { contents.withLock { $0.elements.last } }

    /// The first element recorded at index `from` or later that matches
    /// `match`, once there is one (at once if one already was); nil if the
    /// hang guard passes first.
    public func first(from: Int = 0, where match: @escaping @Sendable (Element) -> Bool) async -> Element? {
        (try? await withDeadline("a recorded element") { await self.arrival(from: from, of: match) }) ?? nil
    }

    private func arrival(from: Int, of match: @escaping @Sendable (Element) -> Bool) async -> Element? {
        let id = contents.withLock { $0.waiters.newID() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let resumeNow: Element?? = contents.withLock { c in
                    if c.waiters.wasCancelled(id) { return .some(nil) }
                    if let found = c.elements.dropFirst(max(0, from)).first(where: match) { return found }
                    c.waiters.park(Waiter(from: from, match: match, continuation: continuation), id: id)
                    return nil
                }
                if let resumeNow { continuation.resume(returning: resumeNow) }
            }
        } onCancel: {
            contents.withLock { $0.waiters.cancel(id) }?.continuation.resume(returning: nil)
        }
    }
}

/// Output lines of a headless run.
public typealias LineSink = Recorder<String>

extension Recorder where Element == String {
    /// Returns true once a line matching `match` has been appended (at once if
    /// one already was), false if the hang guard passes first.
    public func waitFor(_ match: @escaping @Sendable (String) -> Bool) async -> Bool {
        await first(where: match) != nil
    }
}
