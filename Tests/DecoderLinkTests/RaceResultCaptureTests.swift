import Foundation
import RaceModel
import TestSupport
import Testing
import TimingIngest
@testable import DecoderLink

@Suite(.serialized) struct RaceResultCaptureTests {
    @Test func everyFaultOfRaceDayLosesNothingAndDoublesNothing() async throws {
        let decoder = try await RaceResultEmulator.start(group: emulatorGroup, clock: testClock, clockSkew: 1500)
        let folder = try singlePointFolder(
            DecoderTomlLines.line(.raceResult, host: "127.0.0.1", port: decoder.port, silentAfter: 0.3))
        defer { folder.remove() }
        let run = try CaptureRun(try folder.load())
        try await run.waitFor("km5", "clock skew") { $0.clockSkew == 1500 }
        try await playFaults(decoder, run, file: folder.file("reads/km5.txt"))
    }

    @Test func racedashRestartedResumesAfterTheLastStoredPassing() async throws {
        let decoder = try await RaceResultEmulator.start(group: emulatorGroup, clock: testClock)
        let folder = try singlePointFolder(DecoderTomlLines.line(.raceResult, host: "127.0.0.1", port: decoder.port))
        defer { folder.remove() }
        decoder.add(passings(40))
        let first = try CaptureRun(try folder.load())
        try await first.waitFor("km5", "40 passings") { $0.passings == 40 }
        await first.stop()

        decoder.add(passings(25, from: 40))
        let second = try CaptureRun(try folder.load())
        try await second.waitFor("km5", "the 25 missed") { $0.passings == 25 }
        decoder.add(passings(5, from: 65))
        try await second.waitFor("km5", "5 more") { $0.passings == 30 }
        await second.stop()
        await decoder.stop()

        let file = try readsInFile(folder.file("reads/km5.txt"))
        #expect(file.reads == keys(passings(70)))
        #expect(second.status("km5")?.repeats == 0)
    }

    @Test func aDecoderThatIsNotThereIsRetriedAndShownWaiting() async throws {
        // Bind and close at once: a loopback port with nobody listening.
        let gone = try await RaceResultEmulator.start(group: emulatorGroup, clock: testClock)
        await gone.stop()
        let folder = try singlePointFolder(DecoderTomlLines.line(.raceResult, host: "127.0.0.1", port: gone.port))
        defer { folder.remove() }
        let run = try CaptureRun(try folder.load())
        try await run.waitFor("km5", "a failed attempt") { $0.lastError?.contains("cannot connect") == true }
        #expect(run.status("km5")?.link == .waiting)
        await run.stop()
    }
}
