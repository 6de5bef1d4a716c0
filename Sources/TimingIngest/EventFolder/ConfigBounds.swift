import RaceModel
import TOMLKit

/// The range every number in event.toml must fall in. TOML accepts any
/// double or 64-bit integer, and a value far outside what a race can mean
/// (`start_allowance = 1e20`) would overflow the millisecond arithmetic of
/// the timing rules, so it is refused at load, naming the key and the range.
/// The ranges are generous for real events and documented in event-folder.md.
enum ConfigBounds {
    struct Bound {
        var range: ClosedRange<Double>
        var unit: String
    }

    static let day = 86_400.0
    /// Seconds a runner may still cross the start mat after the gun.
    static let startAllowance = Bound(range: 0...day, unit: "seconds")
    /// Seconds within which repeated reads of one runner count once.
    static let duplicateWindow = Bound(range: 0...3_600, unit: "seconds")
    /// Seconds added to a point's reads; a decoder clock a day off is a wrong date, not skew.
    static let clockOffset = Bound(range: -day...day, unit: "seconds")
    static let speed = Bound(range: 0.1...200, unit: "km/h")
    /// Distance of a checkpoint from the start; multi-day ultras stay well below.
    static let km = Bound(range: 0...5_000, unit: "km")
    /// Checkpoints closer than a metre cannot be told apart by their times.
    static let minimumKmStep = 0.001
    /// A race still running a week after its gun is beyond what the clock handles.
    static let longestCutoff: Millis = 7 * 24 * 3_600_000
    static let years = 1970...2999
    /// Lines per read file: line numbers are stored in 32 bits, and a mat
    /// writes a few hundred thousand lines in a big-city race.
    static let linesPerFile = Bound(range: 1...1_000_000_000, unit: "lines")
    static let defaultLinesPerFile = EventConfig.defaultLinesPerFile

    /// The value of `key` in `t`, if present, checked against `bound`.
    static func number(
        _ reader: TableReader, _ t: TOMLTable, _ key: String, at path: String,
        _ bound: Bound
    ) throws(ConfigError) -> Double? {
        guard let n = try reader.optionalNumber(t, key, at: path) else { return nil }
        guard !bound.range.contains(n) else { return n }
        let written = t[key]?.int.map(String.init) ?? describe(n)
        throw reader.fail(
            path,
            "'\(key)' = \(written) is out of range: it must be \(describe(bound.range.lowerBound))"
                + " to \(describe(bound.range.upperBound)) \(bound.unit)")
    }

    /// Seconds as whole milliseconds; only called on bounded values.
    static func millis(_ seconds: Double) -> Millis { Int((seconds * 1000).rounded()) }

    static func describe(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }

    /// `[limits]`: so far only the number of lines a read file may hold.
    static func linesPerFile(_ reader: TableReader, _ root: TOMLTable) throws(ConfigError) -> Int {
        guard let v = root["limits"] else { return defaultLinesPerFile }
        guard let t = v.table else { throw reader.fail("", "[limits] must be a table") }
        for key in t.keys where key != "lines_per_file" {
            throw reader.fail("limits", "unknown key '\(key)'; [limits] has lines_per_file")
        }
        guard let n = try number(reader, t, "lines_per_file", at: "limits", linesPerFile) else {
            return defaultLinesPerFile
        }
        guard n == n.rounded() else { throw reader.fail("limits", "'lines_per_file' must be a whole number") }
        return Int(n)
    }

    /// A gun is a time of day; a cutoff is a duration and may pass 24 hours.
    static func gun(_ reader: TableReader, _ ms: Millis, _ key: String, at path: String) throws(ConfigError) -> Millis {
        guard ms < 24 * 3_600_000 else {
            throw reader.fail(path, "'\(key)' = \(TimeFormat.duration(ms)) is not a time of day (00:00:00 to 23:59:59)")
        }
        return ms
    }

    static func cutoff(_ reader: TableReader, _ ms: Millis?, at path: String) throws(ConfigError) -> Millis? {
        guard let ms else { return nil }
        guard ms > 0, ms <= longestCutoff else {
            throw reader.fail(
                path,
                "'cutoff' = \(TimeFormat.duration(ms)) is out of range: it must be above 0:00:00 and at most 168:00:00")
        }
        return ms
    }

    static func date(_ reader: TableReader, _ date: CivilDate) throws(ConfigError) -> CivilDate {
        guard years.contains(date.year), ClockField.isValidDate(year: date.year, month: date.month, day: date.day)
        else {
            throw reader.fail(
                "", "'date' = \(date) is not a calendar date (years \(years.lowerBound) to \(years.upperBound))")
        }
        return date
    }
}
