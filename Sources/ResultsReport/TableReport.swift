import RaceModel
import RaceState
import ScreenGrid

/// Standings as an aligned text table for people reading a terminal or a printout.
public enum TableReport {
    public static func render(_ snapshot: RaceSnapshot, filter: ResultsFilter = ResultsFilter()) -> String {
        var out = "\(snapshot.event.name) — \(snapshot.event.date) — standings at \(TimeFormat.timeOfDay(snapshot.at)) (UTC\(snapshot.event.utcOffsetLabel))\n"
        for group in snapshot.reportRows(filter) {
            let race = snapshot.event.races[group.race]
            let standings = snapshot.standings(race: group.race)
            out += "\n\(race.name) (\(race.id), \(formatKm(race.distanceKm)) km, ranked on \(race.clock.rawValue) time): "
            out += "\(standings.count(.finished)) finished, \(standings.count(.onCourse)) on course, "
            out += "\(standings.count(.dnf)) DNF, \(standings.count(.dns)) DNS\n"
            let header = ["Pl", "Bib", "Name", "Sex", "AG", "Ctry", "Div", "St", "Last", "Gun", "Net", "Gap", "Pace", "Proj", "Flags"]
            var table: [[String]] = [header]
            for row in group.rows {
                let s = row.standing, p = row.participant
                table.append([
                    row.place, p.bib, p.name, p.sex?.rawValue ?? "", row.ageGroup, p.country ?? "",
                    p.division == .elite ? "E" : "A", s.status.rawValue, row.last, row.gun, row.net,
                    s.gap.map { $0 == 0 ? "" : TimeFormat.gap($0) } ?? "",
                    s.racePace.map(TimeFormat.pace) ?? "",
                    s.status == .onCourse ? (s.projectedFinish.map { TimeFormat.duration($0) } ?? "") : "",
                    s.flags.labels.joined(separator: ", "),
                ])
            }
            out += align(table, rightAligned: [0, 1, 9, 10, 11, 12, 13], maxWidth: [2: 28, 14: 40])
        }
        return TextWidth.sanitizeLines(out)
    }

    static func formatKm(_ km: Double) -> String {
        km == km.rounded() ? String(Int(km)) : String(km)
    }

    /// Columns not named in `maxWidth` are capped too: one 10,000-character
    /// country must not make every row of the table that wide.
    static let defaultMaxWidth = 16

    static func align(_ rows: [[String]], rightAligned: Set<Int>, maxWidth: [Int: Int]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for row in rows {
            for (i, cell) in row.enumerated() {
                widths[i] = max(widths[i], min(TextWidth.of(cell), maxWidth[i] ?? defaultMaxWidth))
            }
        }
        var out = ""
        for row in rows {
            let cells = row.enumerated().map { i, cell in TextWidth.pad(cell, to: widths[i], alignRight: rightAligned.contains(i)) }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
