import ArgumentParser
import DashboardApp
import DecoderLink
import Foundation
import LiveIngest
import RaceModel
import Simulation
import TimingIngest
#if canImport(Glibc)
import Glibc
#endif

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Watch a simulated race live: the sample event written in real time into a temporary folder.",
        discussion: """
            Starts the simulated Pyongyang marathon, half and 10K a minute before the first gun, \
            writes the mats' read files as the race unfolds, and opens the live dashboard on them. \
            The folder is removed when you quit.
            """)

    @Option(parsing: .unconditional, help: "How many times faster than real time the race runs.")
    var speed: Double = 30
    @Option(parsing: .unconditional, help: "Random seed of the simulated race.")
    var seed: UInt64 = 2025
    @Flag(help: "Print lines instead of showing the dashboard.")
    var headless = false
    @Flag(
        help:
            "Play each point's decoder on loopback and capture it over the network, as on race day (docs/decoders.md).")
    var decoders = false

    func validate() throws {
        guard speed > 0 && speed <= 10_000 else {
            throw ValidationError("--speed must be above 0 and at most 10000, not \(speed)")
        }
    }

    func run() async throws {
        MallocSettings.limitArenasToCores()
        var template = Array((FileManager.default.temporaryDirectory.path + "/racedash-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw RacedashError("cannot create a temporary folder: \(systemErrorText(errno))")
        }
        let dir = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let event = RaceSimulator.simulate(SimulationOptions(seed: seed))
        let firstGun = event.config.races.map(\.firstGun).min() ?? 0
        // The config goes down first so the live feed can open the folder.
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try event.eventToml.write(toFile: dir + "/event.toml", atomically: true, encoding: .utf8)
        try event.participantsCSV.write(toFile: dir + "/participants.csv", atomically: true, encoding: .utf8)

        let speed = self.speed
        let start = firstGun - 60_000
        let liveNow = LiveClock.scaled(start: start, wallStart: LiveClock.unixMillisNow(), speed: speed)
        let served =
            decoders ? try await ServedDecoders.start(event, clock: TimeOfDayClock { liveNow(event.config) }) : nil
        if let served { try served.config.write(toFile: dir + "/event.toml", atomically: true, encoding: .utf8) }
        let writer = Task {
            if let served {
                try await served.play(event, to: dir, speed: speed, from: start)
            } else {
                try await event.writeLive(to: dir, speed: speed, from: start)
            }
        }
        defer { writer.cancel() }
        if headless || isatty(STDOUT_FILENO) == 0 {
            writeLine(
                "racedash demo: simulated race \(decoders ? "served by decoders on loopback, captured" : "written live") into \(dir) at \(speed)x",
                to: 2)
            try await runLiveHeadless(eventPath: dir, summaryEvery: .seconds(10), liveNow: liveNow)
        } else {
            try await runLiveDashboard(eventPath: dir, liveNow: liveNow)
        }
        await served?.stop()
    }
}
