import ArgumentParser
import DashboardApp
import Foundation
import LiveIngest
import RaceModel
import RaceStore
import Snapshots
import TimingIngest
#if canImport(Glibc)
import Glibc
#endif

struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Follow an event's read files while the mats write them (race day).",
        discussion: """
            Edits of event.toml and participants.csv are picked up within about a second; \
            an edit that cannot be loaded is reported and the previous configuration stays in use. \
            Without a terminal (or with --headless) prints one line per counted split, one per \
            rejected line, and a standings summary now and then. Stops on Ctrl-C or SIGTERM.
            """)

    @Argument(help: "The event folder (event.toml, participants.csv, read files).")
    var event: String
    @Flag(help: "Print lines instead of showing the dashboard (the default when stdout is not a terminal).")
    var headless = false
    @Option(
        name: .customLong("summary-every"), parsing: .unconditional,
        help: "Seconds between standings summaries in headless output.")
    var summaryEvery: Double = 30

    func validate() throws { _ = try seconds(summaryEvery, option: "summary-every") }

    func run() async throws {
        MallocSettings.limitArenasToCores()
        let summary = try seconds(summaryEvery, option: "summary-every")
        if headless || isatty(STDOUT_FILENO) == 0 {
            try await runLiveHeadless(eventPath: event, summaryEvery: summary)
        } else {
            try await runLiveDashboard(eventPath: event)
        }
    }
}

/// Headless live output on stdout, one write per line, until SIGINT or SIGTERM;
/// the event's decoders are captured meanwhile, their status lines among the rest.
func runLiveHeadless(
    eventPath: String, summaryEvery: Duration, options: LiveFeed.Options = LiveFeed.Options(),
    liveNow: @escaping @Sendable (EventConfig) -> Millis = LiveClock.now(event:)
) async throws {
    // A closed pipe shows up as EPIPE from write, handled there, not as a fatal signal.
    signal(SIGPIPE, SIG_IGN)
    let live = Task {
        try await withDecoderCapture(
            eventPath: eventPath, report: { writeLine($0, to: STDOUT_FILENO) }, summaryEvery: summaryEvery,
            liveNow: liveNow
        ) { _ in
            try await LiveHeadless.run(eventPath: eventPath, summaryEvery: summaryEvery, options: options) { line in
                writeLine(line, to: STDOUT_FILENO)
            }
        }
    }
    let signals = cancelOnTerminationSignals(live)
    defer { signals.forEach { $0.cancel() } }
    do {
        try await live.value
    } catch let error as ConfigError {
        throw RacedashError(error.description)
    }
}

/// Writes the line at once (no stdio buffer), so a pipe or a log file sees
/// each read as it is counted.
func writeLine(_ line: String, to descriptor: Int32) {
    var bytes = Array(line.utf8)
    bytes.append(UInt8(ascii: "\n"))
    var done = 0
    while done < bytes.count {
        let n = bytes[done...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if n > 0 {
            done += n
        } else if n < 0 && errno == EINTR {
            continue
        } else if n < 0 && errno == EPIPE {
            // The reader went away (`| head`): stop as on Ctrl-C, so cleanup runs.
            raise(SIGTERM)
            return
        } else {
            return
        }
    }
}

/// SIGINT and SIGTERM cancel `task` (which then stops cleanly) instead of
/// killing the process. Keep the sources alive while they should work.
func cancelOnTerminationSignals<T: Sendable>(_ task: Task<T, Error>) -> [DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { task.cancel() }
        source.resume()
        return source
    }
}
