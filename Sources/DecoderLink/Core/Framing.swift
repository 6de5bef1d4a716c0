/// How a protocol's byte stream is cut into messages. Pure, so the framing of
/// each protocol is tested without a connection.
enum Framing: Sendable, Equatable {
    /// Lines ending at LF; a CR before the LF is not part of the line.
    case lines
    /// MYLAPS Exchange: a message ends with its `$` (kept), not at a newline.
    /// CR, LF and NUL bytes are never part of a message: Timing & Scoring pads
    /// with NULs (seen in a real log) and peers may end a message with CRLF.
    case dollar

    /// The first whole message in `bytes`: its text and the index after its
    /// end; nil while it is unfinished.
    func firstMessage<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes) -> (text: String, end: Int)?
    where Bytes.Index == Int {
        switch self {
        case .lines:
            guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            var end = newline
            if end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return (String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self), newline + 1)
        case .dollar:
            guard let dollar = bytes.firstIndex(of: UInt8(ascii: "$")) else { return nil }
            let kept = bytes[bytes.startIndex...dollar].filter { !Self.padding.contains($0) }
            return (String(decoding: kept, as: UTF8.self), dollar + 1)
        }
    }

    private static let padding: [UInt8] = [0, UInt8(ascii: "\r"), UInt8(ascii: "\n")]

    /// What follows each message sent: MYLAPS messages end with their own `$`
    /// (racemap's forwarder sends nothing after it either).
    var sentAfterMessage: String {
        switch self {
        case .lines: "\r\n"
        case .dollar: ""
        }
    }

    /// What ends a message, for error messages.
    var end: String {
        switch self {
        case .lines: "a newline"
        case .dollar: "its `$`"
        }
    }
}
