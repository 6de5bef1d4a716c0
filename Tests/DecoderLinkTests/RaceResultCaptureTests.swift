import Foundation
import RaceModel
import TestSupport
import Testing
import TimingIngest
@testable import DecoderLink

@Suite(.serialized) struct RaceResultCaptureTests {
    @Test func everyFaultOfRaceDayLosesNothingAndDoublesNothing() async throws {
        let decoder = try await RaceResultEmulator.start(group: emulatorGroup, clock: testClock, clockSkew: 1500)
        let folder = try singlePointFolder(DecoderTomlLines.line(.raceResult, host: "127.0.0.1", port: decoder.port, silentAfter: 0.3))
        defer { folder.remove() }
        let run = try CaptureRun(try folder.load())
        var sent: [EmulatedPassing] = []
        func send(_ list: [EmulatedPassing]) { sent += list; decoder.add(list) }

        try await run.waitFor("km5", "connected") { $0.link == .connected }
        send(passings(100))
        try await run.waitFor("km5", "100 passings") { $0.passings == 100 }
        try await run.waitFor("km5", "clock skew") { $0.clockSkew == 1500 }

        // Dropped: what arrives meanwhile is fetched by PassingNo after the reconnect.
        decoder.dropConnections()
        send(passings(50, from: 100))
        try await run.waitFor("km5", "150 after a drop") { $0.passings == 150 }

        // Restarted: numbering from 1 again, new passings kept, none taken for repeats.
        decoder.restart()
        send(passings(30, from: 150))
        try await run.waitFor("km5", "180 after a restart") { $0.passings == 180 }

        // A line cut mid-way: the cut passing is fetched again whole.
        #expect(await eventually { decoder.pushClients == 1 })
        decoder.cutNextPush()
        send(passings(20, from: 180))
        try await run.waitFor("km5", "200 after a cut line") { $0.passings == 200 }
        #expect(decoder.cutsMade == 1)

        // Silent: the link is dropped and shown so; passings sent meanwhile come after.
        decoder.setSilent(true)
        send(passings(10, from: 200))
        try await run.waitFor("km5", "silent link dropped") { $0.link == .waiting && $0.connections >= 4 }
        decoder.setSilent(false)
        try await run.waitFor("km5", "210 after silence") { $0.passings == 210 }

        // Flood: a burst of 20,000 at once.
        send(passings(20_000, from: 210))
        try await run.waitFor("km5", "20,210 after a flood") { $0.passings == 20_210 }

        await run.stop()
        await decoder.stop()
        let file = try readsInFile(folder.file("reads/km5.txt"))
        #expect(file.others.isEmpty)
        #expect(file.reads.count == sent.count)
        #expect(Set(file.reads) == Set(keys(sent)))
        #expect(run.status("km5")?.gaps == 0)
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
