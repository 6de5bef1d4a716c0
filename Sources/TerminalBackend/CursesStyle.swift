import CNCurses
import ScreenGrid

/// Turns cell styles into curses attributes and colour pairs, allocating a
/// pair the first time a (foreground, background) combination is drawn.
struct CursesStyle {
    let usesColor: Bool
    /// Whether -1 means "the terminal's own colour" (use_default_colors succeeded).
    let hasDefaultColors: Bool
    private var pairs: [UInt16: Int16] = [:]
    private var nextPair: Int = 1
    private let maxPairs: Int

    init(usesColor: Bool, hasDefaultColors: Bool, maxPairs: Int) {
        self.usesColor = usesColor
        self.hasDefaultColors = hasDefaultColors
        self.maxPairs = maxPairs
    }

    mutating func resolve(_ style: CellStyle) -> (attributes: attr_t, pair: Int16) {
        var attributes = style.attributes
        var pair: Int16 = 0
        if usesColor, style.fg != .none || style.bg != .none, let allocated = self.pair(fg: style.fg, bg: style.bg) {
            pair = allocated
        } else {
            // Without colour (or out of pairs), emphasis keeps coloured text
            // distinguishable: a coloured background becomes reverse video,
            // a coloured foreground bold.
            if style.bg != .none { attributes.insert(.reverse) }
            if style.fg != .none { attributes.insert(.bold) }
        }
        return (Self.cursesAttributes(attributes), pair)
    }

    static func cursesAttributes(_ attributes: Attributes) -> attr_t {
        var out: attr_t = 0
        if attributes.contains(.bold) { out |= racedash_attr_bold() }
        if attributes.contains(.dim) { out |= racedash_attr_dim() }
        if attributes.contains(.reverse) { out |= racedash_attr_reverse() }
        if attributes.contains(.underline) { out |= racedash_attr_underline() }
        return out
    }

    private mutating func pair(fg: Color, bg: Color) -> Int16? {
        let key = UInt16(fg.rawValue) << 8 | UInt16(bg.rawValue)
        if let known = pairs[key] { return known }
        guard nextPair < maxPairs, nextPair <= Int(Int16.max) else { return nil }
        let number = Int16(nextPair)
        guard init_pair(number, cursesColor(fg, isBackground: false), cursesColor(bg, isBackground: true)) != ERR else {
            return nil
        }
        nextPair += 1
        pairs[key] = number
        return number
    }

    private func cursesColor(_ color: Color, isBackground: Bool) -> Int16 {
        switch color {
        case .none: hasDefaultColors ? -1 : Int16(isBackground ? COLOR_BLACK : COLOR_WHITE)
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }
}
