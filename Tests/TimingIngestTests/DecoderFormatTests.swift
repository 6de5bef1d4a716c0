import Testing
import RaceModel
@testable import TimingIngest

/// Hand-made good and bad lines of the formats added from real decoder files
/// and public descriptions.
@Suite struct DecoderFormatTests {
    static let morning = ((8 * 60 + 0) * 60 + 55) * 1000 + 160

    // MARK: ChronoTrack CTP01 times and control tags

    @Test func ctp01TakesISOAndEpochTimes() {
        #expect(
            ReadLineParser.parse("CT01_33~9~finish~1234~2008-10-16T14:02:15.31~1~DF239A~2")
                == .read(
                    RawRead(
                        code: "1234", date: CivilDate(year: 2008, month: 10, day: 16),
                        timeOfDay: ((14 * 60 + 2) * 60 + 15) * 1000 + 310, sequence: 9, format: .ctp01)))
        // Epoch seconds hold the controller's wall clock: 1620462257 is 2021-05-08 08:24:17.
        #expect(
            ReadLineParser.parse("CT01_33~10~finish~1234~1620462257.60~1~DF239A~2")
                == .read(
                    RawRead(
                        code: "1234", date: CivilDate(year: 2021, month: 5, day: 8),
                        timeOfDay: ((8 * 60 + 24) * 60 + 17) * 1000 + 600, sequence: 10, format: .ctp01)))
        #expect(
            ReadLineParser.parse("CT01_33~11~finish~1234~2008-02-30T14:02:15.31~1~DF239A~2")
                == .malformed(reason: "ChronoTrack CTP01: time '2008-02-30T14:02:15.31' is not a valid date and time"))
    }

    @Test func ctp01NewLocationIsControlAndGunTimeMayBeDated() {
        #expect(ReadLineParser.parse("CT01_33~12~finish~newlocation~10:00:00.00~0~DF239A~0") == .control)
        #expect(
            ReadLineParser.parse("CT01_33~13~start~guntime~2021-05-08T08:00:55.16~0~DF239A~0")
                == .gunMarker(time: Self.morning, date: CivilDate(year: 2021, month: 5, day: 8), sequence: 13))
    }

    // MARK: ChronoTrack controller files

    @Test(arguments: [
        "TO~16~801~160~18~1620464984.76~12009E~8~-54~16~P~25",
        "TO~0000016~00000801~160~18~1620464984.76~12009E~08~-54~0016~P",
        "TO~16~801~160~18~1620464984.76~12009E~8~-54~16~P",
    ])
    func controllerObservationVariants(_ line: String) {
        #expect(
            ReadLineParser.parse(line)
                == .read(
                    RawRead(
                        code: "801", date: CivilDate(year: 2021, month: 5, day: 8),
                        timeOfDay: ((9 * 60 + 9) * 60 + 44) * 1000 + 760, sequence: 16, format: .chronotrackController))
        )
    }

    @Test func badControllerObservations() {
        #expect(
            ReadLineParser.parse("TO~16~801~160~18~1620464984.76~12009E~8~-54")
                == .malformed(reason: "ChronoTrack controller: tag observation has 9 fields, expected 11 or 12"))
        #expect(
            ReadLineParser.parse("TO~x~801~160~18~1620464984.76~12009E~8~-54~16~P")
                == .malformed(reason: "ChronoTrack controller: observation number 'x' is not a number"))
        #expect(
            ReadLineParser.parse("TO~16~~160~18~1620464984.76~12009E~8~-54~16~P")
                == .malformed(reason: "ChronoTrack controller: tag observation has an empty tag"))
    }

    @Test func markerLogGunPressesAndSettings() {
        #expect(
            ReadLineParser.parse("I11A9D,32,Gun,252,21050808005516,Button Press")
                == .gunMarker(time: Self.morning, date: CivilDate(year: 2021, month: 5, day: 8)))
        #expect(ReadLineParser.parse("I11A9D,33,Power,1249,21050808033325,Button Press") == .control)
        #expect(ReadLineParser.parse("I11A9D,31,TimeChange,1,21050807110284,21050807110572") == .control)
        #expect(ReadLineParser.parse("I11A9D,38,Note,1,21050808355554,wave 2, late start") == .control)
        #expect(
            ReadLineParser.parse("I11A9D,34,Gun,1413,21053208055552,Button Press")
                == .malformed(
                    reason: "ChronoTrack controller: gun press at '21053208055552' is not a valid YYMMDDHHMMSScc stamp")
        )
    }

    // MARK: MYLAPS

    static let passing = "LZ6302115:37:40.704 5 0F  1000125030862"
    static let passingRead = RawRead(
        code: "LZ63021", date: CivilDate(year: 2025, month: 3, day: 8),
        timeOfDay: ((15 * 60 + 37) * 60 + 40) * 1000 + 704, sequence: 1, format: .mylaps)

    @Test func mylapsPassingAloneAndInAStoreMessage() {
        #expect(ReadLineParser.parse(Self.passing) == .read(Self.passingRead))
        let second = "SS3507315:43:03.427 5 04 10001425030868"
        guard case .read(let secondRead) = ReadLineParser.parse(second) else {
            Issue.record("not a read")
            return
        }
        #expect(secondRead.sequence == 0x14)
        #expect(
            ReadLineParser.parse("Start@Store@\(Self.passing)@\(second)@7@") == .reads([Self.passingRead, secondRead]))
        #expect(
            ReadLineParser.parse("2025-04-10T13:42:13.119Z message: Start@Store@\(Self.passing)@1@$")
                == .reads([Self.passingRead]))
    }

    @Test func mylapsKeyValuePassingMessage() {
        // The Timing & Scoring protocol's example (from the shared notes).
        #expect(
            ReadLineParser.parse(
                "10KM@Passing@t=13:11:30.904|c=0000041|ct=UH|d=120606|l=13|dv=4|re=0|an=00001111|g=0|b=41|n=41@1016@$")
                == .reads([
                    RawRead(
                        code: "0000041", date: CivilDate(year: 2012, month: 6, day: 6),
                        timeOfDay: ((13 * 60 + 11) * 60 + 30) * 1000 + 904, format: .mylaps)
                ]))
        #expect(
            ReadLineParser.parse("10KM@Passing@t=13:11:30.904|d=120606@1016@$")
                == .malformed(reason: "MYLAPS: passing 1 of the Passing message: passing has no chip (c=)"))
    }

    @Test func mylapsOtherMessagesAreControlAndAnEmptyLoggedMessageIsIgnored() {
        #expect(ReadLineParser.parse("2025-04-10T13:42:00.935Z message: Start@AckPing@") == .control)
        #expect(ReadLineParser.parse("Start@Pong@$") == .control)
        #expect(ReadLineParser.parse("2025-04-10T13:41:52.905Z message: ") == .ignored)
    }

    @Test func badMylapsPassings() {
        #expect(
            ReadLineParser.parse("LZ6302125:37:40.704 5 0F  1000125030862")
                == .malformed(reason: "MYLAPS: time 25:37:40.704 is not a valid time of day"))
        #expect(
            ReadLineParser.parse("LZ6302115:37:40.704 5 0F")
                == .malformed(reason: "MYLAPS: passing has no count, passing number, date and check after the time"))
        #expect(
            ReadLineParser.parse("Start@Store@\(Self.passing)@LZ6302115:37:40.704 5 0F  1000125030863@1@")
                == .malformed(
                    reason: "MYLAPS: passing 2 of the Store message: check mismatch: line says 63, computed 62"))
    }

    // MARK: RFID Timing and Wiclax (public descriptions, no real capture)

    @Test func rfidTimingLine() {
        #expect(
            ReadLineParser.parse(#"1,058003700001,1234,"2025-04-06 09:34:21.123",1,1"#)
                == .read(
                    RawRead(
                        code: "058003700001", date: CivilDate(year: 2025, month: 4, day: 6),
                        timeOfDay: ((9 * 60 + 34) * 60 + 21) * 1000 + 123, format: .rfidTiming)))
        #expect(
            ReadLineParser.parse(#"1,,1234,"2025-04-06 09:34:21.123",1,1"#)
                == .malformed(reason: "RFID Timing: line has an empty chip"))
        #expect(
            ReadLineParser.parse(#"1,058003700001,1234,"09:34:21.123",1,1"#)
                == .malformed(reason: "RFID Timing: date and time '09:34:21.123' is not YYYY-MM-DD HH:MM:SS.mmm"))
    }

    @Test func badWiclaxLines() {
        #expect(
            ReadLineParser.parse(";22-09-2011 02:41:30.620;0A;559;;0")
                == .malformed(reason: "Wiclax: line has an empty chip"))
        #expect(
            ReadLineParser.parse("01539;22-09-2011 25:41:30.620;0A;559;;0")
                == .malformed(reason: "Wiclax: time 25:41:30.620 is not a valid time of day"))
    }
}
