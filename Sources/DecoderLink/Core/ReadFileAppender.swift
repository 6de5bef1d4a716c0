import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Appends passings to one read file: each batch is written at once (so the
/// live tailer sees it) and made durable by `sync()`, which the capture's
/// `FileSyncer` calls at least every 100 ms while there is something to sync.
public final class ReadFileAppender: Sendable {
    public let path: String
    private let fd: Int32
    private let dirty = Mutex(false)

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Opens (creating it and its folder if needed) for appending. A file whose
    /// last line was cut off (a power cut mid-write) gets a newline first, so the
    /// cut line stays a line of its own, rejected by `check`, and the next passing is whole.
    public init(path: String) throws(Failure) {
        self.path = path
        Self.makeParentFolders(of: path)
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Failure(description: "cannot open \(path) for appending: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        var last: UInt8 = 0
        let size = lseek(fd, 0, SEEK_END)
        if size > 0, pread(fd, &last, 1, size - 1) == 1, last != UInt8(ascii: "\n") {
            try writeAll(Array("\n".utf8))
        }
    }

    deinit { close(fd) }

    /// Writes the lines, each ending in a newline, in one go.
    public func append(_ lines: [String]) throws(Failure) {
        guard !lines.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            bytes.append(contentsOf: line.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        try writeAll(bytes)
        dirty.withLock { $0 = true }
    }

    /// fsync if anything was written since the last call.
    public func sync() {
        let wasDirty = dirty.withLock { d -> Bool in
            defer { d = false }
            return d
        }
        if wasDirty { fsync(fd) }
    }

    private func writeAll(_ bytes: [UInt8]) throws(Failure) {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                throw Failure(description: "cannot append to \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    private static func makeParentFolders(of path: String) {
        var prefix = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: false).dropLast() {
            prefix += part.isEmpty ? "" : String(part)
            if !prefix.isEmpty { mkdir(prefix, 0o755) }
            prefix += "/"
        }
    }
}
