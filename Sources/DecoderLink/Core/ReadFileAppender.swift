import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Appends passings to one read file: each batch is written at once (so the
/// live tailer sees it) and made durable by `sync()`, which the capture's
/// `FileSyncer` calls at least every 100 ms while there is something to sync,
/// and at once when someone waits for it (`whenDurable`).
public final class ReadFileAppender: Sendable {
    public let path: String
    private let fd: Int32

    /// Batches are counted as written and as synced; a waiter waits for the count written when it asked.
    private struct Progress {
        var written = 0
        var synced = 0
        var waiting: [(batch: Int, then: @Sendable () -> Void)] = []
        var wakeSyncer: (@Sendable () -> Void)?
    }
    private let progress = Mutex(Progress())

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
        progress.withLock { $0.written += 1 }
    }

    /// fsync if anything was written since the last call; then runs whatever waited for it.
    public func sync() {
        let (target, synced) = progress.withLock { ($0.written, $0.synced) }
        if target > synced { fsync(fd) }
        let ready = progress.withLock { p -> [@Sendable () -> Void] in
            p.synced = max(p.synced, target)
            let synced = p.synced
            defer { p.waiting.removeAll { $0.batch <= synced } }
            return p.waiting.filter { $0.batch <= synced }.map(\.then)
        }
        for then in ready { then() }
    }

    /// Runs `then` once everything appended so far is fsync'd: at once if it
    /// is, else on the syncer's thread right after its next sync.
    func whenDurable(_ then: @escaping @Sendable () -> Void) {
        let (queued, wakeSyncer) = progress.withLock { p -> (Bool, (@Sendable () -> Void)?) in
            guard p.written > p.synced else { return (false, nil) }
            p.waiting.append((p.written, then))
            return (true, p.wakeSyncer)
        }
        guard queued else { return then() }
        // No syncer runs for this file: sync here.
        if let wakeSyncer { wakeSyncer() } else { sync() }
    }

    /// Called by the syncer that syncs this file, so a waiter need not wait for its next round.
    func syncedBy(wake: @escaping @Sendable () -> Void) { progress.withLock { $0.wakeSyncer = wake } }

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
