#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path or descriptor names: a new file at the same path has a
/// new identity, a truncated or appended one keeps it.
public struct FileIdentity: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(_ info: stat) {
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
    }
}

/// Thin, errno-aware wrappers over the few system calls the tailer needs.
enum SystemFile {
    enum Status {
        case present(stat)
        /// The path (or a folder on it) does not exist.
        case missing
        case failed(reason: String)
    }

    static func status(ofPath path: String) -> Status {
        var info = stat()
        if stat(path, &info) == 0 { return .present(info) }
        let code = errno
        return code == ENOENT || code == ENOTDIR ? .missing : .failed(reason: systemErrorText(code))
    }

    static func status(ofDescriptor fd: Int32) -> stat? {
        var info = stat()
        return fstat(fd, &info) == 0 ? info : nil
    }

    static func isRegularFile(_ info: stat) -> Bool {
        (info.st_mode & S_IFMT) == S_IFREG
    }

    static func isDirectory(_ info: stat) -> Bool {
        (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Reads at an explicit offset, so truncation never depends on the
    /// descriptor's own position. Returns the byte count, 0 at end of file,
    /// or the errno.
    static func read(
        _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int
    ) -> Result<Int, SystemError> {
        while true {
            let count = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return .success(count) }
            if errno != EINTR { return .failure(SystemError(code: errno)) }
        }
    }

    static func release(_ fd: Int32) {
        // No retry on EINTR: Linux has released the descriptor either way, and
        // a second close could hit one another thread just opened.
        _ = close(fd)
    }

}

struct SystemError: Error {
    var code: Int32
    var reason: String { systemErrorText(code) }
}
