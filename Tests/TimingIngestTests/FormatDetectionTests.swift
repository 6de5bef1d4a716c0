import Testing
import RaceModel
@testable import TimingIngest

/// Each line goes to the format whose shape it has; a rejection names the
/// format the line was taken as; a pinned format is the only one tried.
@Suite struct FormatDetectionTests {
    @Test func wiclaxLineIsNotTakenAsARaceResultPassing() {
        #expect(
            ReadLineParser.parse("01539;22-09-2011 02:41:30.620;0A;559;;0")
                == .read(
                    RawRead(
                        code: "01539", date: CivilDate(year: 2011, month: 9, day: 22),
                        timeOfDay: ((2 * 60 + 41) * 60 + 30) * 1000 + 620, format: .wiclax)))
    }

    @Test func raceResultStatusReplyWithACommaIsAControlLine() {
        #expect(
            ReadLineParser.parse("GETSTATUS;2026-03-06;10:00:00.000;1;11110000;1;17;1;49.721,8.254939;0") == .control)
        #expect(ReadLineParser.parse("SETPROTOCOL;2.0") == .control)
    }

    @Test func aRejectionNamesTheFormatTheLineWasTakenAs() {
        #expect(
            ReadLineParser.parse("01539;31-02-2011 02:41:30.620;0A;559;;0")
                == .malformed(reason: "Wiclax: date '31-02-2011' is not a valid dd-MM-yyyy date"))
        #expect(
            ReadLineParser.parse("TO~1~99997~160~13~yesterday~12009E~8~-29~1~P")
                == .malformed(reason: "ChronoTrack controller: time 'yesterday' is not epoch seconds"))
        #expect(
            ReadLineParser.parse("LZ6302115:37:40.704 5 0F  1000125030863")
                == .malformed(reason: "MYLAPS: check mismatch: line says 63, computed 62"))
    }

    @Test func aPinnedFormatIsTheOnlyOneTried() {
        // A bib,time line in a file pinned to another format is that format's line, and wrong.
        #expect(
            ReadLineParser.parse("1234,10:15:30", as: .rfidTiming)
                == .malformed(reason: "RFID Timing: line has 2 comma-separated fields, expected 6"))
        #expect(
            ReadLineParser.parse("1234,10:15:30", as: .chronotrackController)
                == .malformed(reason: "ChronoTrack controller: line is neither a TO~ observation nor a marker-log line")
        )
        guard case .malformed(let reason) = ReadLineParser.parse("1234,10:15:30", as: .ipico) else {
            Issue.record("a hand-timing line read as IPICO")
            return
        }
        #expect(reason.hasPrefix("IPICO: "))
        #expect(ReadLineParser.parse("1234,10:15:30", as: .manual) == ReadLineParser.parse("1234,10:15:30"))
        // Comments and blank lines stay what they are in every format.
        #expect(ReadLineParser.parse("# note", as: .mylaps) == .ignored)
    }

    @Test func theFormatPinIsReadFromEventToml() throws {
        let config = """
            name = "Pins"
            date = 2026-03-06
            [[points]]
            id = "start"
            files = ["reads/start.txt", { path = "reads/backup.txt", format = "ipico" }, { path = "reads/hand.txt", format = "auto" }]
            seen = "last"
            [[races]]
            id = "r"
            [[races.waves]]
            id = "w"
            gun = "08:00:00"
            [[races.checkpoints]]
            id = "finish"
            point = "start"
            km = 5
            """
        let folder = try EventFolder.parse(
            path: "/e", config: config, participants: "bib,chip,name,sex,age,country,race,wave,division,club\n")
        #expect(folder.readFiles.map(\.format) == [nil, .ipico, nil])
        #expect(folder.readFiles.map(\.seen) == [.last, .last, .last])
        #expect(folder.readFiles.map(\.path) == ["reads/start.txt", "reads/backup.txt", "reads/hand.txt"])
    }

    @Test func anUnknownPinIsAConfigErrorListingTheFormats() {
        let config = """
            name = "Pins"
            date = 2026-03-06
            [[points]]
            id = "start"
            files = [{ path = "reads/start.txt", format = "ipico42" }]
            """
        #expect(throws: ConfigError.self) {
            _ = try EventFolder.parse(path: "/e", config: config, participants: "")
        }
        do {
            _ = try EventFolder.parse(path: "/e", config: config, participants: "")
        } catch {
            #expect(
                error.description.contains("format \"ipico42\" of reads/start.txt is not one of auto, ipico, ctp01"))
        }
    }
}
