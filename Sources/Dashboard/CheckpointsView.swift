import RaceModel
import Snapshots
import ScreenGrid

/// One row per checkpoint of the race: how much of the field has passed,
/// what its mat has read, and how long it has been quiet; below, where the
/// field is along the course.
enum CheckpointsView {
    enum Key: Hashable, Sendable {
        case checkpoint, km, point, passed, percent, bar, reads, duplicates, rejected, quiet, lastThrough, firstThrough
    }

    static let columns: [Column<Key>] = [
        Column(key: .checkpoint, title: "Checkpt", width: 8),
        Column(key: .km, title: "km", width: 5, alignRight: true),
        Column(key: .point, title: "Point", width: 8, priority: 5),
        Column(key: .passed, title: "Passed", width: 7, alignRight: true),
        Column(key: .percent, title: "%", width: 4, alignRight: true),
        Column(key: .bar, title: "of started", width: 10, priority: 2, flexMax: 30),
        Column(key: .reads, title: "Reads", width: 7, alignRight: true, priority: 3),
        Column(key: .duplicates, title: "Dupes", width: 6, alignRight: true, priority: 5),
        Column(key: .rejected, title: "Rej", width: 5, alignRight: true, priority: 3),
        Column(key: .quiet, title: "Quiet", width: 9, alignRight: true),
        Column(key: .lastThrough, title: "Last through", width: 14, priority: 4, flexMax: 34),
        Column(key: .firstThrough, title: "First through", width: 14, priority: 6, flexMax: 34),
    ]

    /// `▕███▌     ▏` style bar of `part` out of `whole` in `width` columns.
    static func bar(_ part: Int, of whole: Int, width: Int) -> String {
        guard width > 0 else { return "" }
        let eighths = whole > 0 ? min(width * 8, part * width * 8 / whole) : 0
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var s = String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
        s += String(repeating: "·", count: max(0, width - TextWidth.of(s)))
        return s
    }

    static func draw(_ c: RenderContext, into frame: inout Frame) {
        guard let raceIndex = c.raceIndex, let race = c.race else {
            frame.put(" No races configured.", x: 0, y: c.top, style: Theme.dim)
            return
        }
        let standings = c.snapshot.standings(race: raceIndex)
        let started = c.counts.started
        let stats = c.snapshot.evaluation.pointStats
        let silent = c.silentPoints
        let tableRows = Layout.checkpointTableRows(checkpoints: race.checkpoints.count, height: c.height)
        let visible = max(0, tableRows - 1)
        let scroll = min(max(0, c.ui.scroll), max(0, race.checkpoints.count - visible))
        let table = TableLayout(columns, width: c.width - 1)
        table.drawHeader(into: &frame, x: 1, y: c.top, rowWidth: c.width - 1)
        let barWidth = table.width(of: .bar) ?? 0
        func who(_ t: Through?, column: Key) -> String {
            guard let t else { return "" }
            let p = c.snapshot.participants[t.runner]
            let when = "\(TimeFormat.timeOfDay(t.time)) \(p.bib)"
            // A name cut to a letter or two says nothing; the bib alone does.
            return TextWidth.of(when) + 5 > table.width(of: column) ?? 0 ? when : "\(when) \(p.name)"
        }
        for line in 0..<min(visible, race.checkpoints.count - scroll) {
            let i = scroll + line
            let cp = race.checkpoints[i]
            let s = stats[cp.pointIndex]
            // A mat shared with an earlier checkpoint (start and finish on one
            // stadium mat) has its counts on that row; this one points there.
            let sharedWith = race.checkpoints[..<i].first { $0.pointIndex == cp.pointIndex }
            let mat = sharedWith == nil ? silent[cp.pointIndex] : nil
            var quiet = s.lastRead.map { Fmt.ago(c.feed.clock - $0) } ?? "never"
            if mat != nil { quiet = "! " + quiet }
            let passed = standings.passed.indices.contains(i) ? standings.passed[i] : 0
            var cells: [Key: String] = [
                .checkpoint: cp.id, .km: Fmt.km(cp.km), .point: c.event.points[cp.pointIndex].id,
                .passed: Fmt.count(passed),
                .percent: Fmt.percent(passed, of: started), .bar: bar(passed, of: started, width: barWidth),
                .reads: Fmt.count(s.reads), .duplicates: Fmt.count(s.duplicates), .rejected: Fmt.count(s.rejected),
                .quiet: quiet, .lastThrough: who(standings.lastThrough[i], column: .lastThrough),
                .firstThrough: who(standings.firstThrough[i], column: .firstThrough),
            ]
            if let first = sharedWith {
                cells[.reads] = "= " + first.id
                for key in [Key.duplicates, .rejected, .quiet] { cells[key] = "" }
            }
            table.draw(cells, into: &frame, x: 1, y: c.top + 1 + line, rowWidth: c.width - 1) { col in
                switch col {
                case .quiet where mat != nil: return Theme.warning
                case .bar: return Theme.bar
                case .rejected where s.rejected > 0 && sharedWith == nil: return Theme.strong
                case .reads where sharedWith != nil: return Theme.dim
                default: return nil
                }
            }
        }
        let panelTop = c.top + tableRows + 1
        let fileRows = FeedPanel.draw(c, into: &frame, y: panelTop, rows: c.top + c.contentRows - panelTop)
        let decoderRows = drawDecoders(
            c.feed.decoders, into: &frame, y: panelTop + fileRows,
            rows: c.top + c.contentRows - (panelTop + fileRows), width: c.width)
        let chartTop = panelTop + fileRows + decoderRows
        let chartRows = c.top + c.contentRows - chartTop
        if chartRows >= Layout.distributionMinRows {
            drawDistribution(
                c, buckets: standings.byLastCheckpoint, race: race, into: &frame, y: chartTop, rows: chartRows)
        }
    }

