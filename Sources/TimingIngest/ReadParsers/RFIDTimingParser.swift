import RaceModel

/// RFID Timing Systems (Ultra, Joey) read lines:
/// `<port>,<chip>,<bib>,"YYYY-MM-DD HH:MM:SS.mmm",<reader>,<port>`.
/// The chip is the code; the bib the reader was given is not used, since
/// the participant list decides who wears which chip.
enum RFIDTimingParser {
    private static let fields = 6

    /// Six comma-separated fields, the fourth a quoted date and time.
    static func looksLikeRFIDTiming(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard ASCII.Fields.count(b, separator: ASCII.comma) == fields else { return false }
        var f = ASCII.Fields(b, separator: ASCII.comma)
        for _ in 0..<3 { _ = f.next() }
        let stamp = f.next()!
        return stamp.count >= 2 && b[stamp.lowerBound] == ASCII.quote
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        let count = ASCII.Fields.count(b, separator: ASCII.comma)
        guard count == fields else {
            return .malformed(reason: "line has \(count) comma-separated fields, expected \(fields)")
        }
        var f = ASCII.Fields(b, separator: ASCII.comma)
        _ = f.next()
        let chip = f.next()!
        _ = f.next()
        let quoted = f.next()!
        guard !chip.isEmpty else { return .malformed(reason: "line has an empty chip") }
        guard quoted.count >= 2, b[quoted.upperBound - 1] == ASCII.quote else {
            return .malformed(reason: "date and time \(ASCII.quoted(b, quoted)) is not quoted")
        }
        let stamp = (quoted.lowerBound + 1)..<(quoted.upperBound - 1)
        let parsed = StampField.parse(b, stamp)
        guard case .stamp(let date?, let time) = parsed else {
            return .malformed(reason: "date and time \(ASCII.quoted(b, stamp)) is not YYYY-MM-DD HH:MM:SS.mmm")
        }
        return .read(RawRead(chip: ASCII.chip(b, chip), date: date, timeOfDay: time, format: .rfidTiming))
    }
}
