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
    func split(_ checkpoint: Int) -> String { official(standing.split(checkpoint)) }
}

/// A race's rows in a report, each built when it is read: 50,000 reports
/// rows held at once (a runner, a participant and a race each) would cost
/// more memory than the standings themselves.
struct ReportRows: RandomAccessCollection {
    let standings: RaceStandings
    let participants: [Participant]
    let race: Race
    let precision: TimePrecision
    let ageGroups: AgeGroups
    /// Positions in `standings.rows` shown; nil: all of them.
    let shown: [Int32]?
    /// Places within the selection, by position in `shown`; nil: the race's own.
    let places: [Int?]?
    /// Fastest time at each checkpoint within the selection.
    let leader: [Millis?]

    var startIndex: Int { 0 }
    var endIndex: Int { shown?.count ?? standings.rows.count }

    subscript(i: Int) -> ReportRow {
        let s = standings.rows[position(i)]
        let p = participants[s.runner]
        let gap = s.lastCheckpoint.flatMap { c in s.rankTime.flatMap { t in leader[c].map { t - $0 } } }
        return ReportRow(
            standing: s, participant: p, race: race, ageGroup: ageGroups.label(sex: p.sex, age: p.age),
            selectionPlace: selectionPlace(i, s), selectionGap: gap, precision: precision)
    }

    /// Where row `i` is in the race's standings.
    func position(_ i: Int) -> Int { shown.map { Int($0[i]) } ?? i }

    /// The place shown for row `i`, whose standing is `s`.
    func selectionPlace(_ i: Int, _ s: Standing) -> Int? { places.map { $0[i] } ?? s.place }

    /// Rows `range`, each standing and participant read where it is kept
    /// (pointers valid during `body` only), not copied into a `ReportRow`
    /// nor handed over as values, which retained every array and string of
    /// both (the CSV of a big race has 50,000 of them).
    func forEachRow(
        in range: Range<Int>,
        _ body: (_ standing: UnsafePointer<Standing>, _ participant: UnsafePointer<Participant>, _ place: Int?) -> Void
    ) {
        participants.withUnsafeBufferPointer { participants in
            guard let shown else {
                standings.rows.forEachChunk(in: range) { _, chunk in
                    for j in chunk.indices {
                        // Most of the CSV's time was waiting on the participants.
                        participants.prefetchRunner(ahead: j, of: chunk)
                        chunk.prefetchSplits(ahead: j)
                        let row = chunk.baseAddress!.advanced(by: j)
                        body(row, participants.baseAddress!.advanced(by: row.pointee.runner), row.pointee.place)
                    }
                }
                return
            }
            for i in range {
                let row = standings.rows[Int(shown[i])]
                withUnsafePointer(to: row) {
                    body($0, participants.baseAddress!.advanced(by: row.runner), selectionPlace(i, row))
                }
            }
        }
    }
}

extension RaceSnapshot {
    func reportRows(_ filter: ResultsFilter) -> [(race: Int, rows: ReportRows)] {
        evaluation.standings.compactMap { standings in
            if let r = filter.race, r != standings.raceIndex { return nil }
            let race = event.races[standings.raceIndex]
            let rows = standings.rows
            var shown: [Int32]? = nil
            var places: [Int?]? = nil
            var leader = standings.leaderTimes
            if filter.narrowsRace {
                var positions: [Int32] = []
                var selected: [Int?] = []
                var counter = PlaceCounter()
                leader = [Millis?](repeating: nil, count: race.checkpoints.count)
                for i in rows.indices where filter.includes(participants[rows[i].runner]) {
                    positions.append(Int32(i))
                    let s = rows[i]
                    selected.append(s.status.isPlaced ? counter.next(RankKey(s)) : nil)
                    for c in 0..<s.checkpointCount {
                        if let t = s.split(c), leader[c].map({ t < $0 }) ?? true { leader[c] = t }
                    }
                }
                shown = positions
                places = selected
            }
            return (
                standings.raceIndex,
                ReportRows(
                    standings: standings, participants: participants, race: race, precision: event.precision,
                    ageGroups: event.ageGroups, shown: shown, places: places, leader: leader)
            )
        }
    }
}
