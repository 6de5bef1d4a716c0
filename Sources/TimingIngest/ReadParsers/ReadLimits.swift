import RaceModel

/// What a read file may hold. Every known format writes lines under 100
/// bytes, so anything much longer is not a read (a binary or foreign file
/// named by mistake); it is rejected as one line and only its start is kept.
public enum ReadLimits {
    /// Longer lines are rejected whole, however long they run.
    public static let maxLineBytes = 4096
    /// Of a rejected line, only this much is kept and shown: enough to see
    /// what it is, never a whole foreign line.
    public static let shownBytes = 100
    /// Chip codes and bibs are a dozen characters or so in every format.
    public static let maxCodeBytes = ChipCode.maxReadBytes

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The text kept of a rejected line: at most `shownBytes`, cut at a
    /// character boundary and marked with "…" when cut.
    public static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > shownBytes else { return String(decoding: bytes, as: UTF8.self) }
        var end = shownBytes
        // Back up over continuation bytes so no character is split.
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self) + "…"
    }

    public static func shown(_ text: String) -> String {
        guard text.utf8.count > shownBytes else { return text }
        var copy = text
        return copy.withUTF8 { shown($0) }
    }

    public static func tooLongReason(bytes: Int) -> String {
        "line is \(bytes) bytes long; read lines are at most \(maxLineBytes) bytes"
    }

    /// How a read file over `[limits] lines_per_file` is refused.
    public static func tooManyLinesReason(limit: Int) -> String {
        "has more than \(limit) lines (limits.lines_per_file = \(limit) in event.toml)"
    }
}
