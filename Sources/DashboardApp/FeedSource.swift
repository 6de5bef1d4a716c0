import Foundation
import RaceModel

/// What drives the dashboard's clock.
public enum FeedSource: Sendable, Equatable {
    /// A recorded feed at the replay clock's position and speed; keys pause, seek and change speed.
    case replay(ReplayClock)
    /// Race day: the clock is the wall-clock time of day at the event, and the
    /// standings follow whatever the live feed appends to the race state.
    case live
}

/// Wall-clock time as the event's times of day count it: milliseconds since
/// local midnight of the event date, in the event's UTC offset (so past
/// midnight it keeps counting, as reads do).
public enum LiveClock {
    public static func timeOfDay(unixMillis: Int, event: EventConfig) -> Millis {
        unixMillis + event.utcOffsetMinutes * 60_000 - event.date.daysSinceEpoch * 86_400_000
    }

    public static func now(event: EventConfig) -> Millis {
        timeOfDay(unixMillis: Int((Date().timeIntervalSince1970 * 1000).rounded(.down)), event: event)
    }
}
