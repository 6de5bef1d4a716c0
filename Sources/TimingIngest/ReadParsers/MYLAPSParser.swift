import RaceModel

/// MYLAPS Exchange passings `CCCCCCCHH:MM:SS.mmm D RR NNNPPPPYYMMDDKK`: the
/// chip (7 characters in every real line seen; taken as all that comes before
/// the time, so longer codes read too), the time, device, reader, a count, the
/// passing number (4 hex digits), the date and a check (byte sum, 2 hex digits). They come
/// one per line, or in batches inside `Loc@Store@p1@p2@...@msgNo@` messages,
/// which a forwarder's log may prefix with `<ISO time> message: `. The
/// Timing & Scoring protocol's `Loc@Passing@t=...|c=...|d=...@msgNo@$` carries
/// the same in key=value form.
enum MYLAPSParser {
    private static let timeLength = 12
    private static let messagePrefix: [UInt8] = Array(" message:".utf8)
    private static let store: [UInt8] = Array("store".utf8)
    private static let passingCommand: [UInt8] = Array("passing".utf8)

    /// A chip followed by `HH:MM:SS.`.
    static func looksLikePassing(_ b: UnsafeBufferPointer<UInt8>) -> Bool { timeStart(b) != nil }

    /// Where the time starts: two digits before the first `:`, which must
    /// follow a chip of letters and digits and be followed by `MM:SS.`.
    static func timeStart(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let colon = b.firstIndex(of: ASCII.colon), colon >= 3, colon + 7 < b.count,
            b[colon + 3] == ASCII.colon, b[colon + 6] == ASCII.dot
        else { return nil }
        for i in 0..<colon where !(ASCII.isDigit(b[i]) || ASCII.isLetter(b[i])) { return nil }
        return colon - 2
    }

    /// `Location@Command@...`, maybe after a forwarder's log prefix, or a log
    /// line whose message body is on the next line.
    static func looksLikeMessage(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = messageStart(b)
        if start == b.count { return b.count > messagePrefix.count && start > 0 }
        var i = start
        while i < b.count,
            ASCII.isDigit(b[i]) || ASCII.isLetter(b[i]) || b[i] == ASCII.dash || b[i] == UInt8(ascii: "_")
        { i += 1 }
        guard i > start, i < b.count, b[i] == ASCII.at else { return false }
        i += 1
        let command = i
        while i < b.count, ASCII.isLetter(b[i]) { i += 1 }
        return i > command && i < b.count && b[i] == ASCII.at
    }

    /// Where the message itself starts: after a log prefix and the NULs a forwarder logged.
    private static func messageStart(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var start = bodyStart(b)
        while start < b.count, b[start] == 0 { start += 1 }
        return start
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        looksLikeMessage(b) ? message(b) : passing(b, b.indices)
    }

    private static func message(_ b: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        let start = messageStart(b)
        var end = b.count
        if end > start, b[end - 1] == UInt8(ascii: "$") { end -= 1 }
        if start == end { return .ignored }  // the log put the body on the next line
        var fields = ASCII.Fields(UnsafeBufferPointer(rebasing: b[start..<end]), separator: ASCII.at)
        guard fields.next() != nil, let command = fields.next() else {
            return .malformed(reason: "message has no command")
        }
        let body = fields.bytes
        let keyed = ASCII.equalsIgnoringCase(body, command, passingCommand)
        guard keyed || ASCII.equalsIgnoringCase(body, command, store) else { return .control }
        // Passings up to the message number and the closing `@`.
        var reads: [RawRead] = []
        var index = 0
        while let field = fields.next(), !field.isEmpty, ASCII.unsignedInteger(body, field) == nil {
            index += 1
            switch keyed ? keyedPassing(body, field) : passing(body, field) {
            case .read(let read): reads.append(read)
            case .malformed(let reason):
                return .malformed(reason: "passing \(index) of the \(ASCII.string(body, command)) message: \(reason)")
            default: break
            }
        }
        return reads.isEmpty ? .control : .reads(reads)
    }

