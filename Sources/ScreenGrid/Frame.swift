/// A fixed-size grid of styled cells: views draw into it, the terminal backend
/// flushes it. Coordinates outside the grid are ignored rather than trapping,
/// so a layout mistake on a small terminal loses text instead of the program.
///
/// Invariant: a continuation cell ("") always sits right of a wide character.
/// Every write that breaks a wide pair blanks the orphaned half.
public struct Frame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    /// Reading outside the grid gives a blank cell; writing there does nothing.
    /// Setting a wide character also claims the cell to its right (or becomes a
    /// space at the right edge); text is sanitized like `put`.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set {
            guard contains(x: x, y: y) else { return }
            if newValue.isContinuation {
                // Only meaningful right of a wide character; anywhere else it
                // would hide a column, so it becomes a blank.
                if x > 0, TextWidth.clusterWidth(self[x - 1, y].text.first ?? " ") == 2 {
                    place(newValue, x: x, y: y)
                } else {
                    place(Cell(text: " ", style: newValue.style), x: x, y: y)
                }
                return
            }
            let clean = TextWidth.sanitize(newValue.text)
            guard let c = clean.first else { return }
            let w = TextWidth.clusterWidth(c)
            let cell = Cell(text: w == 0 ? " " : String(c), style: newValue.style)
            if w == 2 {
                if x + 1 < width {
                    place(cell, x: x, y: y)
                    place(Cell(text: "", style: newValue.style), x: x + 1, y: y)
                } else {
                    place(Cell(text: " ", style: newValue.style), x: x, y: y)
                }
            } else {
                place(cell, x: x, y: y)
            }
        }
    }

    /// Writes text at (x, y), clipped to `maxWidth` columns (default: to the
    /// right edge). Control and escape characters become U+FFFD, wide
    /// characters take two cells, and a wide character that would straddle the
    /// clip edge is drawn as a space. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let end = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        if let used = putPrintableASCII(text, x: x, y: y, end: end, style: style) { return used }
        if TextWidth.simpleWidth(text) != nil { return putScalars(text, x: x, y: y, end: end, style: style) }
        return putClusters(text, x: x, y: y, end: end, style: style)
    }

    /// `put` for text of printable ASCII alone (nearly every label, number
    /// and time on the screen), byte by byte: such text needs no sanitizing,
    /// and each byte is a character one column wide. Breaking it into
    /// characters, and a String made for each, was most of a wide frame's
    /// time. Nil for any other text.
    mutating func putPrintableASCII(_ text: String, x: Int, y: Int, end: Int, style: CellStyle) -> Int? {
        let used = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard TextWidth.isPrintableASCII(bytes) else { return nil }
            let first = max(0, x)
            let last = min(end, x + bytes.count)
            guard first < last else { return 0 }
            let width = width
            Self.printableASCII.withUnsafeBufferPointer { texts in
                // The cells as one buffer: no uniqueness or bounds check per cell.
                cells.withUnsafeMutableBufferPointer { cells in
                    for col in first..<last {
                        let cell = Cell(text: texts[Int(bytes[col - x] &- 0x20)], style: style)
                        Self.place(cell, x: col, y: y, width: width, in: cells)
                    }
                }
            }
            return last - first
        }
        return used ?? nil
    }

    /// " " through "~", each its own String.
    static let printableASCII = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }

    /// `put` for text whose every scalar is a character of its own
    /// (`TextWidth.simpleWidth`): a scalar at a time, placed as `putClusters`
    /// places characters.
    mutating func putScalars(_ text: String, x: Int, y: Int, end: Int, style: CellStyle) -> Int {
        let characters = text.unicodeScalars.lazy.map { (String($0), TextWidth.simpleScalarWidth($0.value)) }
        return putCharacters(characters, x: x, y: y, end: end, style: style)
    }

    /// `put` a character at a time: any text.
    mutating func putClusters(_ text: String, x: Int, y: Int, end: Int, style: CellStyle) -> Int {
        let characters = TextWidth.sanitize(text).lazy.map { (String($0), TextWidth.clusterWidth($0)) }
        return putCharacters(characters, x: x, y: y, end: end, style: style)
    }

    /// Places each character of its width from `x`, clipped at `end`.
    private mutating func putCharacters(
        _ characters: some Sequence<(String, Int)>, x: Int, y: Int, end: Int, style: CellStyle
    ) -> Int {
        let start = max(0, x)
        var col = x
        for (text, w) in characters {
            if w == 0 { continue }  // a lone joiner or bidi control has nothing to show
            if col + w > end {
                if col < end, col >= 0 {
                    place(Cell(text: " ", style: style), x: col, y: y)
                    col += 1
                }
                break
            }
            if col < 0 {
                // Left of the grid: skip, but a wide character cut by the edge leaves a blank.
                if col + w > 0 { place(Cell(text: " ", style: style), x: 0, y: y) }
                col += w
                continue
            }
            place(Cell(text: text, style: style), x: col, y: y)
            if w == 2 { place(Cell(text: "", style: style), x: col + 1, y: y) }
            col += w
        }
        return max(0, col - start)
    }

    /// Blanks `width` cells of row y from x (default: to the right edge) with `style`.
    public mutating func fill(row y: Int, from x: Int = 0, width: Int? = nil, style: CellStyle) {
        guard y >= 0, y < height else { return }
        let end = min(self.width, width.map { x + max(0, $0) } ?? self.width)
        let first = max(0, x)
        guard first < end else { return }
        let rowWidth = self.width
        let blank = Cell(text: " ", style: style)
        // The cells as one buffer: a table row's blanks are most of a frame's cells.
        cells.withUnsafeMutableBufferPointer { cells in
            for col in first..<end { Self.place(blank, x: col, y: y, width: rowWidth, in: cells) }
        }
    }

    /// Copies `other` with its top-left corner at (x, y), clipped to this grid.
    /// Wide characters cut by either clip edge become spaces.
    public mutating func blit(_ other: Frame, x: Int, y: Int) {
        let firstCol = max(0, x)
        let endCol = min(width, x + other.width)
        guard firstCol < endCol else { return }
        for sy in 0..<other.height {
            let ty = y + sy
            guard ty >= 0, ty < height else { continue }
            for tx in firstCol..<endCol {
                let sx = tx - x
                var cell = other[sx, sy]
                if cell.isContinuation, tx == firstCol {
                    cell.text = " "
                } else if !cell.isContinuation, tx + 1 == endCol, other[sx + 1, sy].isContinuation, sx + 1 < other.width
                {
                    cell.text = " "
                }
                place(cell, x: tx, y: ty)
            }
        }
    }

    /// The row's text with trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var out = ""
        for x in 0..<width { out += cells[y * width + x].text }
        while out.last == " " { out.removeLast() }
        return out
    }

    public var lines: [String] { (0..<height).map(line) }

    /// Stores a cell, blanking the half of any wide character it breaks.
    /// Callers place a continuation only right after its wide character.
    private mutating func place(_ cell: Cell, x: Int, y: Int) {
        let width = width
        cells.withUnsafeMutableBufferPointer { Self.place(cell, x: x, y: y, width: width, in: $0) }
    }

    /// `place` into the cells held as a buffer.
    @inline(__always)
    private static func place(
        _ cell: Cell, x: Int, y: Int, width: Int, in cells: UnsafeMutableBufferPointer<Cell>
    ) {
        let i = y * width + x
        let oldIsContinuation = cells[i].isContinuation
        if !cell.isContinuation, oldIsContinuation, x > 0 {
            cells[i - 1].text = " "
        }
        if !oldIsContinuation, x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1].text = " "
        }
        cells[i] = cell
    }
}

extension Frame: CustomStringConvertible {
    /// The size and the text of every row, for a failing test or a debugger.
    public var description: String { "\(width)x\(height) frame:\n" + lines.joined(separator: "\n") }
}
