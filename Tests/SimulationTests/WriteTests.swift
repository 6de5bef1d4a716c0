import Foundation
import Testing
@testable import Simulation

@Suite struct WriteTests {
    func temporaryFolder() -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("racedash-sim-\(UUID().uuidString)").path
        return dir
    }

    @Test func writesTheWholeEventFolder() throws {
        let event = RaceSimulator.simulate(SimulationOptions(seed: 9, runners: 150))
        let root = temporaryFolder()
        let dir = root + "/nested/event"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try event.write(to: dir)
        #expect(try String(contentsOfFile: dir + "/event.toml", encoding: .utf8) == event.eventToml)
        #expect(try String(contentsOfFile: dir + "/participants.csv", encoding: .utf8) == event.participantsCSV)
        for file in event.readFiles {
            let text = try String(contentsOfFile: dir + "/" + file.path, encoding: .utf8)
            #expect(text == file.lines.map { $0.text + "\n" }.joined())
        }
        // Writing again over the same folder works and gives the same files.
        try event.write(to: dir)
        #expect(try String(contentsOfFile: dir + "/event.toml", encoding: .utf8) == event.eventToml)
    }

    @Test func errorNamesThePathThatFailed() throws {
        let event = RaceSimulator.simulate(SimulationOptions(seed: 9, runners: 20))
        let dir = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A plain file where the reads folder should go.
        #expect(FileManager.default.createFile(atPath: dir + "/reads", contents: Data("x".utf8)))
        #expect {
            try event.write(to: dir)
        } throws: { error in
            guard let e = error as? SimulationWriteError else { return false }
            return e.path.hasSuffix("/reads") && e.description.contains("/reads")
        }
    }
}
