import RaceModel
import Snapshots
import ScreenGrid

/// Men's and women's leaders side by side on wide terminals, stacked on
/// narrow ones, with a split matrix of the leaders of the selected table.
enum EliteView {
    enum Key: Hashable, Sendable {
        case place, flag, bib, name, country, at, time, gap, pace, projected, segmentPace, ageGroup
    }

    static let columns: [Column<Key>] = [
        Column(key: .place, title: "Pl", width: 3, alignRight: true),
        Column(key: .flag, title: "", width: 1, priority: 1),
        Column(key: .bib, title: "Bib", width: 5, alignRight: true),
        Column(key: .name, title: "Name", width: 12, flexMax: 26),
        Column(key: .country, title: "Ctry", width: 4, priority: 2),
        Column(key: .at, title: "At", width: 6, priority: 1),
        Column(key: .time, title: "Time", width: 7, alignRight: true),
        Column(key: .gap, title: "Gap", width: 7, alignRight: true, priority: 2),
        Column(key: .pace, title: "Pace", width: 4, alignRight: true, priority: 3),
        Column(key: .projected, title: "Proj", width: 7, alignRight: true, priority: 3),
        Column(key: .segmentPace, title: "Seg", width: 4, alignRight: true, priority: 5),
        Column(key: .ageGroup, title: "AG", width: 5, priority: 6),
    ]

    /// The split matrix: place, bib and name, then one column per checkpoint index.
    enum MatrixKey: Hashable, Sendable { case place, bib, name, split(Int) }

    static func draw(_ c: RenderContext, into frame: inout Frame) {
        guard let race = c.race else {
            frame.put(" No races configured.", x: 0, y: c.top, style: Theme.dim)
            return
        }
        let board = EliteBoard(c.snapshot, ui: c.ui)
        guard board.count > 0 else {
            frame.put(" No runners entered in \(race.name).", x: 0, y: c.top, style: Theme.dim)
            return
        }
        let selection = board.locate(min(max(0, c.ui.selected), board.count - 1)) ?? (0, 0)
        let perLine = c.width >= 160 ? min(board.groups.count, max(2, c.width / 80)) : 1
        let lines = (board.groups.count + perLine - 1) / perLine
        let tableArea = c.contentRows - Layout.splitMatrixRows(height: c.height)
        // A table needs no more than a header and its runners; tall terminals
        // give what is left to the split matrices.
        let tallest = board.groups.map(\.rows.count).max() ?? 0
        let tableHeight = min(tableArea / lines, tallest + 1)
        let tableWidth = (c.width - (perLine - 1) * 2) / perLine
        for g in board.groups.indices {
            let x = (g % perLine) * (tableWidth + 2)
            let y = c.top + (g / perLine) * tableHeight
            drawTable(
                c, board: board, group: g, race: race, into: &frame, x: x, y: y,
                width: tableWidth, height: tableHeight, selectedRow: selection.group == g ? selection.row : nil)
        }
        let matrixTop = c.top + lines * tableHeight
        let matrixArea = c.top + c.contentRows - matrixTop
        // Room for each table's matrix (the men's and the women's): all of
        // them; else the matrix of the table the selection is in.
        let shown = board.groups.indices.filter { !board.groups[$0].rows.isEmpty }
        let each = shown.isEmpty ? 0 : matrixArea / shown.count
        guard shown.count > 1, each >= Layout.splitMatrixMinRows else {
            drawMatrix(
                c, board: board, group: selection.group, race: race, into: &frame,
                y: matrixTop, height: matrixArea, selectedRow: selection.row)
            return
        }
        for (k, g) in shown.enumerated() {
            drawMatrix(
                c, board: board, group: g, race: race, into: &frame, y: matrixTop + k * each, height: each,
                selectedRow: selection.group == g ? selection.row : nil)
        }
    }

    static func title(_ board: EliteBoard, group g: Int) -> String {
        board.groups[g].title + (board.isElite ? "" : " (all)")
    }

