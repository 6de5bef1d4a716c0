import RaceModel
import Synchronization

extension ReadLogLoader {
    /// `load`, with the read files parsed in `parts` at once (a few per
    /// core): each part parses a contiguous run of files, and the parts are
    /// joined in file order (`parseInPlace`), so the result is the same log
    /// line for line.
    public static func loadInParallel(_ folder: EventFolder, parts: Int) async throws -> (
        log: ReadLog, missing: [String]
    ) {
        let (ranges, bytes) = fileRanges(folder, parts: parts)
        guard ranges.count > 1 else { return try load(folder) }
        return try parseInPlace(folder, ranges: ranges, bytes: bytes)
    }

    /// The folder and its read files, the participant list parsed while the
    /// read files are (both are most of a big race's load). Errors come in
    /// the order the sequential load gives them: `event.toml`, the
    /// participants and the journal, then the read files.
    public static func loadFolderInParallel(_ path: String, parts: Int) async throws -> (
        folder: EventFolder, log: ReadLog, missing: [String]
    ) {
        let (event, decoders) = try EventFolder.loadConfig(path)
        // The read files need only what event.toml says.
        let files = EventFolder(path: path, event: event, participants: [], decoders: decoders)
        var rest: Result<EventFolder, ConfigError>?
        let directory = DirectoryTables()
        // Finer parts than cores, so the participant list's core is never left waiting.
        let (ranges, bytes) = fileRanges(files, parts: parts * 4)
        let reads = Result {
            try parseInPlace(
                files, ranges: ranges, bytes: bytes,
                beside: {
                    rest = Result { () throws(ConfigError) in
                        try EventFolder.load(path, event: event, decoders: decoders, spares: directory.spares)
                    }
                    directory.offer(try? rest?.get().participants)
                },
                after: [{ directory.make(chips: false) }, { directory.make(chips: true) }])
        }
        var folder = try rest!.get()
        folder.directory = directory.made
        let (log, missing) = try reads.get()
        return (folder, log, missing)
    }

    /// The participants' directory made as the last of a load's work: a
    /// core done with its read files takes a table while the other finishes
    /// its own, where the tables were made after the load, on both cores
    /// again. A table is made only once the list is in (it is taken first,
    /// so nearly always); one not made is made with the race state. The
    /// tables are made in the memory of the participant list's repeat
    /// checks (`spares`), kept for them once the list is read: at 50,000
    /// runners, 6 MB not faulted in again, on the one core still at work at
    /// the load's end.
    final class DirectoryTables: Sendable {
        let spares = CodeTable.Spares()
        private struct State {
            var participants: [Participant]?
            var bibs: CodeTable?
            var chips: CodeTable?
        }
        private let state = Mutex(State())

        func offer(_ participants: [Participant]?) {
            state.withLock { $0.participants = participants }
        }

        func make(chips: Bool) {
            guard let participants = state.withLock({ $0.participants }) else { return }
            let table = ParticipantDirectory.table(of: participants, chips: chips, reusing: spares.take())
            state.withLock { chips ? ($0.chips = table) : ($0.bibs = table) }
        }

        var made: ParticipantDirectory? {
            state.withLock { s in
                guard let bibs = s.bibs, let chips = s.chips else { return nil }
                return ParticipantDirectory(bibs: bibs, chips: chips)
            }
        }
    }

    /// Contiguous runs of files with about the same number of bytes each, and their bytes.
    static func fileRanges(_ folder: EventFolder, parts: Int) -> (ranges: [Range<Int>], bytes: [Int]) {
        let sizes = folder.readFiles.map { fileSize(folder.absolutePath(of: $0)) }
        let ranges = fileRanges(sizes: sizes, parts: parts)
        return (ranges, ranges.map { sizes[$0].reduce(0, +) })
    }

    static func fileRanges(sizes: [Int], parts: Int) -> [Range<Int>] {
        let total = sizes.reduce(0, +)
        guard parts > 1, total > 0, sizes.count > 1 else { return [0..<sizes.count] }
        var ranges: [Range<Int>] = []
        var start = 0, sum = 0
        for (i, size) in sizes.enumerated() {
            sum += size
            let share = total * (ranges.count + 1) / parts
            if sum >= share && ranges.count < parts - 1 && i + 1 < sizes.count {
                ranges.append(start..<(i + 1))
                start = i + 1
            }
        }
        ranges.append(start..<sizes.count)
        return ranges
    }
}
