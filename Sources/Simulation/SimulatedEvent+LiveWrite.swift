import Foundation
import RaceModel
#if canImport(Glibc)
import Glibc
#endif

/// One line of the race in the order the decoders write it.
public struct ScheduledLine: Sendable, Equatable {
    public var time: Millis
    /// Index into `SimulatedEvent.readFiles`.
    public var file: Int
    public var text: String
}

extension SimulatedEvent {
    /// Every read line of every file, in write order (time, then file order,
    /// then line order), as a live race would produce them.
    public var writeSchedule: [ScheduledLine] {
        var all: [ScheduledLine] = []
        all.reserveCapacity(readFiles.reduce(0) { $0 + $1.lines.count })
        for (f, file) in readFiles.enumerated() {
            for line in file.lines { all.append(ScheduledLine(time: line.time, file: f, text: line.text)) }
        }
        // Stable: lines of one file keep their order.
        return all.enumerated().sorted {
            ($0.element.time, $0.element.file, $0.offset) < ($1.element.time, $1.element.file, $1.offset)
        }.map(\.element)
    }

    /// Writes the race as it happens: `event.toml` and `participants.csv` at
    /// once, then each read line appended to its file (created on its first
    /// line, as a decoder does) when the race clock reaches its write time.
    /// The race clock starts at `from` (lines before it are written at once)
    /// and runs `speed` times faster than the wall clock. Stops quietly when
    /// the task is cancelled. `progress` is told the race clock after each batch.
    /// Lines of the files in `divert` go to `deliver` (file index, lines of one
    /// batch) instead of the folder, with `config` as `event.toml`: decoders
    /// served on the network. `ready` runs once `event.toml` and
    /// `participants.csv` are on disk: only then can `racedash live` open the
    /// folder, so that is when to tell the user.
    public func writeLive(
        to directory: String, speed: Double, from: Millis? = nil,
        config: String? = nil, divert: Set<Int> = [],
        deliver: @Sendable (Int, [String]) -> Void = { _, _ in },
        ready: () -> Void = {},
        progress: @Sendable (Millis) -> Void = { _ in }
    ) async throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        try makeDirectory(root)
        try writeFile(config ?? eventToml, to: root.appendingPathComponent("event.toml"))
        try writeFile(participantsCSV, to: root.appendingPathComponent("participants.csv"))
        ready()
        let schedule = writeSchedule
        guard let first = schedule.first else { return }
        let origin = from ?? first.time
        let clock = ContinuousClock()
        let wallStart = clock.now
        var writers = LineAppenders(root: root, files: readFiles.map(\.path))
        defer { writers.closeAll() }

        var i = 0
        while i < schedule.count {
            if Task.isCancelled { return }
            let due = schedule[i].time
            if due > origin {
                let wait = Double(due - origin) / max(speed, 0.001)
                do {
                    try await clock.sleep(until: wallStart + .milliseconds(Int64(wait.rounded())))
                } catch {
                    return  // cancelled
                }
            }
            // Everything due by now goes out in this batch.
            let elapsedRace = origin + Int((clock.now - wallStart).milliseconds * speed)
            var diverted: [Int: [String]] = [:]
            repeat {
                if divert.contains(schedule[i].file) {
                    diverted[schedule[i].file, default: []].append(schedule[i].text)
                } else {
                    try writers.append(schedule[i].text, to: schedule[i].file)
                }
                i += 1
            } while i < schedule.count && schedule[i].time <= max(due, elapsedRace)
            for (file, lines) in diverted.sorted(by: { $0.key < $1.key }) { deliver(file, lines) }
            progress(schedule[i - 1].time)
        }
    }
}

/// Append-only file descriptors, opened on a file's first line.
struct LineAppenders {
    let root: URL
    let files: [String]
    var fds: [Int32]

    init(root: URL, files: [String]) {
        self.root = root
        self.files = files
        fds = Array(repeating: -1, count: files.count)
    }

    mutating func append(_ line: String, to file: Int) throws {
        let url = root.appendingPathComponent(files[file])
        if fds[file] < 0 {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw SimulationWriteError(path: url.path, reason: String(cString: strerror(errno))) }
            fds[file] = fd
        }
        // One write per line: a reader never sees half a line from us.
        var bytes = Array(line.utf8)
        bytes.append(10)
        let written = bytes.withUnsafeBytes { write(fds[file], $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw SimulationWriteError(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    mutating func closeAll() {
        for fd in fds where fd >= 0 { close(fd) }
        fds = Array(repeating: -1, count: files.count)
    }
}
