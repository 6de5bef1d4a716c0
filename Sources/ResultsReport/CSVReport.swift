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
        let groups = snapshot.reportRows(filter)
        let prefixed = groups.count > 1
        var columns = fixedColumns
        for group in groups {
            let race = snapshot.event.races[group.race]
            columns += race.checkpoints.map { prefixed ? "\(race.id):\($0.id)" : $0.id }
        }
        var out = columns.map(field).joined(separator: ",") + "\n"
        var before = 0
        for group in groups {
            let race = snapshot.event.races[group.race]
            let after = columns.count - fixedColumns.count - before - race.checkpoints.count
            for row in group.rows {
                let s = row.standing, p = row.participant
                let places = [s.sexPlace, s.ageGroupPlace, s.divisionPlace].map { $0.map(String.init) ?? "" }
                var fields: [String] = [
                    row.place, p.bib, p.name, p.sex?.rawValue ?? "", row.ageGroup, p.country ?? "", p.club ?? "",
                ]
                fields += [race.id, p.division.rawValue, s.status.rawValue, row.gun, row.net]
                fields += places
                fields += [row.last, s.flagLabels.joined(separator: ";")]
                fields += Array(repeating: "", count: before)
                fields += race.checkpoints.indices.map(row.split)
                fields += Array(repeating: "", count: after)
                out += fields.map(field).joined(separator: ",") + "\n"
            }
            before += race.checkpoints.count
        }
        return out
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
