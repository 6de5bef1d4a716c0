import Foundation
import RaceModel
import Snapshots
import ScreenGrid

/// Standings as CSV for scripts: a fixed set of columns, then one column per
/// checkpoint holding that split, official, on the runner's ranking clock.
/// With one race shown the split columns are named by checkpoint id (`5K`);
/// with several, by race and checkpoint (`half:5K`), so no column ever holds
/// checkpoints of different races.
public enum CSVReport {
    public static let fixedColumns = [
        "place", "bib", "name", "sex", "age_group", "country", "club", "race", "division", "status",
        "gun_time", "net_time", "sex_place", "age_group_place", "division_place", "last_checkpoint", "flags",
    ]

    public static func render(_ snapshot: RaceSnapshot, filter: ResultsFilter = ResultsFilter()) -> String {
        bytes(snapshot, filter: filter).string
    }

    /// The report as bytes, written field by field without a String per field.
    static func bytes(_ snapshot: RaceSnapshot, filter: ResultsFilter) -> ByteWriter {
        let groups = snapshot.reportRows(filter)
        let prefixed = groups.count > 1
        var columns = fixedColumns
        for group in groups {
            let race = snapshot.event.races[group.race]
            columns += race.checkpoints.map { prefixed ? "\(race.id):\($0.id)" : $0.id }
        }
        let rowCount = groups.reduce(0) { $0 + $1.rows.count }
        var out = ByteWriter(capacity: (rowCount + 1) * (120 + 9 * columns.count))
        for (i, column) in columns.enumerated() {
            if i > 0 { out.byte(comma) }
            out.field(column)
        }
        out.byte(newline)
        var before = 0
        for group in groups {
            let race = snapshot.event.races[group.race]
            let after = columns.count - fixedColumns.count - before - race.checkpoints.count
            for row in group.rows { write(row, race: race, before: before, after: after, into: &out) }
            before += race.checkpoints.count
        }
        return out
    }

    static let comma = UInt8(ascii: ",")
    static let newline = UInt8(ascii: "\n")

    /// One runner's line, in `fixedColumns` order, then the split columns.
    static func write(_ row: ReportRow, race: Race, before: Int, after: Int, into out: inout ByteWriter) {
        let s = row.standing, p = row.participant
        if let place = row.selectionPlace { out.int(place) }
        out.byte(comma)
        out.field(p.bib)
        out.byte(comma)
        out.field(p.name)
        out.byte(comma)
        if let sex = p.sex { out.field(sex.rawValue) }
        out.byte(comma)
        out.field(row.ageGroup)
        out.byte(comma)
        if let country = p.country { out.field(country) }
        out.byte(comma)
        if let club = p.club { out.field(club) }
        out.byte(comma)
        out.field(race.id)
        out.byte(comma)
        out.field(p.division.rawValue)
        out.byte(comma)
        out.field(s.status.rawValue)
        out.byte(comma)
        out.time(s.gunTime, row.precision)
        out.byte(comma)
        out.time(s.netTime, row.precision)
        for place in [s.sexPlace, s.ageGroupPlace, s.divisionPlace] {
            out.byte(comma)
            if let place { out.int(place) }
        }
        out.byte(comma)
        if let last = s.lastCheckpoint { out.field(race.checkpoints[last].id) }
        out.byte(comma)
        let flags = s.flagLabels
        if !flags.isEmpty { out.field(flags.joined(separator: ";")) }
        for _ in 0..<before { out.byte(comma) }
        for split in s.splits {
            out.byte(comma)
            out.time(split, row.precision)
        }
        for _ in 0..<after { out.byte(comma) }
        out.byte(newline)
    }

    /// A field as a spreadsheet may safely open it. Control characters are
    /// replaced like on a terminal; text a spreadsheet would run as a formula
    /// (starting with =, +, -, @, a tab or a carriage return, OWASP's list)
    /// gets a leading apostrophe, which spreadsheets show as text. No field
    /// racedash computes starts with one of those, so only names, clubs and
    /// other text from participants.csv and event.toml are ever changed.
    static func field(_ raw: String) -> String {
        var s = TextWidth.sanitize(raw)
        if let first = raw.unicodeScalars.first, formulaStarts.contains(first) { s = "'" + s }
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}

extension ByteWriter {
    /// `CSVReport.field`, with plain ASCII text (nearly every field) written as it is.
    mutating func field(_ raw: String) {
        var plain = true
        var first = true
        for b in raw.utf8 {
            if b < 0x20 || b > 0x7E || b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") {
                plain = false
                break
            }
            if first
                && (b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
                    || b == UInt8(ascii: "@"))
            {
                plain = false
                break
            }
            first = false
        }
        text(plain ? raw : CSVReport.field(raw))
    }

    /// An official time; a negative one (a hand time before the start read) goes through `field` like any text.
    mutating func time(_ ms: Millis?, _ precision: TimePrecision) {
        guard let ms else { return }
        if ms < 0 { return field(OfficialTime.format(ms, precision)) }
        official(ms, precision)
    }
}
