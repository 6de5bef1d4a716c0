import RaceModel
import Snapshots
import ScreenGrid

/// Problems with the feed itself, then the selected race's alerts grouped by
/// cause, most severe and most recent first; a group opens to one line per
/// alert with file and line where there is one. Acknowledged rows go last,
/// dimmed. Only the visible lines are formatted.
enum AlertsView {
    enum Key: Hashable, Sendable { case severity, time, what }

    static let columns: [Column<Key>] = [
        Column(key: .severity, title: "", width: 2),
        Column(key: .time, title: "Time", width: 8),
        Column(key: .what, title: "What", width: 20, flexMax: 400),
    ]

    static func draw(_ c: RenderContext, into frame: inout Frame) {
        drawSummary(c, into: &frame)
        let rows = Layout.alertListRows(height: c.height)
        let list = c.alertList
        guard list.count > 0 else {
            frame.put(
                " Nothing to look at: no silent mats, impossible or missed splits, unknown chips or rejected lines.",
                x: 0, y: c.top + 1, style: Theme.dim)
            return
        }
        let (selected, scroll) = FieldView.window(
            selected: c.ui.selected, scroll: c.ui.scroll, count: list.count, rows: rows)
        let table = TableLayout(columns, width: c.width - 1)
        for line in 0..<min(rows, list.count - scroll) {
            let i = scroll + line
            let entry = list.entries[i]
            let (severity, time, what) = describe(entry.row, snapshot: c.snapshot)
            var (marker, style) = Chrome.severityMarker(severity)
            if severity == .notice { style = Theme.plain }
            if entry.acknowledged {
                marker = "✓ "
                style = Theme.dim
            }
            let cells: [Key: String] = [
                .severity: marker, .time: time.map { TimeFormat.timeOfDay($0) } ?? "", .what: what,
            ]
            table.draw(
                cells, into: &frame, x: 1, y: c.top + 1 + line, rowWidth: c.width - 1, rowStyle: style,
                selected: i == selected)
        }
    }

    /// A group reads `▸ km15 silent ..., 207 missed splits` (▾ when open); its members are indented under it.
    static func describe(_ row: AlertList.Row, snapshot: RaceSnapshot) -> (Alert.Severity, Millis?, String) {
        switch row {
        case .feed(let problem):
            return (.critical, nil, "FEED " + problem)
        case .group(let group, let expanded):
            let fold = group.count > 1 ? (expanded ? "▾ " : "▸ ") : ""
            return (group.severity, group.time, fold + snapshot.text(of: group))
        case .member(let alert, _):
            return (alert.severity, alert.time, "    " + snapshot.text(of: alert))
        }
    }

    /// `2 critical · 14 warnings · 3 notices   silent mat 1 · missed split 12 ...`
    static func drawSummary(_ c: RenderContext, into frame: inout Frame) {
        // A problem with the feed itself is listed as critical (`!!`), and counted so.
        var bySeverity = [0, 0, c.alertList.feedProblems.count]
        // Kinds in the order first met, counted: a handful, looked up from the
        // last one found (a group's alerts are mostly of one kind). Hashing
        // each alert's kind into a dictionary, and copying each alert, was
        // most of an alerts frame of a big race.
        var kinds: [(kind: String, count: Int)] =
            c.alertList.feedProblems.isEmpty
            ? [] : [("feed", c.alertList.feedProblems.count)]
        var last = 0
        for group in c.alertList.groups {
            group.alerts.withUnsafeBufferPointer { alerts in
                for i in alerts.indices {
                    bySeverity[alerts[i].severity.rawValue] += 1
                    let kind = alerts[i].kind
                    if last < kinds.count && kinds[last].kind == kind {
                        kinds[last].count += 1
                    } else if let k = kinds.firstIndex(where: { $0.kind == kind }) {
                        kinds[k].count += 1
                        last = k
                    } else {
                        kinds.append((kind, 1))
                        last = kinds.count - 1
                    }
                }
            }
        }
        let y = c.top
        var x = 1
        x += frame.put(
            "\(Fmt.count(bySeverity[2])) critical", x: x, y: y, style: bySeverity[2] > 0 ? Theme.alert : Theme.dim)
        x += frame.put(" · ", x: x, y: y, style: Theme.dim)
        x += frame.put(
            "\(Fmt.count(bySeverity[1])) warnings", x: x, y: y, style: bySeverity[1] > 0 ? Theme.warning : Theme.dim)
        x += frame.put(" · \(Fmt.count(bySeverity[0])) notices", x: x, y: y, style: Theme.dim)
        // Whole kinds only: a count cut off would read as a smaller one.
        var detail = ""
        for (k, (kind, count)) in kinds.enumerated() {
            let item = (k == 0 ? "   " : " · ") + "\(kind) \(Fmt.count(count))"
            let more = k + 1 < kinds.count ? 2 : 0
            guard x + TextWidth.of(detail + item) + more <= c.width else {
                detail += " …"
                break
            }
            detail += item
        }
        frame.put(detail, x: x, y: y, style: Theme.plain)
    }
}
