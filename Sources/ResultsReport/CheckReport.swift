import RaceModel
import Snapshots
import ScreenGrid

/// What `racedash check` prints: the config in brief, counts per point and
/// every rejected line with file, line and reason.
public enum CheckReport {
    public static func render(
        _ snapshot: RaceSnapshot, missingFiles: [String] = [], correctionProblems: [String] = [],
        limit: Int? = nil
    ) -> String {
        let event = snapshot.event
        let ev = snapshot.evaluation
        var out = "\(event.name), \(event.date), UTC\(event.utcOffsetLabel)\n"
        out +=
            "\(snapshot.participants.count) participants in \(event.races.count) races; \(event.points.count) timing points, \(snapshot.files.count) read files\n"
        for race in event.races {
            let guns = race.waves.map { "\($0.id) \(TimeFormat.timeOfDay($0.gun))" }.joined(separator: ", ")
            out +=
                "  race \(race.id): \(race.checkpoints.count) checkpoints to km \(race.distanceKm), \(TableReport.clockLabel(race)) clock, waves \(guns)\n"
        }
        let window = event.window
        out +=
            "Reads kept from \(TimeFormat.timeOfDay(window.start)) to \(TimeFormat.timeOfDay(window.end)) (the event window); "
        out += "official times in \(event.precision.rawValue), rounded up to the next unit (TR 19.24)\n"
        out += "\nPer point:\n"
        var table: [[String]] = [
            ["point", "lines", "reads", "used", "dupes", "rejected", "control", "blank", "first read", "last read"]
        ]
        for (i, point) in event.points.enumerated() {
            let s = ev.pointStats[i]
            table.append([
                point.id, "\(s.lines)", "\(s.reads)", "\(s.used)", "\(s.duplicates)", "\(s.rejected)", "\(s.control)",
                "\(s.blank)",
                s.firstRead.map { TimeFormat.timeOfDay($0) } ?? "-", s.lastRead.map { TimeFormat.timeOfDay($0) } ?? "-",
            ])
        }
        out +=
            TableReport.align(table, rightAligned: [1, 2, 3, 4, 5, 6, 7], maxWidth: [:]).split(separator: "\n").map {
                "  " + $0
            }.joined(separator: "\n") + "\n"
        for file in missingFiles { out += "  missing read file: \(file) (not written yet?)\n" }
        for (i, point) in event.points.enumerated() where ev.pointStats[i].otherEdge > 0 {
            let other = point.seen == .first ? "last" : "first"
            out +=
                "  \(point.id): \(ev.pointStats[i].otherEdge) \(other)-seen reads not timed (the point times from \(point.seen.rawValue) seen)\n"
        }

        let gunMarkers = snapshot.gunMarkers.count
        let control = ev.pointStats.reduce(0) { $0 + $1.control }
        let blank = ev.pointStats.reduce(0) { $0 + $1.blank }
        out +=
            "\nTotals: \(ev.usedCount) used, \(ev.duplicateCount) duplicates, \(ev.rejections.count) rejected,"
            + " \(gunMarkers) gun markers, \(control) control lines, \(blank) blank or comment lines\n"
        var byKind: [String: Int] = [:]
        for r in ev.rejections { byKind[r.reason.kind, default: 0] += 1 }
        if !byKind.isEmpty {
            out +=
                "Rejected by reason: "
                + byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        if !ev.sequenceGaps.isEmpty {
            out += "\nDecoder passing numbers:\n"
            for gap in ev.sequenceGaps { out += "  " + gap.message(event: event, files: snapshot.files) + "\n" }
        }
        out += missedSplits(snapshot)
        if !snapshot.gunMarkers.isEmpty {
            out += "\nGun markers against the configured guns:\n"
            for marker in snapshot.gunMarkers { out += "  " + describe(marker, snapshot: snapshot) + "\n" }
        }
        let suspicious = ev.timelines.indices.filter { !ev.timelines[$0].suspicious.isEmpty }
        if !suspicious.isEmpty {
            out += "\nSuspicious segments (for review; they change no place):\n"
            for runner in suspicious {
                let p = snapshot.participants[runner]
                for segment in ev.timelines[runner].suspicious {
                    out += "  bib \(p.bib) \(p.name): \(segment.text(in: event.races[p.raceIndex]))\n"
                }
            }
        }
        out += corrections(snapshot, problems: correctionProblems)
        if !ev.rejections.isEmpty {
            out += "\nRejected lines:\n"
            let shown = limit.map { Array(ev.rejections.prefix($0)) } ?? ev.rejections
            for r in shown { out += "  " + describe(r, snapshot: snapshot) + "\n" }
            if shown.count < ev.rejections.count { out += "  ... and \(ev.rejections.count - shown.count) more\n" }
        }
        return TextWidth.sanitizeLines(out)
    }

    /// Per checkpoint of each race: splits missed, and the stretches where
    /// the mat read none of several runners in a row (an outage).
    static func missedSplits(_ snapshot: RaceSnapshot) -> String {
        let byCheckpoint = snapshot.missedSplitsByCheckpoint()
        guard !byCheckpoint.isEmpty else { return "" }
        var out = "\nMissed splits and mat outages, per checkpoint:\n"
        for m in byCheckpoint {
            let race = snapshot.event.races[m.race]
            let cp = race.checkpoints[m.checkpoint]
            out += "  \(race.id) \(cp.id) (\(snapshot.event.points[cp.pointIndex].id)): \(m.missed) missed"
            for o in m.outages {
                out +=
                    "; OUTAGE \(TimeFormat.timeOfDay(o.from))-\(TimeFormat.timeOfDay(o.to)),"
                    + " \(o.runners) runners in a row not read"
            }
            out += "\n"
        }
        return out
    }

    /// Every row of the officials' journal, as applied (undone rows marked),
    /// then the rows skipped, with their reasons.
    static func corrections(_ snapshot: RaceSnapshot, problems: [String]) -> String {
        let journal = snapshot.evaluation.corrections
        guard !journal.isEmpty || !problems.isEmpty else { return "" }
        var out = "\nCorrections (\(Correction.journalName)): \(journal.entries.count) applied"
        out += problems.isEmpty ? "\n" : ", \(problems.count) skipped\n"
        var runnerOfBib: [String: Int] = [:]
        for (i, p) in snapshot.participants.enumerated() { runnerOfBib[p.bib] = i }
        for entry in journal.entries {
            var who = ""
            if let runner = runnerOfBib[entry.bib] {
                who = "bib \(entry.bib) \(snapshot.participants[runner].name): "
            }
            var undone = journal.undone.contains(entry.line) ? " (undone)" : ""
            // A bonus the timing rules would not take (more than the runner's last segment) is said so here.
            if case .penalty(let ms) = entry.action, ms < 0, undone.isEmpty, let runner = runnerOfBib[entry.bib],
                snapshot.evaluation.timelines[runner].flags.contains(.bonusRefused)
            {
                undone = " (NOT applied: more than the runner's last segment)"
            }
            let by = [entry.when, entry.who].filter { !$0.isEmpty }.joined(separator: " by ")
            out += "  line \(entry.line): \(who)\(entry.label)\(undone)\(by.isEmpty ? "" : " [\(by)]")\n"
        }
        for problem in problems { out += "  skipped: \(problem)\n" }
        return out
    }

    /// A decoder's gun marker beside the nearest configured gun of a race
    /// starting at that point: a difference means the config or the decoder
    /// clock is wrong.
    static func describe(_ marker: GunMarker, snapshot: RaceSnapshot) -> String {
        let file = snapshot.files[Int(marker.ref.file)]
        let point = file.pointIndex
        var best: (race: Race, wave: Wave)? = nil
        for race in snapshot.event.races where race.checkpoints.first?.pointIndex == point {
            for wave in race.waves
            where best.map({ abs(wave.gun - marker.time) < abs($0.wave.gun - marker.time) }) ?? true {
                best = (race, wave)
            }
        }
        var s = "\(marker.ref.label(path: file.path)): gun at \(TimeFormat.timeOfDay(marker.time, millis: true))"
        guard let best else { return s + ": no race starts at this point" }
        let diff = marker.time - best.wave.gun
        s += ", \(best.race.id) wave \(best.wave.id) is set to \(TimeFormat.timeOfDay(best.wave.gun))"
        if abs(diff) < 1000 { return s + ": agrees" }
        let sign = diff > 0 ? "+" : "-"
        let ms = abs(diff)
        return s
            + ": DIFFERS by \(sign)\(ms / 1000).\(ms % 1000 / 100) s; check the wave gun in event.toml or the decoder clock"
    }

    /// `reads/km5.txt:123: malformed: ... | line text`
    public static func describe(_ r: Rejection, snapshot: RaceSnapshot) -> String {
        let file = snapshot.files[Int(r.ref.file)].path
        var s = "\(r.ref.label(path: file)): \(r.reason)"
        if let runner = r.runner { s += " (bib \(snapshot.participants[runner].bib))" }
        if let time = r.time, r.text == nil { s += " at \(TimeFormat.timeOfDay(time))" }
        if let text = r.text { s += " | \(text)" }
        return s
    }

}
