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
    /// Live with decoders named in event.toml: each one's link, for the checkpoints view.
    public var decoders: [DecoderLine]
    /// Live on a day other than the event's (an old folder, a rehearsal): the
    /// clock is the newest read, not the wall clock, and the header says so.
    public var clockFollowsReads = false

    public init(
        mode: Mode, clock: Millis, feedStart: Millis? = nil, feedEnd: Millis? = nil, wallNow: Millis? = nil,
        problems: [String] = [], decoders: [DecoderLine] = []
    ) {
        self.mode = mode
        self.clock = clock
        self.feedStart = feedStart
        self.feedEnd = feedEnd
        self.wallNow = wallNow
        self.problems = problems
        self.decoders = decoders
    }

    /// A replay that has reached the end of its feed: it stops there, paused.
    public var replayEnded: Bool {
        guard case .replay(_, let paused) = mode, paused, let feedEnd else { return false }
        return clock >= feedEnd
    }
}

/// One decoder link as the checkpoints view lists it: its point, whether it
/// is up, and the rest already worded (connected since, passings, last, gaps, clock).
public struct DecoderLine: Sendable, Equatable {
    public var point: String
    public var isUp: Bool
    public var text: String

    public init(point: String, isUp: Bool, text: String) {
        self.point = point
        self.isUp = isUp
        self.text = text
    }
}
