import RaceModel
import Snapshots
import ScreenGrid

/// Everything about one runner: each split with time of day, ranking-clock
/// time, segment and pace, place there and places gained, flags, and every
/// read of theirs that was rejected.
enum RunnerView {
    enum Key: Hashable, Sendable { case checkpoint, km, timeOfDay, raceTime, segment, pace, place, gained, note }

    static let columns: [Column<Key>] = [
        Column(key: .checkpoint, title: "Checkpt", width: 8),
        Column(key: .km, title: "km", width: 5, alignRight: true),
        Column(key: .timeOfDay, title: "Time of day", width: 11),
        Column(key: .raceTime, title: "Race time", width: 9, alignRight: true),
        Column(key: .segment, title: "Segment", width: 8, alignRight: true, priority: 2),
        Column(key: .pace, title: "Pace", width: 5, alignRight: true, priority: 1),
        Column(key: .place, title: "Place", width: 7, alignRight: true),
        Column(key: .gained, title: "+/-", width: 6, alignRight: true, priority: 1),
        Column(key: .note, title: "Note", width: 10, flexMax: 60),
    ]

    /// One line of the scrolling part.
    enum Line {
        case header
        case split(cells: [Key: String], style: CellStyle, noteStyle: CellStyle?, gainStyle: CellStyle?)
        case text(String, CellStyle)
        case blank
    }

    /// The runner shown: the chosen one, else nobody.
    static func runner(_ snapshot: RaceSnapshot, ui: UIState) -> Int? {
        guard let r = ui.runner, snapshot.participants.indices.contains(r) else { return nil }
        return r
    }

    static func standing(_ snapshot: RaceSnapshot, runner: Int) -> Standing? {
        let race = snapshot.participants[runner].raceIndex
        guard snapshot.evaluation.standings.indices.contains(race) else { return nil }
        let rows = snapshot.standings(race: race).rows
        var found: Int? = nil
        // Through the chunks' buffers: a row copied per step would cost 50,000 retains.
        rows.forEachChunk { start, chunk in
            guard found == nil, let j = chunk.firstIndex(where: { $0.runner == runner }) else { return }
            found = start + j
        }
        return found.map { rows[$0] }
    }

    /// Place at each checkpoint: one plus the runners faster there on the ranking clock.
    static func places(_ snapshot: RaceSnapshot, standing s: Standing, race: Int) -> [Int?] {
        let standings = snapshot.standings(race: race)
        if standings.sortedSplits != nil {
            return (0..<s.checkpointCount).map { c in s.split(c).flatMap { standings.place(at: c, time: $0) } }
        }
        var places = s.splits.map { $0 == nil ? nil : Optional(1) }
        let rows = standings.rows
        let mine = s.splits
        for i in rows.indices where rows[i].lastCheckpoint != nil && rows[i].runner != s.runner {
            for c in mine.indices {
                if let m = mine[c], let t = rows[i].split(c), t < m { places[c]! += 1 }
            }
        }
        return places
    }

