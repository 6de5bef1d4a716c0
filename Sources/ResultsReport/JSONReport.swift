import Foundation
import RaceModel
import Snapshots
import ScreenGrid

/// Standings as JSON: official times (by the event's precision and rounding)
/// beside the exact milliseconds they come from.
public enum JSONReport {
    struct Document: Encodable {
        var event: String
        var date: String
        var utc_offset: String
        var at: String
        var final: Bool
        var precision: String
        var races: [RaceDoc]
    }
    struct RaceDoc: Encodable {
        var id: String
        var name: String
        var clock: String
        var distance_km: Double
        var checkpoints: [String]
        var runners: [RunnerDoc]
    }
    struct RunnerDoc: Encodable {
        var place: Int?
        var bib: String
        var name: String
        var sex: String?
        var age_group: String
        var country: String?
        var club: String?
        var division: String
        var status: String
        var last_checkpoint: String?
        var gun_time: String?
        var net_time: String?
        var gun_time_ms: Int?
        var net_time_ms: Int?
        var sex_place: Int?
        var age_group_place: Int?
        var division_place: Int?
        var gap_ms: Int?
        var pace_ms_per_km: Int?
        var projected_finish_ms: Int?
        var splits: [String: String]
        var splits_ms: [String: Int]
        var flags: [String]
    }

    public static func render(_ snapshot: RaceSnapshot, filter: ResultsFilter = ResultsFilter()) -> String {
        let races = snapshot.reportRows(filter).map { group -> RaceDoc in
            let race = snapshot.event.races[group.race]
            let runners = group.rows.map { row -> RunnerDoc in
                let s = row.standing, p = row.participant
                var splits: [String: Int] = [:]
                var official: [String: String] = [:]
                for (i, cp) in race.checkpoints.enumerated() {
                    if let t = s.splits[i] { splits[cp.id] = t; official[cp.id] = row.split(i) }
                }
                return RunnerDoc(place: row.selectionPlace, bib: p.bib, name: p.name, sex: p.sex?.rawValue, age_group: row.ageGroup,
                                 country: p.country, club: p.club, division: p.division.rawValue, status: s.status.rawValue,
                                 last_checkpoint: row.last.isEmpty ? nil : row.last,
                                 gun_time: row.gun.isEmpty ? nil : row.gun, net_time: row.net.isEmpty ? nil : row.net,
                                 gun_time_ms: s.gunTime, net_time_ms: s.netTime, sex_place: s.sexPlace,
                                 age_group_place: s.ageGroupPlace, division_place: s.divisionPlace, gap_ms: row.selectionGap,
                                 pace_ms_per_km: s.racePace, projected_finish_ms: s.projectedFinish,
                                 splits: official, splits_ms: splits, flags: s.flags.labels)
            }
            return RaceDoc(id: race.id, name: race.name, clock: race.clock.rawValue, distance_km: race.distanceKm,
                           checkpoints: race.checkpoints.map(\.id), runners: runners)
        }
        let doc = Document(event: snapshot.event.name, date: snapshot.event.date.description,
                           utc_offset: snapshot.event.utcOffsetLabel, at: TimeFormat.timeOfDay(snapshot.at),
                           final: snapshot.evaluation.isFinal, precision: snapshot.event.precision.rawValue, races: races)
        return encode(doc)
    }

    /// Pretty, with sorted keys: stable output for scripts and diffs.
    static func encode(_ doc: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(doc) else { return "{}\n" }
        return escapingInvisibles(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// JSONEncoder escapes only C0 controls. DEL, C1 controls (U+009B is a
    /// terminal's CSI), bidi controls and U+2028/2029 (line ends to
    /// JavaScript) are valid JSON but harm whoever prints or evals it, so they
    /// are written as \u escapes. They can only occur inside strings, where
    /// the escape means the same character.
    static func escapingInvisibles(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard needsEscape(scalar) else { out.append(scalar); continue }
            let hex = String(scalar.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x7F && TextWidth.needsReplacement(scalar)
    }
}
