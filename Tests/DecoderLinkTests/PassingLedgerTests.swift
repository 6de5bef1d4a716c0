import RaceModel
import TimingIngest
import Testing
@testable import DecoderLink

@Suite struct PassingLedgerTests {
    func read(_ sequence: Int, _ code: String, _ time: Millis) -> ParsedLine {
        .read(RawRead(code: code, timeOfDay: time, sequence: sequence, format: .raceResult))
    }

    @Test func aCTP01GunLineTakesItsNumber() {
        var ledger = PassingLedger()
        for line in [
            "CT01_33~1~start~A1~07:45:00.00~1~R~1", "CT01_33~2~start~guntime~07:45:01.01~0~R~0",
            "CT01_33~3~start~A2~07:45:02.00~1~R~1",
        ] {
            _ = ledger.admit(ReadLineParser.parse(line))
        }
        #expect(ledger.missing.isEmpty)
        #expect(ledger.lastSequence == 3)
    }

    @Test func aRepeatIsDroppedAndANewPassingKept() {
        var ledger = PassingLedger()
        let first = ledger.admit(read(1, "A", 1000))
        let again = ledger.admit(read(1, "A", 1000))
        let next = ledger.admit(read(2, "B", 2000))
        #expect(first && !again && next)
        #expect(ledger.lastSequence == 2)
        #expect(ledger.firstWanted == 3)
    }

    @Test func skippedNumbersAreMissingUntilTheyArrive() {
        var ledger = PassingLedger()
        _ = ledger.admit(read(1, "A", 1000))
        _ = ledger.admit(read(6, "F", 6000))
        #expect(ledger.missing == [2...5])
        #expect(ledger.firstWanted == 2)
        _ = ledger.admit(read(3, "C", 3000))
        #expect(ledger.missing == [2...2, 4...5])
        _ = ledger.admit(read(2, "B", 2000))
        _ = ledger.admit(read(4, "D", 4000))
        _ = ledger.admit(read(5, "E", 5000))
        #expect(ledger.missing.isEmpty)
        #expect(ledger.missingCount == 0)
        #expect(ledger.lastSequence == 6)
    }

    @Test func aDecoderNumberingFromOneAgainIsANewRunNotRepeats() {
        var ledger = PassingLedger()
        for n in 1...5 { _ = ledger.admit(read(n, "A\(n)", n * 1000)) }
        let newRun = ledger.admit(read(1, "B1", 90_000))
        #expect(newRun)
        #expect(ledger.lastSequence == 1)
        #expect(ledger.firstWanted == 2)
        let oldRepeat = ledger.admit(read(3, "A3", 3000))
        #expect(!oldRepeat)
    }

    @Test func seededFromAFileItKnowsWhatIsStored() {
        let text =
            "#P;1;A;0000-00-00;09:00:00.000\n2;B;0000-00-00;09:00:01.000\n4;D;0000-00-00;09:00:03.000\nnot a read\n"
        let ledger = PassingLedger.seeded(from: Array(text.utf8))
        #expect(ledger.lastSequence == 4)
        #expect(ledger.missing == [3...3])
    }
}

@Suite struct RaceResultSessionTests {
    @Test func afterAReconnectWhatTheFileLacksIsFetched() {
        let stored = StoredPassings(lastSequence: 120, missing: [50...52])
        #expect(RaceResultSession.fetches(decoderHolds: 150, stored: stored, newRun: false) == ["50:3", "121:30"])
        #expect(
            RaceResultSession.fetches(decoderHolds: 120, stored: StoredPassings(lastSequence: 120), newRun: false)
                .isEmpty)
    }

    @Test func aDecoderHoldingFewerThanStoredRestartedItsCount() {
        #expect(
            RaceResultSession.fetches(decoderHolds: 7, stored: StoredPassings(lastSequence: 120), newRun: false) == [
                "1:7"
            ])
        #expect(
            RaceResultSession.fetches(decoderHolds: 130, stored: StoredPassings(lastSequence: 120), newRun: true) == [
                "1:130"
            ])
    }

    @Test func aBacklogIsAskedForInBatches() {
        let asks = RaceResultSession.fetches(
            decoderHolds: 20_211, stored: StoredPassings(lastSequence: 211), newRun: false)
        #expect(asks.count == 20)
        #expect(asks.first == "212:1000" && asks.last == "19212:1000")
        #expect(RaceResultSession.requests(1...2_001) == ["1:1000", "1001:1000", "2001:1"])
    }

    @Test func eachKeepAliveAsksOnlyForWhatWasNotAskedForOnTheConnection() {
        var session = RaceResultSession()
        let stored = StoredPassings(lastSequence: 200, missing: [50...52])
        #expect(session.received("PASSINGS;1500;1", stored).send == ["50:3", "201:1000", "1201:300"])
        // Nothing arrived yet: the next count asks only for the passings beyond 1,500.
        #expect(session.received("PASSINGS;1600;1", stored).send == ["1501:100"])
        #expect(session.received("PASSINGS;1600;1", stored).send.isEmpty)
        // A new passing file numbers from 1 again: all of it is asked for.
        #expect(session.received("PASSINGS;30;2", stored).send == ["1:30"])
        // A new connection asks again.
        var next = RaceResultSession()
        #expect(next.received("PASSINGS;1600;1", stored).send == ["50:3", "201:1000", "1201:400"])
    }

    @Test func aSkippedPushedPassingIsAskedForAtOnce() {
        var session = RaceResultSession()
        let stored = StoredPassings()
        _ = session.received("#P;4;A;0000-00-00;09:00:00.000", stored)
        let step = session.received("#P;8;B;0000-00-00;09:00:01.000", stored)
        #expect(step.passings == ["#P;8;B;0000-00-00;09:00:01.000"])
        #expect(step.send == ["5:3"])
    }

    @Test func theStatusReplyGivesTheDecoderClock() {
        var session = RaceResultSession()
        let step = session.received("GETSTATUS;2025-04-06;08:00:01.250;1;1;1;1;0;0,0;1", StoredPassings())
        #expect(step.decoderTime == 8 * 3_600_000 + 1250)
        #expect(step.passings.isEmpty)
    }
}
