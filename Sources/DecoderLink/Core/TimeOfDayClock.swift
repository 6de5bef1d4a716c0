import RaceModel

/// Our local time of day in ms, as the reads count it (the event's UTC
/// offset, from midnight of the event date). The command line hands in the
/// wall clock; tests hand in one they set themselves.
public struct TimeOfDayClock: Sendable {
    public let now: @Sendable () -> Millis

    public init(now: @escaping @Sendable () -> Millis) { self.now = now }
}
