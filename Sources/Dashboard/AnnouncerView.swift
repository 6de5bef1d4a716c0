import RaceModel
import Snapshots
import ScreenGrid

/// For whoever is on the microphone: the runners past the last split, by
/// when they are due at the finish (elite first), and below them the latest
/// finishers. The order is `AnnouncerQueue`'s; this only draws it.
enum AnnouncerView {
    enum Key: Hashable, Sendable { case marker, due, bib, name, country, club, places, projected }

    static let columns: [Column<Key>] = [
        Column(key: .marker, title: "", width: 2),
        Column(key: .due, title: "Due", width: 8),
        Column(key: .bib, title: "Bib", width: 6, alignRight: true),
        Column(key: .name, title: "Name", width: 14, flexMax: 30),
        Column(key: .country, title: "Ctry", width: 4),
        Column(key: .places, title: "Pl  Sex  AG", width: 20),
        Column(key: .projected, title: "Proj", width: 7, alignRight: true),
        Column(key: .club, title: "Club", width: 10, flexMax: 30),
    ]

    static func draw(_ c: RenderContext, into frame: inout Frame) {
        guard let raceIndex = c.raceIndex, let race = c.race else {
            frame.put(" No races configured.", x: 0, y: c.top, style: Theme.dim)
            return
        }
        let finishedRows = Layout.announcerFinishedRows(height: c.height)
        let queue = c.snapshot.announcerQueue(
            race: raceIndex, finishers: finishedRows + Layout.announcerDueRows(height: c.height) - 1)
        let rows = c.snapshot.standings(race: raceIndex).rows
        // A short queue leaves its rows to the finishers.
        let dueRows = min(Layout.announcerDueRows(height: c.height), max(1, queue.due.count))
        let from = race.finishIndex > 0 ? race.checkpoints[race.finishIndex - 1].id : "the start"
        let elite = queue.due.prefix { $0.isElite }.count
        var title = " Due at the finish, from \(from): \(Fmt.count(queue.due.count))"
        if elite > 0 { title += " (\(Fmt.count(elite)) elite first)" }
        frame.put(title, x: 0, y: c.top, style: Theme.strong)
        let table = TableLayout(columns, width: c.width - 1)
        table.drawHeader(into: &frame, x: 1, y: c.top + 1, rowWidth: c.width - 1)
        if queue.due.isEmpty {
            frame.put(" Nobody between \(from) and the finish.", x: 0, y: c.top + 2, style: Theme.dim)
        }
        let (selected, scroll) = FieldView.window(
            selected: c.ui.selected, scroll: c.ui.scroll, count: queue.due.count, rows: dueRows)
        for line in 0..<min(dueRows, queue.due.count - scroll) {
            let i = scroll + line
            let due = queue.due[i]
            let s = rows[due.row]
            var cells = cells(c, s)
            // E: elite; ?: overdue by their pace (likely stopped).
            cells[.marker] = (due.isElite ? "E" : "") + (s.flags.contains(.overdue) ? "?" : "")
            cells[.due] = TimeFormat.timeOfDay(due.dueAt)
            cells[.projected] = Fmt.duration(due.projected)
            table.draw(cells, into: &frame, x: 1, y: c.top + 2 + line, rowWidth: c.width - 1, selected: i == selected) {
                col in
                switch col {
                case .marker, .name: return due.isElite ? Theme.leader : nil
                case .due: return Theme.strong
                default: return nil
                }
            }
        }
        let finishedTop = c.top + 2 + dueRows
        drawFinished(
            c, queue: queue, rows: rows, table: table, into: &frame, y: finishedTop,
            lines: c.top + c.contentRows - finishedTop - 1)
    }

    /// The latest finishers under their own heading, newest first, with their official time.
    static func drawFinished(
        _ c: RenderContext, queue: AnnouncerQueue, rows: ChunkedArray<Standing>, table: TableLayout<Key>,
        into frame: inout Frame,
        y: Int, lines: Int
    ) {
        frame.fill(row: y, style: Theme.columnHeader)
        frame.put(" Just finished (finish time of day, official time)", x: 0, y: y, style: Theme.columnHeader)
        if queue.finished.isEmpty {
            frame.put(" nobody has finished yet", x: 0, y: y + 1, style: Theme.dim)
        }
        for (line, row) in queue.finished.prefix(lines).enumerated() {
            let s = rows[row]
            var cells = cells(c, s)
            cells[.due] = Fmt.timeOfDay(s.lastTimeOfDay)
            cells[.projected] = Fmt.official(s.rankTime, c.event)
            table.draw(cells, into: &frame, x: 1, y: y + 1 + line, rowWidth: c.width - 1) { col in
                col == .projected ? Theme.strong : (col == .due ? Theme.dim : nil)
            }
        }
    }

    /// Who the runner is and where they stand: `12  M9  M40-44 3`.
    static func cells(_ c: RenderContext, _ s: Standing) -> [Key: String] {
        let p = c.participant(s)
        var places: [String] = [s.place.map(Fmt.count) ?? "-"]
        if let sex = p.sex { places.append("\(sex.rawValue)\(s.sexPlace.map(Fmt.count) ?? "-")") }
        if let g = s.ageGroup {
            places.append("\(c.event.ageGroups.label(forGroup: g)) \(s.ageGroupPlace.map(Fmt.count) ?? "-")")
        }
        var cells: [Key: String] = [
            .bib: p.bib, .name: p.name, .country: p.country ?? "", .places: places.joined(separator: "  "),
        ]
        cells[.club] = p.club ?? ""
        return cells
    }
}
