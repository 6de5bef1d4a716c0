import RaceModel

/// Who the announcer should call next: runners of one race past the last
/// timing point before the finish, by when they are due, elite first; then
/// the latest finishers, newest first.
public struct AnnouncerQueue: Sendable, Equatable {
    /// A runner between the last split and the finish.
    public struct Due: Sendable, Equatable {
        /// Index into the race's standings rows.
        public var row: Int
        public var runner: Int
        public var isElite: Bool
        /// Time of day they should cross the line, from their own pace.
        public var dueAt: Millis
        /// Finish time on the race's ranking clock if they keep that pace.
        public var projected: Millis
    }

    /// Elite runners first, each part by `dueAt`.
    public var due: [Due]
    /// Standings rows of the latest finishers, newest first.
    public var finished: [Int]

    /// Builds the queue from one race's standings. `finishers`: how many of
    /// the latest finishers to keep.
    public init(race: Race, standings: RaceStandings, participants: [Participant], finishers: Int = 10) {
        let rows = standings.rows
        guard race.finishIndex > 0 else {
            due = []
            finished = []
            return
        }
        let lastSplit = race.finishIndex - 1
        let remainingKm = race.distanceKm - race.checkpoints[lastSplit].km
        var due: [Due] = []
        var newest: [(time: Millis, row: Int)] = []
        for i in rows.indices {
            let s = rows[i]
            if s.status == .finished, let t = s.lastTimeOfDay {
                newest.append((t, i))
                continue
            }
            // DNF, DQ and runners over the limit are not coming.
            guard s.status == .onCourse, s.lastCheckpoint == lastSplit, let t = s.lastTimeOfDay,
                let rank = s.rankTime
            else { continue }
            // The last segment says most about how they run now; the race pace is the fallback.
            let pace = s.segmentPace ?? s.racePace ?? TimingEngine.defaultPace
            let toGo = Int((remainingKm * Double(pace)).rounded())
            let elite = participants[s.runner].division == .elite
            due.append(Due(row: i, runner: s.runner, isElite: elite, dueAt: t + toGo, projected: rank + toGo))
        }
        self.due = due.sorted { a, b in
            if a.isElite != b.isElite { return a.isElite }
            if a.dueAt != b.dueAt { return a.dueAt < b.dueAt }
            return a.row < b.row
        }
        newest.sort { $0.time != $1.time ? $0.time > $1.time : $0.row < $1.row }
        finished = newest.prefix(max(0, finishers)).map(\.row)
    }
}

extension RaceSnapshot {
    /// The announcer's queue for race `race` at the snapshot's time.
    public func announcerQueue(race: Int, finishers: Int = 10) -> AnnouncerQueue {
        AnnouncerQueue(
            race: event.races[race], standings: standings(race: race), participants: participants,
            finishers: finishers)
    }
}
