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
    /// Live: each read file the feed follows, for the checkpoints view's feed panel.
    public var files: [FeedFileLine]
    /// Live: the wall clock (unix ms) the files' ages count from.
    public var wallUnixMs: Int?
    /// Live on a day other than the event's (an old folder, a rehearsal): the
    /// clock is the newest read, not the wall clock, and the header says so.
    public var clockFollowsReads = false
    /// Live: read files still being read from their start (`done` of `of`
    /// read through), nil once every one is. Until then the standings and
    /// alerts are interim (a mat whose file is not read yet looks silent),
    /// and the header says so.
    public var catchingUp: CatchUp?

    public struct CatchUp: Sendable, Equatable {
        public var done: Int
        public var of: Int
        public init(done: Int, of: Int) {
            self.done = done
            self.of = of
        }
    }

    public init(
        mode: Mode, clock: Millis, feedStart: Millis? = nil, feedEnd: Millis? = nil, wallNow: Millis? = nil,
        problems: [String] = [], decoders: [DecoderLine] = [], files: [FeedFileLine] = [], wallUnixMs: Int? = nil
    ) {
        self.mode = mode
        self.clock = clock
        self.feedStart = feedStart
        self.feedEnd = feedEnd
        self.wallNow = wallNow
        self.problems = problems
        self.decoders = decoders
        self.files = files
        self.wallUnixMs = wallUnixMs
    }

    /// A replay that has reached the end of its feed: it stops there, paused.
    public var replayEnded: Bool {
        guard case .replay(_, let paused) = mode, paused, let feedEnd else { return false }
        return clock >= feedEnd
    }
}

/// One read file as the feed panel lists it.
public struct FeedFileLine: Sendable, Equatable {
    /// As written in event.toml.
    public var path: String
    /// Bytes on disk now; nil when the file is not there.
    public var bytes: Int?
    /// Lines handed to the race state.
    public var lines: Int
    /// Wall clock (unix ms) the newest line reached the race state.
    public var lastLineAt: Int?
    /// `following`, `deleted`, `truncated 10:02:11`...
    public var state: String
    /// The state is something an official must look at.
    public var isProblem: Bool

    public init(path: String, bytes: Int?, lines: Int, lastLineAt: Int?, state: String, isProblem: Bool) {
        self.path = path
        self.bytes = bytes
        self.lines = lines
        self.lastLineAt = lastLineAt
        self.state = state
        self.isProblem = isProblem
    }

    /// Wall-clock time (unix ms) as a time of day at the event's UTC offset.
    public static func timeOfDay(unixMillis: Int, utcOffsetMinutes: Int) -> Millis {
        let ms = unixMillis + utcOffsetMinutes * 60_000
        return ((ms % 86_400_000) + 86_400_000) % 86_400_000
    }
}

/// What the live feed says about itself, delivered to the dashboard each
/// time it changes.
public struct FeedReport: Sendable, Equatable {
    public var problems: [String]
    public var files: [FeedFileLine]
    public var catchingUp: FeedStatus.CatchUp?

    public init(problems: [String] = [], files: [FeedFileLine] = [], catchingUp: FeedStatus.CatchUp? = nil) {
        self.problems = problems
        self.files = files
        self.catchingUp = catchingUp
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
