#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TimingIngest

/// Identity and last change of a file, from stat(): a save in place changes
/// the times and usually the size, an editor's save-by-rename the identity.
struct FileSignature: Equatable, Sendable {
    var identity: FileIdentity
    var size: Int64
    var modified: Int64
    var changed: Int64

    static func of(_ path: String) -> FileSignature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        let changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        return FileSignature(
            identity: FileIdentity(info), size: Int64(info.st_size), modified: modified, changed: changed)
    }
}

/// Looks at event.toml, participants.csv and corrections.csv every `interval` and, when one
/// changed, loads the folder again: a good edit is queued for the pump, a bad
/// one is reported and the race goes on with the configuration it has.
struct ConfigWatcher: Sendable {
    let folderPath: String
    let interval: Duration
    let core: LiveCore

    var paths: [String] {
        let base = folderPath.hasSuffix("/") ? folderPath : folderPath + "/"
        return [base + EventFolder.configName, base + EventFolder.participantsName, base + EventFolder.correctionsName]
    }

    func signature() -> [FileSignature?] { paths.map(FileSignature.of) }

    func run(from start: [FileSignature?]) async {
        var seen = start
        // An editor may write a file in several steps: wait until it holds still.
        let settle = max(.milliseconds(10), min(interval / 4, .milliseconds(200)))
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            var now = signature()
            guard now != seen else { continue }
            for _ in 0..<20 {
                do { try await Task.sleep(for: settle) } catch { return }
                let again = signature()
                if again == now { break }
                now = again
            }
            seen = now
            do {
                core.queue.enqueue(.reload(try EventFolder.load(folderPath)))
            } catch {
                // Tried again only after the next change: the same files give the same error.
                core.rejected(error.description)
            }
        }
    }
}
