import RaceModel
import Snapshots
import ScreenGrid

/// Standings as an aligned text table for people reading a terminal or a printout.
public enum TableReport {
    public static func render(_ snapshot: RaceSnapshot, filter: ResultsFilter = ResultsFilter()) -> String {
        let what = snapshot.evaluation.isFinal ? "final results" : "standings"
        var out =
            "\(snapshot.event.name) — \(snapshot.event.date) — \(what) at \(TimeFormat.timeOfDay(snapshot.at)) (UTC\(snapshot.event.utcOffsetLabel))\n"
        for group in snapshot.reportRows(filter) {
            let race = snapshot.event.races[group.race]
            let standings = snapshot.standings(race: group.race)
            out += "\n\(race.name) (\(race.id), \(formatKm(race.distanceKm)) km, ranked on \(clockLabel(race)) time): "
            let counts = standings.statusCounts
            out +=
                RunnerStatus.allCases.compactMap { status in
                    let n = counts[status]
                    return n == 0 && (status == .overTimeLimit || status == .disqualified)
                        ? nil : "\(n) \(status.longName)"
                }.joined(separator: ", ") + "\n"
            if let selection = selectionLabel(filter) { out += "Places and gaps within the \(selection).\n" }
            let header = [
                "Pl", "Bib", "Name", "Sex", "SxPl", "AG", "AGPl", "Club", "Ctry", "Div", "St", "Last", "Gun", "Net",
                "Gap", "Pace", "Proj", "Flags",
            ]
            var table: [[String]] = [header]
            for row in group.rows {
                let s = row.standing, p = row.participant
                table.append([
                    row.place, p.bib, p.name, p.sex?.rawValue ?? "", s.sexPlace.map(String.init) ?? "",
                    row.ageGroup, s.ageGroupPlace.map(String.init) ?? "", p.club ?? "", p.country ?? "",
                    p.division == .elite ? "E" : "A", s.status.rawValue, row.last, row.gun, row.net, row.gap,
                    s.racePace.map(TimeFormat.pace) ?? "",
                    s.status == .onCourse ? (s.projectedFinish.map { TimeFormat.duration($0) } ?? "") : "",
                    s.flagLabels.joined(separator: ", "),
                ])
            }
            out += align(table, rightAligned: [0, 1, 4, 6, 12, 13, 14, 15, 16], maxWidth: [2: 28, 7: 20, 17: 40])
        }
        return TextWidth.sanitizeLines(out)
    }

    /// `gun`, or `net (elite: gun)` where divisions or waves rank on their own clock.
    static func clockLabel(_ race: Race) -> String {
        guard race.hasMixedClocks else { return race.clock.rawValue }
        var exceptions = race.divisionClocks.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            "\($0.key.rawValue): \($0.value.rawValue)"
        }
        exceptions += race.waves.compactMap { w in w.clock.map { "wave \(w.id): \($0.rawValue)" } }
        return "\(race.clock.rawValue) (\(exceptions.joined(separator: ", ")))"
    }

    static func selectionLabel(_ filter: ResultsFilter) -> String? {
        guard filter.narrowsRace else { return nil }
        let sex = filter.sex.map { $0 == .male ? "men" : $0 == .female ? "women" : "X" }
        let parts = [filter.division.map { "\($0.rawValue) division" }, sex].compactMap { $0 }
        return parts.joined(separator: ", ") + " shown"
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
            let cells = row.enumerated().map { i, cell in
                TextWidth.pad(cell, to: widths[i], alignRight: rightAligned.contains(i))
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
