import RaceModel

/// IPICO fixed-width reads: `aa RR TTTTTTTTTTTT IIQQ YYMMDD HHMMSS CC KK [FS|LS]`.
enum IPICOParser {
    // Column offsets (0-based) of the fields in the 36-character record.
    private static let tagStart = 4, tagLength = 12
    private static let dateStart = 20, timeStart = 26
    private static let hundredthsStart = 32, checksumStart = 34
    private static let recordLength = 36

    /// A line that starts with `aa` and has no field separator is taken as IPICO,
    /// so a damaged record is reported as IPICO rather than as an unknown format.
    static func looksLikeIPICO(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 2, b[0] == UInt8(ascii: "a"), b[1] == UInt8(ascii: "a") else { return false }
        for byte in b where byte == ASCII.comma || byte == ASCII.semicolon || byte == ASCII.tilde {
            return false
        }
        return true
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        guard b.count == recordLength || b.count == recordLength + 2 else {
            return .malformed(reason: "IPICO line is \(b.count) characters, expected 36 or 38")
        }
        if b.count == recordLength + 2 {
            let first = b[36] & 0xDF, second = b[37] & 0xDF  // upper-cased
            guard (first == UInt8(ascii: "F") || first == UInt8(ascii: "L")), second == UInt8(ascii: "S") else {
                return .malformed(reason: "IPICO line ends in \(ASCII.quoted(b, 36..<38)), expected FS or LS")
            }
        }
        var sum = 0
        for i in 2..<recordLength {
            let byte = b[i]
            guard ASCII.hexValue(byte) >= 0 else {
                return .malformed(reason: "IPICO line has \(ASCII.quoted(b, i..<(i + 1))) at column \(i + 1), expected a hex digit")
            }
            if i < checksumStart { sum &+= Int(byte) }
        }
        let stated = ASCII.hexValue(b[checksumStart]) << 4 | ASCII.hexValue(b[checksumStart + 1])
        let computed = sum & 0xFF
        guard stated == computed else {
            return .malformed(reason: "IPICO checksum mismatch: line says \(ASCII.string(b, checksumStart..<(checksumStart + 2)).lowercased()), computed \(hex2(computed))")
        }

        let yy = ASCII.decimal(b, dateStart, 2)
        let month = ASCII.decimal(b, dateStart + 2, 2)
        let day = ASCII.decimal(b, dateStart + 4, 2)
        guard yy >= 0, month >= 0, day >= 0, ClockField.isValidDate(year: 2000 + yy, month: month, day: day) else {
            return .malformed(reason: "IPICO date \(ASCII.string(b, dateStart..<(dateStart + 6))) is not a valid YYMMDD date")
        }
        let hours = ASCII.decimal(b, timeStart, 2)
        let minutes = ASCII.decimal(b, timeStart + 2, 2)
        let seconds = ASCII.decimal(b, timeStart + 4, 2)
        guard hours >= 0, minutes >= 0, seconds >= 0, hours < 24, minutes < 60, seconds < 60 else {
            let hh = ASCII.string(b, timeStart..<(timeStart + 2))
            let mm = ASCII.string(b, (timeStart + 2)..<(timeStart + 4))
            let ss = ASCII.string(b, (timeStart + 4)..<(timeStart + 6))
            return .malformed(reason: "time \(hh):\(mm):\(ss) is not a valid time of day")
        }
        let hundredths = ASCII.hexValue(b[hundredthsStart]) << 4 | ASCII.hexValue(b[hundredthsStart + 1])
        guard hundredths < 100 else {
            return .malformed(reason: "IPICO hundredths \(ASCII.string(b, hundredthsStart..<(hundredthsStart + 2))) (hex) is over 99")
        }

        let time = ((hours * 60 + minutes) * 60 + seconds) * 1000 + hundredths * 10
        let date = CivilDate(year: 2000 + yy, month: month, day: day)
        return .read(RawRead(code: tagCode(b), date: date, timeOfDay: time, format: .ipico))
    }

    /// The tag id lower-cased, so a reader writing upper-case hex matches the same chip.
    private static func tagCode(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let range = tagStart..<(tagStart + tagLength)
        var hasUpper = false
        for i in range where b[i] &- UInt8(ascii: "A") < 6 { hasUpper = true }
        guard hasUpper else { return ASCII.string(b, range) }
        return String(unsafeUninitializedCapacity: tagLength) { out in
            for (o, i) in range.enumerated() {
                let byte = b[i]
                out[o] = byte &- UInt8(ascii: "A") < 6 ? byte | 0x20 : byte
            }
            return tagLength
        }
    }

    private static func hex2(_ v: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[v >> 4], digits[v & 0xF]])
    }
}
