import RaceModel

extension ReadLogLoader {
    /// `load`, with the read files parsed by `parts` child tasks at once (one
    /// per core): each parses a contiguous run of files into its own log, and
    /// the logs are joined in file order, so the result is the same log line
    /// for line.
    public static func loadInParallel(_ folder: EventFolder, parts: Int) async throws -> (
        log: ReadLog, missing: [String]
    ) {
        let (ranges, bytes) = fileRanges(folder, parts: parts)
        guard ranges.count > 1 else { return try load(folder) }
        var results = await withTaskGroup(of: (Int, Result<(ReadLog, [String]), any Error>).self) { group in
            // The biggest parts first: the cores take them in turn, and the last
            // to finish is a small one (one core parsed alone for a sixth of a
            // big race's load when parts went in file order).
            for k in ranges.indices.sorted(by: { bytes[$0] > bytes[$1] }) {
                let range = ranges[k]
                group.addTask {
                    (k, Result { try parse(folder, files: range) })
                }
            }
            var out: [Result<(ReadLog, [String]), any Error>?] = Array(repeating: nil, count: ranges.count)
            for await (k, result) in group { out[k] = result }
            return out.map { $0! }
        }
        // The error of the first file in order, as the sequential load gives: not whichever part failed first.
        var partials: [ReadLog] = []
        var missing: [String] = []
        for k in results.indices {
            let (log, missed) = try results[k].get()
            results[k] = .success((ReadLog(files: []), []))  // the part's log held once, so it is moved, not copied
            partials.append(log)
            missing += missed
        }
        return (ReadLog(joining: &partials, files: ranges), missing)
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
        async let rest = Result { () throws(ConfigError) in try EventFolder.load(path, event: event, decoders: decoders)
        }
        // Finer parts than cores, so the participant list's core is never left waiting.
        let reads: Result<(log: ReadLog, missing: [String]), any Error>
        do {
            reads = .success(try await loadInParallel(files, parts: parts * 4))
        } catch {
            reads = .failure(error)
        }
        let folder = try await rest.get()
        let (log, missing) = try reads.get()
        return (folder, log, missing)
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
