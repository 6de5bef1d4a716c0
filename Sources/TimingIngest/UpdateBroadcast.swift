import Synchronization

/// Wakes every subscriber after a change, coalesced: a slow reader gets one
/// wake-up for many changes. Used by the live feed and the decoder capture.
public final class UpdateBroadcast: Sendable {
    private struct Subscribers {
        var streams: [Int: AsyncStream<Void>.Continuation] = [:]
        var next = 0
        var closed = false
    }

    private let subscribers = Mutex(Subscribers())

    public init() {}

    /// A stream that ends when the broadcast closes (at once if it already has).
    public func subscribe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let id = subscribers.withLock { s -> Int? in
            guard !s.closed else { return nil }
            s.next += 1
            s.streams[s.next] = continuation
            return s.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    public func notify() {
        for stream in subscribers.withLock({ Array($0.streams.values) }) { stream.yield() }
    }

    public func close() {
        let streams = subscribers.withLock { s in
            defer {
                s.closed = true
                s.streams = [:]
            }
            return Array(s.streams.values)
        }
        for stream in streams { stream.finish() }
    }
}
