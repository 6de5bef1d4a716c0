import Foundation
import RaceModel
import LiveIngest
import RaceStore
import TimingIngest
#if canImport(Glibc)
import Glibc
#endif

/// `racedash live --headless` end to end, on a copy of the big event whose
/// read files start empty: how long lines written all at once take to be
/// printed, and, over a soak at a steady rate, write -> printed lag and
/// resident memory.
func runHeadlessBench(folder: String, burst: Int, soakSeconds: Int, soakRate: Int) async throws -> String {
    let source = try EventFolder.load(folder)
    // Only the lines the bench writes are kept, so the RSS figures are the feed's, not the bench's.
    let lines = try timeOrderedLines(source, first: burst + soakSeconds * soakRate)
    var report: [String] = []
    do {
        let run = try await HeadlessRun.start(copying: source)
        let measured = try await run.burst(Array(lines.prefix(burst)))
        await run.stop()
        report.append(
            "headless burst (\(withThousands(burst)) lines written at once, \(withThousands(source.participants.count)) runners):"
                + " first split printed after \(format(measured.first, 3)) s, last after \(format(measured.last, 3)) s")
    }
    do {
        let run = try await HeadlessRun.start(copying: source)
        let soak = try await run.soak(Array(lines.dropFirst(burst)), seconds: soakSeconds, rate: soakRate)
        await run.stop()
        report.append(
            "headless soak (\(soakRate) lines/s for \(soakSeconds) s): write -> printed median \(format(soak.lag50 * 1000, 1)) ms,"
                + " p99 \(format(soak.lag99 * 1000, 1)) ms, max \(format(soak.lagMax * 1000, 1)) ms over \(withThousands(soak.matched)) splits;"
                + " RSS \(format(soak.rssStart, 0)) MiB after catch-up, \(format(soak.rssEnd, 0)) MiB at the end")
    }
    return report.joined(separator: "\n")
}

/// The first `count` lines of all read files, with their file, in the order of their read time.
private func timeOrderedLines(_ folder: EventFolder, first count: Int) throws -> [(file: Int, text: String)] {
    var all: [(time: Millis, file: Int, text: String)] = []
    for (index, file) in folder.readFiles.enumerated() {
        guard let bytes = try? ReadFileScanner.readFile(atPath: folder.absolutePath(of: file)) else { continue }
        var last: Millis = 0
        bytes.withUnsafeBytes { raw in
            ReadFileScanner.forEachLine(in: raw) { _, line in
                if case .read(let read) = ReadLineParser.parse(line) { last = read.timeOfDay }
                all.append((last, index, String(decoding: line, as: UTF8.self)))
            }
        }
    }
    return all.sorted { $0.time < $1.time }.prefix(count).map { ($0.file, $0.text) }
}

/// Resident memory now, from /proc/self/statm (pages).
private func residentMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return .nan }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return .nan }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

/// Printed lines with the time each was printed.
private final class PrintedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [(at: ContinuousClock.Instant, text: String)] = []

    func append(_ text: String) {
        let now = ContinuousClock.now
        lock.lock()
        lines.append((now, text))
        lock.unlock()
    }

    var all: [(at: ContinuousClock.Instant, text: String)] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// A headless live run on a temporary copy of an event with empty read files.
private struct HeadlessRun {
    let folder: EventFolder
    let path: String
    let printed: PrintedLines
    let task: Task<Void, Never>
    let writers: [Int32]

