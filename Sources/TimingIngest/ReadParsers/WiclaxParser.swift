import RaceModel

/// Wiclax generic acquisition lines:
/// `chip;dd-MM-yyyy HH:MM:SS.mmm;loop;lap;battery;rewind`. Only chip and
/// date-time are used; a rewind (a read sent again from the reader's memory)
/// is a read like any other, and a repeat is a duplicate.
enum WiclaxParser {
    /// A `;` line whose second field starts with a `dd-MM-yyyy` date.
    static func looksLikeWiclax(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let semi = b.firstIndex(of: ASCII.semicolon), b.count >= semi + 12 else { return false }
        return b[semi + 3] == ASCII.dash && b[semi + 6] == ASCII.dash && b[semi + 11] == ASCII.space
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        let count = ASCII.Fields.count(b, separator: ASCII.semicolon, upTo: 2)
        guard count >= 2 else { return .malformed(reason: "line has \(count) field, needs chip;date time") }
        var fields = ASCII.Fields(b, separator: ASCII.semicolon)
        let chip = fields.next()!
        let stamp = fields.next()!
        guard !chip.isEmpty else { return .malformed(reason: "line has an empty chip") }
        let s = stamp.lowerBound
        guard stamp.count >= 19, b[s + 2] == ASCII.dash, b[s + 5] == ASCII.dash, b[s + 10] == ASCII.space else {
            return .malformed(reason: "date and time \(ASCII.quoted(b, stamp)) is not dd-MM-yyyy HH:MM:SS.mmm")
        }
        let day = ASCII.decimal(b, s, 2), month = ASCII.decimal(b, s + 3, 2), year = ASCII.decimal(b, s + 6, 4)
        guard day >= 0, month >= 0, year >= 0, ClockField.isValidDate(year: year, month: month, day: day) else {
            return .malformed(reason: "date \(ASCII.quoted(b, s..<(s + 10))) is not a valid dd-MM-yyyy date")
        }
        let timeRange = (s + 11)..<stamp.upperBound
        let parsedTime = ClockField.parse(b, timeRange)
        guard case .time(let time) = parsedTime else {
            return .malformed(reason: ClockField.reason(parsedTime, b, timeRange))
        }
        return .read(
            RawRead(
                chip: ASCII.chip(b, chip), date: CivilDate(year: year, month: month, day: day),
                timeOfDay: time, format: .wiclax))
    }
}
