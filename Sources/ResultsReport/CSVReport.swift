import Foundation
import RaceModel
import RaceState
import ScreenGrid

/// Standings as CSV for scripts: a fixed set of columns, then one column per
/// checkpoint id holding that split on the race's ranking clock.
public enum CSVReport {
    public static let fixedColumns = [
        "place", "bib", "name", "sex", "age_group", "country", "race", "division", "status",
        "gun_time", "net_time", "sex_place", "age_group_place", "division_place", "last_checkpoint", "flags",
    ]

    public static func render(_ snapshot: RaceSnapshot, filter: ResultsFilter = ResultsFilter()) -> String {
        let groups = snapshot.reportRows(filter)
        // One column per checkpoint id across the races shown, in course order.
        var checkpointIDs: [String] = []
        for group in groups {
            for cp in snapshot.event.races[group.race].checkpoints where !checkpointIDs.contains(cp.id) {
                checkpointIDs.append(cp.id)
            }
        }
        var out = (fixedColumns + checkpointIDs).map(field).joined(separator: ",") + "\n"
        for group in groups {
            let race = snapshot.event.races[group.race]
            let column = checkpointIDs.map { id in race.checkpoints.firstIndex { $0.id == id } }
            for row in group.rows {
                let s = row.standing, p = row.participant
                let places = [s.sexPlace, s.ageGroupPlace, s.divisionPlace].map { $0.map(String.init) ?? "" }
                var fields: [String] = [row.place, p.bib, p.name, p.sex?.rawValue ?? "", row.ageGroup, p.country ?? ""]
                fields += [race.id, p.division.rawValue, s.status.rawValue, row.gun, row.net]
                fields += places
                fields += [row.last, s.flags.labels.joined(separator: ";")]
                for c in column {
                    fields.append(c.flatMap { s.splits[$0] }.map { TimeFormat.duration($0) } ?? "")
                }
                out += fields.map(field).joined(separator: ",") + "\n"
            }
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

