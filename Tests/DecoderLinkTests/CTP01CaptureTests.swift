import Foundation
import RaceModel
import TestSupport
import Testing
import TimingIngest
@testable import DecoderLink

@Suite(.serialized) struct CTP01CaptureTests {
    func listening() async throws -> (LiveEventFolder, CaptureRun, Int) { try await listeningCapture(.ctp01) }

    @Test func everyFaultOfRaceDayLosesNothingAndDoublesNothing() async throws {
        let (folder, run, port) = try await listening()
        defer { folder.remove() }
        let decoder = CTP01Emulator(group: emulatorGroup, host: "127.0.0.1", port: port, location: "km5")
        try await playFaults(decoder, run, file: folder.file("reads/km5.txt"))
    }

    @Test func theGunIsStoredAsAMarkerAndNewLocationsAreAskedFor() async throws {
        let (folder, run, port) = try await listening()
        defer { folder.remove() }
        let decoder = CTP01Emulator(group: emulatorGroup, host: "127.0.0.1", port: port, location: "km5")
        #expect(await eventually { decoder.isStreaming })
        decoder.add([EmulatedPassing(code: "guntime", timeOfDay: 9 * 3_600_000, isGun: true)] + passings(3))
        try await run.waitFor("km5", "gun and 3 reads") { $0.passings == 4 }
        await run.stop()
        await decoder.stop()
        let text = try String(contentsOfFile: folder.file("reads/km5.txt"), encoding: .utf8)
        #expect(text.hasPrefix("CT01_33~1~km5~guntime~09:00:00.00~1~E1A2B3~0\n"))
        #expect(
            ReadLineParser.parse(text.split(separator: "\n")[0])
                == .gunMarker(time: 9 * 3_600_000, date: nil, sequence: 1))
        #expect(run.status("km5")?.gaps == 0)
    }

    @Test func theSessionGreetsStartsAndResumes() {
        var session = CTP01Session(location: "km5")
        let stored = StoredPassings(lastSequence: 40, missing: [12...13])
        #expect(
            session.received("SimpleClient~1.0~CTP01", stored).send
                == [
                    "racedash~1.0~4", "stream-mode=push", "time-format=normal", "guntimes=true", "newlocations=true",
                    "getlocations",
                ])
        #expect(session.received("ack~getlocations~start~km5", stored).send == ["start~km5~12"])
        #expect(
            session.received("CT01_33~9~km5~newlocation~09:15:21.00~0~ED932A~0", stored)
                == SessionStep(send: ["getlocations"]))
        // Numbered below where it resumed: the controller's count restarted, so it is asked for from 1.
        #expect(session.received("CT01_33~3~km5~A1~09:15:21.00~1~ED932A~1", stored).send == ["start~km5~1"])
    }
}
