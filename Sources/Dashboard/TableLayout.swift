import ScreenGrid

/// A column of a table that adapts to the terminal width, named by `key`.
struct Column<Key: Hashable & Sendable>: Sendable {
    var key: Key
    var title: String
    var width: Int
    var alignRight = false
    /// Lower is more important; a narrow terminal drops the highest numbers first.
    var priority = 0
    /// Set on the one flexible column (the name): it grows from `width` up to this.
    var flexMax: Int? = nil
}

/// Which columns fit in a width, and where each one starts. Cells, titles
/// and styles are addressed by column key, never by position.
struct TableLayout<Key: Hashable & Sendable> {
    let all: [Column<Key>]
    /// The keys of the columns shown, in order.
    let shown: [Key]
    private let placement: [Key: (x: Int, width: Int, column: Column<Key>)]
    let width: Int

    init(_ columns: [Column<Key>], width: Int) {
        all = columns
        var keep = Array(columns.indices)
        func needed(_ k: [Int]) -> Int { k.reduce(0) { $0 + columns[$1].width } + max(0, k.count - 1) }
        while needed(keep) > width,
            let drop = keep.filter({ columns[$0].priority > 0 }).max(by: {
                (columns[$0].priority, $0) < (columns[$1].priority, $1)
            })
        {
            keep.removeAll { $0 == drop }
        }
        var spare = max(0, width - needed(keep))
        var x = 0
        var placement: [Key: (x: Int, width: Int, column: Column<Key>)] = [:]
        for i in keep {
            var w = columns[i].width
            if let maxW = columns[i].flexMax {
                let grow = min(spare, max(0, maxW - w))
                w += grow
                spare -= grow
            }
            placement[columns[i].key] = (x, w, columns[i])
            x += w + 1
        }
        shown = keep.map { columns[$0].key }
        self.placement = placement
        self.width = max(0, x - 1)
    }

    func isShown(_ key: Key) -> Bool { placement[key] != nil }

    /// Width given to a shown column.
    func width(of key: Key) -> Int? { placement[key]?.width }

    /// Offset of a shown column from the table's left edge.
    func x(of key: Key) -> Int? { placement[key]?.x }

    /// Draws one row; a column without a cell is blank. `style(key)` may
    /// override the row style of a cell.
    func draw(
        _ cells: [Key: String], into frame: inout Frame, x: Int, y: Int, rowWidth: Int? = nil,
        rowStyle: CellStyle = .plain, selected: Bool = false, style: (Key) -> CellStyle? = { _ in nil }
    ) {
        let base = selected ? Theme.selecting(rowStyle) : rowStyle
        let filled = rowWidth ?? width
        frame.fill(row: y, from: x, width: filled, style: base)
        for key in shown {
            guard let place = placement[key] else { continue }
            var s = style(key) ?? rowStyle
            if selected { s = Theme.selecting(s) }
            // The cell's blanks drawn, then its text where it aligns: what
            // `TextWidth.pad` gives, without two Strings built a cell.
            let column = x + place.x
            if s != base || place.x + place.width > filled {
                frame.fill(row: y, from: column, width: place.width, style: s)
            }
            guard let text = cells[key], !text.isEmpty else { continue }
            let cut = TextWidth.truncate(text, to: place.width)
            let gap = place.column.alignRight ? max(0, place.width - TextWidth.of(cut)) : 0
            frame.put(cut, x: column + gap, y: y, style: s, maxWidth: place.width - gap)
        }
    }

    func drawHeader(into frame: inout Frame, x: Int, y: Int, rowWidth: Int? = nil, titles: [Key: String] = [:]) {
        var cells: [Key: String] = [:]
        for column in all { cells[column.key] = titles[column.key] ?? column.title }
        draw(cells, into: &frame, x: x, y: y, rowWidth: rowWidth, rowStyle: Theme.columnHeader)
    }
}
