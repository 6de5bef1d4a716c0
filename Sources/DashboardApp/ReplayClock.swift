import RaceModel

/// Where a replay stands in the feed: a time of day that runs at `speed`
/// times wall-clock time between `start` and `end`. A plain value: the loop
/// hands it elapsed wall time and the user's commands, tests do the same.
///
/// Reaching `end` pauses there, so a replay left running stops on the final
/// standings instead of running past them.
public struct ReplayClock: Sendable, Equatable {
    /// The speeds `+` and `-` step between, in times real time.
    public static let speeds: [Double] = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1000, 2000]
    public static var speedRange: ClosedRange<Double> { speeds.first!...speeds.last! }

    public let start: Millis
    public let end: Millis
    public private(set) var speed: Double
    public private(set) var paused: Bool
    /// Fractional milliseconds, so a slow speed over short frames loses nothing to rounding.
    private var exact: Double

    /// `position` and `speed` are clamped into range; an `end` before `start` is taken as `start`.
    public init(start: Millis, end: Millis, position: Millis? = nil, speed: Double = 60, paused: Bool = false) {
        self.start = start
        self.end = max(start, end)
        self.speed = min(max(speed, Self.speedRange.lowerBound), Self.speedRange.upperBound)
        self.paused = paused
        exact = 0
        place(at: Double(position ?? start))
    }

    /// Time of day the replay shows, in whole milliseconds.
    public var position: Millis { Millis(exact.rounded(.down)) }
    public var atEnd: Bool { exact >= Double(end) }

    /// The clock after `elapsed` of wall time; a paused clock stays put.
    public func advanced(byWall elapsed: Duration) -> ReplayClock {
        var next = self
        next.advance(byWall: elapsed)
        return next
    }

    public mutating func advance(byWall elapsed: Duration) {
        guard !paused, elapsed > .zero else { return }
        let (seconds, attoseconds) = elapsed.components
        let wallMs = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        place(at: exact + wallMs * speed)
    }

    /// Moves by `delta` of race time, clamped to the feed.
    public mutating func seek(by delta: Millis) {
        place(at: Double(position + delta))
    }

    /// Jumps to time of day `time`, clamped to the feed.
    public mutating func seek(to time: Millis) {
        place(at: Double(time))
    }

    /// Pauses or resumes; at the end there is nothing to resume, so it stays paused.
    public mutating func togglePause() {
        paused = atEnd ? true : !paused
    }

    /// The next step up; a speed between steps goes to the step above it.
    public mutating func faster() {
        speed = Self.speeds.first { $0 > speed } ?? Self.speeds.last!
    }

    /// The next step down; a speed between steps goes to the step below it.
    public mutating func slower() {
        speed = Self.speeds.last { $0 < speed } ?? Self.speeds.first!
    }

    private mutating func place(at time: Double) {
        exact = min(max(time, Double(start)), Double(end))
        if atEnd { paused = true }
    }
}

extension ReplayClock {
    /// Where a replay of this event starts by default: a minute before the
    /// first gun or the first read, whichever comes first, so the start of
    /// the race is seen from the line.
    public static func defaultStart(event: EventConfig, feedStart: Millis?) -> Millis {
        let guns = event.races.flatMap(\.waves).map(\.gun)
        let earliest = (guns + [feedStart].compactMap { $0 }).min() ?? 0
        return earliest - 60_000
    }

    /// A clock over the whole feed of an event, starting at `from` (default:
    /// `defaultStart`). The range reaches back to `from` when that is earlier
    /// than the default start, and ends at the last read.
    public init(
        event: EventConfig, feedSpan: (start: Millis, end: Millis)?, from: Millis? = nil,
        speed: Double = 60, paused: Bool = false
    ) {
        let first = Self.defaultStart(event: event, feedStart: feedSpan?.start)
        let start = min(first, from ?? first)
        self.init(start: start, end: feedSpan?.end ?? start, position: from ?? first, speed: speed, paused: paused)
    }
}
