import Foundation
import RaceModel
import LiveIngest
import RaceStore
import Snapshots
import TimingIngest
#if canImport(Glibc)
import Glibc
#endif

/// Live mode: how fast a `LiveFeed` catches up on a big event folder, what one
/// live line costs on that big state, and how long a line appended to a read
/// file takes to reach the state and a snapshot (on a small event written here).
func runLiveBench(runners: Int, folder: String) async throws -> String {
    var report: [String] = []
    report += try await liveCatchUp(runners: runners, folder: folder)
    report += try await liveLatency(lines: 3000)
    report += try await feedEventLatency(events: 20)
    return report.joined(separator: "\n")
}

/// Catch-up on `folder`, then single appends to the state it built.
private func liveCatchUp(runners: Int, folder path: String) async throws -> [String] {
    let folder = try EventFolder.load(path)
    let state = RaceState(folder: folder)
    let feed = LiveFeed(folder: folder, state: state)
    let clock = ContinuousClock()
    let start = clock.now
    feed.start()
    guard await feed.waitUntilCaughtUp() else {
        throw LiveBenchError("live feed stopped before catching up on \(path)")
    }
    let elapsed = clock.now - start
    let reads = await state.readCount
    let lines = feed.status().linesDelivered
    await feed.stop()

    // One line at a time on the big state, as after catch-up on race day.
    var appendMs: [Double] = []
    if let sample = firstRead(of: folder) {
        for i in 0..<300 {
            let t0 = clock.now
            await state.append(line: sample.text, number: 10_000_000 + i, file: sample.file)
            appendMs.append((clock.now - t0).milliseconds)
        }
    }
    let snapshotStart = clock.now
    _ = await state.snapshot()
    let snapshotMs = (clock.now - snapshotStart).milliseconds

    var out = [
        "live catch-up (\(withThousands(runners)) runners): \(withThousands(lines)) lines, \(withThousands(reads)) reads"
            + " from \(folder.readFiles.count) files in \(format(elapsed.seconds)) s:"
            + " \(withThousands(Int(Double(reads) / max(elapsed.seconds, 1e-9)))) reads/s,"
            + " \(withThousands(Int(Double(lines) / max(elapsed.seconds, 1e-9)))) lines/s; peak memory \(format(peakMemoryMiB(), 0)) MiB"
    ]
    if !appendMs.isEmpty {
        out.append(
            "live single-line append on that state: median \(format(percentile(appendMs, 50), 3)) ms,"
                + " p99 \(format(percentile(appendMs, 99), 3)) ms; one snapshot after it \(format(snapshotMs, 1)) ms")
    }
    return out
}

/// The first line of the event that parses as a read, to append again.
private func firstRead(of folder: EventFolder) -> (text: String, file: Int)? {
    for (index, file) in folder.readFiles.enumerated() {
        guard let bytes = try? ReadFileScanner.readFile(atPath: folder.absolutePath(of: file)) else { continue }
        var found: String?
        bytes.withUnsafeBytes { raw in
            ReadFileScanner.forEachLine(in: raw) { _, line in
                guard found == nil, case .read = ReadLineParser.parse(line) else { return }
                found = String(decoding: line, as: UTF8.self)
            }
        }
        if let found { return (found, index) }
    }
    return nil
}

/// Appends `lines` lines one at a time (a few ms apart) to the read files of a
/// small event and measures write() -> in the state and write() -> in a snapshot.
private func liveLatency(lines: Int) async throws -> [String] {
    let (event, folder, state, feed) = try SmallLiveEvent.following(runners: 1000)
    defer { event.remove() }
    let measured: (toState: [Double], toSnapshot: [Double])
    do {
        measured = try await appendOneByOne(lines: lines, event: event, folder: folder, state: state, feed: feed)
    } catch {
        await feed.stop()
        throw error
    }
    await feed.stop()
    let (toState, toSnapshot) = measured
    return [
        "live latency (\(withThousands(lines)) lines appended one at a time to a 1,000-runner event):"
            + " write -> state median \(format(percentile(toState, 50), 3)) ms, p99 \(format(percentile(toState, 99), 3)) ms;"
            + " write -> snapshot median \(format(percentile(toSnapshot, 50), 3)) ms, p99 \(format(percentile(toSnapshot, 99), 3)) ms"
    ]
}

