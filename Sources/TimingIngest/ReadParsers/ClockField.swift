import RaceModel

/// Time-of-day and date fields shared by the text formats.
enum ClockField {
    enum Parsed: Equatable {
        case time(Millis)
        case malformed
        case outOfRange
    }

    /// `H:MM:SS` or `HH:MM:SS`, optionally `.f` with any number of digits
    /// (only milliseconds are kept). Hours 0..<24, minutes and seconds 0..<60.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Parsed {
        var i = range.lowerBound
        let end = range.upperBound
        var hours = 0
        var hourDigits = 0
        while i < end, ASCII.isDigit(b[i]), hourDigits < 3 {
            hours = hours * 10 + Int(b[i] &- 0x30)
            hourDigits += 1
            i += 1
        }
        guard hourDigits == 1 || hourDigits == 2, i + 6 <= end,
            b[i] == ASCII.colon, b[i + 3] == ASCII.colon
        else { return .malformed }
        let minutes = ASCII.decimal(b, i + 1, 2)
        let seconds = ASCII.decimal(b, i + 4, 2)
        guard minutes >= 0, seconds >= 0 else { return .malformed }
        i += 6
        var millis = 0
        if i < end {
            guard b[i] == ASCII.dot, i + 1 < end else { return .malformed }
            i += 1
            var scale = 100
            while i < end {
                guard ASCII.isDigit(b[i]) else { return .malformed }
                millis += Int(b[i] &- 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        guard hours < 24, minutes < 60, seconds < 60 else { return .outOfRange }
        return .time(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
    }

    static func reason(_ parsed: Parsed, _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        if range.isEmpty { return "time is missing" }
        if case .outOfRange = parsed {
            return "time \(ASCII.cut(b, range)) is not a valid time of day"
        }
        return "time \(ASCII.quoted(b, range)) is not HH:MM:SS[.fff]"
    }

    /// A `YYMMDD` date of this century at `start`, or nil when it is not a real date.
    static func yymmdd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> CivilDate? {
        let yy = ASCII.decimal(b, start, 2), month = ASCII.decimal(b, start + 2, 2),
            day = ASCII.decimal(b, start + 4, 2)
        guard yy >= 0, month >= 0, day >= 0, isValidDate(year: 2000 + yy, month: month, day: day) else { return nil }
        return CivilDate(year: 2000 + yy, month: month, day: day)
    }

    /// `HHMMSS` then two hundredths digits (decimal, or hex where the decoder writes them so), in ms.
    static func hhmmss(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, hexHundredths: Bool) -> Millis? {
        let hours = ASCII.decimal(b, start, 2), minutes = ASCII.decimal(b, start + 2, 2),
            seconds = ASCII.decimal(b, start + 4, 2)
        let hundredths = hexHundredths ? ASCII.hex(b, start + 6, 2) : ASCII.decimal(b, start + 6, 2)
        guard hours >= 0, minutes >= 0, seconds >= 0, hundredths >= 0,
            hours < 24, minutes < 60, seconds < 60, hundredths < 100
        else { return nil }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + hundredths * 10
    }

    static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        switch month {
        case 2:
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return day <= (leap ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }
}
