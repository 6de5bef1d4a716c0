import Foundation
import TestSupport
import Testing
@testable import TimingIngest
#if canImport(Glibc)
import Glibc
#endif

typealias TailScratch = ScratchFolder

struct TailTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A writer holding its file open, like a decoder appending reads.
final class TailWriter {
    private(set) var fd: Int32

    init(_ path: String, flags: Int32 = O_WRONLY | O_CREAT | O_APPEND) throws {
        fd = open(path, flags | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TailTestError("cannot open \(path): errno \(errno)") }
    }

    deinit { close() }

    /// One write(2) for the whole text, as a decoder writes a read.
    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let count = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { throw TailTestError("write failed: errno \(errno)") }
            done += count
        }
    }

    func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }
}

/// Creates (or replaces the content of) a file in one go.
func writeFile(_ path: String, _ text: String) throws {
    let writer = try TailWriter(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
    try writer.write(text)
}

actor TailEventLog {
    private(set) var events: [TailEvent] = []
    func append(_ event: TailEvent) { events.append(event) }
}

/// Runs a tailer and records what it delivers; every wait has a deadline, so
/// a missing event fails the test instead of hanging it.
final class TailProbe: Sendable {
    let tailer: FileTailer
    private let log = TailEventLog()
    private let consumer: Task<Void, Never>

    init(paths: [String], mode: TailMode, pollInterval: Duration, rotatedGrace: Duration = .seconds(30)) {
        tailer = FileTailer(paths: paths, pollInterval: pollInterval, mode: mode, rotatedGrace: rotatedGrace)
        let stream = tailer.lines()
        let log = log
        consumer = Task {
            for await event in stream { await log.append(event) }
        }
    }

    var events: [TailEvent] {
        get async { await log.events }
    }

    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = hangGuard,
        _ done: @Sendable ([TailEvent]) -> Bool
    ) async throws -> [TailEvent] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let events = await log.events
            if done(events) { return events }
            guard ContinuousClock.now < deadline else {
                tailer.stop()
                throw TailTestError("timed out waiting for \(what); received: \(events)")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Lets anything extra (a duplicate, a stray notice) arrive, then stops
    /// and returns all that was delivered.
    func finish(settling: Duration = .milliseconds(150)) async throws -> [TailEvent] {
        try await Task.sleep(for: settling)
        tailer.stop()
        await consumer.value
        return await log.events
    }

    func cancelConsumer() async {
        consumer.cancel()
        await consumer.value
    }
}

extension Array where Element == TailEvent {
    func of(file: Int) -> [TailEvent] {
        filter {
            switch $0 {
            case .line(let f, _, _, _), .unusableLine(let f, _, _, _, _), .caughtUp(let f), .notice(let f, _): f == file
            }
        }
    }

    func lineCount(file: Int) -> Int {
        of(file: file).filter { if case .line = $0 { true } else { false } }.count
    }
}

/// The `.line` events expected for `texts`, numbered from `first`.
func numbered(_ texts: [String], file: Int = 0, from first: Int = 1, generation: Int = 0) -> [TailEvent] {
    texts.enumerated().map {
        .line(file: file, lineNumber: first + $0.offset, text: $0.element, generation: generation)
    }
}

/// The mode under test, with a timed-check period: so long in inotify mode
/// that a scenario passes only if inotify events alone drive it.
struct TailSetup: Sendable, CustomTestStringConvertible {
    var mode: TailMode
    var pollInterval: Duration
    var testDescription: String { "\(mode)" }

    static let both = [
        TailSetup(mode: .inotify, pollInterval: .seconds(3600)),
        TailSetup(mode: .polling, pollInterval: .milliseconds(20)),
    ]

    /// A probe on `path` for rotation scenarios, whose renamed file is never
    /// given up for quiet while the scenario runs: on a busy machine a
    /// scenario's steps had outlasted a grace of seconds, and a line written
    /// to the renamed file after them went unread. With inotify the writer's
    /// close ends the renamed file; in polling mode nothing does (the grace
    /// giving it up has a scenario of its own).
    func rotationProbe(_ path: String) -> TailProbe {
        TailProbe(paths: [path], mode: mode, pollInterval: pollInterval, rotatedGrace: .seconds(3600))
    }

    /// Awaits the end of the renamed file where its writer's close ends it (inotify).
    func waitForRenamedFileClosed(_ probe: TailProbe) async throws {
        guard mode == .inotify else { return }
        try await probe.waitFor("old file done") {
            $0.contains { if case .notice(_, .rotatedFileDone) = $0 { true } else { false } }
        }
    }
}

/// What the process holds open inside `folder`, read from /proc.
enum OpenDescriptors {
    static func count(inside folder: String) -> Int {
        links().filter { $0.target.hasPrefix(folder + "/") || $0.target == folder }.count
    }

    /// Whether some inotify instance of this process watches `folder`.
    static func inotifyWatches(_ folder: String) -> Bool {
        var info = stat()
        guard stat(folder, &info) == 0 else { return false }
        let inode = "ino:" + String(info.st_ino, radix: 16) + " "
        return links().contains { link in
            guard link.target == "anon_inode:inotify",
                let text = try? String(contentsOfFile: "/proc/self/fdinfo/\(link.fd)", encoding: .utf8)
            else { return false }
            return text.split(separator: "\n").contains { $0.hasPrefix("inotify ") && $0.contains(inode) }
        }
    }

    private static func links() -> [(fd: String, target: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { name in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)")
            else { return nil }
            return (name, target)
        }
    }
}
