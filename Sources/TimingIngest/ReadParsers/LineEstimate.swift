#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ReadFileScanner {
    /// About as many lines as the file at `path` has, to make room for
    /// its reads before it is parsed: the line ends ("\n", "\r\n", a lone
    /// "\r") of its first block counted, and the rest of the file taken to
    /// have lines as long, with an eighth more; exact for a file of one
    /// block, plus one for a last line without an end. A file that cannot
    /// be read has none. Reading every file through first to count its
    /// lines held up a big load's parsing for 10 ms; a file whose lines
    /// outgrow the estimate has its last reads joined the slow way.
    static func lineEstimate(ofFileAt path: String, blockSize: Int = 64 << 10) -> Int {
        guard let (fd, size) = try? openRegularFile(path) else { return 0 }
        defer { close(fd) }
        // On the stack: these pages are touched already, and a fresh buffer per file would fault in again.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: blockSize) { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var filled = 0
            while filled < buffer.count {
                let n = read(fd, base + filled, buffer.count - filled)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                filled += n
            }
            let ends = lineEnds(UnsafeBufferPointer(start: base, count: filled))
            guard filled == buffer.count, size > filled else { return ends + 1 }
            let rest = Double(size - filled) * Double(ends) / Double(filled) * 1.125
            return ends + 1 + Int(rest.rounded(.up))
        }
    }

    /// "\n" and "\r" less "\r\n", each found by memchr: a byte at a time,
    /// counting took longer than the parsing it makes room for.
    static func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        let count = bytes.count
        var ends = 0
        for byte in [ASCII.newline, ASCII.carriageReturn] {
            var at = next(byte, in: base, from: 0, to: count)
            while at < count {
                if byte == ASCII.newline || at + 1 == count || base[at + 1] != ASCII.newline { ends += 1 }
                at = next(byte, in: base, from: at + 1, to: count)
            }
        }
        return ends
    }
}
