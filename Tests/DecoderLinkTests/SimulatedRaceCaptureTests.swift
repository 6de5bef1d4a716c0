import Foundation
import RaceModel
import RaceStore
import ResultsReport
import Simulation
import TestSupport
import Testing
import TimingIngest
@testable import DecoderLink

/// A whole simulated race served by one emulated decoder per point and captured
/// over loopback gives the results of the simulated folder itself.
@Suite(.serialized) struct SimulatedRaceCaptureTests {
    @Test(arguments: [DecoderProtocol.raceResult, .mylaps])
    func aRaceCapturedOverTheNetworkGivesTheSameResults(_ kind: DecoderProtocol) async throws {
        let event = RaceSimulator.simulate(SimulationOptions(seed: 7, runners: 150))
        let original = try ScratchFolder()
        let captured = try ScratchFolder()
        defer {
            original.remove()
            captured.remove()
        }
        try event.write(to: original.path)

        var decoders: [String: any EmulatedDecoder] = [:]
        var served: [String: [EmulatedPassing]] = [:]
        var lines: [String: String] = [:]
        var ports = kind == .mylaps ? try await freeLoopbackPorts(event.config.points.count, group: emulatorGroup) : []
        for point in event.config.points {
            let main = try #require(event.readFiles.first { $0.pointId == point.id && !$0.isBackup })
            served[point.id] = EmulatedPassing.decoderReads(of: main.lines.map(\.text)).filter { !$0.isGun }
            let (decoder, port) = try await Self.decoder(
                kind, point: point.id, date: event.config.date, port: ports.popLast())
            decoders[point.id] = decoder
            lines[point.id] = DecoderTomlLines.line(kind, host: "127.0.0.1", port: port)
        }
        try DecoderTomlLines.adding(lines, to: event.eventToml).write(
            toFile: captured.path + "/event.toml", atomically: true, encoding: .utf8)
        try event.participantsCSV.write(toFile: captured.path + "/participants.csv", atomically: true, encoding: .utf8)
        // Backup lines and hand timing are files only: copied as they are.
        for file in event.readFiles where file.isBackup {
            try captured.write(file.path, file.lines.map { $0.text + "\n" }.joined())
        }

        let run = try CaptureRun(try EventFolder.load(captured.path))
        for (point, list) in served {
            // In a few bursts, as a race arrives.
            for chunk in stride(from: 0, to: list.count, by: 400) {
                decoders[point]!.add(Array(list[chunk..<min(chunk + 400, list.count)]))
            }
        }
        for (point, list) in served {
            try await run.waitFor(point, "\(list.count) passings") { $0.passings == list.count }
        }
        await run.stop()
        for decoder in decoders.values { await decoder.stop() }

        let expected = CSVReport.render(try await Self.state(original.path).snapshot(final: true))
        let actual = CSVReport.render(try await Self.state(captured.path).snapshot(final: true))
        #expect(actual.split(separator: "\n").count > 100)
        #expect(actual == expected)
    }

    /// A RACE RESULT decoder listening, or MYLAPS Timing & Scoring dialling `port`, where racedash will listen.
    static func decoder(_ kind: DecoderProtocol, point: String, date: CivilDate, port: Int?) async throws -> (
        any EmulatedDecoder, Int
    ) {
        switch kind {
        case .mylaps:
            guard let port else { throw TestFailure("no port for MYLAPS T&S of \(point)") }
            return (
                MYLAPSEmulator(group: emulatorGroup, host: "127.0.0.1", port: port, location: point, date: date), port
            )
        default:
            let decoder = try await RaceResultEmulator.start(group: emulatorGroup, clock: testClock)
            return (decoder, decoder.port)
        }
    }

    static func state(_ path: String) throws -> RaceState {
        let folder = try EventFolder.load(path)
        return RaceState(folder: folder, log: try ReadLogLoader.load(folder).log)
    }
}
