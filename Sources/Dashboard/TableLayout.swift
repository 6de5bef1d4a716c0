import ScreenGrid

/// A column of a table that adapts to the terminal width.
struct Column {
    var title: String
    var width: Int
    var alignRight = false
    /// Lower is more important; a narrow terminal drops the highest numbers first.
    var priority = 0
    /// Set on the one flexible column (the name): it grows from `width` up to this.
    var flexMax: Int? = nil
}

/// Which columns fit in a width, and where each one starts.
struct TableLayout {
    let all: [Column]
    /// Indices into `all` of the columns shown, in order.
    let shown: [Int]
    let widths: [Int: Int]
    let xs: [Int: Int]
    let width: Int

    init(_ columns: [Column], width: Int) {
        all = columns
        var keep = Array(columns.indices)
        func needed(_ k: [Int]) -> Int { k.reduce(0) { $0 + columns[$1].width } + max(0, k.count - 1) }
        while needed(keep) > width, let drop = keep.filter({ columns[$0].priority > 0 }).max(by: {
            (columns[$0].priority, $0) < (columns[$1].priority, $1)
        }) {
            keep.removeAll { $0 == drop }
        }
        var w: [Int: Int] = [:]
        for i in keep { w[i] = columns[i].width }
        var spare = max(0, width - needed(keep))
        for i in keep {
            if let maxW = columns[i].flexMax {
                let grow = min(spare, max(0, maxW - columns[i].width))
                w[i]! += grow
                spare -= grow
            }
        }
        var x = 0
        var xs: [Int: Int] = [:]
        for i in keep {
            xs[i] = x
            x += w[i]! + 1
        }
        shown = keep
        widths = w
        self.xs = xs
        self.width = max(0, x - 1)
    }

    func isShown(_ column: Int) -> Bool { widths[column] != nil }

    /// Draws one row: `cells` are indexed like the columns given to `init`;
    /// `style(column)` may override the row style of a cell.
    func draw(_ cells: [String], into frame: inout Frame, x: Int, y: Int, rowWidth: Int? = nil,
              rowStyle: CellStyle = .plain, selected: Bool = false, style: (Int) -> CellStyle? = { _ in nil }) {
        let base = selected ? Theme.selecting(rowStyle) : rowStyle
        frame.fill(row: y, from: x, width: rowWidth ?? width, style: base)
        for i in shown {
            let cell = i < cells.count ? cells[i] : ""
            var s = style(i) ?? rowStyle
            if selected { s = Theme.selecting(s) }
            frame.put(TextWidth.pad(cell, to: widths[i]!, alignRight: all[i].alignRight), x: x + xs[i]!, y: y, style: s,
                      maxWidth: widths[i]!)
        }
    }

    func drawHeader(into frame: inout Frame, x: Int, y: Int, rowWidth: Int? = nil, titles: [Int: String] = [:]) {
        draw(all.indices.map { titles[$0] ?? all[$0].title }, into: &frame, x: x, y: y, rowWidth: rowWidth,
             rowStyle: Theme.columnHeader)
    }
}
