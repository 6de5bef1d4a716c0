import Foundation
import RaceModel
import Snapshots

extension RaceSnapshot {
    /// The race the user picked, kept in range when the config changes under them.
    func raceIndex(_ ui: UIState) -> Int? {
        event.races.isEmpty ? nil : min(max(0, ui.race), event.races.count - 1)
    }
}

/// The rows of the field view after the division and filters: indices into
/// the race standings, which are already sorted once per snapshot. Only the
/// visible window is ever formatted.
struct FieldList {
    /// The race standings rows (shared storage, not a copy).
    let rows: ChunkedArray<Standing>
    /// nil when nothing is filtered out: row i is `rows[i]`.
    let indices: [Int32]?

    init(_ snapshot: RaceSnapshot, ui: UIState) {
        guard let race = snapshot.raceIndex(ui) else {
            rows = []
            indices = nil
            return
        }
        let standings = snapshot.standings(race: race)
        rows = standings.rows
        let f = ui.filters
        if ui.division == nil && f.isEmpty {
            indices = nil
            return
        }
        if f.isEmpty, let division = ui.division, let listed = snapshot.divisionRows(race: race, division: division) {
            indices = listed
            return
        }
        let people = snapshot.participants
        let groups = snapshot.event.ageGroups
        var out: [Int32] = []
        out.reserveCapacity(rows.count)
        // By index and field: copying each row and participant would cost more than the test.
        rows.forEachChunk { start, chunk in
            for j in chunk.indices {
                let runner = chunk[j].runner
                if let d = ui.division, people[runner].division != d { continue }
                if let s = f.sex, people[runner].sex != s { continue }
                if let g = f.ageGroup, groups.defaultGroup(age: people[runner].age) != g { continue }
                if let c = f.country, people[runner].country != c { continue }
                out.append(Int32(start + j))
            }
        }
        indices = out
    }

    var count: Int { indices?.count ?? rows.count }

    func row(_ i: Int) -> Standing { rows[indices.map { Int($0[i]) } ?? i] }

    /// First row from `start` (wrapping; going up when `backward`) whose bib
    /// is the query, else whose name contains it.
    func firstMatch(_ query: String, from start: Int = 0, backward: Bool = false, participants: [Participant]) -> Int? {
        let q = query.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty, count > 0 else { return nil }
        let lower = q.lowercased()
        let begin = (start % count + count) % count
        let order =
            backward
            ? Array((0...begin).reversed()) + Array((begin + 1..<count).reversed())
            : Array(begin..<count) + Array(0..<begin)
        if let bib = order.first(where: { participants[row($0).runner].bib.lowercased() == lower }) { return bib }
        return order.first { participants[row($0).runner].name.lowercased().contains(lower) }
    }
}

/// Values the filters cycle through for a race.
enum FilterChoices {
    static func countries(_ snapshot: RaceSnapshot, race: Int) -> [String] {
        var seen = Set<String>()
        for p in snapshot.participants where p.raceIndex == race {
            if let c = p.country, !c.isEmpty { seen.insert(c) }
        }
        return seen.sorted()
    }

    /// The next value after `current` in `values`, then back to nil ("all").
    static func next<T: Equatable>(_ current: T?, in values: [T]) -> T? {
        guard let current, let i = values.firstIndex(of: current) else { return values.first }
        return i + 1 < values.count ? values[i + 1] : nil
    }
}
