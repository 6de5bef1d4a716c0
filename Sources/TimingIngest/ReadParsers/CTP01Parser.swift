import RaceModel

/// ChronoTrack CTP01: `CT01_33~seq~location~tag~time~lap~reader~port`, or the
/// same with commas. The time is `HH:MM:SS.hh`, ISO or epoch seconds, as agreed
/// when the client connected. Tags `guntime` and `newlocation` are not chips.
enum CTP01Parser {
    static let prefix: [UInt8] = Array("CT01_".utf8)
    /// Up to and including the time; lap, reader and port are read differently
    /// by different documents, so they are allowed to be missing.
    private static let requiredFields = 5

    static func looksLikeCTP01(_ b: UnsafeBufferPointer<UInt8>) -> Bool { ASCII.hasPrefix(b, prefix) }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        // The first separator after the header decides between the two variants.
        var separator = ASCII.tilde
        for byte in b where byte == ASCII.tilde || byte == ASCII.comma {
            separator = byte
            break
        }
        // The fields taken as they come; counted only for the message when too few.
        var fields = ASCII.Fields(b, separator: separator)
        _ = fields.next()  // CT01_nn header
        let seq = fields.next()
        _ = fields.next()  // location: which point it is comes from event.toml, not the line
        let tag = fields.next()
        guard let seqField = seq, let tagField = tag, let timeField = fields.next() else {
            let fieldCount = ASCII.Fields.count(b, separator: separator)
            return .malformed(
                reason: "line has \(fieldCount) field\(fieldCount == 1 ? "" : "s"), needs at least \(requiredFields)")
        }

        var sequence: Int?
        if !seqField.isEmpty {
            guard let seq = ASCII.unsignedInteger(b, seqField) else {
                return .malformed(reason: "sequence \(ASCII.quoted(b, seqField)) is not a number")
            }
            sequence = seq
        }
        guard !tagField.isEmpty else { return .malformed(reason: "line has an empty tag") }
        // A new location only renames the point on the controller; which point it is comes from event.toml.
        if ASCII.equalsIgnoringCase(b, tagField, newLocation) { return .control }
        let parsedTime = StampField.parse(b, timeField)
        guard case .stamp(let date, let time) = parsedTime else {
            return .malformed(reason: StampField.reason(parsedTime, b, timeField))
        }
        if ASCII.equalsIgnoringCase(b, tagField, gunTime) {
            return .gunMarker(time: time, date: date, sequence: sequence)
        }
        return .read(
            RawRead(chip: ASCII.chip(b, tagField), date: date, timeOfDay: time, sequence: sequence, format: .ctp01))
    }

    private static let gunTime: [UInt8] = Array("guntime".utf8)
    private static let newLocation: [UInt8] = Array("newlocation".utf8)
}
