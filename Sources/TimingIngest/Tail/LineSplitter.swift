#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a byte stream into lines, holding an unterminated tail until its "\n"
/// arrives, so a line the writer put down in two pieces is delivered once, whole.
struct LineSplitter {
    /// A "line" that grows past this without a newline is not a read line
    /// (a binary file named by mistake); it is cut here rather than held forever.
    static let maxHeldBytes = 1 << 20

    private var held: [UInt8] = []
    /// The first line of a file's content may start with a UTF-8 byte order
    /// mark (Windows timing software writes one); it is not part of the line.
    private var atStartOfContent = true
    /// The last chunk ended in "\r": a "\n" starting the next belongs to it.
    private var afterCarriageReturn = false

    var isHoldingPartialLine: Bool { !held.isEmpty }

    /// The bytes that follow start a new content (a new file, or a file that
    /// was truncated). Call `flush` first if the held tail should survive.
    mutating func restart() {
        held.removeAll(keepingCapacity: true)
        atStartOfContent = true
        afterCarriageReturn = false
    }

    /// Lines end at "\n", "\r\n" or a lone "\r" (Wiclax files end lines with CR only).
    mutating func feed(_ bytes: UnsafeRawBufferPointer, line: (String) -> Void) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        // Chunks of a file are plain bytes, so viewing them as UInt8 is always a valid binding.
        let p = base.assumingMemoryBound(to: UInt8.self)
        let n = bytes.count
        var start = 0
        // The "\n" of a "\r\n" split between two writes ends no second line.
        if afterCarriageReturn, p[0] == 0x0A { start = 1 }
        afterCarriageReturn = false
        var i = start
        while i < n {
            let c = p[i]
            if c == 0x0A || c == 0x0D {
                let piece = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
                if held.isEmpty {
                    Self.emit(piece, &atStartOfContent, line)
                } else {
                    held.append(contentsOf: piece)
                    held.withUnsafeBytes { Self.emit($0, &atStartOfContent, line) }
                    held.removeAll(keepingCapacity: true)
                }
                if c == 0x0D {
                    if i + 1 < n { if p[i + 1] == 0x0A { i += 1 } } else { afterCarriageReturn = true }
                }
                start = i + 1
            }
            i += 1
        }
        if start < n {
            held.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start...]))
            if held.count >= Self.maxHeldBytes { flush(line: line) }
        }
    }

    /// Delivers the held tail as a line: used when the content it belongs to
    /// has ended for good (the file was rotated, truncated or deleted).
    mutating func flush(line: (String) -> Void) {
        guard !held.isEmpty else { return }
        held.withUnsafeBytes { Self.emit($0, &atStartOfContent, line) }
        held.removeAll(keepingCapacity: true)
    }

    private static func emit(
        _ raw: UnsafeRawBufferPointer, _ atStartOfContent: inout Bool, _ line: (String) -> Void
    ) {
        var text = raw[...]
        if atStartOfContent {
            atStartOfContent = false
            if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        }
        if text.last == 0x0D { text = text.dropLast() }
        line(String(decoding: UnsafeRawBufferPointer(rebasing: text), as: UTF8.self))
    }
}
