#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a read file into lines without copying them.
public enum ReadFileScanner {
    /// Calls `body` with each line (1-based number, bytes without its end).
    /// A line ends at "\n", "\r\n", or a lone "\r" (Wiclax files end lines
    /// with CR only). A final line without an end is still a line; an empty
    /// buffer has none.
    public static func forEachLine(
        in data: UnsafeRawBufferPointer,
        _ body: (_ lineNumber: Int, _ line: UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        guard let base = data.baseAddress, data.count > 0 else { return }
        // Read files are plain bytes, so viewing them as UInt8 is always a valid binding.
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let count = data.count
        var start = 0
        var lineNumber = 0
        // The next "\n" at or after `start`, found once for many CR-ended lines,
        // and the next "\r", found once for a whole block of lines without one.
        var newline = -1
        var carriageReturn = -1
        while start < count {
            if newline < start { newline = next(ASCII.newline, in: bytes, from: start, to: count) }
            if carriageReturn < start { carriageReturn = next(ASCII.carriageReturn, in: bytes, from: start, to: count) }
            var end = newline
            var next = newline + 1
            if carriageReturn < newline {
                end = carriageReturn
                next = end + 1 == newline ? newline + 1 : end + 1
            }
            lineNumber += 1
            try body(lineNumber, UnsafeBufferPointer(start: bytes + start, count: end - start))
            start = next
        }
    }

    /// Where the first `byte` in `bytes[from..<to]` is, or `to`.
    @inline(__always)
    static func next(_ byte: UInt8, in bytes: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard let hit = memchr(bytes + from, Int32(byte), to - from) else { return to }
        return UnsafeRawPointer(bytes).distance(to: UnsafeRawPointer(hit))
    }

    /// The whole file's bytes. Reads until end of file rather than trusting the
    /// size from `fstat`, because a decoder may still be appending to it.
    ///
    /// Only regular files are read: a FIFO would block forever and a device
    /// like /dev/zero never ends. The open does not block (O_NONBLOCK), so a
    /// FIFO is refused at once. Past `maxBytes` the file is refused too.
    public static func readFile(atPath path: String, maxBytes: Int = .max) throws -> [UInt8] {
        let (fd, size) = try openRegularFile(path)
        defer { close(fd) }
        let expected = max(size, 0)
        if expected > maxBytes { throw ReadFileError(path: path, refusal: "is larger than \(maxBytes) bytes") }
        // One byte more than the size, so a file read whole is known to be at its end
        // only when `read` returns 0; the buffer is filled without zeroing it first.
        var failure: Int32 = 0
        var result = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n > 0 {
                    count += n
                } else if n == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if failure != 0 { throw ReadFileError(path: path, operation: .read, errno: failure) }
        guard result.count > expected else { return result }
        // The file grew while it was being read: take the rest in chunks.
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                result.append(contentsOf: chunk[0..<n])
                if result.count > maxBytes {
                    throw ReadFileError(path: path, refusal: "is larger than \(maxBytes) bytes")
                }
            } else if n == 0 {
                return result
            } else if errno != EINTR {
                throw ReadFileError(path: path, operation: .read, errno: errno)
            }
        }
    }

    /// The file opened for reading, and its size: without blocking (a FIFO
    /// is refused at once, not waited on), and only if it is a regular file.
    static func openRegularFile(_ path: String) throws(ReadFileError) -> (fd: Int32, size: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw ReadFileError(path: path, operation: .open, errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let error = ReadFileError(path: path, operation: .read, errno: errno)
            close(fd)
            throw error
        }
        if let refusal = ReadFileError.refusal(info) {
            close(fd)
            throw ReadFileError(path: path, refusal: refusal)
        }
        return (fd, Int(info.st_size))
    }
}
