import RaceModel

/// A line a decoder never finished, with its next line written straight
/// after it: the power failed mid-line, or a forwarder lost its connection
/// and wrote the resumed stream on. Read as one line, the first read's
/// fields took the second's as extra fields it ignores: the first read was
/// used though any of its fields might have been cut, and the second was
/// lost. Only formats whose every line starts with a header no field holds
/// (CTP01 `CT01_`, a RACE RESULT pushed passing `#P;`) show where the next
/// line starts.
enum CutLine {
    /// Where the next line starts inside `line` (an offset into it), when
    /// the line starts with a header and holds that header again; nil
    /// otherwise. `format`: the file's pinned format, if any.
    static func nextStart(in line: UnsafeBufferPointer<UInt8>, format: ReadFormat?) -> Int? {
        guard let base = line.baseAddress else { return nil }
        var start = 0
        while start < line.count, ASCII.isBlank(base[start]) { start += 1 }
        guard line.count - start >= 5 else { return nil }
        // Looked at as a word: this runs on every line of a CTP01 or pushed-passing file.
        let head = UInt32(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt32.self))
        if head == ctp01Head && base[start + 4] == UInt8(ascii: "_") && (format == nil || format == .ctp01) {
            // The header's `_` is the only one in a CTP01 line: any other follows a new header.
            return next(marker: UInt8(ascii: "_"), before: 4, in: line, from: start + 5) { at in
                UInt32(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt32.self)) == ctp01Head
            }
        }
        if head & 0xFF_FFFF == pushedHead && (format == nil || format == .raceResult) {
            return next(marker: ASCII.hash, before: 0, in: line, from: start + 1) { at in
                at + 3 <= line.count && base[at + 1] == UInt8(ascii: "P") && base[at + 2] == ASCII.semicolon
            }
        }
        return nil
    }

    /// "CT01" and "#P;" as the little-endian words a line starts with.
    private static let ctp01Head: UInt32 = 0x3130_5443
    private static let pushedHead: UInt32 = 0x3B_5023

    /// Why the part of a line before `nextStart` is not a read.
    static func reason(cutAt offset: Int) -> String {
        "line cut short: a new line starts at byte \(offset + 1), with no line end before it"
    }

    /// The start of the first header whose marker byte (`before` bytes
    /// into it) is at or after `from`, and whose other bytes `isHeader` finds.
    private static func next(
        marker: UInt8, before: Int, in line: UnsafeBufferPointer<UInt8>, from: Int, isHeader: (Int) -> Bool
    ) -> Int? {
        guard let base = line.baseAddress else { return nil }
        var at = ReadFileScanner.next(marker, in: base, from: from, to: line.count)
        while at < line.count {
            if at - before > 0 && isHeader(at - before) { return at - before }
            at = ReadFileScanner.next(marker, in: base, from: at + 1, to: line.count)
        }
        return nil
    }
}