    /// `noteWidth` is the width the note column has, if known: a note too long for it is said shorter.
    static func lines(_ snapshot: RaceSnapshot, runner: Int, noteWidth: Int? = nil) -> [Line] {
        let p = snapshot.participants[runner]
        guard let s = standing(snapshot, runner: runner) else {
            return [.text("Not in any race's standings.", Theme.dim)]
        }
        let race = snapshot.event.races[p.raceIndex]
        let timeline = snapshot.evaluation.timelines[runner]
        let places = places(snapshot, standing: s, race: p.raceIndex)
        var out: [Line] = [.header]
        var previous: Int? = nil
        for (c, cp) in race.checkpoints.enumerated() {
            var cells: [Key: String] = [.checkpoint: cp.id, .km: Fmt.km(cp.km)]
            var style = Theme.plain
            var noteStyle: CellStyle? = nil
            var gainStyle: CellStyle? = nil
            if let t = timeline.split(c) {
                cells[.timeOfDay] = TimeFormat.timeOfDay(t)
                cells[.raceTime] = Fmt.official(s.split(c), snapshot.event)
                if let prev = previous, let tp = timeline.split(prev) {
                    let seg = t - tp
                    cells[.segment] = TimeFormat.duration(seg)
                    let km = cp.km - race.checkpoints[prev].km
                    if km > 0 { cells[.pace] = Fmt.pace(Int((Double(seg) / km).rounded())) }
                    if let now = places[c], let before = places[prev] {
                        let gained = before - now
                        cells[.gained] = gained > 0 ? "+\(gained)" : gained < 0 ? "\(gained)" : "="
                        gainStyle = gained > 0 ? CellStyle(fg: .green) : gained < 0 ? CellStyle(fg: .red) : nil
                    }
                }
                cells[.place] = places[c].map(Fmt.count) ?? ""
                if timeline.counted[c].ref.map({ ref in
                    snapshot.files.indices.contains(Int(ref.file)) && snapshot.files[Int(ref.file)].isBackup
                }) == true {
                    cells[.note] = "backup line"
                }
                previous = c
            } else if timeline.missed.contains(c) {
                cells[.note] = "! missed"
                noteStyle = Theme.warning
            } else {
                style = Theme.dim
            }
            if let refused = timeline.impossible.first(where: { $0.checkpoint == c }) {
                let note = "! refused \(TimeFormat.timeOfDay(refused.time)): impossible"
                // The rejected reads below give the time and the file line.
                cells[.note] = noteWidth.map { TextWidth.of(note) > $0 } == true ? "! impossible" : note
                noteStyle = Theme.alert
            }
            out.append(.split(cells: cells, style: style, noteStyle: noteStyle, gainStyle: gainStyle))
        }
        out.append(.blank)
        switch s.status {
        case .finished, .overTimeLimit:
            let official = { (ms: Millis?) in ms.map(snapshot.event.official) ?? "" }
            let clock = race.clock(for: snapshot.participants[runner]).rawValue
            out.append(
                .text(
                    "Finished in \(official(s.rankTime)) (\(clock) time); gun \(official(s.gunTime)), net \(official(s.netTime))",
                    Theme.strong))
            if s.status == .overTimeLimit {
                out.append(.text("Over the time limit: not an official finish, no place.", Theme.warning))
            }
        case .onCourse:
            out.append(
                .text(
                    "Projected finish \(Fmt.duration(s.projectedFinish)) at \(Fmt.pace(s.racePace))/km so far",
                    Theme.strong))
        case .dnf:
            let gun = race.waves[snapshot.participants[runner].waveIndex].gun
            let pastCutoff = race.cutoff.map { snapshot.at >= gun + $0 } ?? false
            let why = pastCutoff ? "within the cutoff" : "(final results: no finish read)"
            out.append(.text("Did not finish \(why).", Theme.warning))
        case .disqualified: out.append(.text("Disqualified by the officials: no place.", Theme.alert))
        case .dns: out.append(.text(s.corrections.isEmpty ? "No read counted yet." : "Did not start.", Theme.dim))
        }
        if !s.corrections.isEmpty {
            out.append(.blank)
            out.append(.text("Corrections (\(Correction.journalName)):", Theme.columnHeader))
            for label in s.corrections { out.append(.text("* " + label, Theme.warning)) }
        }
        for segment in timeline.suspicious {
            out.append(.text("! Suspicious segment, for review: \(segment.text(in: race))", Theme.warning))
        }
        let rejections = snapshot.evaluation.rejections.filter { $0.runner == runner }
        out.append(.blank)
        out.append(
            .text("Rejected reads: \(rejections.isEmpty ? "none" : String(rejections.count))", Theme.columnHeader))
        for r in rejections {
            out.append(
                .text(
                    "! " + snapshot.text(of: Alert(severity: .notice, time: r.time, subject: .rejectedLine(r))),
                    Theme.warning))
        }
        return out
    }