    /// The Timing & Scoring protocol's `Passing` record: `t=HH:MM:SS.mmm|c=chip|d=YYMMDD|...`
    /// (other keys, such as bib, lap and device, are not used).
    private static func keyedPassing(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> ParsedLine {
        var time: Range<Int>?, chip: Range<Int>?, date: Range<Int>?
        var pairs = ASCII.Fields(UnsafeBufferPointer(rebasing: b[r]), separator: UInt8(ascii: "|"))
        while let pair = pairs.next() {
            let p = pair.lowerBound + r.lowerBound, end = pair.upperBound + r.lowerBound
            guard end - p >= 2 else { continue }
            if b[p + 1] == UInt8(ascii: "=") {
                switch b[p] {
                case UInt8(ascii: "t"): time = (p + 2)..<end
                case UInt8(ascii: "c"): chip = (p + 2)..<end
                case UInt8(ascii: "d"): date = (p + 2)..<end
                default: break
                }
            }
        }
        guard let chip, !chip.isEmpty else { return .malformed(reason: "passing has no chip (c=)") }
        guard let time else { return .malformed(reason: "passing has no time (t=)") }
        let parsedTime = ClockField.parse(b, time)
        guard case .time(let ms) = parsedTime else { return .malformed(reason: ClockField.reason(parsedTime, b, time)) }
        var day: CivilDate?
        if let date {
            guard date.count == 6, let d = ClockField.yymmdd(b, date.lowerBound) else {
                return .malformed(reason: "date \(ASCII.quoted(b, date)) is not a valid YYMMDD date")
            }
            day = d
        }
        return .read(RawRead(chip: ASCII.chip(b, chip), date: day, timeOfDay: ms, format: .mylaps))
    }

    /// Where the message starts: after a logged `... message: `, else at the start.
    private static func bodyStart(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard b.count >= messagePrefix.count else { return 0 }
        for i in 0...(b.count - messagePrefix.count)
        where b[i] == ASCII.space && ASCII.hasPrefix(b, messagePrefix, from: i) {
            let end = i + messagePrefix.count
            return end < b.count && b[end] == ASCII.space ? end + 1 : end
        }
        return 0
    }

    private static func passing(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> ParsedLine {
        let line = UnsafeBufferPointer(rebasing: b[r])
        guard let start = timeStart(line) else {
            return .malformed(reason: "passing \(ASCII.quoted(b, r)) is not chip, time, ...")
        }
        let chip = 0..<start
        let timeEnd = start + timeLength
        let parsedTime = ClockField.parse(line, start..<timeEnd)
        guard case .time(let time) = parsedTime else {
            return .malformed(reason: ClockField.reason(parsedTime, line, start..<timeEnd))
        }
        // Device and reader, then a count right-aligned in three columns that runs
        // into the passing number, date and check: read from the end.
        let n = line.count
        guard n >= timeEnd + 5 + 3 + 12 else {
            return .malformed(reason: "passing has no count, passing number, date and check after the time")
        }
        let stated = ASCII.hex(line, n - 2, 2)
        let computed = ASCII.byteSum(line, 0..<(n - 2))
        guard stated == computed else {
            return .malformed(
                reason:
                    "check mismatch: line says \(ASCII.string(line, (n - 2)..<n)), computed \(ASCII.hex2(computed).uppercased())"
            )
        }
        guard let date = ClockField.yymmdd(line, n - 8) else {
            return .malformed(reason: "date \(ASCII.string(line, (n - 8)..<(n - 2))) is not a valid YYMMDD date")
        }
        let number = ASCII.hex(line, n - 12, 4)
        guard number >= 0 else {
            return .malformed(reason: "passing number \(ASCII.quoted(line, (n - 12)..<(n - 8))) is not hex")
        }
        return .read(
            RawRead(
                chip: ASCII.chip(line, chip), date: date,
                timeOfDay: time, sequence: number, format: .mylaps))
    }
}
