import RaceModel
import Snapshots

/// The elite leaders of a race by sex: men, women, and anyone else in an
/// open table. A race with no elite division shows everyone instead, so a
/// fun run still has leaders on this screen.
struct EliteBoard {
    struct Group {
        var title: String
        /// Indices into the race standings, in standings order.
        var rows: [Int32]
    }

    /// The race standings rows (shared storage, not a copy).
    let rows: ChunkedArray<Standing>
    let groups: [Group]
    /// False when the race has no elite division and the tables show the whole field.
    let isElite: Bool

    init(_ snapshot: RaceSnapshot, ui: UIState) {
        guard let race = snapshot.raceIndex(ui) else {
            rows = []
            groups = []
            isElite = true
            return
        }
        let standings = snapshot.standings(race: race)
        rows = standings.rows
        let people = snapshot.participants
        func split(eliteOnly: Bool) -> [[Int32]] {
            var bySex: [[Int32]] = [[], [], []]
            // The elite rows listed once per snapshot, where the fetcher listed them.
            if eliteOnly, let elite = snapshot.divisionRows(race: race, division: .elite) {
                for position in elite {
                    let sex = people[standings.rows[Int(position)].runner].sex
                    bySex[(sex ?? .other).index].append(position)
                }
                return bySex
            }
            // Through the chunks' buffers: this runs over the whole field every frame.
            standings.rows.forEachChunk { start, chunk in
                for j in chunk.indices {
                    let runner = chunk[j].runner
                    if eliteOnly && people[runner].division != .elite { continue }
                    let sex = people[runner].sex
                    bySex[(sex ?? .other).index].append(Int32(start + j))
                }
            }
            return bySex
        }
        var bySex = split(eliteOnly: true)
        isElite = bySex.contains { !$0.isEmpty }
        if !isElite { bySex = split(eliteOnly: false) }
        var groups = [Group(title: "Men", rows: bySex[0]), Group(title: "Women", rows: bySex[1])]
        if !bySex[2].isEmpty { groups.append(Group(title: "Open", rows: bySex[2])) }
        self.groups = groups
    }

    /// Selection runs through the groups one after another.
    var count: Int { groups.reduce(0) { $0 + $1.rows.count } }

    func locate(_ selected: Int) -> (group: Int, row: Int)? {
        var i = selected
        for (g, group) in groups.enumerated() {
            if i < group.rows.count { return (g, i) }
            i -= group.rows.count
        }
        return nil
    }

    /// Selection index of the first row of group `g`.
    func start(ofGroup g: Int) -> Int { groups.prefix(g).reduce(0) { $0 + $1.rows.count } }

    func standing(group g: Int, row r: Int) -> Standing { rows[Int(groups[g].rows[r])] }
}
