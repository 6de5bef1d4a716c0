import RaceModel

/// Recognises one line of a read file on its own, so a file may mix formats.
public enum ReadLineParser {
    /// The hot path: called once per line of every read file.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        let parsed = recognise(bytes)
        // A "chip" hundreds of characters long is not one, and would be
        // echoed whole in every report of it as an unknown chip.
        if case .read(let read) = parsed, read.code.utf8.count > ReadLimits.maxCodeBytes {
            return .malformed(reason: "chip or bib is \(read.code.utf8.count) characters long; at most \(ReadLimits.maxCodeBytes)")
        }
        return parsed
    }

    private static func recognise(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine {
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
            return RaceResultParser.parse(UnsafeBufferPointer(rebasing: line[3...]))
        }
        if CTP01Parser.looksLikeCTP01(line) { return CTP01Parser.parse(line) }
        if IPICOParser.looksLikeIPICO(line) { return IPICOParser.parse(line) }
        if RaceResultParser.looksLikePassing(line) { return RaceResultParser.parse(line) }
        for byte in line where byte == ASCII.comma { return ManualParser.parse(line) }
        return .malformed(reason: "not a known read format")
    }

    public static func parse(_ line: Substring) -> ParsedLine {
        if let parsed = line.utf8.withContiguousStorageIfAvailable({ parse($0) }) { return parsed }
        var copy = String(line)
        return copy.withUTF8 { parse($0) }
    }

    public static func parse(_ line: String) -> ParsedLine {
        var line = line
        return line.withUTF8 { parse($0) }
    }
}
