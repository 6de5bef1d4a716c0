import RaceModel
import Snapshots

/// Which runners a report shows. Places stay those within the race.
public struct ResultsFilter: Sendable {
    public var race: Int?
    public var division: Division?
    public var sex: Sex?

    public init(race: Int? = nil, division: Division? = nil, sex: Sex? = nil) {
        self.race = race; self.division = division; self.sex = sex
    }

    func includes(_ p: Participant) -> Bool {
        (division == nil || p.division == division) && (sex == nil || p.sex == sex)
    }
}

/// One row of a report, with every figure already formatted.
struct ReportRow {
    var standing: Standing
    var participant: Participant
    var race: Race
    var ageGroup: String

    var place: String { standing.place.map(String.init) ?? "" }
    var gun: String { standing.gunTime.map { TimeFormat.duration($0) } ?? "" }
    var net: String { standing.netTime.map { TimeFormat.duration($0) } ?? "" }
    var last: String { standing.lastCheckpoint.map { race.checkpoints[$0].id } ?? "" }
}

extension RaceSnapshot {
    func reportRows(_ filter: ResultsFilter) -> [(race: Int, rows: [ReportRow])] {
        evaluation.standings.compactMap { standings in
            if let r = filter.race, r != standings.raceIndex { return nil }
            let race = event.races[standings.raceIndex]
            let rows = standings.rows.compactMap { s -> ReportRow? in
                let p = participants[s.runner]
                guard filter.includes(p) else { return nil }
                return ReportRow(standing: s, participant: p, race: race, ageGroup: event.ageGroups.label(forAge: p.age))
            }
            return (standings.raceIndex, rows)
        }
    }
}
