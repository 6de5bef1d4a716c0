import RaceModel
import Snapshots

/// Which runners a report shows. With a sex or division chosen, places and
/// gaps are those within the selection; sex, division and age-group places
/// stay those of the race.
public struct ResultsFilter: Sendable {
    public var race: Int?
    public var division: Division?
    public var sex: Sex?

    public init(race: Int? = nil, division: Division? = nil, sex: Sex? = nil) {
        self.race = race
        self.division = division
        self.sex = sex
    }

    func includes(_ p: Participant) -> Bool {
        (division == nil || p.division == division) && (sex == nil || p.sex == sex)
    }

    var narrowsRace: Bool { division != nil || sex != nil }
}

/// One row of a report, with every figure already formatted.
struct ReportRow {
    var standing: Standing
    var participant: Participant
    var race: Race
    var ageGroup: String
    /// Place and gap within the selection shown.
    var selectionPlace: Int?
    var selectionGap: Millis?
    var precision: TimePrecision

    var place: String { selectionPlace.map(String.init) ?? "" }
    var gun: String { official(standing.gunTime) }
    var net: String { official(standing.netTime) }
    var last: String { standing.lastCheckpoint.map { race.checkpoints[$0].id } ?? "" }
    var gap: String { selectionGap.map { $0 == 0 ? "" : TimeFormat.gap($0) } ?? "" }

    func official(_ ms: Millis?) -> String { ms.map { OfficialTime.format($0, precision) } ?? "" }
    func split(_ checkpoint: Int) -> String { official(standing.splits[checkpoint]) }
}

extension RaceSnapshot {
    func reportRows(_ filter: ResultsFilter) -> [(race: Int, rows: [ReportRow])] {
        evaluation.standings.compactMap { standings in
            if let r = filter.race, r != standings.raceIndex { return nil }
            let race = event.races[standings.raceIndex]
            let shown = standings.rows.filter { filter.includes(participants[$0.runner]) }
            var leader = [Millis?](repeating: nil, count: race.checkpoints.count)
            for s in shown {
                for (c, t) in s.splits.enumerated() {
                    if let t, leader[c].map({ t < $0 }) ?? true { leader[c] = t }
                }
            }
            var places = PlaceCounter()
            let rows = shown.map { s -> ReportRow in
                let p = participants[s.runner]
                var place = s.place
                if filter.narrowsRace { place = s.status.isPlaced ? places.next(RankKey(s)) : nil }
                let gap = s.lastCheckpoint.flatMap { c in s.rankTime.flatMap { t in leader[c].map { t - $0 } } }
                return ReportRow(
                    standing: s, participant: p, race: race, ageGroup: event.ageGroups.label(sex: p.sex, age: p.age),
                    selectionPlace: place, selectionGap: gap, precision: event.precision)
            }
            return (standings.raceIndex, rows)
        }
    }
}
