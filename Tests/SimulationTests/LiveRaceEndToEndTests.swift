import Testing
import Foundation
import RaceModel
import RaceStore
import LiveIngest
import Snapshots
import TestSupport
import TimingIngest
import Simulation

/// A whole simulated race written live (at high speed) while a LiveFeed
/// follows the files: at the end, the live state must equal what `results`
/// computes from the finished folder.
@Suite struct LiveRaceEndToEndTests {
    @Test(.timeLimit(.minutes(5))) func liveStateAtTheEndEqualsResultsOfTheFinishedFolder() async throws {
        let event = RaceSimulator.simulate(SimulationOptions(seed: 2025, runners: 300))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("racedash-liverace-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Config first, so the feed can start before any read file exists.
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try event.eventToml.write(toFile: dir + "/event.toml", atomically: true, encoding: .utf8)
        try event.participantsCSV.write(toFile: dir + "/participants.csv", atomically: true, encoding: .utf8)

        let folder = try EventFolder.load(dir)
        let state = RaceState(folder: folder)
        let feed = LiveFeed(folder: folder, state: state)
        feed.start()
        // About six hours of race in about three seconds.
        try await event.writeLive(to: dir, speed: 8_000)

        let lines = event.readFiles.reduce(0) { $0 + $1.lines.count }
        let updates = feed.updates()
        _ = try await withDeadline("every line delivered") {
            if feed.status().linesDelivered >= lines { return true }
            for await _ in updates where feed.status().linesDelivered >= lines { return true }
            return false
        }
        #expect(feed.status().linesDelivered == lines)
        let live = await state.snapshot()
        await feed.stop()

        let finished = try EventFolder.load(dir)
        let (log, missing) = try ReadLogLoader.load(finished)
        #expect(missing.isEmpty)
        let results = await RaceState(folder: finished, log: log).snapshot()

        #expect(live.at == results.at)
        #expect(live.evaluation.standings == results.evaluation.standings)
        #expect(live.evaluation.rejections == results.evaluation.rejections)
        #expect(live.evaluation.usedCount == results.evaluation.usedCount)
        #expect(live.evaluation.duplicateCount == results.evaluation.duplicateCount)
        #expect(results.standings(race: 0).statusCounts[.finished] > 50)
    }
}
