import ScreenGrid

/// The key list, drawn in a box over the current view.
enum HelpOverlay {
    static let entries: [(String, String)] = [
        ("1-6, Tab", "views: elite field checkpoints runner alerts announcer"),
        ("e / a", "elite / field view; in the field: elite, amateur, all"),
        ("r", "next race"),
        ("↑ ↓ PgUp PgDn", "select and scroll (elite: PgUp/PgDn men/women)"),
        ("Home End", "first / last row"),
        ("Enter", "open the selected runner; alerts: open a group"),
        ("k / K", "alerts: acknowledge the selected alert / all of them"),
        ("Esc", "back, or cancel input"),
        ("/", "find a bib or name; Enter jumps, n next match"),
        ("f / F / x", "change filter / next filter (sex, age, country) / clear"),
        ("c", "live: DQ, DNF, reinstate or hand time for the runner"),
        ("space, + / -", "pause or resume the replay; faster / slower"),
        ("← →", "back / forward 1 minute"),
        ("[ ] Shift-← →", "back / forward 10 minutes"),
        ("g", "go to a time of day (HH:MM or HH:MM:SS)"),
        ("?", "show or hide this help"),
        ("q, Ctrl-C", "quit"),
    ]

    static let legend = "!! alert  ! check  · note  bold green: top 3  reverse: selected"

    static func draw(into frame: inout Frame, width: Int, height: Int) {
        let keyWidth = entries.map { TextWidth.of($0.0) }.max() ?? 0
        let textWidth = max(entries.map { TextWidth.of($0.1) }.max() ?? 0, TextWidth.of(legend) - keyWidth - 2)
        let boxWidth = min(width - 2, keyWidth + textWidth + 6)
        let boxHeight = min(height - 2, entries.count + 4)
        let x0 = (width - boxWidth) / 2
        let y0 = max(1, (height - boxHeight) / 2)
        let border = Theme.strong
        for y in y0..<(y0 + boxHeight) { frame.fill(row: y, from: x0, width: boxWidth, style: .plain) }
        frame.put("┌" + String(repeating: "─", count: boxWidth - 2) + "┐", x: x0, y: y0, style: border)
        frame.put(" Keys ", x: x0 + 2, y: y0, style: Theme.titleBar)
        for y in (y0 + 1)..<(y0 + boxHeight - 1) {
            frame.put("│", x: x0, y: y, style: border)
            frame.put("│", x: x0 + boxWidth - 1, y: y, style: border)
        }
        frame.put("└" + String(repeating: "─", count: boxWidth - 2) + "┘", x: x0, y: y0 + boxHeight - 1, style: border)
        let inner = boxWidth - 4
        for (i, entry) in entries.prefix(boxHeight - 4).enumerated() {
            let y = y0 + 1 + i
            frame.put(TextWidth.pad(entry.0, to: keyWidth), x: x0 + 2, y: y, style: Theme.strong, maxWidth: inner)
            frame.put(entry.1, x: x0 + 4 + keyWidth, y: y, maxWidth: max(0, inner - keyWidth - 2))
        }
        frame.put(legend, x: x0 + 2, y: y0 + boxHeight - 2, style: Theme.dim, maxWidth: inner)
    }
}
