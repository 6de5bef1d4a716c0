import RaceModel
import Snapshots
import ScreenGrid

/// The whole field of a race, a page at a time, with filters and a strip of
/// the latest finishers for the announcer. Only the visible rows are formatted.
enum FieldView {
    enum Key: Hashable, Sendable {
        case place, flag, bib, name, sex, ageGroup, country, at, time, gap, pace, projected
        case sexPlace, ageGroupPlace, club, wave
    }

    /// A runner in the just-finished strip.
    enum FinisherKey: Hashable, Sendable { case at, bib, name, country, time }

    static let columns: [Column<Key>] = [
        Column(key: .place, title: "Pl", width: 5, alignRight: true),
        Column(key: .flag, title: "", width: 1, priority: 1),
        Column(key: .bib, title: "Bib", width: 6, alignRight: true),
        Column(key: .name, title: "Name", width: 18, flexMax: 30),
        Column(key: .sex, title: "Sx", width: 2, priority: 3),
        Column(key: .ageGroup, title: "AG", width: 5, priority: 3),
        Column(key: .country, title: "Ctry", width: 4, priority: 2),
        Column(key: .at, title: "At", width: 6, priority: 1),
        Column(key: .time, title: "Time", width: 7, alignRight: true),
        Column(key: .gap, title: "Gap", width: 8, alignRight: true, priority: 5),
        Column(key: .pace, title: "Pace", width: 4, alignRight: true, priority: 2),
        Column(key: .projected, title: "Proj", width: 7, alignRight: true, priority: 4),
        Column(key: .sexPlace, title: "SxPl", width: 5, alignRight: true, priority: 6),
        Column(key: .ageGroupPlace, title: "AGPl", width: 5, alignRight: true, priority: 6),
        Column(key: .club, title: "Club", width: 14, priority: 7),
        Column(key: .wave, title: "Wave", width: 6, priority: 8),
    ]

    /// Keeps the selection on screen and the window inside the list.
    static func window(selected: Int, scroll: Int, count: Int, rows: Int) -> (selected: Int, scroll: Int) {
        guard count > 0 else { return (0, 0) }
        let sel = min(max(0, selected), count - 1)
        var top = min(max(0, scroll), max(0, count - rows))
        if sel < top { top = sel }
        if sel >= top + rows { top = sel - rows + 1 }
        return (sel, top)
    }

    static func draw(_ c: RenderContext, into frame: inout Frame) {
        guard let raceIndex = c.raceIndex, let race = c.race else {
            frame.put(" No races configured.", x: 0, y: c.top, style: Theme.dim)
            return
        }
        let list = FieldList(c.snapshot, ui: c.ui)
        let listRows = Layout.fieldListRows(height: c.height)
        let (selected, scroll) = window(selected: c.ui.selected, scroll: c.ui.scroll, count: list.count, rows: listRows)
        drawFilterLine(c, list: list, selected: selected, into: &frame)
        let table = TableLayout(columns, width: c.width)
        table.drawHeader(into: &frame, x: 0, y: c.top + 1, rowWidth: c.width)
        if list.count == 0 {
            frame.put(" No runner matches these filters (x clears them).", x: 0, y: c.top + 2, style: Theme.dim)
        }
        for line in 0..<min(listRows, list.count - scroll) {
            let i = scroll + line
            drawRow(
                c, list.row(i), race: race, table: table, into: &frame, y: c.top + 2 + line, selected: i == selected)
        }
        drawFinishers(c, race: raceIndex, into: &frame, y: c.top + 2 + listRows)
    }

    static func drawRow(
        _ c: RenderContext, _ s: Standing, race: Race, table: TableLayout<Key>, into frame: inout Frame,
        y: Int, selected: Bool
    ) {
        let p = c.participant(s)
        let ageGroup = c.event.ageGroups.range(sex: p.sex, age: p.age)
        var cells: [Key: String] = [
            .place: s.place.map(Fmt.count) ?? "",
            .flag: RenderContext.flagMarker(s.flags),
            .bib: p.bib,
            .name: p.name,
            .sex: p.sex?.rawValue ?? "",
            .ageGroup: ageGroup,
            .country: p.country ?? "",
            .at: c.lastLabel(s, race: race),
            .time: Fmt.official(s.rankTime, c.event),
            .pace: Fmt.pace(s.racePace),
        ]
        // Columns a narrow terminal drops are not worked out.
        if table.isShown(.gap) { cells[.gap] = Fmt.gap(s.gap) }
        if s.status == .onCourse { cells[.projected] = Fmt.duration(s.projectedFinish) }
        if table.isShown(.sexPlace) { cells[.sexPlace] = s.sexPlace.map(Fmt.count) ?? "" }
        if table.isShown(.ageGroupPlace) { cells[.ageGroupPlace] = s.ageGroupPlace.map(Fmt.count) ?? "" }
        if table.isShown(.club) { cells[.club] = p.club ?? "" }
        if table.isShown(.wave) {
            cells[.wave] = race.waves.indices.contains(p.waveIndex) ? race.waves[p.waveIndex].id : ""
        }
        let rowStyle = s.place == nil ? Theme.dim : Theme.plain
        table.draw(cells, into: &frame, x: 0, y: y, rowWidth: c.width, rowStyle: rowStyle, selected: selected) { col in
            if col == .flag { return Theme.warning }
            if col == .place || col == .name, let place = s.place, place <= 3 { return Theme.leader }
            return nil
        }
    }