    static func draw(_ c: RenderContext, into frame: inout Frame) {
        guard let runner = runner(c.snapshot, ui: c.ui) else {
            frame.put(
                " No runner chosen: select a row in Elite, Field or Alerts and press Enter, or / to find a bib.",
                x: 0, y: c.top, style: Theme.dim)
            return
        }
        drawIdentity(c, runner: runner, into: &frame)
        let table = TableLayout(columns, width: c.width - 1)
        let all = lines(c.snapshot, runner: runner, noteWidth: table.width(of: .note))
        let rows = Layout.runnerSheetRows(height: c.height)
        let scroll = min(max(0, c.ui.scroll), max(0, all.count - rows))
        for (k, line) in all[scroll..<min(all.count, scroll + rows)].enumerated() {
            let y = c.top + 2 + k
            switch line {
            case .header: table.drawHeader(into: &frame, x: 1, y: y, rowWidth: c.width - 1)
            case .split(let cells, let style, let noteStyle, let gainStyle):
                table.draw(cells, into: &frame, x: 1, y: y, rowWidth: c.width - 1, rowStyle: style) { col in
                    col == .note ? noteStyle : col == .gained ? gainStyle : nil
                }
            case .text(let text, let style): frame.put(" " + text, x: 0, y: y, style: style)
            case .blank: break
            }
        }
    }

    static func drawIdentity(_ c: RenderContext, runner: Int, into frame: inout Frame) {
        let p = c.snapshot.participants[runner]
        let race = c.event.races[p.raceIndex]
        var who = [p.name]
        if let country = p.country { who.append(country) }
        let sexAge = p.age == nil ? (p.sex?.rawValue ?? "") : c.event.ageGroups.label(sex: p.sex, age: p.age)
        if !sexAge.isEmpty { who.append(sexAge) }
        who.append(p.division.rawValue)
        if race.waves.count > 1, race.waves.indices.contains(p.waveIndex) {
            who.append("wave \(race.waves[p.waveIndex].id)")
        }
        who.append(race.name)
        if let club = p.club, !club.isEmpty { who.append(club) }
        var x = frame.put(" Bib \(p.bib) ", x: 0, y: c.top, style: Theme.titleBar)
        frame.put(" " + who.joined(separator: " · "), x: x, y: c.top, style: Theme.strong)
        guard let s = standing(c.snapshot, runner: runner) else { return }
        var status: [String]
        switch s.status {
        case .finished: status = ["Finished"]
        case .onCourse: status = ["On course, last at \(s.lastCheckpoint.map { race.checkpoints[$0].id } ?? "")"]
        case .overTimeLimit: status = ["Over the time limit"]
        case .dnf: status = ["DNF"]
        case .disqualified: status = ["Disqualified"]
        case .dns: status = ["Not started"]
        }
        if let t = s.rankTime { status.append(c.event.official(t)) }
        if let place = s.place { status.append("place \(Fmt.count(place))") }
        if let sp = s.sexPlace, let sex = p.sex { status.append("\(sex.rawValue) \(Fmt.count(sp))") }
        if let ap = s.ageGroupPlace, let g = s.ageGroup {
            status.append("\(c.event.ageGroups.label(forGroup: g)) \(Fmt.count(ap))")
        }
        if let gap = s.gap, gap > 0 { status.append(TimeFormat.gap(gap)) }
        let flags = s.flags.labels.isEmpty ? "" : "  ! " + s.flags.labels.joined(separator: ", ")
        // The flags are what an official must not miss: the least telling places and gap make room for them.
        while status.count > 1, TextWidth.of(" " + status.joined(separator: " · ") + flags) > c.width {
            status.removeLast()
        }
        x = frame.put(
            " " + status.joined(separator: " · "), x: 0, y: c.top + 1,
            style: s.place.map { $0 <= 3 } == true ? Theme.leader : Theme.plain)
        if !flags.isEmpty { frame.put(flags, x: x, y: c.top + 1, style: Theme.warning) }
    }
}
