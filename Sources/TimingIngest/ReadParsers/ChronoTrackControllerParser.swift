import RaceModel

/// What a ChronoTrack controller writes to its own files: tag observations
/// `TO~seq~tag~160~type~epoch.hh~readerMAC~antenna~RSSI~count~P[~n]`, and the
/// marker log (`.mrk`) `<id>,<n>,<kind>,<count>,YYMMDDHHMMSScc,<value>`, where
/// the gun button's presses are the lines of kind `Gun`.
enum ChronoTrackControllerParser {
    private static let observationPrefix: [UInt8] = Array("TO~".utf8)
    private static let gun: [UInt8] = Array("gun".utf8)
    private static let markerFields = 6
    private static let markerStampLength = 14

    static func looksLikeObservation(_ b: UnsafeBufferPointer<UInt8>) -> Bool { ASCII.hasPrefix(b, observationPrefix) }

    /// Six comma-separated fields (the last, a free value, may hold more commas)
    /// whose fifth is a 14-digit stamp.
    static func looksLikeMarker(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard ASCII.Fields.count(b, separator: ASCII.comma, upTo: markerFields) >= markerFields else { return false }
        var fields = ASCII.Fields(b, separator: ASCII.comma)
        for _ in 0..<4 { _ = fields.next() }
        let stamp = fields.next()!
        return stamp.count == markerStampLength && ASCII.unsignedInteger(b, stamp) != nil
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        if looksLikeObservation(b) { return observation(b) }
        if looksLikeMarker(b) { return marker(b) }
        return .malformed(reason: "line is neither a TO~ observation nor a marker-log line")
    }

    /// Fields may be zero-padded, and some controllers write 11 fields, others 12.
    private static func observation(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        let count = ASCII.Fields.count(b, separator: ASCII.tilde)
        guard count == 11 || count == 12 else {
            return .malformed(reason: "tag observation has \(count) fields, expected 11 or 12")
        }
        var fields = ASCII.Fields(b, separator: ASCII.tilde)
        _ = fields.next()  // TO
        let seqField = fields.next()!
        let tagField = fields.next()!
        _ = fields.next()
        _ = fields.next()  // tag class, read type
        let timeField = fields.next()!
        guard let seq = ASCII.unsignedInteger(b, seqField) else {
            return .malformed(reason: "observation number \(ASCII.quoted(b, seqField)) is not a number")
        }
        guard !tagField.isEmpty else { return .malformed(reason: "tag observation has an empty tag") }
        guard ASCII.unsignedInteger(b, timeField.lowerBound..<(firstDot(b, timeField) ?? timeField.upperBound)) != nil,
            case .stamp(let date, let time) = StampField.epochSeconds(b, timeField)
        else {
            return .malformed(reason: "time \(ASCII.quoted(b, timeField)) is not epoch seconds")
        }
        return .read(
            RawRead(
                chip: unpadded(b, tagField), date: date, timeOfDay: time, sequence: seq,
                format: .chronotrackController))
    }

    /// A gun press is a gun marker; every other marker (settings, power, clock changes) is a control line.
    private static func marker(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        var fields = ASCII.Fields(b, separator: ASCII.comma)
        _ = fields.next()
        _ = fields.next()
        let kind = fields.next()!
        _ = fields.next()
        let stamp = fields.next()!
        guard ASCII.equalsIgnoringCase(b, kind, gun) else { return .control }
        guard let date = ClockField.yymmdd(b, stamp.lowerBound),
            let time = ClockField.hhmmss(b, stamp.lowerBound + 6, hexHundredths: false)
        else {
            return .malformed(reason: "gun press at \(ASCII.quoted(b, stamp)) is not a valid YYMMDDHHMMSScc stamp")
        }
        return .gunMarker(time: time, date: date)
    }

    private static func firstDot(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        r.first { b[$0] == ASCII.dot }
    }

    /// A numeric tag without its padding zeros, so `00801` is bib 801.
    private static func unpadded(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> ChipCode {
        guard ASCII.unsignedInteger(b, r) != nil else { return ASCII.chip(b, r) }
        var lo = r.lowerBound
        while lo < r.upperBound - 1, b[lo] == UInt8(ascii: "0") { lo += 1 }
        return ASCII.chip(b, lo..<r.upperBound)
    }
}
