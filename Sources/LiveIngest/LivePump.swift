import RaceModel
import RaceStore
import Snapshots
import TimingIngest

/// Moves what the tailers read into the race state, in order, and applies
/// reloaded configurations between lines. Runs in one task, so the file
/// numbers it gives the state always match the configuration the state holds.
final class LivePump {
    private var folder: EventFolder
    private let state: RaceState
    private let core: LiveCore
    private let options: LiveFeed.Options
    /// Index of each path in the current read-file table.
    private var fileIndex: [String: Int] = [:]
    /// The tailer currently following each path; events of any other are
    /// leftovers of a tailer stopped by a reload and are dropped.
    private var tailerIDs: [String: Int] = [:]

    private var batch: [(text: String, number: Int, generation: Int, file: Int)] = []
    /// Lines delivered per path by its current tailer: the feed's progress
    /// counts across generations, where line numbers start over.
    private var delivered: [String: Int] = [:]
    private var touched: [String: (count: Int, last: Int)] = [:]

    init(folder: EventFolder, state: RaceState, core: LiveCore, options: LiveFeed.Options) {
        self.folder = folder
        self.state = state
        self.core = core
        self.options = options
        reindex()
    }

    func run() async {
        for file in folder.readFiles { startTailer(for: file) }
        for await _ in core.queue.signals {
            await process(core.queue.take())
            core.updates.notify()
        }
    }

    private func process(_ items: [PumpQueue.Item]) async {
        for item in items {
            switch item {
            case .tail(let id, let path, let event):
                guard tailerIDs[path] == id, let file = fileIndex[path] else { continue }
                switch event {
                case .line(_, let number, let text, let generation):
                    guard withinLimit(number, path: path) else { continue }
                    batch.append((text, number, generation, file))
                    touch(path)
                case .unusableLine(_, let number, let text, let reason, let generation):
                    guard withinLimit(number, path: path) else { continue }
                    await flush()
                    await state.append(
                        unusable: text, reason: reason, number: number, generation: generation, file: file)
                    touch(path)
                    core.delivered(touched, total: 1)
                    touched.removeAll(keepingCapacity: true)
                case .caughtUp:
                    await flush()
                    core.markCaughtUp(path)
                case .notice(_, let notice):
                    core.record(notice, path: path)
                }
            case .reload(let newFolder):
                await flush()
                await apply(newFolder)
            }
        }
        await flush()
    }

    private func touch(_ path: String) {
        let count = (delivered[path] ?? 0) + 1
        delivered[path] = count
        let seen = touched[path] ?? (0, 0)
        touched[path] = (seen.count + 1, count)
    }

    /// A file past `[limits] lines_per_file` is no longer followed: line
    /// numbers are 32-bit, and no mat writes that many lines in one race.
    private func withinLimit(_ number: Int, path: String) -> Bool {
        let limit = folder.event.linesPerFile
        guard number > limit else { return true }
        if number == limit + 1 {
            tailerIDs[path] = nil
            core.unregister(path)?.stop()
            core.record(
                .unreadable(reason: ReadLimits.tooManyLinesReason(limit: limit) + "; lines after it are not read"),
                path: path)
        }
        return false
    }

    /// Lines already waiting go in one `append(lines:)` (catch-up, bursts);
    /// a lone line goes alone, without building a batch.
    private func flush() async {
        guard !batch.isEmpty else { return }
        if batch.count == 1 {
            let line = batch[0]
            await state.append(line: line.text, number: line.number, generation: line.generation, file: line.file)
        } else {
            await state.append(lines: batch)
        }
        core.delivered(touched, total: batch.count)
        batch.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
    }

    private func apply(_ newFolder: EventFolder) async {
        if newFolder.event == folder.event && newFolder.participants == folder.participants
            && newFolder.corrections.entries == folder.corrections.entries
            && newFolder.correctionProblems == folder.correctionProblems
        {
            core.confirmedUnchanged()
            return
        }
        // The state keeps the reads of files that remain; only files new to
        // the configuration get a tailer, so no line is read twice.
        await state.reload(newFolder)
        let newPaths = Set(newFolder.readFiles.map(\.path))
        let oldPaths = Set(folder.readFiles.map(\.path))
        let removed = folder.readFiles.map(\.path).filter { !newPaths.contains($0) }
        let added = newFolder.readFiles.filter { !oldPaths.contains($0.path) }
        for path in removed {
            tailerIDs[path] = nil
            core.unregister(path)?.stop()
        }
        folder = newFolder
        reindex()
        core.applied(newFolder, added: added.map(\.path), removed: removed)
        for file in added { startTailer(for: file) }
    }

    private func startTailer(for file: ReadFileInfo) {
        let id = core.makeTailerID()
        let path = file.path
        delivered[path] = 0
        let tailer = FileTailer(
            paths: [folder.absolutePath(of: file)],
            pollInterval: options.tailPollInterval, mode: options.tailMode)
        let stream = tailer.lines()
        let core = core
        let reader = Task {
            for await event in stream {
                if !core.queue.enqueue(.tail(tailer: id, path: path, event)) { await core.queue.waitForRoom() }
            }
        }
        let handle = TailerHandle(id: id, tailer: tailer, reader: reader)
        if core.register(handle, for: path) {
            tailerIDs[path] = id
        } else {
            handle.stop()
        }
    }

    private func reindex() {
        fileIndex = [:]
        for (i, file) in folder.readFiles.enumerated() { fileIndex[file.path] = i }
    }
}
