import RaceModel

/// Hand timing typed by an official: `<bib>,<HH:MM:SS[.fff]>`.
enum ManualParser {
    /// Blanks around the fields are tolerated because these lines are typed by hand.
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        let fieldCount = ASCII.Fields.count(b, separator: ASCII.comma)
        guard fieldCount == 2 else {
            return .malformed(reason: "line has \(fieldCount) comma-separated fields, expected bib,time")
        }
        var fields = ASCII.Fields(b, separator: ASCII.comma)
        let bibField = trimmed(b, fields.next()!)
        let timeField = trimmed(b, fields.next()!)
        guard !bibField.isEmpty else { return .malformed(reason: "line has an empty bib") }
        for i in bibField where !(ASCII.isDigit(b[i]) || ASCII.isLetter(b[i])) {
            return .malformed(reason: "bib \(ASCII.quoted(b, bibField)) must be letters and digits only")
        }
        let parsedTime = ClockField.parse(b, timeField)
        guard case .time(let time) = parsedTime else {
            return .malformed(reason: ClockField.reason(parsedTime, b, timeField))
        }
        return .read(RawRead(chip: ASCII.chip(b, bibField), timeOfDay: time, format: .manual))
    }

    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, ASCII.isBlank(b[lo]) { lo += 1 }
        while hi > lo, ASCII.isBlank(b[hi - 1]) { hi -= 1 }
        return lo..<hi
    }
}
