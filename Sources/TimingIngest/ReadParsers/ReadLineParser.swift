import RaceModel

/// Recognises one line of a read file on its own, so a file may mix formats.
public enum ReadLineParser {
    /// Formats in the order they are tried: the most particular shapes first,
    /// so a line two formats could read goes to the one it most looks like.
    static let order: [ReadFormat] = [
        .ctp01, .chronotrackController, .ipico, .mylaps, .wiclax, .raceResult, .rfidTiming, .manual,
    ]

    /// The hot path: called once per line of every read file. With `format`
    /// (pinned in `event.toml`) only that format is tried; otherwise each
    /// format whose shape the line has, in `order`, until one reads it. A line
    /// none can read is rejected with the reason of the first format tried,
    /// named, so the message says what the line was taken for.
    ///
    /// Built into its caller with `recognise`: a parsed line returned through
    /// each call was copied again, its small fields stored a byte at a time
    /// and loaded as one word, a stall on every line of a big race.
    @inline(__always)
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, as format: ReadFormat? = nil) -> ParsedLine {
        let parsed = recognise(bytes, as: format)
        // A "chip" hundreds of characters long is not one, and would be
        // echoed whole in every report of it as an unknown chip.
        // No array for the one read of nearly every line: this runs a million times for a big race.
        let long: RawRead?
        switch parsed {
        case .read(let read): long = read.chip.count > ReadLimits.maxCodeBytes ? read : nil
        case .reads(let reads): long = reads.first { $0.chip.count > ReadLimits.maxCodeBytes }
        default: long = nil
        }
        if let long {
            return .malformed(
                reason: "chip or bib is \(long.chip.count) characters long; at most \(ReadLimits.maxCodeBytes)")
        }
        return parsed
    }

    @inline(__always)
    private static func recognise(_ bytes: UnsafeBufferPointer<UInt8>, as format: ReadFormat?) -> ParsedLine {
        // Trailing blanks and "\r" come from CRLF files and hand editing, never from a field.
        var end = bytes.count
        while end > 0, bytes[end - 1] == ASCII.carriageReturn || ASCII.isBlank(bytes[end - 1]) { end -= 1 }
        var start = 0
        while start < end, ASCII.isBlank(bytes[start]) { start += 1 }
        if start == end { return .ignored }
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])

        if line[0] == ASCII.hash {
            guard line.count >= 3, line[1] == UInt8(ascii: "P"), line[2] == ASCII.semicolon else { return .ignored }
            // A pushed passing is a passing whatever follows, so its faults are reported as such.
            return named(.raceResult, RaceResultParser.parse(UnsafeBufferPointer(rebasing: line[3...])))
        }
        if let format { return named(format, parse(line, format)) }
        // An IPICO line that parses is hex digits after its `aa` or `ab`: no
        // format before IPICO in `order` takes such a line, and the chain
        // would give it to IPICO. Read at once, it skips the chain's look for
        // separators, which was most of the chain's cost on an IPICO file.
        if IPICOParser.startsLikeIPICO(line) {
            let parsed = IPICOParser.parse(line)
            if case .malformed = parsed {} else { return parsed }
        }
        // The same for a RACE RESULT passing without `#P;` (a number, then
        // `;`) that holds no `,` `@` space or NUL: the formats before it need
        // a `CT01_`, `TO~`, `aa` or `ab` start, a comma, one of those three,
        // a chip of letters and digits before a `:`, or a space.
        if ASCII.isDigit(line[0]), RaceResultParser.looksLikePassing(line), !holdsCommaAtSpaceOrNUL(line) {
            let parsed = RaceResultParser.parse(line)
            if case .malformed = parsed {} else { return parsed }
        }
        return chain(line)
    }

    /// One pass, no branch a byte: `LineShape`'s table lookups do not
    /// vectorize, and on a file of such passings this loop took half their time.
    private static func holdsCommaAtSpaceOrNUL(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var hit: UInt8 = 0
        for byte in line {
            hit |=
                (byte == ASCII.comma ? 1 : 0) | (byte == ASCII.at ? 1 : 0) | (byte == ASCII.space ? 1 : 0)
                | (byte == 0 ? 1 : 0)
        }
        return hit != 0
    }

    /// Each format whose shape the line has, in `order`, until one reads it.
    static func chain(_ line: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        var firstFailure: ParsedLine?
        var shape: LineShape?
        for candidate in order where canRead(candidate, line, shape: &shape) {
            let parsed = named(candidate, parse(line, candidate, shapeChecked: true))
            guard case .malformed = parsed else { return parsed }
            if firstFailure == nil { firstFailure = parsed }
        }
        return firstFailure ?? .malformed(reason: "not a known read format")
    }

    /// Whether the line has the shape of the format (cheap; the parser checks
    /// the rest). `shape`: the line's separators, found when first needed and
    /// kept for the next format; a format whose shape needs a separator the
    /// line lacks is not looked at closer.
    static func canRead(_ format: ReadFormat, _ line: UnsafeBufferPointer<UInt8>, shape: inout LineShape?) -> Bool {
        switch format {
        case .ctp01: return CTP01Parser.looksLikeCTP01(line)
        case .chronotrackController:
            return ChronoTrackControllerParser.looksLikeObservation(line)
                || (LineShape.of(line, &shape).contains(.comma) && ChronoTrackControllerParser.looksLikeMarker(line))
        case .ipico:
            return IPICOParser.startsLikeIPICO(line)
                && LineShape.of(line, &shape).isDisjoint(with: IPICOParser.foreignSeparators)
        case .mylaps:
            let found = LineShape.of(line, &shape)
            // A message needs an `@`, or a log prefix (a space) or NULs before it; a passing a `:`.
            return (!found.isDisjoint(with: [.at, .space, .nul]) && MYLAPSParser.looksLikeMessage(line))
                || (found.contains(.colon) && MYLAPSParser.looksLikePassing(line))
        case .wiclax: return LineShape.of(line, &shape).contains(.semicolon) && WiclaxParser.looksLikeWiclax(line)
        case .raceResult:
            return LineShape.of(line, &shape).contains(.semicolon)
                && (RaceResultParser.looksLikePassing(line) || RaceResultParser.looksLikeReply(line))
        case .rfidTiming:
            return LineShape.of(line, &shape).contains(.comma) && RFIDTimingParser.looksLikeRFIDTiming(line)
        case .manual: return LineShape.of(line, &shape).contains(.comma)
        }
    }

    /// `shapeChecked`: `canRead` already said the line has the format's shape
    /// (an IPICO line is then not scanned for separators a second time).
    static func parse(_ line: UnsafeBufferPointer<UInt8>, _ format: ReadFormat, shapeChecked: Bool = false)
        -> ParsedLine
    {
        switch format {
        case .ctp01: return CTP01Parser.parse(line)
        case .chronotrackController: return ChronoTrackControllerParser.parse(line)
        case .ipico:
            return shapeChecked || IPICOParser.looksLikeIPICO(line)
                ? IPICOParser.parse(line)
                : .malformed(reason: "line does not start with aa or ab, or holds a separator")
        case .mylaps: return MYLAPSParser.parse(line)
        case .wiclax: return WiclaxParser.parse(line)
        case .raceResult: return RaceResultParser.parse(line)
        case .rfidTiming: return RFIDTimingParser.parse(line)
        case .manual: return ManualParser.parse(line)
        }
    }

    private static func named(_ format: ReadFormat, _ parsed: ParsedLine) -> ParsedLine {
        guard case .malformed(let reason) = parsed else { return parsed }
        return .malformed(reason: "\(format.label): \(reason)")
    }

    public static func parse(_ line: Substring, as format: ReadFormat? = nil) -> ParsedLine {
        if let parsed = line.utf8.withContiguousStorageIfAvailable({ parse($0, as: format) }) { return parsed }
        var copy = String(line)
        return copy.withUTF8 { parse($0, as: format) }
    }

    public static func parse(_ line: String, as format: ReadFormat? = nil) -> ParsedLine {
        var line = line
        return line.withUTF8 { parse($0, as: format) }
    }
}
