import Foundation
import RaceModel

/// Our local time of day in ms (the event's UTC offset), as the reads count
/// it; tests hand in one they move themselves.
public struct TimeOfDayClock: Sendable {
    public let now: @Sendable () -> Millis

    public init(now: @escaping @Sendable () -> Millis) { self.now = now }

    /// The system clock at the event's offset, counted from midnight of the event date.
    public static func system(event: EventConfig) -> TimeOfDayClock {
        let midnightUTC = event.date.daysSinceEpoch * 86_400_000 - event.utcOffsetMinutes * 60_000
        return TimeOfDayClock { Int((Date().timeIntervalSince1970 * 1000).rounded(.down)) - midnightUTC }
    }
}
