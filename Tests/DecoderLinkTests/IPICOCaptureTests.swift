import Foundation
import RaceModel
import TestSupport
import Testing
import TimingIngest
@testable import DecoderLink

@Suite(.serialized) struct IPICOCaptureTests {
    static let date = CivilDate(year: 2025, month: 4, day: 6)

    /// Reads with 12-hex-digit tags, 10 ms apart.
    func tags(_ count: Int, from first: Int = 0) -> [EmulatedPassing] {
        (first..<(first + count)).map {
            let hex = String($0, radix: 16)
            return EmulatedPassing(
                code: String(repeating: "0", count: 12 - hex.count) + hex, timeOfDay: 8 * 3_600_000 + $0 * 10)
        }
    }

    @Test func theStreamIsStoredOnceThroughResendsCutsSilenceAndAFlood() async throws {
        let reader = try await IPICOEmulator.start(group: emulatorGroup, date: Self.date, heartbeat: .milliseconds(50))
        // An IPICO reader sends a read once, to whoever is connected: a link
        // dropped as silent while reads go out loses them for good. A silence
        // limit of 0.3 s was reached by a busy machine's stalls alone during
        // the flood; 3 s is 60 heartbeats.
        let folder = try singlePointFolder(
            DecoderTomlLines.line(.ipico, host: "127.0.0.1", port: reader.port, silentAfter: 3))
        defer { folder.remove() }
        let run = try CaptureRun(try folder.load())
        #expect(await settled(reader, run))

        reader.add(tags(100))
        try await run.waitFor("km5", "100 reads") { $0.passings == 100 }
        // The reader resends each read: written once, counted as repeats.
        reader.resend(tags(100))
        try await run.waitFor("km5", "100 repeats") { $0.repeats == 100 }

        // A line cut mid-way is not stored half; the stream goes on after the reconnect.
        let beforeCut = run.status("km5")?.connections ?? 0
        reader.cutNextPush()
        reader.add(tags(1, from: 100))
        #expect(reader.cutsMade == 1)
        try await run.waitFor("km5", "reconnected after the cut") {
            $0.connections > beforeCut && $0.link == .connected
        }
        #expect(await settled(reader, run))
        reader.add(tags(10, from: 101))
        try await run.waitFor("km5", "110 after a cut line") { $0.passings == 110 }

        // Silent, heartbeat included: the link is dropped and taken up again.
        let before = run.status("km5")?.connections ?? 0
        reader.setSilent(true)
        try await run.waitFor("km5", "the silent link dropped") { $0.link == .waiting && $0.connections > before }
        reader.setSilent(false)
        try await run.waitFor("km5", "reconnected after silence") { $0.link == .connected }
        #expect(await settled(reader, run))
        reader.add(tags(20_000, from: 111))
        try await run.waitFor("km5", "20,110 after a flood") { $0.passings == 20_110 }

        await run.stop()
        await reader.stop()
        let stored = try readsInFile(folder.file("reads/km5.txt"))
        #expect(stored.others.isEmpty)
        let expected = tags(100) + tags(10, from: 101) + tags(20_000, from: 111)
        #expect(stored.reads.sorted() == keys(expected).sorted())
        #expect(run.status("km5")?.rejected == 0)
    }

    /// The reader holds racedash's newest connection alone: the old one is gone at both ends.
    func settled(_ reader: IPICOEmulator, _ run: CaptureRun) async -> Bool {
        await eventually { reader.connectedClients == 1 && reader.accepted == run.status("km5")?.connections }
    }

    @Test func theEmulatorWritesLinesTheParserReads() throws {
        let line = IPICOEmulator.line(
            EmulatedPassing(code: "058000128608", timeOfDay: 20 * 3_600_000 + 27 * 60_000 + 47_350),
            date: CivilDate(year: 2026, month: 3, day: 6))
        // The example of docs/read-formats.md but for the reader-internal columns.
        #expect(line.count == 36)
        #expect(
            ReadLineParser.parse(line)
                == .read(
                    RawRead(
                        code: "058000128608", date: CivilDate(year: 2026, month: 3, day: 6),
                        timeOfDay: 20 * 3_600_000 + 27 * 60_000 + 47_350, format: .ipico)))
    }
}

@Suite struct IPICOSessionTests {
    @Test func readsAndTheTriggerFrameAreStoredStatusFramesAreNot() throws {
        let session = IPICOSession()
        // A real reader's stream (reads and status frames), then the frame of its trigger button.
        let path = SampleFeed.root + "/Tests/TimingIngestTests/Fixtures/real-reads/ipico-stream-first-last-seen.txt"
        let trigger = "ab000a2c260306052004151b2782ae"
        let lines =
            try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init) + [
                trigger
            ]
        let stored = lines.flatMap { session.received($0, StoredPassings()).passings }
        let reads = lines.filter { $0.hasPrefix("aa") }
        #expect(reads.count > 20)
        #expect(lines.count - reads.count > 20)
        #expect(stored == reads + [trigger])
    }
}
