/// How finely official times are recorded: `precision` in event.toml.
public enum TimePrecision: String, Sendable, Equatable, CaseIterable {
    case seconds, tenths, hundredths

    /// The unit a time is recorded to, in ms.
    public var unitMs: Int {
        switch self {
        case .seconds: return 1000
        case .tenths: return 100
        case .hundredths: return 10
        }
    }
}

/// Official times by World Athletics TR 19.24 (transponder timing, followed
/// by USATF): a time is read to a tenth of the recording unit (further digits
/// dropped), and a read time not ending in zero goes up to the next longer
/// unit. In whole seconds 2:09:44.3 is 2:09:45 and 2:09:44.05 is 2:09:44.
/// Places are decided on the unrounded time; this is only what is published.
public enum OfficialTime {
    /// The official value in ms of an exact duration.
    public static func round(_ ms: Millis, _ precision: TimePrecision) -> Millis {
        guard ms >= 0 else { return -round(-ms, precision) }
        // A constant unit per case: divided by `unitMs`, two hardware divisions
        // were a third of writing each split of a big race's CSV.
        switch precision {
        case .seconds: return roundUp(ms, unit: 1000)
        case .tenths: return roundUp(ms, unit: 100)
        case .hundredths: return roundUp(ms, unit: 10)
        }
    }

    @inline(__always) private static func roundUp(_ ms: Millis, unit: Millis) -> Millis {
        let read = ms / (unit / 10) * (unit / 10)
        return (read + unit - 1) / unit * unit
    }

    /// `H:MM:SS`, `H:MM:SS.t` or `H:MM:SS.hh` of the official value.
    public static func format(_ ms: Millis, _ precision: TimePrecision) -> String {
        let official = round(ms, precision)
        let whole = TimeFormat.duration(official)
        let fraction = abs(official) % 1000
        switch precision {
        case .seconds: return whole
        case .tenths: return whole + ".\(fraction / 100)"
        case .hundredths: return whole + "." + TimeFormat.pad2(fraction / 10)
        }
    }
}
