import RaceModel
import ScreenGrid

/// Live, in the checkpoints view: one line per read file the feed follows,
/// files in trouble first, so a deleted or truncated file is seen at once.
enum FeedPanel {
    enum Key: Hashable, Sendable { case marker, path, size, lines, last, age, state }

    static let columns: [Column<Key>] = [
        Column(key: .marker, title: "", width: 1),
        Column(key: .path, title: "Read file", width: 16, flexMax: 22),
        Column(key: .size, title: "Size", width: 8, alignRight: true, priority: 2),
        Column(key: .lines, title: "Lines", width: 7, alignRight: true),
        Column(key: .last, title: "Last line", width: 9, priority: 1),
        Column(key: .age, title: "Age", width: 7, alignRight: true),
        Column(key: .state, title: "State", width: 11, flexMax: 40),
    ]

    /// Draws a heading and as many files as fit in `rows`; returns the rows used.
    static func draw(_ c: RenderContext, into frame: inout Frame, y: Int, rows: Int) -> Int {
        let files = c.feed.files
        guard !files.isEmpty, rows >= 2 else { return 0 }
        let troubled = files.filter(\.isProblem)
        frame.fill(row: y, style: Theme.columnHeader)
        var heading = " Read files: \(files.count) followed"
        if !troubled.isEmpty { heading += " · \(troubled.count) NEED A LOOK" }
        frame.put(heading, x: 0, y: y, style: Theme.columnHeader)
        let shown = troubled + files.filter { !$0.isProblem }
        let table = TableLayout(columns, width: c.width - 1)
        for (i, file) in shown.prefix(rows - 1).enumerated() {
            var cells: [Key: String] = [
                .marker: file.isProblem ? "!" : "", .path: file.path, .size: file.bytes.map(bytes) ?? "-",
                .lines: Fmt.count(file.lines), .state: file.state,
            ]
            if let at = file.lastLineAt {
                cells[.last] = TimeFormat.timeOfDay(
                    FeedFileLine.timeOfDay(unixMillis: at, utcOffsetMinutes: c.event.utcOffsetMinutes))
                if let now = c.feed.wallUnixMs { cells[.age] = Fmt.ago(max(0, now - at)) }
            }
            table.draw(
                cells, into: &frame, x: 1, y: y + 1 + i, rowWidth: c.width - 1,
                rowStyle: file.isProblem ? Theme.warning : Theme.plain)
        }
        return min(shown.count, rows - 1) + 1
    }

    /// `812 B`, `12.3 kB`, `4.1 MB`.
    static func bytes(_ n: Int) -> String {
        if n < 1000 { return "\(n) B" }
        if n < 1_000_000 { return "\(Double(n / 100) / 10) kB" }
        return "\(Double(n / 100_000) / 10) MB"
    }
}
