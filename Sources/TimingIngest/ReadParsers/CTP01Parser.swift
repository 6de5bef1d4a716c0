import RaceModel

/// ChronoTrack CTP01: `CT01_33~seq~location~tag~HH:MM:SS.hh~lap~reader~port`,
/// or the same with commas.
enum CTP01Parser {
    static let prefix: [UInt8] = Array("CT01_".utf8)
    /// Up to and including the time; lap, reader and port are read differently
    /// by different documents, so they are allowed to be missing.
    private static let requiredFields = 5

    static func looksLikeCTP01(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= prefix.count else { return false }
        for i in 0..<prefix.count where b[i] != prefix[i] { return false }
        return true
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        // The first separator after the header decides between the two variants.
        var separator = ASCII.tilde
        for byte in b where byte == ASCII.tilde || byte == ASCII.comma { separator = byte; break }
        let fieldCount = ASCII.Fields.count(b, separator: separator)
        guard fieldCount >= requiredFields else {
            return .malformed(reason: "ChronoTrack line has \(fieldCount) field\(fieldCount == 1 ? "" : "s"), needs at least \(requiredFields)")
        }
        var fields = ASCII.Fields(b, separator: separator)
        _ = fields.next()  // CT01_nn header
        let seqField = fields.next()!
        _ = fields.next()  // location: which point it is comes from event.toml, not the line
        let tagField = fields.next()!
        let timeField = fields.next()!

        var sequence: Int?
        if !seqField.isEmpty {
            guard let seq = ASCII.unsignedInteger(b, seqField) else {
                return .malformed(reason: "ChronoTrack sequence \(ASCII.quoted(b, seqField)) is not a number")
            }
            sequence = seq
        }
        guard !tagField.isEmpty else { return .malformed(reason: "ChronoTrack line has an empty tag") }
        let parsedTime = ClockField.parse(b, timeField)
        guard case .time(let time) = parsedTime else {
            return .malformed(reason: ClockField.reason(parsedTime, b, timeField))
        }
        if isGunTime(b, tagField) { return .gunMarker(time: time, date: nil) }
        return .read(RawRead(code: ASCII.string(b, tagField), timeOfDay: time, sequence: sequence, format: .ctp01))
    }

    private static let gunTime: [UInt8] = Array("guntime".utf8)

    private static func isGunTime(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count == gunTime.count else { return false }
        for (i, expected) in zip(range, gunTime) where b[i] | 0x20 != expected { return false }
        return true
    }
}
