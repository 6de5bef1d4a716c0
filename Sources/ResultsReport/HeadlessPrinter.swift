import RaceModel
import Snapshots
import ScreenGrid

/// Turns successive snapshots into the lines of headless live output: each
/// split that became counted, each line newly rejected, and summaries.
/// Splits are keyed by bib, race and checkpoint rather than runner index, so
/// a reloaded participant list (a late entry, a removed row) does not make
/// old splits look new.
public struct HeadlessPrinter {
    private struct SplitKey: Hashable {
        var bib: String
        var race: String
        var checkpoint: String
    }

    private struct RejectionKey: Hashable {
        var path: String
        var line: Int32
        var generation: UInt16
        var reason: String
    }

    private var splits: [SplitKey: Millis] = [:]
    /// The last snapshot's splits by runner index, with what the indices
    /// refer to: while participants and event stay the same, a change is
    /// found by comparing each runner's splits, without hashing every split.
    private var previous: (event: EventConfig, participants: [Participant], splits: [[CountedSplit]])?
    private var rejections: Set<RejectionKey> = []
    private var gaps: Set<String> = []
    public private(set) var hasBaseline = false

    public init() {}

    /// Takes what the snapshot holds as already reported (reads written before
    /// racedash started are not printed one by one).
    public mutating func setBaseline(_ snapshot: RaceSnapshot) {
        _ = changes(snapshot)
        hasBaseline = true
    }

    /// Splits counted since the last call, in time order, then lines newly
    /// rejected, in file and line order.
    public mutating func changes(_ snapshot: RaceSnapshot) -> [String] {
        var accepted = changedSplits(snapshot)
        previous = (snapshot.event, snapshot.participants, snapshot.evaluation.timelines.map(\.counted))

        var rejected: [(ref: LineRef, text: String)] = []
        var currentRejections = Set<RejectionKey>()
        for rejection in snapshot.evaluation.rejections {
            let path = Self.path(of: rejection.ref, in: snapshot)
            let key = RejectionKey(
                path: path, line: rejection.ref.line, generation: rejection.ref.generation,
                reason: rejection.reason.description)
            currentRejections.insert(key)
            if !rejections.contains(key) {
                rejected.append((rejection.ref, Self.rejectionLine(rejection, path: path, snapshot: snapshot)))
            }
        }
        rejections = currentRejections

        // Decoder numbering gaps (computed with the evaluation), each printed once as it appears.
        let currentGaps = snapshot.evaluation.sequenceGaps.map {
            Self.sanitized("GAP " + $0.message(event: snapshot.event, files: snapshot.files))
        }
        let newGaps = currentGaps.filter { !gaps.contains($0) }
        gaps = Set(currentGaps)

        accepted.sort { ($0.time, $0.bib.count, $0.bib) < ($1.time, $1.bib.count, $1.bib) }
        return accepted.map(\.text) + rejected.sorted { $0.ref < $1.ref }.map(\.text) + newGaps
    }

    /// Splits new or changed since the last snapshot.
    private mutating func changedSplits(_ snapshot: RaceSnapshot) -> [(time: Millis, bib: String, text: String)] {
        let event = snapshot.event
        let timelines = snapshot.evaluation.timelines
        if let previous, previous.event == event, previous.participants == snapshot.participants,
            previous.splits.count == timelines.count
        {
            // Same runners at the same indices: only runners whose splits differ are looked at.
            var accepted: [(time: Millis, bib: String, text: String)] = []
            for (runner, timeline) in timelines.enumerated() where timeline.counted != previous.splits[runner] {
                let participant = snapshot.participants[runner]
                let race = event.races[participant.raceIndex]
                for c in timeline.counted.indices {
                    let time = timeline.split(c)
                    let key = SplitKey(bib: participant.bib, race: race.id, checkpoint: race.checkpoints[c].id)
                    splits[key] = time
                    guard let time, previous.splits[runner][c].time != time else { continue }
                    accepted.append(
                        (
                            time, participant.bib,
                            Self.splitLine(
                                participant, race: race, checkpoint: c, time: time,
                                timeline: timeline, event: event)
                        ))
                }
            }
            return accepted
        }
        var accepted: [(time: Millis, bib: String, text: String)] = []
        var current: [SplitKey: Millis] = [:]
        current.reserveCapacity(splits.count + 16)
        for (runner, timeline) in timelines.enumerated() {
            guard timeline.furthest != nil else { continue }
            let participant = snapshot.participants[runner]
            let race = event.races[participant.raceIndex]
            for c in timeline.counted.indices {
                guard let time = timeline.split(c) else { continue }
                let key = SplitKey(bib: participant.bib, race: race.id, checkpoint: race.checkpoints[c].id)
                current[key] = time
                if splits[key] != time {
                    accepted.append(
                        (
                            time, participant.bib,
                            Self.splitLine(
                                participant, race: race, checkpoint: c, time: time,
                                timeline: timeline, event: event)
                        ))
                }
            }
        }
        splits = current
        return accepted
    }

