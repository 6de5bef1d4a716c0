import Foundation
import Testing
import RaceModel
import TimingIngest
@testable import RaceState
#if canImport(Glibc)
import Glibc
#endif

struct LiveTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A small event folder in a fresh temp directory; `remove()` deletes it.
struct LiveEventFolder {
    static let config = """
    name = "Live test"
    date = 2025-04-06
    utc_offset = "+09:00"
    [[points]]
    id = "stadium"
    files = ["reads/stadium.txt"]
    duplicate_window = 10
    [[points]]
    id = "km5"
    files = ["reads/km5.txt"]
    [[races]]
    id = "10k"
    clock = "gun"
    waves = [{ id = "A", gun = "09:00:00" }]
    checkpoints = [
      { id = "start", point = "stadium", km = 0 },
      { id = "5K", point = "km5", km = 5 },
      { id = "finish", point = "stadium", km = 10 },
    ]
    """
    static let participants = """
    bib,name,race,chip,sex,country
    1,Ri Jong Ho,10k,AAA1,M,PRK
    2,Kim Hye Gyong,10k,AAA2,F,PRK
    3,Late Entry,10k,,M,

    """

    let path: String

    init(config: String = Self.config, participants: String = Self.participants) throws {
        var template = Array("/tmp/racedash-live-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw LiveTestError("mkdtemp failed: errno \(errno)") }
        path = String(cString: made)
        try FileManager.default.createDirectory(atPath: path + "/reads", withIntermediateDirectories: true)
        try replace("event.toml", with: config)
        try replace("participants.csv", with: participants)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Rewrites a file in place (truncate and write), as a text editor saving in place does.
    func replace(_ name: String, with text: String) throws {
        try write(name, text, flags: O_WRONLY | O_CREAT | O_TRUNC)
    }

    /// One write(2) at the end of the file, as a decoder appends a read.
    func append(_ name: String, _ text: String) throws {
        try write(name, text, flags: O_WRONLY | O_CREAT | O_APPEND)
    }

    private func write(_ name: String, _ text: String, flags: Int32) throws {
        let fd = open(file(name), flags | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LiveTestError("cannot open \(name): errno \(errno)") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw LiveTestError("write to \(name) failed: errno \(errno)") }
            done += n
        }
    }

    func load() throws -> EventFolder { try EventFolder.load(path) }
}

/// A running feed on a test folder, with fast config checks.
struct LiveRun {
    let folder: EventFolder
    let state: RaceState
    let feed: LiveFeed

    init(_ event: LiveEventFolder, mode: TailMode = .automatic) throws {
        folder = try event.load()
        state = RaceState(folder: folder)
        feed = LiveFeed(folder: folder, state: state,
                        options: LiveFeed.Options(tailMode: mode, tailPollInterval: .milliseconds(20),
                                                  configCheckInterval: .milliseconds(50)))
        feed.start()
    }

    func file(_ path: String) -> FileStatus? { feed.status().files.first { $0.path == path } }
}

/// Checks `condition` every few milliseconds until it holds or `seconds`
/// pass; returns whether it held, so a lost event fails the test instead of hanging it.
func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return try await condition()
}

/// Runs `body` with a deadline; a body that does not finish in time fails the
/// test. `body` must end when cancelled.
func withDeadline<T: Sendable>(_ seconds: Double, _ what: String,
                               _ body: @escaping @Sendable () async -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { await body() }
        group.addTask {
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw LiveTestError("\(what): not done within \(seconds) s")
        }
        return value
    }
}

/// The reference: a state loaded at once from lines with the numbers the
/// tailer gives them (file index, line number within its generation, generation, text).
func referenceState(_ folder: EventFolder, lines: [(file: Int, number: Int, generation: Int, text: String)]) -> RaceState {
    var log = ReadLog(files: folder.readFiles)
    for line in lines {
        ReadLogLoader.ingest(line: line.text, number: line.number, generation: line.generation, file: line.file,
                             into: &log, event: folder.event)
    }
    return RaceState(folder: folder, log: log)
}

/// Every line reference the evaluation accounts for: each read's outcome and
/// each rejected line. A line counted twice shows up twice.
func accountedRefs(_ snapshot: RaceSnapshot) -> [LineRef] {
    var refs: [LineRef] = []
    for timeline in snapshot.evaluation.timelines { refs += timeline.outcomes.map(\.ref) }
    for rejection in snapshot.evaluation.rejections {
        switch rejection.reason {
        case .malformed, .unknownChip: refs.append(rejection.ref)
        default: break  // a read with an outcome, already counted
        }
    }
    return refs
}

/// `bib status place gun-time` per row, for readable failures.
func standingsSummary(_ snapshot: RaceSnapshot) -> [String] {
    snapshot.standings(race: 0).rows.map { row in
        "\(snapshot.participants[row.runner].bib) \(row.status.rawValue) \(row.place.map(String.init) ?? "-") \(row.gunTime.map { TimeFormat.duration($0) } ?? "-")"
    }
}

/// Collects output lines from another task.
final class LineSink: @unchecked Sendable {
    // @unchecked: `lines` is touched only with `lock` held.
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock(); lines.append(line); lock.unlock()
    }

    var all: [String] {
        lock.lock(); defer { lock.unlock() }
        return lines
    }
}
