/// The eight basic terminal colours; `.none` means the terminal's own default.
public enum Color: UInt8, Sendable, CaseIterable {
    case none, black, red, green, yellow, blue, magenta, cyan, white
}

public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)
}

public struct CellStyle: Sendable, Hashable {
    public var fg: Color
    public var bg: Color
    public var attributes: Attributes

    public init(fg: Color = .none, bg: Color = .none, attributes: Attributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public static let plain = CellStyle()
}

/// One terminal column. A wide character lives in the left cell of a pair; the
/// right cell holds "" so the grid never loses track of which columns it covers.
public struct Cell: Sendable, Hashable {
    /// One grapheme cluster, or "" for the right half of a wide character.
    public var text: String
    public var style: CellStyle

    public init(text: String = " ", style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()

    /// True for the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}
