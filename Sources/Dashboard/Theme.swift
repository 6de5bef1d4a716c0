import ScreenGrid

/// Styles of the dashboard. Every meaning a colour carries also has a
/// non-colour cue (bold, reverse, underline or a marker character), because
/// the backend drops colours under NO_COLOR and on monochrome terminals.
enum Theme {
    static let plain = CellStyle.plain
    static let titleBar = CellStyle(attributes: [.reverse, .bold])
    static let columnHeader = CellStyle(attributes: [.underline])
    static let selected = CellStyle(attributes: [.reverse])
    static let dim = CellStyle(attributes: [.dim])
    static let strong = CellStyle(attributes: [.bold])
    /// Top three: green and bold.
    static let leader = CellStyle(fg: .green, attributes: [.bold])
    /// Something to check: yellow, bold, next to a "!" marker.
    static let warning = CellStyle(fg: .yellow, attributes: [.bold])
    /// Something wrong now: red, bold, next to a "!!" marker.
    static let alert = CellStyle(fg: .red, attributes: [.bold])
    static let live = CellStyle(fg: .green, attributes: [.bold, .reverse])
    static let replay = CellStyle(fg: .cyan, attributes: [.bold, .reverse])
    static let paused = CellStyle(fg: .yellow, attributes: [.bold, .reverse])
    static let tab = CellStyle(attributes: [.reverse, .bold])
    static let bar = CellStyle(fg: .cyan)
    static let input = CellStyle(attributes: [.bold])

    /// The same style shown as the selected row: reversed, keeping colour and weight.
    static func selecting(_ style: CellStyle) -> CellStyle {
        var s = style
        s.attributes.insert(.reverse)
        return s
    }
}
