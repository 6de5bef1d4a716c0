/// The separators a line holds, found in one pass. Every format but CTP01
/// needs one of them in its shape, so a line of an unpinned file (tried
/// against up to eight formats, most shape checks a pass of their own) skips
/// the checks of the formats whose separator it lacks.
struct LineShape: OptionSet {
    let rawValue: UInt8

    static let comma = LineShape(rawValue: 1 << 0)
    static let semicolon = LineShape(rawValue: 1 << 1)
    static let colon = LineShape(rawValue: 1 << 2)
    static let at = LineShape(rawValue: 1 << 3)
    static let space = LineShape(rawValue: 1 << 4)
    static let nul = LineShape(rawValue: 1 << 5)
    static let tilde = LineShape(rawValue: 1 << 6)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ line: UnsafeBufferPointer<UInt8>) {
        var bits: UInt8 = 0
        Self.table.withUnsafeBufferPointer { table in
            for byte in line { bits |= table[Int(byte)] }
        }
        rawValue = bits
    }

    /// The line's shape, found the first time a format asks for it.
    static func of(_ line: UnsafeBufferPointer<UInt8>, _ found: inout LineShape?) -> LineShape {
        if let found { return found }
        let shape = LineShape(line)
        found = shape
        return shape
    }

    /// Each byte's bit: one lookup a byte instead of a comparison per separator.
    private static let table: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case ASCII.comma: return comma.rawValue
        case ASCII.semicolon: return semicolon.rawValue
        case ASCII.colon: return colon.rawValue
        case ASCII.at: return at.rawValue
        case ASCII.space: return space.rawValue
        case 0: return nul.rawValue
        case ASCII.tilde: return tilde.rawValue
        default: return 0
        }
    }
}
