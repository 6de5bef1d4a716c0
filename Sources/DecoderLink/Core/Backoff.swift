/// Waits between attempts to reach a decoder: doubling from `initial` up to
/// `maximum`, so a router coming back is found quickly and a dead one is not hammered.
public struct Backoff: Sendable, Equatable {
    public var initial: Duration
    public var maximum: Duration

    public init(initial: Duration = .milliseconds(250), maximum: Duration = .seconds(5)) {
        self.initial = initial
        self.maximum = maximum
    }

    public func delay(afterFailures failures: Int) -> Duration {
        var delay = initial
        for _ in 0..<min(failures, 30) where delay < maximum { delay *= 2 }
        return min(delay, maximum)
    }
}
