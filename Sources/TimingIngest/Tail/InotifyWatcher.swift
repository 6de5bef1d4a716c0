#if os(Linux)
import Glibc

/// The inotify instance of one tailer. Its events are only hints of which
/// files may have changed: each such file is then stat-ed and read, so a
/// coalesced event costs nothing, and a queue overflow just marks every file.
///
/// Each file's folder is watched (creation, deletion and renames of the name,
/// plus writes to whatever file has it), and so is the open file itself
/// (writes after it was renamed away, attribute changes).
/// Confined to the tailing thread.
final class InotifyWatcher {
    private(set) var descriptor: Int32
    private var folderWatches: [Int32: [(name: String, file: Int)]] = [:]
    private var folderWatchOfFile: [Int: Int32] = [:]
    private var fileWatches: [Int32: Set<Int>] = [:]
    private var fileWatchOfFile: [Int: Int32] = [:]
    /// Watches of files rotated away from their path and still read.
    private var rotatedWatches: [Int32: Int] = [:]
    private var rotatedWatchOfFile: [Int: Int32] = [:]
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 8)

    private static let folderMask = UInt32(
        IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_MODIFY | IN_ATTRIB
            | IN_CLOSE_WRITE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    private static let fileMask = UInt32(
        IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVE_SELF | IN_DELETE_SELF)

    /// nil when the system gives no inotify instance (limit reached, no support).
    init?() {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else {
            buffer.deallocate()
            return nil
        }
        descriptor = fd
    }

    deinit {
        close()
        buffer.deallocate()
    }

    /// Closing the instance drops all of its watches.
    func close() {
        guard descriptor >= 0 else { return }
        SystemFile.release(descriptor)
        descriptor = -1
        folderWatches = [:]
        folderWatchOfFile = [:]
        fileWatches = [:]
        fileWatchOfFile = [:]
        rotatedWatches = [:]
        rotatedWatchOfFile = [:]
    }

    func hasFolderWatch(_ file: Int) -> Bool {
        folderWatchOfFile[file] != nil
    }

    /// False when the folder cannot be watched (it does not exist yet).
    func watchFolder(_ folder: String, name: String, file: Int) -> Bool {
        let wd = inotify_add_watch(descriptor, folder, Self.folderMask)
        guard wd >= 0 else { return false }
        folderWatches[wd, default: []].append((name, file))
        folderWatchOfFile[file] = wd
        return true
    }

    /// Watches the file that `fd` has open (through /proc, so it is that very
    /// file even if the path already names another one).
    func watchFile(_ file: Int, openAs fd: Int32) {
        unwatchFile(file)
        let wd = inotify_add_watch(descriptor, "/proc/self/fd/\(fd)", Self.fileMask)
        // Without it the folder watch still reports writes under the name.
        guard wd >= 0 else { return }
        fileWatches[wd, default: []].insert(file)
        fileWatchOfFile[file] = wd
    }

    /// Watches the rotated-away file `fd` has open, to hear of its writes and
    /// of its writer closing it. Placed after the new file's watch: the kernel
    /// gives one watch per inode, and the old file's was just removed.
    func watchRotated(_ file: Int, openAs fd: Int32) {
        unwatchRotated(file)
        let wd = inotify_add_watch(descriptor, "/proc/self/fd/\(fd)", Self.fileMask)
        guard wd >= 0 else { return }
        rotatedWatches[wd] = file
        rotatedWatchOfFile[file] = wd
    }

    func unwatchRotated(_ file: Int) {
        guard let wd = rotatedWatchOfFile.removeValue(forKey: file) else { return }
        rotatedWatches[wd] = nil
        _ = inotify_rm_watch(descriptor, wd)
    }

    func unwatchFile(_ file: Int) {
        guard let wd = fileWatchOfFile.removeValue(forKey: file) else { return }
        fileWatches[wd]?.remove(file)
        if fileWatches[wd]?.isEmpty == true {
            fileWatches[wd] = nil
            _ = inotify_rm_watch(descriptor, wd)
        }
    }

    /// Reads every queued event and adds the files they concern to `changed`,
    /// and to `rotatedClosed` those whose rotated file a writer closed.
    func collect(into changed: inout Set<Int>, rotatedClosed: inout Set<Int>, fileCount: Int) {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            var at = 0
            while at + 16 <= count {
                let wd = buffer.loadUnaligned(fromByteOffset: at, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self)
                let nameLength = Int(buffer.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(rebasing: buffer[(at + 16)..<min(at + 16 + nameLength, count)])
                at += 16 + nameLength
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changed.formUnion(0..<fileCount)
                    continue
                }
                if let file = rotatedWatches[wd] {
                    changed.insert(file)
                    if mask & UInt32(IN_CLOSE_WRITE) != 0 { rotatedClosed.insert(file) }
                    if mask & UInt32(IN_IGNORED) != 0 {
                        rotatedWatches[wd] = nil
                        rotatedWatchOfFile[file] = nil
                    }
                    continue
                }
                handle(wd: wd, mask: mask, name: nameBytes, changed: &changed)
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: UnsafeRawBufferPointer, changed: inout Set<Int>) {
        if let files = fileWatches[wd] {
            changed.formUnion(files)
            if mask & UInt32(IN_IGNORED) != 0 {
                // The kernel dropped the watch (the file is gone for good).
                fileWatches[wd] = nil
                for file in files where fileWatchOfFile[file] == wd { fileWatchOfFile[file] = nil }
            }
        }
        guard let entries = folderWatches[wd] else { return }
        let lost = UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)
        if mask & lost != 0 {
            // The folder was removed or moved: this watch no longer sees the
            // path. Its files fall back to timed checks until it can be set again.
            if mask & UInt32(IN_IGNORED) == 0 { _ = inotify_rm_watch(descriptor, wd) }
            folderWatches[wd] = nil
            for entry in entries {
                folderWatchOfFile[entry.file] = nil
                changed.insert(entry.file)
            }
            return
        }
        let end = name.firstIndex(of: 0) ?? name.endIndex
        let changedName = String(decoding: UnsafeRawBufferPointer(rebasing: name[..<end]), as: UTF8.self)
        for entry in entries where entry.name == changedName { changed.insert(entry.file) }
    }
}
#endif
