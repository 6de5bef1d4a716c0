import Foundation
import NIOCore
import NIOPosix
import RaceModel
import TestSupport
import TimingIngest
@testable import DecoderLink

/// A capture running in the test process against emulators on loopback.
final class CaptureRun: Sendable {
    let capture: DecoderCapture
    private let task: Task<Void, Never>

    init(_ folder: EventFolder) throws {
        capture = try DecoderCapture(
            folder: folder, clock: testClock, backoff: Backoff(initial: .milliseconds(20), maximum: .milliseconds(200)))
        let capture = self.capture
        task = Task { await capture.run() }
    }

    func status(_ point: String) -> DecoderStatus? { capture.statuses.first { $0.pointId == point } }

    /// Returns once `condition` holds for the point's status, awaiting its changes.
    func waitFor(_ point: String, _ what: String, _ condition: @escaping @Sendable (DecoderStatus) -> Bool) async throws
    {
        let capture = self.capture
        let updates = capture.updates()
        let held: Bool
        do {
            held = try await withDeadline("\(point): \(what)") {
                if let s = capture.statuses.first(where: { $0.pointId == point }), condition(s) { return true }
                for await _ in updates {
                    if let s = capture.statuses.first(where: { $0.pointId == point }), condition(s) { return true }
                }
                return false
            }
        } catch {
            // The link's counts say what happened instead (a dropped link, reads short).
            let status = capture.statuses.first { $0.pointId == point }.map { "\($0)" } ?? "no status"
            throw TestFailure("\(error); the link stood at \(status)")
        }
        if !held { throw TestFailure("\(point): capture stopped before \(what)") }
    }

    func stop() async {
        task.cancel()
        await task.value
    }
}

let testClock = TimeOfDayClock { 9 * 3_600_000 }

/// `count` passings with distinct chips and times, from `first`.
func passings(_ count: Int, from first: Int = 0, prefix: String = "T") -> [EmulatedPassing] {
    (first..<(first + count)).map { EmulatedPassing(code: "\(prefix)\($0)", timeOfDay: 8 * 3_600_000 + $0 * 10) }
}

/// What a read file holds: every read's (code, time), and the lines that are not reads.
func readsInFile(_ path: String) throws -> (reads: [String], others: [String]) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var reads: [String] = []
    var others: [String] = []
    for line in text.split(separator: "\n") {
        if case .read(let r) = ReadLineParser.parse(line) {
            reads.append("\(r.code)@\(r.timeOfDay)")
        } else {
            others.append(String(line))
        }
    }
    return (reads, others)
}

func keys(_ list: [EmulatedPassing]) -> [String] { list.map { "\($0.code)@\($0.timeOfDay)" } }

let emulatorGroup = MultiThreadedEventLoopGroup.singleton

/// One point with a decoder, in a fresh temp folder.
func singlePointFolder(_ decoder: String) throws -> LiveEventFolder {
    try LiveEventFolder(config: DecoderTomlLines.adding(["km5": decoder], to: LiveEventFolder.config))
}

/// A capture of one point whose link listens on a free loopback port, for an emulator to dial.
func listeningCapture(_ kind: DecoderProtocol) async throws -> (LiveEventFolder, CaptureRun, Int) {
    let folder = try singlePointFolder(DecoderTomlLines.line(kind, host: "127.0.0.1", port: 0, silentAfter: 0.3))
    let run = try CaptureRun(try folder.load())
    try await run.waitFor("km5", "listening") { !$0.endpoint.hasSuffix(":0") }
    guard let port = run.status("km5")?.endpoint.split(separator: ":").last.flatMap({ Int($0) }) else {
        throw TestFailure("km5: no port in \(run.status("km5")?.endpoint ?? "no status")")
    }
    return (folder, run, port)
}
