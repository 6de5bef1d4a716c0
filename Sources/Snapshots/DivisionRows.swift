import RaceModel

extension RaceSnapshot {
    /// Lists, once per snapshot, where each division's runners stand in each
    /// race: the field view shows one division of a race of 50,000 runners,
    /// and a frame must not go through the whole field to find them.
    public mutating func prepareDivisionRows() {
        guard divisionRowsAtSnapshot == nil else { return }
        let people = participants
        divisionRowsAtSnapshot = evaluation.standings.map { standings in
            var byDivision = [[Int32]](repeating: [], count: Division.allCases.count)
            standings.rows.forEachChunk { start, chunk in
                for j in chunk.indices {
                    byDivision[people[chunk[j].runner].division.index].append(Int32(start + j))
                }
            }
            return byDivision
        }
    }

    /// What the dashboard draws from a snapshot, worked out once off the screen's thread.
    public mutating func prepareForDashboard() {
        prepareAlertGroups()
        prepareDivisionRows()
        prepareAnnouncerQueues()
    }

    /// Positions in race `race`'s standings of `division`'s runners, when prepared.
    public func divisionRows(race: Int, division: Division) -> [Int32]? {
        divisionRowsAtSnapshot.flatMap { race < $0.count ? $0[race][division.index] : nil }
    }
}
