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
        var newest = NewestFinishers(keep: max(0, finishers))
        // Through the chunks' buffers (a row copied is two retains, 50,000 times a frame),
        // keeping only the newest finishers rather than sorting them all.
        rows.forEachChunk { start, chunk in
            for j in chunk.indices {
                let i = start + j
                if chunk[j].status == .finished, let t = chunk[j].lastTimeOfDay {
                    newest.offer(time: t, row: i)
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
        finished = newest.rows
    }

    /// The latest `keep` finishers seen, newest first (the earlier row first
    /// on the same time): a heap whose top is the oldest kept, so a field of
    /// finishers costs a comparison each, not an insertion into a sorted list.
    struct NewestFinishers {
        let keep: Int
        private var heap: [(time: Millis, row: Int)] = []

        init(keep: Int) { self.keep = keep }

        /// Whether `a` comes after `b` in the queue (is older).
        private static func older(_ a: (time: Millis, row: Int), _ b: (time: Millis, row: Int)) -> Bool {
            a.time < b.time || (a.time == b.time && a.row > b.row)
        }

        mutating func offer(time: Millis, row: Int) {
            guard keep > 0 else { return }
            let entry = (time: time, row: row)
            if heap.count < keep {
                heap.append(entry)
                var i = heap.count - 1
                while i > 0, Self.older(heap[i], heap[(i - 1) / 2]) {
                    heap.swapAt(i, (i - 1) / 2)
                    i = (i - 1) / 2
                }
                return
            }
            guard Self.older(heap[0], entry) else { return }
            heap[0] = entry
            var i = 0
            while true {
                let (l, r) = (2 * i + 1, 2 * i + 2)
                var top = i
                if l < heap.count, Self.older(heap[l], heap[top]) { top = l }
                if r < heap.count, Self.older(heap[r], heap[top]) { top = r }
                if top == i { break }
                heap.swapAt(i, top)
                i = top
            }
        }

        var rows: [Int] { heap.sorted { Self.older($1, $0) }.map(\.row) }
    }
}

extension RaceSnapshot {
    /// The announcer's queue for race `race` at the snapshot's time.
    /// Taken from the queue prepared with the snapshot when there is one
    /// (`prepareAnnouncerQueues`) and it kept as many finishers.
    public func announcerQueue(race: Int, finishers: Int = 10) -> AnnouncerQueue {
        if finishers <= Self.preparedFinishers, let prepared = announcerQueuesAtSnapshot,
            prepared.indices.contains(race)
        {
            var queue = prepared[race]
            queue.finished = Array(queue.finished.prefix(max(0, finishers)))
            return queue
        }
        return AnnouncerQueue(
            race: event.races[race], standings: standings(race: race), participants: participants,
            finishers: finishers)
    }

    /// The most finishers a prepared queue keeps: more than a terminal has rows.
    static let preparedFinishers = 500

    /// Works out each race's queue once, so that an announcer's frame does
    /// not go through the whole field (50,000 rows, a millisecond a frame).
    public mutating func prepareAnnouncerQueues() {
        guard announcerQueuesAtSnapshot == nil else { return }
        announcerQueuesAtSnapshot = event.races.indices.map {
            AnnouncerQueue(
                race: event.races[$0], standings: standings(race: $0), participants: participants,
                finishers: Self.preparedFinishers)
        }
    }
}
