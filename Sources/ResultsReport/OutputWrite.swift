#if canImport(Glibc)
import Glibc
#endif

/// A report that could not be written whole: a full disk, a closed file.
/// The command says so and fails, so an official is never left holding a
/// results file cut short by a command that exited 0.
public struct OutputWriteError: Error, CustomStringConvertible {
    public let errno: Int32
    public init(errno: Int32) { self.errno = errno }
    public var description: String { "cannot write the output: \(String(cString: strerror(errno)))" }
}

/// Writes every byte of `bytes` to `fd`, as many calls as it takes; the
/// error of the first call that fails.
func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) throws(OutputWriteError) {
    guard let base = bytes.baseAddress else { return }
    var done = 0
    while done < bytes.count {
        let n = write(fd, base + done, bytes.count - done)
        if n > 0 {
            done += n
        } else if n < 0 && errno == EINTR {
            continue
        } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
            // Standard output left non-blocking by whoever opened it: wait until it takes more.
            var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&ready, 1, -1)
        } else {
            // A write of 0 bytes to a regular file means no room is left.
            throw OutputWriteError(errno: n < 0 ? errno : ENOSPC)
        }
    }
}

/// Standard output of a headless command, written whole or failed.
public enum StandardOutput {
    /// `text` written to standard output, after whatever stdio holds for it.
    public static func write(_ text: String) throws(OutputWriteError) {
        try flush()
        var text = text
        let written = text.withUTF8 { bytes in
            Result { () throws(OutputWriteError) in try writeAll(UnsafeRawBufferPointer(bytes), to: STDOUT_FILENO) }
        }
        try written.get()
    }

    /// What stdio holds for any stream written, or the error that stopped it.
    public static func flush() throws(OutputWriteError) {
        if fflush(nil) != 0 { throw OutputWriteError(errno: errno) }
    }
}
