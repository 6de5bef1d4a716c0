import RaceModel

/// A moment as decoders write it: a time of day, an ISO date and time, or
/// epoch seconds. The date is nil when only a time of day is given.
enum StampField {
    enum Parsed {
        case stamp(date: CivilDate?, time: Millis)
        case malformed
        case outOfRange
    }

    /// `HH:MM:SS[.f]`, `YYYY-MM-DDTHH:MM:SS[.f]` (or a space for `T`), or
    /// epoch seconds `1620462257[.60]`, taken as local wall-clock time (see
    /// `epochSeconds`).
    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Parsed {
        let lo = range.lowerBound
        if range.count >= 19, b[lo + 4] == ASCII.dash, b[lo + 7] == ASCII.dash,
            b[lo + 10] == UInt8(ascii: "T") || b[lo + 10] == ASCII.space
        {
            let year = ASCII.decimal(b, lo, 4), month = ASCII.decimal(b, lo + 5, 2), day = ASCII.decimal(b, lo + 8, 2)
            guard year >= 0, month >= 0, day >= 0 else { return .malformed }
            guard ClockField.isValidDate(year: year, month: month, day: day) else { return .outOfRange }
            switch ClockField.parse(b, (lo + 11)..<range.upperBound) {
            case .time(let t): return .stamp(date: CivilDate(year: year, month: month, day: day), time: t)
            case .malformed: return .malformed
            case .outOfRange: return .outOfRange
            }
        }
        var digits = 0
        while lo + digits < range.upperBound, ASCII.isDigit(b[lo + digits]) { digits += 1 }
        if digits >= 9 { return epochSeconds(b, range) }
        switch ClockField.parse(b, range) {
        case .time(let t): return .stamp(date: nil, time: t)
        case .malformed: return .malformed
        case .outOfRange: return .outOfRange
        }
    }

    /// Seconds since 1970 with an optional fraction. ChronoTrack controllers
    /// count them from the local wall clock, not from UTC: the digits are the
    /// local date and time written as if they were UTC.
    static func epochSeconds(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Parsed {
        var i = range.lowerBound
        var seconds = 0
        while i < range.upperBound, ASCII.isDigit(b[i]), seconds < 1 << 40 {
            seconds = seconds * 10 + Int(b[i] &- 0x30)
            i += 1
        }
        var millis = 0
        if i < range.upperBound {
            guard b[i] == ASCII.dot, i + 1 < range.upperBound else { return .malformed }
            i += 1
            var scale = 100
            while i < range.upperBound {
                guard ASCII.isDigit(b[i]) else { return .malformed }
                millis += Int(b[i] &- 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        guard seconds < 1 << 40 else { return .outOfRange }
        return .stamp(date: CivilDate(daysSinceEpoch: seconds / 86_400), time: (seconds % 86_400) * 1000 + millis)
    }

    static func reason(_ parsed: Parsed, _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        if range.isEmpty { return "time is missing" }
        if case .outOfRange = parsed {
            guard b[range].contains(ASCII.dash) else {
                return "time \(ASCII.string(b, range)) is not a valid time of day"
            }
            return "time \(ASCII.quoted(b, range)) is not a valid date and time"
        }
        return "time \(ASCII.quoted(b, range)) is not HH:MM:SS[.ff], an ISO date and time, or epoch seconds"
    }
}
