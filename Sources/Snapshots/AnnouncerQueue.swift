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
        let keep = max(0, finishers)
        // Through the chunks' buffers (a row copied is two retains, 50,000 times a frame),
        // keeping only the newest finishers rather than sorting them all.
        rows.forEachChunk { start, chunk in
            for j in chunk.indices {
                let i = start + j
                if chunk[j].status == .finished, let t = chunk[j].lastTimeOfDay {
                    guard keep > 0 else { continue }
                    if newest.count == keep, let oldest = newest.last,
                        !(t > oldest.time || (t == oldest.time && i < oldest.row))
                    {
                        continue
                    }
                    let at = newest.firstIndex { t > $0.time || (t == $0.time && i < $0.row) } ?? newest.count
                    newest.insert((t, i), at: at)
                    if newest.count > keep { newest.removeLast() }
                    continue
                }
                // DNF, DQ and runners over the limit are not coming.
                guard chunk[j].status == .onCourse, chunk[j].lastCheckpoint == lastSplit,
                    let t = chunk[j].lastTimeOfDay, let rank = chunk[j].rankTime
                else { continue }
                // The last segment says most about how they run now; the race pace is the fallback.
                let pace = chunk[j].segmentPace ?? chunk[j].racePace ?? TimingEngine.defaultPace
                let toGo = Int((remainingKm * Double(pace)).rounded())
                let runner = chunk[j].runner
                let elite = participants[runner].division == .elite
                due.append(Due(row: i, runner: runner, isElite: elite, dueAt: t + toGo, projected: rank + toGo))
            }
        }
        self.due = due.sorted { a, b in
            if a.isElite != b.isElite { return a.isElite }
            if a.dueAt != b.dueAt { return a.dueAt < b.dueAt }
            return a.row < b.row
        }
        finished = newest.map(\.row)
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
