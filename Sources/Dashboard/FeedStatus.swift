import RaceModel

/// What the app loop knows about the feed this frame; the dashboard owns no clock.
public struct FeedStatus: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case live
        case replay(speed: Double, paused: Bool)
    }

    public var mode: Mode
    /// Current time of day of the feed clock.
    public var clock: Millis
    /// Span of the feed, for the replay progress bar.
    public var feedStart: Millis?
    public var feedEnd: Millis?
    /// Live: local time of day now, for "last read N s ago".
    public var wallNow: Millis?
    /// Live: what is wrong with the feed itself (a read file that cannot be
    /// read or was deleted, a config edit that could not be loaded). Shown
    /// in the ticker ahead of every race alert.
    public var problems: [String]

    public init(mode: Mode, clock: Millis, feedStart: Millis? = nil, feedEnd: Millis? = nil, wallNow: Millis? = nil,
                problems: [String] = []) {
        self.mode = mode; self.clock = clock; self.feedStart = feedStart; self.feedEnd = feedEnd; self.wallNow = wallNow
        self.problems = problems
    }
}
