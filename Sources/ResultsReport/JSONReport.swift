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
        var utcOffset: String
        var at: String
        var final: Bool
        var precision: String
        var races: [RaceDoc]

        enum CodingKeys: String, CodingKey {
            case event, date, at, final, precision, races
            case utcOffset = "utc_offset"
        }
    }
    struct RaceDoc: Encodable {
        var id: String
        var name: String
        var clock: String
        var distanceKm: Double
        var checkpoints: [String]
        var runners: [RunnerDoc]

        enum CodingKeys: String, CodingKey {
            case id, name, clock, checkpoints, runners
            case distanceKm = "distance_km"
        }
    }
    struct RunnerDoc: Encodable {
        var place: Int?
        var bib: String
        var name: String
        var sex: String?
        var ageGroup: String
        var country: String?
        var club: String?
        var division: String
        var status: String
        var lastCheckpoint: String?
        var gunTime: String?
        var netTime: String?
        var gunTimeMs: Int?
        var netTimeMs: Int?
        var sexPlace: Int?
        var ageGroupPlace: Int?
        var divisionPlace: Int?
        var gapMs: Int?
        var paceMsPerKm: Int?
        var projectedFinishMs: Int?
        var splits: [String: String]
        var splitsMs: [String: Int]
        var flags: [String]

        enum CodingKeys: String, CodingKey {
            case place, bib, name, sex, country, club, division, status, splits, flags
            case ageGroup = "age_group"
            case lastCheckpoint = "last_checkpoint"
            case gunTime = "gun_time"
            case netTime = "net_time"
            case gunTimeMs = "gun_time_ms"
            case netTimeMs = "net_time_ms"
            case sexPlace = "sex_place"
            case ageGroupPlace = "age_group_place"
            case divisionPlace = "division_place"
            case gapMs = "gap_ms"
            case paceMsPerKm = "pace_ms_per_km"
            case projectedFinishMs = "projected_finish_ms"
            case splitsMs = "splits_ms"
        }
    }

    public static func render(_ snapshot: RaceSnapshot, filter: ResultsFilter = ResultsFilter()) -> String {
        let races = snapshot.reportRows(filter).map { group -> RaceDoc in
            let race = snapshot.event.races[group.race]
            let runners = group.rows.map { row -> RunnerDoc in
                let s = row.standing, p = row.participant
                var splits: [String: Int] = [:]
                var official: [String: String] = [:]
                for (i, cp) in race.checkpoints.enumerated() {
                    if let t = s.split(i) {
                        splits[cp.id] = t
                        official[cp.id] = row.split(i)
                    }
                }
                return RunnerDoc(
                    place: row.selectionPlace, bib: p.bib, name: p.name, sex: p.sex?.rawValue, ageGroup: row.ageGroup,
                    country: p.country, club: p.club, division: p.division.rawValue, status: s.status.rawValue,
                    lastCheckpoint: row.last.isEmpty ? nil : row.last,
                    gunTime: row.gun.isEmpty ? nil : row.gun, netTime: row.net.isEmpty ? nil : row.net,
                    gunTimeMs: s.gunTime, netTimeMs: s.netTime, sexPlace: s.sexPlace,
                    ageGroupPlace: s.ageGroupPlace, divisionPlace: s.divisionPlace, gapMs: row.selectionGap,
                    paceMsPerKm: s.racePace, projectedFinishMs: s.projectedFinish,
                    splits: official, splitsMs: splits, flags: s.flagLabels)
            }
            return RaceDoc(
                id: race.id, name: race.name, clock: race.clock.rawValue, distanceKm: race.distanceKm,
                checkpoints: race.checkpoints.map(\.id), runners: runners)
        }
        let doc = Document(
            event: snapshot.event.name, date: snapshot.event.date.description,
            utcOffset: snapshot.event.utcOffsetLabel, at: TimeFormat.timeOfDay(snapshot.at),
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
            guard needsEscape(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x7F && TextWidth.needsReplacement(scalar)
    }
}