    /// `09:17:00.000 km5 5K bib 1 Ri Jong Ho (PRK) gun 0:17:00` (and the net
    /// time where the race ranks on it).
    static func splitLine(
        _ participant: Participant, race: Race, checkpoint c: Int, time: Millis,
        timeline: RunnerTimeline, event: EventConfig
    ) -> String {
        let checkpoint = race.checkpoints[c]
        let gun = race.waves[participant.waveIndex].gun
        var text =
            "\(TimeFormat.timeOfDay(time, millis: true)) \(event.points[checkpoint.pointIndex].id) \(checkpoint.id)"
        text += " bib \(participant.bib) \(participant.name)"
        if let country = participant.country { text += " (\(country))" }
        text += " gun \(event.official(time - gun))"
        if race.clock(for: participant) == .net { text += " net \(event.official(time - (timeline.startRead ?? gun)))" }
        return sanitized(text)
    }

    /// `REJECTED reads/km5.txt:12: <reason> (bib 7) | <line as written>`
    static func rejectionLine(_ rejection: Rejection, path: String, snapshot: RaceSnapshot) -> String {
        var text = "REJECTED \(rejection.ref.label(path: path)): \(rejection.reason)"
        if let runner = rejection.runner { text += " (bib \(snapshot.participants[runner].bib))" }
        if let line = rejection.text { text += " | \(line)" }
        return sanitized(text)
    }

    /// Counts over the whole event, then each race's leaders.
    public static func summary(_ snapshot: RaceSnapshot) -> [String] {
        let evaluation = snapshot.evaluation
        let lines = evaluation.pointStats.reduce(0) { $0 + $1.lines }
        let reads = evaluation.pointStats.reduce(0) { $0 + $1.reads }
        let counts = snapshot.counts
        var out = [
            "SUMMARY \(TimeFormat.timeOfDay(snapshot.at)): \(lines) lines, \(reads) reads"
                + " (\(evaluation.usedCount) used, \(evaluation.duplicateCount) duplicates, \(evaluation.rejections.count) rejected);"
                + " \(counts.started) started, \(counts.onCourse) on course, \(counts.finished) finished"
        ]
        for standings in evaluation.standings {
            let race = snapshot.event.races[standings.raceIndex]
            let inRace = standings.statusCounts
            var text = "SUMMARY \(race.id): \(inRace.finished) finished, \(inRace.onCourse) on course,"
            if inRace.overTimeLimit > 0 { text += " \(inRace.overTimeLimit) over the time limit," }
            text += " \(inRace.dnf) DNF, \(inRace.dns) not started"
            let leaders = standings.rows.prefix { $0.place != nil }.prefix(3)
            if !leaders.isEmpty {
                text +=
                    "; leaders: "
                    + leaders.map { row in
                        let p = snapshot.participants[row.runner]
                        let at = row.lastCheckpoint.map { race.checkpoints[$0].id } ?? "?"
                        let time = row.rankTime.map(snapshot.event.official) ?? "-"
                        return "\(row.place ?? 0). bib \(p.bib) \(p.name) \(at) \(time)"
                    }.joined(separator: ", ")
            }
            out.append(sanitized(text))
        }
        return out
    }

    static func path(of ref: LineRef, in snapshot: RaceSnapshot) -> String {
        let file = Int(ref.file)
        return snapshot.files.indices.contains(file) ? snapshot.files[file].path : "file \(file)"
    }

    /// Read lines and names are outside text: control characters would move
    /// the cursor or recolour the terminal of whoever reads the output.
    public static func sanitized(_ text: String) -> String {
        TextWidth.sanitize(text)
    }
}
