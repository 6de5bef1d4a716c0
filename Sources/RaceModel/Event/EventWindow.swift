/// The span of time an event's reads can belong to: from 6 hours before the
/// earliest gun to 6 hours after the latest gun plus the race's cutoff (48
/// hours after the gun for a race without one), so finishes over the time
/// limit are still recorded. One rule for every read and every time typed in.
public struct EventWindow: Sendable, Equatable {
    /// Times of day on the event date's clock (may pass 24 h).
    public var start: Millis
    public var end: Millis
    /// From the earliest gun to the latest gun plus its cutoff (18 h without
    /// one: the rest of a day whose first 6 hours before the gun are the
    /// warm-up): where a time of day that fits two days is placed.
    public var racing: ClosedRange<Millis>

    public static let margin: Millis = 6 * 3_600_000
    public static let day: Millis = 86_400_000

    public init(races: [Race]) {
        let guns = races.flatMap { $0.waves.map(\.gun) }
        let first = guns.min() ?? 0
        start = first - Self.margin
        end =
            races.map { race in
                race.waves.map(\.gun).max().map { $0 + (race.cutoff.map { $0 + Self.margin } ?? 2 * Self.day) } ?? 0
            }.max() ?? Self.day
        let racingEnd =
            races.map { race in
                race.waves.map(\.gun).max().map { $0 + (race.cutoff ?? Self.day - Self.margin) } ?? 0
            }.max() ?? first
        racing = first...max(first, racingEnd)
    }

    public func contains(_ t: Millis) -> Bool { t >= start && t <= end }

    /// An undated time of day (0 ..< 24 h, or beyond for an explicit day)
    /// on the day that puts it in the window; where two days do, the one in
    /// the racing span, else the earlier. Nil when no day does.
    public func place(timeOfDay t: Millis) -> Millis? {
        // Nearly every undated read: its own day is the first in the window, and in the racing span.
        if t >= start, t <= end, t - Self.day < start, racing.contains(t) { return t }
        return placeOnAnyDay(t)
    }

    /// `place(timeOfDay:)`, the days tried in turn, with no array of them.
    func placeOnAnyDay(_ t: Millis) -> Millis? {
        let firstDay = Int((Double(start - t) / Double(Self.day)).rounded(.up))
        var first: Millis? = nil
        var d = firstDay
        while t + d * Self.day <= end {
            let candidate = t + d * Self.day
            if racing.contains(candidate) { return candidate }
            first = first ?? candidate
            d += 1
        }
        return first
    }

    /// A time typed by a person (`--at`, go-to-time): `HH:MM[:SS[.fff]]` on
    /// the day the window gives it, or with an explicit day as racedash
    /// prints it (`01:30:00+1d`). Nil when it is not a time.
    public func typed(_ text: String) -> Millis? {
        var clock = Substring(text)
        var days: Int? = nil
        if let plus = text.firstIndex(of: "+"), text.hasSuffix("d"),
            let n = Int(text[text.index(after: plus)..<text.index(before: text.endIndex)]), n >= 0, n < 10
        {
            days = n
            clock = text[..<plus]
        }
        guard let t = TimeFormat.parseClock(clock), t < Self.day else { return nil }
        if let days { return t + days * Self.day }
        return place(timeOfDay: t) ?? t
    }
}

extension EventConfig {
    public var window: EventWindow { EventWindow(races: races) }

    /// Every race has a time limit and it has passed for its last wave.
    public func allCutoffsPassed(at: Millis) -> Bool {
        races.allSatisfy { race in
            guard let cutoff = race.cutoff, let lastGun = race.waves.map(\.gun).max() else { return false }
            return at >= lastGun + cutoff
        }
    }
}
