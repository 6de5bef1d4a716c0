#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        var start = 0
        while start < line.count, ASCII.isBlank(line[start]) { start += 1 }
        if format == nil || format == .ctp01, ASCII.hasPrefix(line, CTP01Parser.prefix, from: start) {
            // The header's `_` is the only one in a CTP01 line: any other follows a new header.
            return next(
                of: CTP01Parser.prefix, marker: UInt8(ascii: "_"), in: line, from: start + CTP01Parser.prefix.count)
        }
        if format == nil || format == .raceResult, ASCII.hasPrefix(line, pushedPassing, from: start) {
            return next(of: pushedPassing, marker: ASCII.hash, in: line, from: start + 1)
        }
        return nil
    }

    /// Why the part of a line before `nextStart` is not a read.
    static func reason(cutAt offset: Int) -> String {
        "line cut short: a new line starts at byte \(offset + 1), with no line end before it"
    }

    static let pushedPassing: [UInt8] = Array("#P;".utf8)

    /// The start of the first `header` whose `marker` byte is at or after `from`.
    private static func next(
        of header: [UInt8], marker: UInt8, in line: UnsafeBufferPointer<UInt8>, from: Int
    ) -> Int? {
        guard let base = line.baseAddress else { return nil }
        let markerOffset = header.firstIndex(of: marker)!
        var i = from
        while i < line.count, let hit = memchr(base + i, Int32(marker), line.count - i) {
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            let start = at - markerOffset
            if start > 0 && ASCII.hasPrefix(line, header, from: start) { return start }
            i = at + 1
        }
        return nil
    }
}
