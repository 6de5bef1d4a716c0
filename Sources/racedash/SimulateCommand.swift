import ArgumentParser
import DashboardApp
import Foundation
import DecoderLink
import RaceModel
import Simulation

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a whole synthetic race as an event folder, the same for the same seed.")

    @Option(help: "The folder to write (created if missing; one that holds files needs --force).")
    var out: String
    @Flag(help: "Write into --out even if it already holds files (an earlier event is overwritten).")
    var force = false
    @Option(parsing: .unconditional, help: "Random seed: the same seed writes the same race.")
    var seed: UInt64 = 2025
    @Option(parsing: .unconditional, help: "Number of runners.")
    var runners: Int = 1000
    @Option(help: "pyongyang (marathon, half and 10K) or big-city (one big marathon).")
    var profile: SimulationProfile = .pyongyang
    @Flag(help: "Write the read files in real time, line by line, as the mats would.")
    var live = false
    @Option(parsing: .unconditional, help: "With --live: how many times faster than real time.")
    var speed: Double = 1
    @Option(
        help: "With --live: start the race clock here (HH:MM:SS); earlier lines are written at once.",
        transform: TimeOfDayArgument.parse)
    var from: TimeOfDayArgument?
    @Flag(
        help:
            "Live, with each point's decoder played on loopback instead of its main read file (implies --live); event.toml names them."
    )
    var serve = false

    func validate() throws {
        guard !out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("--out needs the path of the folder to write the event into")
        }
        guard runners >= 0 && runners <= 200_000 else {
            throw ValidationError("--runners must be between 0 and 200000, not \(runners)")
        }
        // Said, not ignored: without them the race is written at once.
        if !live && !serve && (speed != 1 || from != nil) {
            throw ValidationError("--speed and --from set the pace of --live or --serve; add one of them")
        }
        guard speed > 0 && speed <= 100_000 else {
            throw ValidationError("--speed must be above 0 and at most 100000, not \(speed)")
        }
    }

    /// An event folder written over by mistake is a race lost: a folder that
    /// already holds files is only written into with --force.
    /// Not even with --force over an officials' journal: it is the earlier
    /// event's record of decisions, and left in place its rows would apply
    /// to the simulated runners.
    static func refuseToOverwrite(_ path: String, force: Bool) throws {
        if FileManager.default.fileExists(atPath: path + "/" + Correction.journalName) {
            throw RacedashError(
                "--out \(path) holds an officials' journal (\(Correction.journalName)) that --force does not "
                    + "write over: move it away first, or choose a new folder")
        }
        guard !force else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw RacedashError("--out \(path) is a file, not a folder: choose a folder to write the event into")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard !contents.isEmpty else { return }
        let shown = contents.sorted().prefix(3).joined(separator: ", ") + (contents.count > 3 ? ", ..." : "")
        throw RacedashError(
            "--out \(path) already holds files (\(shown)): pass --force to write the simulated event over them, "
                + "or choose a new folder")
    }

    func run() async throws {
        try Self.refuseToOverwrite(out, force: force)
        let event = RaceSimulator.simulate(SimulationOptions(seed: seed, runners: runners, profile: profile))
        if serve {
            try await serveLive(event)
            return
        }
        if live {
            let progress = LiveWriteProgress(event.writeSchedule)
            try await event.writeLive(
                to: out, speed: speed, from: from?.ms,
                ready: { progress.say("writing \(out) live at \(speed)x; Ctrl-C stops") },
                progress: progress.reached)
        } else {
            try event.write(to: out)
        }
        let lines = event.readFiles.reduce(0) { $0 + $1.lines.count }
        print("wrote \(out): \(event.participants.count) runners, \(event.readFiles.count) read files, \(lines) lines")
    }
}

extension SimulateCommand {
    /// Serves the race until it is over and then until Ctrl-C, so a capture can still fetch what it missed.
    func serveLive(_ event: SimulatedEvent) async throws {
        let start = from?.ms ?? event.writeSchedule.first?.time ?? 0
        let clock = raceClock(event.config, start: start, speed: speed)
        let served = try await ServedDecoders.start(event, clock: clock)
        let announcement =
            [
                "serving \(out) live at \(speed)x; `racedash capture \(out)` or `racedash live \(out)` takes the passings; Ctrl-C stops"
            ] + served.summary.map { "  " + $0 }
        let playing = Task {
            // Said once event.toml is written: a `racedash live` started on these words finds the folder.
            try await served.play(event, to: out, speed: speed, from: from?.ms) {
                writeLine(announcement.joined(separator: "\n"), to: STDOUT_FILENO)
            }
            while (try? await Task.sleep(for: .seconds(3600))) != nil {}
        }
        let signals = cancelOnTerminationSignals(playing)
        defer { signals.forEach { $0.cancel() } }
        // Ctrl-C ends the writing quietly; what else ends it (a folder that
        // cannot be written) is said once the decoders are stopped.
        let ended = await playing.result
        await served.stop()
        try ended.get()
    }
}

/// The race clock of a simulated race played live: `start` (time of day) now, running `speed` times faster.
func raceClock(_ event: EventConfig, start: Millis, speed: Double) -> TimeOfDayClock {
    let scaled = LiveClock.scaled(start: start, wallStart: LiveClock.unixMillisNow(), speed: speed)
    return TimeOfDayClock { scaled(event) }
}

extension SimulationProfile: ExpressibleByArgument {}
