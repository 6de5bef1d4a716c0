/// Milliseconds. Times of day are milliseconds since local midnight of the
/// event date (they may pass 24 h for a race that runs past midnight, or be
/// negative for a read dated the day before); durations are plain differences.
public typealias Millis = Int

public enum TimeFormat {
    /// Parses `HH:MM:SS`, `HH:MM:SS.f..`, `H:MM:SS` or `HH:MM` into milliseconds.
    public static func parseClock<S: StringProtocol>(_ text: S) -> Millis? {
        var parts: [Int] = []
        var fraction = 0
        var fractionDigits = 0
        var current = 0
        var digits = 0
        var inFraction = false
        for ch in text.utf8 {
            switch ch {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int(ch - UInt8(ascii: "0"))
                if inFraction {
                    if fractionDigits < 3 {
                        fraction = fraction * 10 + d
                        fractionDigits += 1
                    }
                } else {
                    current = current * 10 + d
                    digits += 1
                    if digits > 2 && !parts.isEmpty { return nil }
                    if digits > 3 { return nil }
                }
            case UInt8(ascii: ":"):
                if inFraction || digits == 0 { return nil }
                parts.append(current)
                current = 0
                digits = 0
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if inFraction || digits == 0 || parts.count != 2 { return nil }
                inFraction = true
            default:
                return nil
            }
        }
        if digits == 0 && !inFraction { return nil }
        if inFraction && fractionDigits == 0 { return nil }
        parts.append(current)
        while fractionDigits < 3 && fractionDigits > 0 {
            fraction *= 10
            fractionDigits += 1
        }
        let h: Int, m: Int, s: Int
        switch parts.count {
        case 2: (h, m, s) = (parts[0], parts[1], 0)
        case 3: (h, m, s) = (parts[0], parts[1], parts[2])
        default: return nil
        }
        guard m < 60, s < 60 else { return nil }
        return ((h * 60 + m) * 60 + s) * 1000 + fraction
    }

    /// `H:MM:SS` for a duration (negative shown with a sign); tenths when asked.
    public static func duration(_ ms: Millis, tenths: Bool = false) -> String {
        let sign = ms < 0 ? "-" : ""
        let a = abs(ms)
        let totalSeconds = a / 1000
        let h = totalSeconds / 3600, m = (totalSeconds / 60) % 60, s = totalSeconds % 60
        var out = "\(sign)\(h):\(pad2(m)):\(pad2(s))"
        if tenths { out += ".\((a % 1000) / 100)" }
        return out
    }

    /// `HH:MM:SS` for a time of day; days past the event date wrap with a `+1d` suffix.
    public static func timeOfDay(_ ms: Millis, millis: Bool = false) -> String {
        let (days, inDay) = daysAndTimeOfDay(ms)
        let totalSeconds = inDay / 1000
        var out = "\(pad2(totalSeconds / 3600)):\(pad2((totalSeconds / 60) % 60)):\(pad2(totalSeconds % 60))"
        if millis { out += "." + String(inDay % 1000 + 1000).dropFirst() }
        if days != 0 { out += days > 0 ? "+\(days)d" : "\(days)d" }
        return out
    }

    /// Whole days from midnight (rounded down, so before it they are
    /// negative) and the time of day left over.
    static func daysAndTimeOfDay(_ ms: Millis) -> (days: Int, timeOfDay: Millis) {
        let day = 86_400_000
        let days = ms >= 0 ? ms / day : -((-ms + day - 1) / day)
        return (days, ms - days * day)
    }

    /// Pace as `M:SS/km` from milliseconds per kilometre.
    public static func pace(_ msPerKm: Millis) -> String {
        let s = (msPerKm + 500) / 1000
        return "\(s / 60):\(pad2(s % 60))/km"
    }

    /// Compact gap: `+M:SS` under an hour, `+H:MM:SS` beyond.
    public static func gap(_ ms: Millis) -> String {
        let s = ms / 1000
        if s < 3600 { return "+\(s / 60):\(pad2(s % 60))" }
        return "+" + duration(ms)
    }

    @inline(__always) public static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
