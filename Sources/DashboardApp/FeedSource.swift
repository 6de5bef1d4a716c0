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
        timeOfDay(unixMillis: unixMillisNow(), event: event)
    }

    public static func unixMillisNow() -> Int { Int((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    /// Whether the wall clock is on the event's day at its UTC offset: if not
    /// (an old folder followed live, a rehearsal), wall time says nothing
    /// about the race.
    public static func isRaceDay(event: EventConfig, unixMillis: Int = unixMillisNow()) -> Bool {
        let t = timeOfDay(unixMillis: unixMillis, event: event)
        return t >= 0 && t < 86_400_000
    }

    /// Live time when it is not race day: a minute before the first gun,
    /// then the newest read (the dashboard never shows earlier than that).
    public static func followingTheFeed(event: EventConfig) -> Millis {
        (event.races.map(\.firstGun).min() ?? 0) - 60_000
    }

    /// A race clock running `speed` times faster than the wall clock from
    /// `start` (time of day) at `wallStart` (unix ms): a simulated live race.
    public static func scaled(start: Millis, wallStart: Int, speed: Double) -> @Sendable (EventConfig) -> Millis {
        { _ in start + Int((Double(unixMillisNow() - wallStart) * speed).rounded(.down)) }
    }
}
