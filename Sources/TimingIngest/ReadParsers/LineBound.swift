#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ReadFileScanner {
    /// At least as many lines as `forEachLine` finds in the file at `path`
    /// now: its line ends ("\n", "\r\n", a lone "\r") and one more for a
    /// last line without an end. A pair cut by a block counts twice; a file
    /// that cannot be read has none.
    static func lineBound(ofFileAt path: String, blockSize: Int = 64 << 10) -> Int {
        guard let (fd, _) = try? openRegularFile(path) else { return 0 }
        defer { close(fd) }
        var ends = 0
        // On the stack: these pages are touched already, and a fresh buffer per file would fault in again.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: blockSize) { buffer in
            guard let base = buffer.baseAddress else { return }
            while true {
                let n = read(fd, base, buffer.count)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                ends += lineEnds(UnsafeBufferPointer(start: base, count: n))
            }
        }
        return ends + 1
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
