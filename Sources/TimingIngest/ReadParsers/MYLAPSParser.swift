import RaceModel

/// MYLAPS Exchange passings `CCCCCCCHH:MM:SS.mmm D RR NNNPPPPYYMMDDKK`: a
/// 7-character chip, the time, device, reader, a count, the passing number
/// (4 hex digits), the date and a check (byte sum, 2 hex digits). They come
/// one per line, or in batches inside `Loc@Store@p1@p2@...@msgNo@` messages,
/// which a forwarder's log may prefix with `<ISO time> message: `.
enum MYLAPSParser {
    private static let chipLength = 7
    private static let timeEnd = chipLength + 12
    private static let messagePrefix: [UInt8] = Array(" message:".utf8)
    private static let store: [UInt8] = Array("store".utf8)

    /// A chip followed by `HH:MM:SS.` at column 8.
    static func looksLikePassing(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count > timeEnd && b[chipLength + 2] == ASCII.colon && b[chipLength + 5] == ASCII.colon
            && b[chipLength + 8] == ASCII.dot
    }

    /// An `@` message, or a forwarder's log line whose message body is on the next line.
    static func looksLikeMessage(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.contains(ASCII.at) || bodyStart(b) == b.count && b.count > messagePrefix.count
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        looksLikeMessage(b) ? message(b) : passing(b, b.indices)
    }

    private static func message(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        var start = bodyStart(b)
        while start < b.count, b[start] == 0 { start += 1 }  // NULs the forwarder logged
        var end = b.count
        if end > start, b[end - 1] == UInt8(ascii: "$") { end -= 1 }
        if start == end { return .ignored }  // the log put the body on the next line
        var fields = ASCII.Fields(UnsafeBufferPointer(rebasing: b[start..<end]), separator: ASCII.at)
        guard fields.next() != nil, let command = fields.next() else { return .malformed(reason: "message has no command") }
        let body = fields.bytes
        guard ASCII.equalsIgnoringCase(body, command, store) else { return .control }
        // Passings up to the message number and the closing `@`.
        var reads: [RawRead] = []
        var index = 0
        while let field = fields.next(), !field.isEmpty, ASCII.unsignedInteger(body, field) == nil {
            index += 1
            switch passing(body, field) {
            case .read(let read): reads.append(read)
            case .malformed(let reason): return .malformed(reason: "passing \(index) of the Store message: \(reason)")
            default: break
            }
        }
        return reads.isEmpty ? .control : .reads(reads)
    }

    /// Where the message starts: after a logged `... message: `, else at the start.
    private static func bodyStart(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard b.count >= messagePrefix.count else { return 0 }
        for i in 0...(b.count - messagePrefix.count) where b[i] == ASCII.space && ASCII.hasPrefix(b, messagePrefix, from: i) {
            let end = i + messagePrefix.count
            return end < b.count && b[end] == ASCII.space ? end + 1 : end
        }
        return 0
    }

    private static func passing(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> ParsedLine {
        let line = UnsafeBufferPointer(rebasing: b[r])
        guard looksLikePassing(line) else { return .malformed(reason: "passing \(ASCII.quoted(b, r)) is not chip, time, ...") }
        let chip = 0..<chipLength
        for i in chip where !(ASCII.isDigit(line[i]) || ASCII.isLetter(line[i])) {
            return .malformed(reason: "chip \(ASCII.quoted(line, chip)) must be letters and digits")
        }
        let parsedTime = ClockField.parse(line, chipLength..<timeEnd)
        guard case .time(let time) = parsedTime else {
            return .malformed(reason: ClockField.reason(parsedTime, line, chipLength..<timeEnd))
        }
        // Device, reader, then count, passing number, date and check run together.
        var fields = ASCII.Fields(line, separator: ASCII.space, from: timeEnd + 1)
        var tail: Range<Int>? = nil
        var tokens = 0
        while let f = fields.next() {
            if f.isEmpty { continue }
            tokens += 1; tail = f
        }
        guard tokens >= 3, let tail, tail.count >= 13, tail.upperBound == line.count else {
            return .malformed(reason: "passing has no count, passing number, date and check after the time")
        }
        let n = line.count
        let stated = ASCII.hex(line, n - 2, 2)
        let computed = ASCII.byteSum(line, 0..<(n - 2))
        guard stated == computed else {
            return .malformed(reason: "check mismatch: line says \(ASCII.string(line, (n - 2)..<n)), computed \(ASCII.hex2(computed).uppercased())")
        }
        guard let date = ClockField.yymmdd(line, n - 8) else {
            return .malformed(reason: "date \(ASCII.string(line, (n - 8)..<(n - 2))) is not a valid YYMMDD date")
        }
        let number = ASCII.hex(line, n - 12, 4)
        guard number >= 0 else {
            return .malformed(reason: "passing number \(ASCII.quoted(line, (n - 12)..<(n - 8))) is not hex")
        }
        return .read(RawRead(code: ASCII.string(line, chip), date: date,
                             timeOfDay: time, sequence: number, format: .mylaps))
    }
}
