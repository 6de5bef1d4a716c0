/// Cuts a byte stream into lines, holding an unterminated tail until its end
/// arrives, so a line the writer put down in two pieces is delivered once,
/// whole. Lines end at "\n", "\r\n" or a lone "\r" (Wiclax files end lines
/// with CR only).
///
/// A line longer than `ReadLimits.maxLineBytes` is not a read line (a binary
/// file named by mistake): only its start is kept, the rest is skipped up to
/// its newline, and it comes out as one unusable line, so memory stays
/// bounded whatever the file holds. A tail whose content ends before its
/// newline (truncation, rotation, deletion) is unusable too, never a line.
struct LineSplitter {
    enum Piece: Equatable {
        case line(String)
        case unusable(text: String, reason: String)
    }

    private var held: [UInt8] = []
    /// Bytes of the current line beyond what is held, once it is over the limit.
    private var skipped = 0
    /// The first line of a file's content may start with a UTF-8 byte order
    /// mark (Windows timing software writes one); it is not part of the line.
    private var atStartOfContent = true
    /// The last chunk ended in "\r": a "\n" opening the next one belongs to it.
    private var afterCarriageReturn = false

    /// The bytes that follow start a new content (a new file, or a file that
    /// was truncated). Call `flush` first if the held tail should be reported.
    mutating func restart() {
        held.removeAll(keepingCapacity: true)
        skipped = 0
        atStartOfContent = true
        afterCarriageReturn = false
    }

    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ deliver: (Piece) -> Void) {
        let n = bytes.count
        guard n > 0 else { return }
        var start = 0
        // The "\n" of a "\r\n" split between two writes ends no second line.
        if afterCarriageReturn, bytes[0] == 0x0A { start = 1 }
        afterCarriageReturn = false
        var i = start
        while i < n {
            let c = bytes[i]
            guard c == 0x0A || c == 0x0D else {
                i += 1
                continue
            }
            let piece = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
            if held.isEmpty && skipped == 0 {
                Self.emit(piece, skipped: 0, &atStartOfContent, deliver)
            } else {
                hold(piece)
                held.withUnsafeBytes { Self.emit($0, skipped: skipped, &atStartOfContent, deliver) }
                held.removeAll(keepingCapacity: true)
                skipped = 0
            }
            if c == 0x0D {
                if i + 1 < n {
                    if bytes[i + 1] == 0x0A { i += 1 }
                } else {
                    afterCarriageReturn = true
                }
            }
            i += 1
            start = i
        }
        if start < n { hold(UnsafeRawBufferPointer(rebasing: bytes[start...])) }
    }

    /// The content the held tail belongs to has ended for good, without its
    /// newline: the tail is delivered as unusable, with `reason`.
    mutating func flush(reason: String, _ deliver: (Piece) -> Void) {
        guard !held.isEmpty || skipped > 0 else { return }
        let text = held.withUnsafeBytes { ReadLimits.shown($0.assumingMemoryBound(to: UInt8.self)) }
        deliver(.unusable(text: text, reason: reason))
        held.removeAll(keepingCapacity: true)
        skipped = 0
    }

    /// Holds bytes of an unfinished line, up to one byte past the limit (so
    /// an over-long line is known as such); the rest is only counted.
    private mutating func hold(_ bytes: UnsafeRawBufferPointer) {
        let room = max(0, ReadLimits.maxLineBytes + 1 - held.count)
        held.append(contentsOf: bytes.prefix(room))
        skipped += max(0, bytes.count - room)
    }

    private static func emit(
        _ raw: UnsafeRawBufferPointer, skipped: Int, _ atStartOfContent: inout Bool, _ deliver: (Piece) -> Void
    ) {
        var text = raw[...]
        if atStartOfContent {
            atStartOfContent = false
            if text.starts(with: ReadLimits.byteOrderMark) { text = text.dropFirst(3) }
        }
        let bytes = UnsafeRawBufferPointer(rebasing: text).assumingMemoryBound(to: UInt8.self)
        if bytes.count + skipped > ReadLimits.maxLineBytes {
            deliver(
                .unusable(text: ReadLimits.shown(bytes), reason: ReadLimits.tooLongReason(bytes: bytes.count + skipped))
            )
        } else {
            deliver(.line(String(decoding: bytes, as: UTF8.self)))
        }
    }
}
