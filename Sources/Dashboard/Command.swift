import RaceModel

/// What a key asks of the app loop, which owns the clock and the feed.
public enum Command: Sendable, Equatable {
    case quit
    /// Moves the replay clock; live, the clock follows the mats and these are refused.
    case replay(ReplayControl)
    /// Appends a row to the officials' journal (live only; replay is read-only).
    case writeCorrection(CorrectionRequest)
}

public enum ReplayControl: Sendable, Equatable {
    case togglePause
    case faster, slower
    case seek(by: Millis)
    case seekTo(Millis)
}
