import RaceModel

/// Compact figures for narrow columns.
enum Fmt {
    /// `12,345`
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// `4:52` (per km; the column header says so).
    static func pace(_ msPerKm: Millis?) -> String {
        guard let msPerKm, msPerKm > 0 else { return "" }
        return String(TimeFormat.pace(msPerKm).dropLast(3))  // without "/km"
    }

    static func duration(_ ms: Millis?) -> String {
        guard let ms else { return "" }
        return TimeFormat.duration(ms)
    }

    /// An official time (gun, net, split) by the event's precision and rounding.
    static func official(_ ms: Millis?, _ event: EventConfig) -> String {
        guard let ms else { return "" }
        return event.official(ms)
    }

    static func timeOfDay(_ ms: Millis?) -> String {
        guard let ms else { return "" }
        return TimeFormat.timeOfDay(ms)
    }

    /// Gap to the leader; nothing for the leader itself.
    static func gap(_ ms: Millis?) -> String {
        guard let ms, ms > 0 else { return "" }
        return TimeFormat.gap(ms)
    }

    /// How long ago: `42s`, `12:03`, `1:02:03`.
    static func ago(_ ms: Millis) -> String {
        let s = max(0, ms) / 1000
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60):\(TimeFormat.pad2(s % 60))" }
        return TimeFormat.duration(ms)
    }

    /// `5`, `21.1`, `42.2`: a tenth of a kilometre is all a column needs.
    static func km(_ km: Double) -> String {
        let tenths = Int((km * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// Replay speed: `60x`, `0.5x`.
    static func speed(_ s: Double) -> String {
        if s == s.rounded() { return "\(Int(s))x" }
        return "\((s * 10).rounded() / 10)x"
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "" }
        return "\(part * 100 / whole)%"
    }
}
