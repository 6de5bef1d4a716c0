import RaceModel

/// IPICO fixed-width reads, `aa RR TTTTTTTTTTTT IIQQ YYMMDD HHMMSS CC [TTO] KK`:
/// 36 characters, or 42 when the reader adds its three TTO bytes (first/last
/// seen). Control frames `ab RR LL II DD.. CC` share the stream.
enum IPICOParser {
    // Column offsets (0-based) of the fields.
    private static let tagStart = 4, tagLength = 12
    private static let dateStart = 20, timeStart = 26
    private static let hundredthsStart = 32, statusStart = 38
    private static let plainLength = 36, ttoLength = 42
    /// Instruction byte of the frame the reader sends when its trigger (gun) button is pressed.
    private static let triggerInstruction = 0x2c

    /// A line that starts with `aa` or `ab` and has no field separator is taken
    /// as IPICO, so a damaged record is reported as IPICO rather than as an unknown format.
    static func looksLikeIPICO(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        startsLikeIPICO(b) && LineShape(b).isDisjoint(with: foreignSeparators)
    }

    /// `aa` (a read) or `ab` (a control frame).
    static func startsLikeIPICO(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count >= 2 && b[0] == UInt8(ascii: "a") && (b[1] == UInt8(ascii: "a") || b[1] == UInt8(ascii: "b"))
    }

    /// Separators no IPICO line holds: a line with one is another format's.
    static let foreignSeparators: LineShape = [.comma, .semicolon, .tilde, .at, .space]

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        if b[1] == UInt8(ascii: "b") { return controlFrame(b) }
        guard b.count == plainLength || b.count == ttoLength else {
            return .malformed(reason: "line is \(b.count) characters, expected 36, or 42 with first/last seen")
        }
        if let fault = hexOrChecksumFault(b, what: "checksum") { return .malformed(reason: fault) }

        guard let date = ClockField.yymmdd(b, dateStart) else {
            return .malformed(reason: "date \(ASCII.string(b, dateStart..<(dateStart + 6))) is not a valid YYMMDD date")
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
        let hundredths = ASCII.hex(b, hundredthsStart, 2)
        guard hundredths < 100 else {
            return .malformed(
                reason: "hundredths \(ASCII.string(b, hundredthsStart..<(hundredthsStart + 2))) (hex) is over 99")
        }
        let time = ((hours * 60 + minutes) * 60 + seconds) * 1000 + hundredths * 10
        let edge = b.count == ttoLength ? Self.edge(status: ASCII.hex(b, statusStart, 2)) : nil
        return .read(RawRead(chip: tagCode(b), date: date, timeOfDay: time, format: .ipico, edge: edge))
    }

    /// The last TTO byte: bit 7 first seen, bit 6 last seen. A read with
    /// neither (the reader in event mode) or both belongs to every point.
    static func edge(status: Int) -> SeenEdge? {
        switch (status & 0x80 != 0, status & 0x40 != 0) {
        case (true, false): return .first
        case (false, true): return .last
        default: return nil
        }
    }

    /// `ab RR LL II DD.. CC`: reader id, data length in bytes (`ff`: a query,
    /// no data), instruction, data, and the same byte-sum check as reads.
    /// Only the trigger frame means anything to timing: its data is the
    /// reader's clock when the button was pressed.
    private static func controlFrame(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        guard b.count >= 10, b.count % 2 == 0 else {
            return .malformed(reason: "control frame is \(b.count) characters, too short or odd")
        }
        if let fault = hexFault(b) { return .malformed(reason: fault) }
        let length = ASCII.hex(b, 4, 2)
        let expected = length == 0xFF ? 10 : 10 + 2 * length
        guard b.count == expected else {
            return .malformed(reason: "control frame is \(b.count) characters, its length byte says \(expected)")
        }
        if let fault = hexOrChecksumFault(b, what: "control frame checksum") { return .malformed(reason: fault) }
        // A query (`ff`) carries no data, whatever its instruction: a trigger query is no gun.
        guard ASCII.hex(b, 6, 2) == triggerInstruction, length != 0xFF, length >= 8 else { return .control }
        return trigger(b)
    }

    /// Trigger data: `YY MM DD DW HH MM SS` in BCD, then hundredths in hex.
    private static func trigger(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        guard let date = ClockField.yymmdd(b, 8), let time = ClockField.hhmmss(b, 16, hexHundredths: true) else {
            return .malformed(reason: "trigger frame has no valid date and time: \(ASCII.string(b, 8..<24))")
        }
        return .gunMarker(time: time, date: date)
    }

    /// Why the line is not all hex digits after its header, or why its
    /// last two characters are not the low byte of the sum of those between
    /// the header and them; nil when neither. One pass over the line and no
    /// branch a byte: which byte is wrong is looked for only when one is,
    /// on a line in a million.
    private static func hexOrChecksumFault(_ b: UnsafeBufferPointer<UInt8>, what: String) -> String? {
        guard let base = b.baseAddress, b.count >= 4 else { return "line is too short to hold a checksum" }
        let at = b.count - 2
        var notHex: UInt8 = 0
        var sum: UInt8 = 0
        for i in 2..<at {
            let byte = base[i]
            notHex |= isNotHex(byte)
            sum &+= byte
        }
        notHex |= isNotHex(base[at]) | isNotHex(base[at + 1])
        if notHex != 0 { return firstNonHex(b) }
        let stated = ASCII.hex(b, at, 2)
        guard stated != Int(sum) else { return nil }
        return
            "\(what) mismatch: line says \(ASCII.string(b, at..<b.count).lowercased()), computed \(ASCII.hex2(Int(sum)))"
    }

    @inline(__always) private static func isNotHex(_ byte: UInt8) -> UInt8 {
        (byte &- 0x30 < 10 ? 0 : 1) & ((byte | 0x20) &- 0x61 < 6 ? 0 : 1)
    }

    /// Where the line is not hex digits after its header, if it is not.
    private static func hexFault(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var notHex: UInt8 = 0
        for i in 2..<max(2, b.count) { notHex |= isNotHex(b[i]) }
        return notHex == 0 ? nil : firstNonHex(b)
    }

    /// The first byte after the header that is not a hex digit, named with its column.
    private static func firstNonHex(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        for i in 2..<b.count where ASCII.hexValue(b[i]) < 0 {
            return "\(ASCII.quoted(b, i..<(i + 1))) at column \(i + 1), expected a hex digit"
        }
        return nil
    }

    /// The tag id lower-cased, so a reader writing upper-case hex matches the same chip.
    private static func tagCode(_ b: UnsafeBufferPointer<UInt8>) -> ChipCode {
        let range = tagStart..<(tagStart + tagLength)
        var upper: UInt8 = 0
        for i in range { upper |= b[i] &- UInt8(ascii: "A") < 6 ? 1 : 0 }
        guard upper != 0 else { return ASCII.chip(b, range) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: tagLength) { out in
            for (o, i) in range.enumerated() {
                let byte = b[i]
                out[o] = byte &- UInt8(ascii: "A") < 6 ? byte | 0x20 : byte
            }
            return ChipCode(line: UnsafeBufferPointer(out))
        }
    }
}
