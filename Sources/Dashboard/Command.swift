import RaceModel

/// What a key asks of the app loop, which owns the clock and the feed.
public enum Command: Sendable, Equatable {
    case quit
    /// Moves the replay clock; live, the clock follows the mats and these are refused.
    case replay(ReplayControl)
}

public enum ReplayControl: Sendable, Equatable {
    case togglePause
    case faster, slower
    case seek(by: Millis)
    case seekTo(Millis)
}