    /// Live with decoders: a heading and one line per decoder link, a link that
    /// is down marked. Returns the rows used.
    static func drawDecoders(_ decoders: [DecoderLine], into frame: inout Frame, y: Int, rows: Int, width: Int) -> Int {
        guard !decoders.isEmpty, rows >= 2 else { return 0 }
        frame.fill(row: y, style: Theme.columnHeader)
        let down = decoders.filter { !$0.isUp }.count
        frame.put(
            " Decoders: \(decoders.count - down) connected" + (down > 0 ? " · \(down) NOT CONNECTED" : ""),
            x: 0, y: y, style: Theme.columnHeader)
        let shown = min(decoders.count, rows - 1)
        for (i, decoder) in decoders.prefix(shown).enumerated() {
            let text = "\(decoder.isUp ? " " : "!") \(decoder.point) \(decoder.text)"
            frame.put(
                TextWidth.truncate(text, to: width - 1), x: 1, y: y + 1 + i,
                style: decoder.isUp ? .plain : Theme.warning)
        }
        return shown + 1
    }

    /// Vertical bars of runners by last checkpoint reached (finishers at the finish).
    static func drawDistribution(
        _ c: RenderContext, buckets: [Int], race: Race, into frame: inout Frame, y: Int, rows: Int
    ) {
        let dns = c.counts.dns, dnf = c.counts.dnf
        frame.fill(row: y, style: Theme.columnHeader)
        frame.put(
            " Where the field is: runners by last checkpoint · not started \(Fmt.count(dns)) · DNF \(Fmt.count(dnf))",
            x: 0, y: y, style: Theme.columnHeader)
        // Taller bars add nothing a reader can see; the rest stays empty.
        let barRows = min(rows - 3, 12)
        let n = buckets.count
        guard n > 0, barRows >= 1 else { return }
        let slot = max(1, min(9, (c.width - 2) / n))
        let barWidth = slot >= 3 ? slot - 1 : slot
        let top = buckets.max() ?? 0
        let blocks = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for (i, v) in buckets.enumerated() {
            let x = 1 + i * slot
            guard x + barWidth <= c.width else { break }
            // Any runner at all shows at least a sliver.
            let level = top > 0 ? max(v > 0 ? 1 : 0, v * barRows * 8 / top) : 0
            for r in 0..<barRows {
                let fill = min(8, max(0, level - (barRows - 1 - r) * 8))
                if fill > 0 {
                    frame.put(String(repeating: blocks[fill], count: barWidth), x: x, y: y + 1 + r, style: Theme.bar)
                }
            }
            let label = i == race.finishIndex ? "FIN" : race.checkpoints[i].id
            let count = TextWidth.of(Fmt.count(v)) <= barWidth ? Fmt.count(v) : compact(v)
            frame.put(
                TextWidth.truncate(count, to: barWidth, ellipsis: false), x: x, y: y + 1 + barRows, style: Theme.strong)
            frame.put(
                TextWidth.truncate(label, to: barWidth, ellipsis: false), x: x, y: y + 2 + barRows, style: Theme.dim)
        }
    }

    /// Counts in narrow slots: `950`, `12k`.
    static func compact(_ n: Int) -> String {
        n < 10_000 ? String(n) : "\(n / 1000)k"
    }
}
