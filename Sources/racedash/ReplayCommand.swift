import ArgumentParser
import Dashboard
import DashboardApp
import Glibc
import RaceModel

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay an event folder's reads through the full-screen dashboard, at any speed.",
        discussion: "Keys: " + KeyBindings.summary(mode: .replay) + "\n\n"
            + "Seeking back shows exactly what a fresh replay to that time shows; at the end of "
            + "the feed the standings are those of `racedash results`.")

    @Argument(help: "The event folder (event.toml, participants.csv, read files).")
    var event: String
    @Option(
        parsing: .unconditional,
        help: "Times real time: 1, 2, 5, 10, 30, 60, 120, 300, 600, 1000 or 2000 (+ and - step between them).")
    var speed: Int = 60
    @Option(
        help: "Start at this time of day, HH:MM:SS (default: a minute before the first gun or the first read).",
        transform: TimeOfDayArgument.parse)
    var from: TimeOfDayArgument?
    @Flag(help: "Start paused.")
    var paused = false

    func validate() throws {
        guard ReplayClock.speedRange.contains(Double(speed)) else {
            throw ValidationError("--speed \(speed) is out of range: give 1 to 2000 times real time")
        }
    }

    func run() async throws {
        // Before loading: a pipe or a file gets a clear answer at once, not a stack of escape codes.
        try Self.requireTerminal(event: event)
        let loaded = try await LoadedEvent.load(event)
        let state = loaded.state(followsChanges: true)
        await state.prepareForReplay()
        let span = await state.feedSpan
        let fromTime = from?.placed(in: loaded.folder.event)
        if let from = fromTime, let end = span?.end, from > end {
            throw RacedashError(
                "--from \(TimeFormat.timeOfDay(from)) is after the last read of \(event) (\(TimeFormat.timeOfDay(end)))"
            )
        }
        let clock = ReplayClock(
            event: loaded.folder.event, feedSpan: span, from: fromTime, speed: Double(speed), paused: paused)
        try await runDashboard(state: state, feed: .replay(clock))
    }

    static func requireTerminal(event: String) throws {
        let missing = [(STDIN_FILENO, "stdin"), (STDOUT_FILENO, "stdout")].filter { isatty($0.0) != 1 }.map(\.1)
        guard missing.isEmpty else {
            throw RacedashError(
                """
                racedash replay draws a full-screen dashboard and needs a terminal, but \
                \(missing.joined(separator: " and ")) \(missing.count == 1 ? "is" : "are") not one.
                For standings as text, run: racedash results \(event) --at HH:MM:SS [--format csv|json]
                """)
        }
    }
}
