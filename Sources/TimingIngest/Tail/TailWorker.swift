#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loop of a tailer's thread: catch up on every file, then sleep in
/// poll() until inotify, the clock (for files that need timed checks) or a
/// stop request wakes it, and bring the files concerned up to date.
final class TailWorker {
    private let files: [TailedFile]
    private let folders: [(folder: String, name: String)]
    private let mode: TailMode
    private let interval: Duration
    private let control: TailControl
    private let output: TailOutput
    private let clock = ContinuousClock()
    #if os(Linux)
    private let watcher: InotifyWatcher?
    private var onNetworkFileSystem: Set<Int> = []
    #endif

    init(
        paths: [String], mode: TailMode, interval: Duration, rotatedGrace: Duration,
        control: TailControl, channel: TailChannel
    ) {
        files = paths.enumerated().map { TailedFile(index: $0.offset, path: $0.element, rotatedGrace: rotatedGrace) }
        folders = paths.map(Self.split)
        self.mode = mode
        self.interval = max(interval, .milliseconds(1))
        self.control = control
        output = TailOutput(channel: channel)
        #if os(Linux)
        watcher = mode == .polling ? nil : InotifyWatcher()
        #endif
    }

    func run() {
        defer {
            for file in files { file.close() }
            #if os(Linux)
            // Closed here, not in a deinit: every descriptor must be closed
            // before the tailer hears that the thread has ended.
            watcher?.close()
            #endif
            control.threadDidEnd()
        }
        watchFolders()
        // Catch-up, file by file, in the order given.
        for index in files.indices {
            guard !control.isStopRequested, sync(index) else { return }
        }
        var nextTick = clock.now.advanced(by: interval)
        while !control.isStopRequested {
            let timed = filesOnTheClock()
            let rotatedDue = files.compactMap(\.rotatedDeadline).min()
            let deadline = [timed.isEmpty ? nil : nextTick, rotatedDue].compactMap { $0 }.min()
            let inotifyReady = wait(until: deadline)
            if control.isStopRequested { return }
            var changed = Set<Int>()
            #if os(Linux)
            if inotifyReady, let watcher {
                var rotatedClosed = Set<Int>()
                watcher.collect(into: &changed, rotatedClosed: &rotatedClosed, fileCount: files.count)
                for index in rotatedClosed { files[index].rotatedWriterClosed() }
            }
            #endif
            let now = clock.now
            for index in files.indices where files[index].rotatedDeadline.map({ $0 <= now }) == true {
                changed.insert(index)
            }
            if clock.now >= nextTick {
                changed.formUnion(watchFolders())
                changed.formUnion(timed)
                nextTick = clock.now.advanced(by: interval)
            }
            for index in changed.sorted() {
                guard sync(index) else { return }
            }
        }
    }

    private func sync(_ index: Int) -> Bool {
        let file = files[index]
        var before = file.descriptor
        let rotatedBefore = file.rotated?.descriptor
        guard file.sync(output) else { return false }
        #if os(Linux)
        guard let watcher else { return true }
        // A newly opened file gets its own watch; what was written between the
        // read and the watch raised no event on it, hence one more read.
        for _ in 0..<4 where file.descriptor != before {
            watcher.unwatchFile(index)
            guard file.descriptor >= 0 else { break }
            watcher.watchFile(index, openAs: file.descriptor)
            before = file.descriptor
            guard file.sync(output) else { return false }
        }
        // The same for a file just rotated away (after the new file's watch).
        if file.rotated?.descriptor != rotatedBefore {
            watcher.unwatchRotated(index)
            if let rotated = file.rotated {
                watcher.watchRotated(index, openAs: rotated.descriptor)
                guard file.sync(output) else { return false }
            }
        }
        #endif
        return true
    }

    /// Places the missing folder watches; returns the files that got one
    /// (their folder may have just been created, so they need a look).
    @discardableResult
    private func watchFolders() -> [Int] {
        #if os(Linux)
        guard let watcher else { return [] }
        var placed: [Int] = []
        for index in files.indices where !watcher.hasFolderWatch(index) {
            let (folder, name) = folders[index]
            guard watcher.watchFolder(folder, name: name, file: index) else { continue }
            placed.append(index)
            if mode == .automatic && NetworkFileSystem.contains(folder) {
                onNetworkFileSystem.insert(index)
            } else {
                onNetworkFileSystem.remove(index)
            }
        }
        return placed
        #else
        return []
        #endif
    }

    /// Files that inotify cannot be trusted with: all of them without inotify,
    /// else those whose folder has no watch, those on network file systems,
    /// and unreadable ones (a fixed permission on a parent folder raises no
    /// event for the file).
    private func filesOnTheClock() -> [Int] {
        #if os(Linux)
        guard let watcher else { return Array(files.indices) }
        return files.indices.filter {
            !watcher.hasFolderWatch($0) || onNetworkFileSystem.contains($0) || files[$0].isUnreadable
        }
        #else
        return Array(files.indices)
        #endif
    }

    /// Blocks in poll() until a descriptor is ready or `deadline` passes
    /// (nil: no deadline, for when inotify covers every file). Returns whether
    /// inotify has events to read.
    private func wait(until deadline: ContinuousClock.Instant?) -> Bool {
        var descriptors: [pollfd] = []
        if control.wakeReadEnd >= 0 {
            descriptors.append(pollfd(fd: control.wakeReadEnd, events: Int16(POLLIN), revents: 0))
        }
        #if os(Linux)
        if let watcher {
            descriptors.append(pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0))
        }
        #endif
        var timeout = deadline.map { Self.milliseconds(until: $0, from: clock.now) } ?? -1
        if control.wakeReadEnd < 0 {
            // No wake pipe: look at the stop flag now and then.
            timeout = timeout < 0 ? 100 : min(timeout, 100)
        }
        var ready: Int32
        repeat {
            ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
        } while ready < 0 && errno == EINTR
        guard ready > 0 else { return false }
        var inotify = false
        for entry in descriptors where entry.revents != 0 {
            if entry.fd == control.wakeReadEnd {
                control.drainWakeups()
            } else {
                inotify = true
            }
        }
        return inotify
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant, from now: ContinuousClock.Instant)
        -> Int32
    {
        guard deadline > now else { return 0 }
        let (seconds, attoseconds) = (deadline - now).components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: millis)
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }
}