    static func start(copying source: EventFolder) async throws -> HeadlessRun {
        var template = Array("/tmp/racedash-headlessbench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw LiveBenchError("mkdtemp failed: \(systemErrorText(errno))") }
        let path = String(cString: made)
        for name in [EventFolder.configName, EventFolder.participantsName] {
            try FileManager.default.copyItem(atPath: source.path + "/" + name, toPath: path + "/" + name)
        }
        let folder = try EventFolder.load(path)
        var writers: [Int32] = []
        for file in folder.readFiles {
            let full = folder.absolutePath(of: file)
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let fd = open(full, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw LiveBenchError("cannot open \(full): \(systemErrorText(errno))") }
            writers.append(fd)
        }
        let printed = PrintedLines()
        let task = Task<Void, Never> {
            do {
                try await LiveHeadless.run(eventPath: path, summaryEvery: .seconds(3600)) { printed.append($0) }
            } catch {
                printed.append("ERROR \(error)")
            }
        }
        let run = HeadlessRun(folder: folder, path: path, printed: printed, task: task, writers: writers)
        try await run.waitFor("caught up", within: .seconds(120)) { $0.contains { $0.text.hasPrefix("CAUGHT UP") } }
        return run
    }

    func stop() async {
        task.cancel()
        await task.value
        for fd in writers { close(fd) }
        try? FileManager.default.removeItem(atPath: path)
    }

    func waitFor(
        _ what: String, within limit: Duration, _ done: ([(at: ContinuousClock.Instant, text: String)]) -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + limit
        while !done(printed.all) {
            guard ContinuousClock.now < deadline else {
                throw LiveBenchError("headless bench: no \(what) within \(limit)")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    func write(_ lines: some Sequence<(file: Int, text: String)>) {
        var perFile = [String](repeating: "", count: writers.count)
        for line in lines { perFile[line.file] += line.text + "\n" }
        for (file, text) in perFile.enumerated() where !text.isEmpty {
            let bytes = Array(text.utf8)
            var done = 0
            while done < bytes.count {
                let n = bytes[done...].withUnsafeBytes { Glibc.write(writers[file], $0.baseAddress, $0.count) }
                if n <= 0 { break }
                done += n
            }
        }
    }

    /// Writes `lines` at once; seconds from the write to the first and the last split printed.
    func burst(_ lines: [(file: Int, text: String)]) async throws -> (first: Double, last: Double) {
        let before = printed.all.count
        let t0 = ContinuousClock.now
        write(lines)
        // Done when nothing new has been printed for a second.
        var count = before
        var quietSince = ContinuousClock.now
        while ContinuousClock.now - quietSince < .seconds(1) {
            try await Task.sleep(for: .milliseconds(20))
            let now = printed.all.count
            if now != count {
                count = now
                quietSince = ContinuousClock.now
            }
        }
        let splits = printed.all.dropFirst(before).filter { $0.text.first?.isNumber == true }
        guard let first = splits.first, let last = splits.last else {
            throw LiveBenchError("headless bench: the burst printed no split")
        }
        return ((first.at - t0).seconds, (last.at - t0).seconds)
    }

    /// Writes `rate` lines a second in batches of a tenth of a second;
    /// matches each printed split to when its line was written.
    func soak(_ lines: [(file: Int, text: String)], seconds: Int, rate: Int)
        async throws -> (lag50: Double, lag99: Double, lagMax: Double, matched: Int, rssStart: Double, rssEnd: Double)
    {
        let rssStart = residentMiB()
        let directory = ParticipantDirectory(folder.participants)
        var writtenAt: [String: ContinuousClock.Instant] = [:]
        let before = printed.all.count
        let batch = max(1, rate / 10)
        var next = 0
        let start = ContinuousClock.now
        for tick in 0..<(seconds * 10) {
            guard next < lines.count else { break }
            let slice = lines[next..<min(next + batch, lines.count)]
            next += slice.count
            let now = ContinuousClock.now
            for line in slice {
                guard case .read(let read) = ReadLineParser.parse(line.text),
                    let runner = directory.runner(forCode: read.code)
                else { continue }
                let point = folder.readFiles[line.file].pointIndex
                let time = read.timeOfDay + folder.event.points[point].clockOffset
                writtenAt[
                    "\(folder.event.points[point].id) \(folder.participants[runner].bib) \(TimeFormat.timeOfDay(time, millis: true))"
                ] = now
            }
            write(slice)
            try await Task.sleep(until: start + .milliseconds(100 * (tick + 1)), clock: .continuous)
        }
        try await Task.sleep(for: .seconds(3))
        var lags: [Double] = []
        for line in printed.all.dropFirst(before) where line.text.first?.isNumber == true {
            // `09:17:00.000 km5 5K bib 1 ...`
            let words = line.text.split(separator: " ")
            guard words.count > 4 else { continue }
            if let at = writtenAt["\(words[1]) \(words[4]) \(words[0])"] { lags.append((line.at - at).seconds) }
        }
        return (percentile(lags, 50), percentile(lags, 99), lags.max() ?? .nan, lags.count, rssStart, residentMiB())
    }
}