/// Writes the lines one by one, each after the previous is in the state, and
/// times each to the state and to a snapshot that holds it.
private func appendOneByOne(
    lines: Int, event: SmallLiveEvent, folder: EventFolder, state: RaceState,
    feed: LiveFeed
) async throws -> (toState: [Double], toSnapshot: [Double]) {
    guard await feed.waitUntilCaughtUp() else { throw LiveBenchError("live feed stopped before catching up") }
    let writers = try folder.readFiles.map { try AppendingFile(folder.absolutePath(of: $0)) }
    var numbers = [Int](repeating: 0, count: writers.count)
    var toState: [Double] = []
    var toSnapshot: [Double] = []
    let clock = ContinuousClock()
    for i in 0..<lines {
        let (file, text) = event.line(i)
        numbers[file] += 1
        let t0 = clock.now
        try writers[file].write(text + "\n")
        guard await feed.waitForLine(numbers[file], ofFile: folder.readFiles[file].path) else {
            throw LiveBenchError("live feed stopped while measuring")
        }
        toState.append((clock.now - t0).milliseconds)
        let snapshot = await state.snapshot()
        toSnapshot.append((clock.now - t0).milliseconds)
        let seen = snapshot.evaluation.pointStats.reduce(0) { $0 + $1.lines }
        guard seen == i + 1 else { throw LiveBenchError("snapshot holds \(seen) lines after \(i + 1) were written") }
        try await Task.sleep(for: .milliseconds(2))
    }
    return (toState, toSnapshot)
}

struct LiveBenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A file held open for appending, as a decoder holds its read file.
private final class AppendingFile {
    private let fd: Int32

    init(_ path: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LiveBenchError("cannot open \(path): \(systemErrorText(errno))") }
    }

    deinit { close(fd) }

    /// One write(2), so the tailer never sees half a line.
    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw LiveBenchError("short write: \(systemErrorText(errno))") }
    }
}

/// A 10 km race with a start/finish mat and a 5 km mat, in a temp folder.
/// Line i is a hand-timing read: runners cross the start, then 5 km, then
/// the finish, in bib order, so nearly every line is a counted split.
struct SmallLiveEvent {
    let path: String
    let runners: Int

    init(runners: Int) throws {
        self.runners = runners
        var template = Array("/tmp/racedash-livebench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw LiveBenchError("mkdtemp failed: \(systemErrorText(errno))") }
        path = String(cString: made)
        try FileManager.default.createDirectory(atPath: path + "/reads", withIntermediateDirectories: true)
        // One read file per mat, named after it; the files exist (empty) before the feed starts.
        let mats = ["stadium", "km5"]
        var config = "name = \"Live latency bench\"\ndate = 2025-04-06\n"
        for mat in mats { config += "[[points]]\nid = \"\(mat)\"\nfiles = [\"reads/\(mat).txt\"]\n" }
        config += """
            [[races]]
            id = "10k"
            waves = [{ id = "A", gun = "09:00:00" }]
            checkpoints = [
              { id = "start", point = "stadium", km = 0 },
              { id = "5K", point = "km5", km = 5 },
              { id = "finish", point = "stadium", km = 10 },
            ]
            """
        var participants = "bib,name,race,chip\n"
        for bib in 1...runners { participants += "\(bib),Runner \(bib),10k,C\(bib)\n" }
        try config.write(toFile: path + "/event.toml", atomically: false, encoding: .utf8)
        try participants.write(toFile: path + "/participants.csv", atomically: false, encoding: .utf8)
        for mat in mats {
            _ = FileManager.default.createFile(atPath: path + "/reads/\(mat).txt", contents: nil)
        }
    }

    /// (file index, line text) of the i-th line written.
    func line(_ i: Int) -> (file: Int, text: String) {
        let lap = i / runners, bib = i % runners + 1
        let (file, base, spacing): (Int, Millis, Millis)
        switch lap {
        case 0: (file, base, spacing) = (0, 9 * 3_600_000, 50)
        case 1: (file, base, spacing) = (1, 9 * 3_600_000 + 20 * 60_000, 500)
        default: (file, base, spacing) = (0, 9 * 3_600_000 + 40 * 60_000 + (lap - 2) * 20 * 60_000, 500)
        }
        return (file, "C\(bib),\(TimeFormat.timeOfDay(base + (bib - 1) * spacing, millis: true))")
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A new small event and a started live feed following it into a race state.
    static func following(runners: Int) throws -> (SmallLiveEvent, EventFolder, RaceState, LiveFeed) {
        let event = try SmallLiveEvent(runners: runners)
        let folder = try EventFolder.load(event.path)
        let state = RaceState(folder: folder)
        let feed = LiveFeed(folder: folder, state: state)
        feed.start()
        return (event, folder, state, feed)
    }
}
