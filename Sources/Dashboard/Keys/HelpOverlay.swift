import ScreenGrid

/// The keys that work in the current view and mode, from `KeyBindings`,
/// drawn in a box over the view: in two columns when one would not fit.
enum HelpOverlay {
    /// The markers as the views draw them (`RenderContext.flagMarker`, `Chrome.severityMarker`).
    static let legend = [
        "rows: ! missed or impossible split  ? overdue  · no start read or backup",
        "alerts: !! critical  ! warning  · notice",
        "bold green: top 3  reverse: selected",
    ]
    static let columnGap = 3

    struct Layout {
        let columns: Int
        let rows: Int
        let keyWidth: Int
        let textWidth: Int
        let boxWidth: Int
        let boxHeight: Int
    }

    static func layout(_ entries: [KeyBinding], width: Int, height: Int) -> Layout {
        let keyWidth = entries.map { TextWidth.of($0.label) }.max() ?? 0
        let widest = entries.map { TextWidth.of($0.description) }.max() ?? 0
        let legendWidth = legend.map { TextWidth.of($0) }.max() ?? 0
        // Top and bottom border, a blank line and the legend around the entries.
        let chrome = legend.count + 3
        let columns = entries.count + chrome <= height - 2 ? 1 : 2
        let rows = (entries.count + columns - 1) / columns
        let fullCell = keyWidth + 2 + widest
        let boxWidth = min(width - 2, max(columns * fullCell + (columns - 1) * columnGap, legendWidth) + 4)
        let cell = (boxWidth - 4 - (columns - 1) * columnGap) / columns
        return Layout(
            columns: columns, rows: rows, keyWidth: keyWidth, textWidth: max(0, cell - keyWidth - 2),
            boxWidth: boxWidth, boxHeight: min(height - 2, rows + chrome))
    }

    static func draw(into frame: inout Frame, width: Int, height: Int, view: View, mode: KeyMode) {
        let entries = KeyBindings.applying(in: view, mode: mode)
        let l = layout(entries, width: width, height: height)
        let x0 = (width - l.boxWidth) / 2
        let y0 = max(1, (height - l.boxHeight) / 2)
        drawBox(into: &frame, x0: x0, y0: y0, width: l.boxWidth, height: l.boxHeight, title: " Keys: \(view.title) ")
        let cell = l.keyWidth + 2 + l.textWidth
        for (i, entry) in entries.enumerated() where i % l.rows < l.boxHeight - legend.count - 3 {
            // Down the first column, then the second.
            let column = i / l.rows
            let x = x0 + 2 + column * (cell + columnGap)
            let y = y0 + 1 + i % l.rows
            frame.put(TextWidth.pad(entry.label, to: l.keyWidth), x: x, y: y, style: Theme.strong)
            frame.put(TextWidth.truncate(entry.description, to: l.textWidth), x: x + l.keyWidth + 2, y: y)
        }
        for (i, line) in legend.enumerated() {
            let y = y0 + l.boxHeight - 1 - legend.count + i
            frame.put(line, x: x0 + 2, y: y, style: Theme.dim, maxWidth: l.boxWidth - 4)
        }
    }

    static func drawBox(into frame: inout Frame, x0: Int, y0: Int, width: Int, height: Int, title: String) {
        let border = Theme.strong
        for y in y0..<(y0 + height) { frame.fill(row: y, from: x0, width: width, style: .plain) }
        frame.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x0, y: y0, style: border)
        frame.put(title, x: x0 + 2, y: y0, style: Theme.titleBar)
        for y in (y0 + 1)..<(y0 + height - 1) {
            frame.put("│", x: x0, y: y, style: border)
            frame.put("│", x: x0 + width - 1, y: y, style: border)
        }
        frame.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x0, y: y0 + height - 1, style: border)
    }
}
