import RaceModel

/// RACE RESULT decoder passings: `PassingNo;Transponder;yyyy-MM-dd;hh:mm:ss.kkk;...`,
/// pushed ones prefixed `#P;`. Only the first four fields are used.
enum RaceResultParser {
    private static let requiredFields = 4

    /// A `;` line whose first field is a number; the caller has already
    /// removed a `#P;` prefix.
    static func looksLikePassing(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawSemicolon = false
        var allDigits = true
        var firstFieldLength = 0
        for byte in b {
            if byte == ASCII.semicolon {
                sawSemicolon = true
                break
            }
            if !ASCII.isDigit(byte) { allDigits = false }
            firstFieldLength += 1
        }
        return sawSemicolon && allDigits && firstFieldLength > 0
    }

    /// A decoder's reply to a command (`GETSTATUS;...`, `SETPROTOCOL;...`): an
    /// upper-case word, then `;`. Its fields may hold commas (GPS position).
    static func looksLikeReply(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var length = 0
        for byte in b {
            if byte == ASCII.semicolon { return length > 0 }
            guard byte &- UInt8(ascii: "A") < 26 || byte == UInt8(ascii: "_") else { return false }
            length += 1
        }
        return false
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        if looksLikeReply(b) { return .control }
        // The fields taken as they come; counted only for the message when too few.
        var fields = ASCII.Fields(b, separator: ASCII.semicolon)
        let number = fields.next()
        let transponder = fields.next()
        let day = fields.next()
        guard let numberField = number, let transponderField = transponder, let dateField = day,
            let timeField = fields.next()
        else {
            let fieldCount = ASCII.Fields.count(b, separator: ASCII.semicolon)
            return .malformed(
                reason: "passing has \(fieldCount) field\(fieldCount == 1 ? "" : "s"), needs at least \(requiredFields)"
            )
        }

        guard let passingNo = ASCII.unsignedInteger(b, numberField) else {
            return .malformed(reason: "passing number \(ASCII.quoted(b, numberField)) is not a number")
        }
        guard !transponderField.isEmpty else {
            return .malformed(reason: "passing has an empty transponder")
        }
        let date: CivilDate?
        switch parseDate(b, dateField) {
        case .noFix: date = nil
        case .date(let d): date = d
        case .invalid:
            return .malformed(reason: "date \(ASCII.quoted(b, dateField)) is not a valid yyyy-MM-dd date")
        }
        let parsedTime = ClockField.parse(b, timeField)
        guard case .time(let time) = parsedTime else {
            return .malformed(reason: ClockField.reason(parsedTime, b, timeField))
        }
        return .read(
            RawRead(
                chip: ASCII.chip(b, transponderField), date: date, timeOfDay: time,
                sequence: passingNo, format: .raceResult))
    }

    private enum DateField { case date(CivilDate), noFix, invalid }

    /// `0000-00-00` is what a decoder without a GPS fix writes; the event date applies.
    private static func parseDate(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> DateField {
        guard r.count == 10, b[r.lowerBound + 4] == ASCII.dash, b[r.lowerBound + 7] == ASCII.dash else {
            return .invalid
        }
        let year = ASCII.decimal(b, r.lowerBound, 4)
        let month = ASCII.decimal(b, r.lowerBound + 5, 2)
        let day = ASCII.decimal(b, r.lowerBound + 8, 2)
        guard year >= 0, month >= 0, day >= 0 else { return .invalid }
        if year == 0 && month == 0 && day == 0 { return .noFix }
        guard ClockField.isValidDate(year: year, month: month, day: day) else { return .invalid }
        return .date(CivilDate(year: year, month: month, day: day))
    }
}
