import ScreenGrid

extension Frame {
    /// Display column where `text` first starts in row y (wide characters count two).
    public func column(of text: String, inLine y: Int) -> Int? {
        let l = line(y)
        guard let r = l.range(of: text) else { return nil }
        return TextWidth.of(String(l[..<r.lowerBound]))
    }

    /// First row whose text contains `text`.
    public func row(containing text: String) -> Int? {
        (0..<height).first { line($0).contains(text) }
    }

    /// The style of the cell where `text` starts in row y.
    public func style(of text: String, inLine y: Int) -> CellStyle? {
        column(of: text, inLine: y).map { self[$0, y].style }
    }
}
