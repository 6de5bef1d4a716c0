import Foundation
import RaceModel
import TestSupport
import Testing
import TimingIngest
@testable import DecoderLink

/// racedash listens; an emulated MYLAPS Timing & Scoring dials in and sends `Store` messages.
@Suite(.serialized) struct MYLAPSCaptureTests {
    static let date = CivilDate(year: 2025, month: 4, day: 6)

    func timingAndScoring(_ port: Int, resendAfter: Duration = .seconds(1)) -> MYLAPSEmulator {
        MYLAPSEmulator(
            group: emulatorGroup, host: "127.0.0.1", port: port, location: "km5", date: Self.date,
            resendAfter: resendAfter)
    }

    @Test func everyFaultOfRaceDayLosesNothingAndDoublesNothing() async throws {
        let (folder, run, port) = try await listeningCapture(.mylaps)
        defer { folder.remove() }
        try await playFaults(timingAndScoring(port), run, file: folder.file("reads/km5.txt"))
    }

    @Test func storeMessagesNotAcknowledgedAreSentAgainAndWrittenOnce() async throws {
        let (folder, run, port) = try await listeningCapture(.mylaps)
        defer { folder.remove() }
        let tns = timingAndScoring(port, resendAfter: .milliseconds(200))
        #expect(await eventually { tns.isGreeted })
        // The acknowledgements of both messages go missing: T&S sends them again.
        tns.loseAcknowledgements(2)
        tns.add(passings(60))
        try await run.waitFor("km5", "60 passings and the resent 60") { $0.passings == 60 && $0.repeats >= 60 }
        #expect(await eventually { tns.unacknowledged == 0 })
        #expect(tns.resent >= 2)
        await run.stop()
        await tns.stop()
        let stored = try readsInFile(folder.file("reads/km5.txt"))
        #expect(stored.others.isEmpty)
        #expect(stored.reads == keys(passings(60)))
    }

    @Test func passingsOfAnotherLocationAreNeitherStoredNorAcknowledged() async throws {
        let folder = try singlePointFolder(
            #"decoder = { protocol = "mylaps", host = "127.0.0.1", port = 0, location = "finish" }"#)
        defer { folder.remove() }
        let run = try CaptureRun(try folder.load())
        try await run.waitFor("km5", "listening") { !$0.endpoint.hasSuffix(":0") }
        let port = try #require(run.status("km5")?.endpoint.split(separator: ":").last.flatMap { Int($0) })
        let tns = timingAndScoring(port)
        #expect(await eventually { tns.isGreeted })
        tns.add(passings(3))
        try await run.waitFor("km5", "the location refused") { $0.lastProblem?.contains("'finish'") == true }
        #expect(run.status("km5")?.passings == 0)
        #expect(tns.unacknowledged == 1)
        await run.stop()
        await tns.stop()
    }

    @Test func theEmulatorWritesPassingsTheParserReads() {
        let p = EmulatedPassing(code: "LZ63021", timeOfDay: ((15 * 60 + 37) * 60 + 40) * 1000 + 704)
        let line = MYLAPSEmulator.passing(p, number: 0x1D, count: 1, date: CivilDate(year: 2025, month: 3, day: 8))
        #expect(line.hasPrefix("LZ6302115:37:40.704 1 0F  1001D250308"))
        #expect(
            ReadLineParser.parse(line)
                == .read(
                    RawRead(
                        code: "LZ63021", date: CivilDate(year: 2025, month: 3, day: 8), timeOfDay: p.timeOfDay,
                        sequence: 0x1D, format: .mylaps)))
    }
}