    static func divisionLabel(_ d: Division?) -> String { d?.rawValue ?? "all" }

    static func filterValue(_ field: FieldFilters.Field, _ f: FieldFilters, event: EventConfig) -> String {
        switch field {
        case .sex: return f.sex?.rawValue ?? "all"
        case .ageGroup: return f.ageGroup.map { event.ageGroups.labels[$0] } ?? "all"
        case .country: return f.country ?? "all"
        }
    }

    /// ` Division: amateur  [sex: F]   age: all    country: all        #15 of 1,234`
    static func drawFilterLine(_ c: RenderContext, list: FieldList, selected: Int, into frame: inout Frame) {
        let y = c.top
        var x = frame.put(" Division: ", x: 0, y: y, style: Theme.dim)
        x += frame.put(divisionLabel(c.ui.division), x: x, y: y, style: Theme.strong)
        for field in FieldFilters.Field.allCases {
            x += 2
            let value = filterValue(field, c.ui.filters, event: c.event)
            let focused = field == c.ui.filterFocus
            // Focus shows as brackets and reverse, so it reads without colour.
            let text = focused ? "[\(field.title): \(value)]" : " \(field.title): \(value) "
            let active = value != "all"
            var style = active ? Theme.strong : Theme.plain
            if focused { style.attributes.insert(.reverse) }
            x += frame.put(text, x: x, y: y, style: style)
        }
        let right = list.count > 0 ? "#\(Fmt.count(selected + 1)) of \(Fmt.count(list.count))" : "0 runners"
        let w = TextWidth.of(right)
        if x + w + 2 <= c.width { frame.put(right, x: c.width - w - 1, y: y, style: Theme.dim) }
    }

    /// Latest finishers of the race, newest first, several to a line when wide.
    static func drawFinishers(_ c: RenderContext, race: Int, into frame: inout Frame, y: Int) {
        let stripRows = Layout.finishStripRows(height: c.height)
        let perLine = max(1, c.width / 64)
        let wanted = stripRows * perLine
        let standings = c.snapshot.standings(race: race)
        // Finishers lead the standings; keep the newest few by time of day, as
        // (time, row) pairs so the scan never copies a whole row.
        let rows = standings.rows
        var newest: [(time: Millis, row: Int)] = []
        for i in rows.indices {
            guard rows[i].status == .finished else { break }
            guard let t = rows[i].lastTimeOfDay else { continue }
            if newest.count < wanted || t > newest[newest.count - 1].time {
                let at = newest.firstIndex { $0.time < t } ?? newest.count
                newest.insert((t, i), at: at)
                if newest.count > wanted { newest.removeLast() }
            }
        }
        let latest = newest.map { rows[$0.row] }
        frame.fill(row: y, style: Theme.columnHeader)
        frame.put(" Just finished", x: 0, y: y, style: Theme.columnHeader)
        if latest.isEmpty {
            frame.put(" nobody has finished yet", x: 0, y: y + 1, style: Theme.dim)
            return
        }
        let cellWidth = (c.width - (perLine - 1) * 2) / perLine
        let entry = TableLayout<FinisherKey>(
            [
                Column(key: .at, title: "", width: 8), Column(key: .bib, title: "", width: 6, alignRight: true),
                Column(key: .name, title: "", width: 10, flexMax: 40),
                Column(key: .country, title: "", width: 3, priority: 1),
                Column(key: .time, title: "", width: 7, alignRight: true),
            ], width: cellWidth - 1)
        for (k, s) in latest.enumerated() {
            let p = c.participant(s)
            let x = 1 + (k / stripRows) * (cellWidth + 2)
            let cells: [FinisherKey: String] = [
                .at: Fmt.timeOfDay(s.lastTimeOfDay), .bib: p.bib, .name: p.name, .country: p.country ?? "",
                .time: Fmt.official(s.rankTime, c.event),
            ]
            entry.draw(cells, into: &frame, x: x, y: y + 1 + k % stripRows) { col in
                col == .time ? Theme.strong : (col == .at ? Theme.dim : nil)
            }
        }
    }
}
