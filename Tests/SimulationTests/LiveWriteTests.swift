import Testing
import Foundation
import Simulation

@Suite struct LiveWriteTests {
    @Test(.timeLimit(.minutes(5))) func liveWritingEndsWithTheSameFilesAsWritingAtOnce() async throws {
        let event = RaceSimulator.simulate(SimulationOptions(seed: 7, runners: 120))
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("racedash-livewrite-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        let whole = base.appendingPathComponent("whole").path
        let live = base.appendingPathComponent("live").path
        try event.write(to: whole)
        // The whole race in well under a second.
        try await event.writeLive(to: live, speed: 200_000)
        for file in event.readFiles {
            let a = try String(contentsOfFile: whole + "/" + file.path, encoding: .utf8)
            let b = try String(contentsOfFile: live + "/" + file.path, encoding: .utf8)
            #expect(a == b, "\(file.path)")
        }
    }

    @Test func scheduleIsInTimeOrderAndKeepsEveryLine() {
        let event = RaceSimulator.simulate(SimulationOptions(seed: 7, runners: 120))
        let schedule = event.writeSchedule
        #expect(schedule.count == event.readFiles.reduce(0) { $0 + $1.lines.count })
        #expect(zip(schedule, schedule.dropFirst()).allSatisfy { $0.time <= $1.time })
        for (f, file) in event.readFiles.enumerated() {
            #expect(schedule.filter { $0.file == f }.map(\.text) == file.lines.map(\.text))
        }
    }

    @Test func cancellingStopsTheWriter() async throws {
        let event = RaceSimulator.simulate(SimulationOptions(seed: 7, runners: 120))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("racedash-livecancel-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let task = Task { try await event.writeLive(to: dir, speed: 1) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        try await task.value
        #expect(FileManager.default.fileExists(atPath: dir + "/event.toml"))
    }

    /// `simulate --serve` announces its decoders from `ready`, and a `racedash
    /// live` started on those words must find the folder.
    @Test func readyComesOnceTheEventFolderCanBeOpenedAndBeforeAnyRead() async throws {
        let event = RaceSimulator.simulate(SimulationOptions(seed: 7, runners: 120))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("racedash-liveready-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var seen: (config: Bool, participants: Bool, readFiles: Int)?
        try await event.writeLive(
            to: dir, speed: 200_000,
            ready: {
                seen = (
                    FileManager.default.fileExists(atPath: dir + "/event.toml"),
                    FileManager.default.fileExists(atPath: dir + "/participants.csv"),
                    event.readFiles.filter { FileManager.default.fileExists(atPath: dir + "/" + $0.path) }.count
                )
            })
        let ready = try #require(seen, "ready was never called")
        #expect(ready.config && ready.participants)
        #expect(ready.readFiles == 0)
    }
}