    static func drawTable(
        _ c: RenderContext, board: EliteBoard, group g: Int, race: Race, into frame: inout Frame,
        x: Int, y: Int, width: Int, height: Int, selectedRow: Int?
    ) {
        guard height >= 2 else { return }
        let table = TableLayout(columns, width: width)
        let rows = board.groups[g].rows
        table.drawHeader(into: &frame, x: x, y: y, rowWidth: width, titles: [.name: title(board, group: g)])
        let visible = height - 1
        let best = bestSplits(board, group: g, checkpoints: race.checkpoints.count)
        if rows.isEmpty {
            frame.put("nobody", x: x + (table.x(of: .name) ?? 0), y: y + 1, style: Theme.dim)
            return
        }
        // Scroll only as far as needed to show the selection; leaders stay on top otherwise.
        let first = selectedRow.map { max(0, $0 - visible + 1) } ?? 0
        for (line, r) in (first..<min(rows.count, first + visible)).enumerated() {
            let s = board.standing(group: g, row: r)
            let p = c.participant(s)
            let place = s.place != nil ? r + 1 : nil
            let cells: [Key: String] = [
                .place: place.map(String.init) ?? "", .flag: RenderContext.flagMarker(s.flags), .bib: p.bib,
                .name: p.name,
                .country: p.country ?? "", .at: c.lastLabel(s, race: race), .time: Fmt.official(s.rankTime, c.event),
                .gap: Fmt.gap(gap(s, best: best)), .pace: Fmt.pace(s.racePace),
                .projected: s.status == .onCourse ? Fmt.duration(s.projectedFinish) : "",
                .segmentPace: Fmt.pace(s.segmentPace),
                .ageGroup: c.event.ageGroups.range(sex: p.sex, age: p.age),
            ]
            let rowStyle = s.place == nil ? Theme.dim : Theme.plain
            table.draw(
                cells, into: &frame, x: x, y: y + 1 + line, rowWidth: width, rowStyle: rowStyle,
                selected: r == selectedRow
            ) { col in
                if col == .flag { return Theme.warning }
                if col == .place || col == .name, let place, place <= 3 { return Theme.leader }
                return nil
            }
        }
    }

    /// Fastest ranking-clock time of the table at each checkpoint: the women's
    /// gaps are to the leading woman, not to the men ahead of her.
    static func bestSplits(_ board: EliteBoard, group g: Int, checkpoints: Int) -> [Millis?] {
        var best = [Millis?](repeating: nil, count: checkpoints)
        for r in board.groups[g].rows.indices {
            let s = board.standing(group: g, row: r)
            for c in 0..<s.checkpointCount {
                if let t = s.split(c), best[c].map({ t < $0 }) ?? true { best[c] = t }
            }
        }
        return best
    }

    static func gap(_ s: Standing, best: [Millis?]) -> Millis? {
        guard let last = s.lastCheckpoint, let t = s.rankTime, let b = best[last] else { return nil }
        return t - b
    }

    /// Split times on the ranking clock at each checkpoint past the start; a
    /// narrow terminal shows the latest checkpoints the leaders have reached.
    static func drawMatrix(
        _ c: RenderContext, board: EliteBoard, group g: Int, race: Race, into frame: inout Frame,
        y: Int, height: Int, selectedRow: Int?
    ) {
        guard height >= 2, board.groups.indices.contains(g) else { return }
        let rows = board.groups[g].rows
        let shown = min(rows.count, height - 1)
        let standings = (0..<shown).map { board.standing(group: g, row: $0) }
        let candidates = race.checkpoints.indices.filter { race.checkpoints[$0].km > 0 }
        let fixed: [Column<MatrixKey>] = [
            Column(key: .place, title: "Pl", width: 3, alignRight: true),
            Column(key: .bib, title: "Bib", width: 5, alignRight: true),
            Column(key: .name, title: "Name", width: 10),
        ]
        let cellWidth = 8
        let room = c.width - fixed.reduce(0) { $0 + $1.width + 1 }
        let fit = max(0, room / cellWidth)
        let reached = standings.compactMap(\.lastCheckpoint).max()
        var picked = candidates
        if fit == 0 {
            picked = []
        } else if candidates.count > fit {
            let end = reached.flatMap { r in candidates.lastIndex { $0 <= r } } ?? (fit - 1)
            let last = max(min(end, candidates.count - 1), fit - 1)
            picked = Array(candidates[max(0, last - fit + 1)...last])
        }
        var columns =
            fixed
            + picked.map {
                Column(key: .split($0), title: race.checkpoints[$0].id, width: cellWidth - 1, alignRight: true)
            }
        // The name takes what place, bib and the splits leave (with their gaps), 10 to 20 columns.
        let beside = fixed[0].width + fixed[1].width + 3
        columns[2].width = max(10, min(20, c.width - picked.count * cellWidth - beside))
        let table = TableLayout(columns, width: c.width)
        table.drawHeader(
            into: &frame, x: 0, y: y, rowWidth: c.width, titles: [.name: "Splits: " + title(board, group: g)])
        // Fastest of this table at each checkpoint (the race's fastest may be in the other table).
        var best: [Int: Millis] = [:]
        for cp in picked { best[cp] = standings.compactMap { $0.split(cp) }.min() }
        for (line, s) in standings.enumerated() {
            let p = c.participant(s)
            var cells: [MatrixKey: String] = [
                .place: s.place != nil ? String(line + 1) : "", .bib: p.bib, .name: p.name,
            ]
            for cp in picked { cells[.split(cp)] = Fmt.official(s.split(cp), c.event) }
            let rowStyle = line == selectedRow ? Theme.strong : (s.place == nil ? Theme.dim : Theme.plain)
            table.draw(cells, into: &frame, x: 0, y: y + 1 + line, rowWidth: c.width, rowStyle: rowStyle) { col in
                // Fastest at a checkpoint: bold and underlined, green where there is colour.
                guard case .split(let cp) = col, let t = s.split(cp), t == best[cp] else { return nil }
                return CellStyle(fg: .green, attributes: [.bold, .underline])
            }
        }
    }
}
