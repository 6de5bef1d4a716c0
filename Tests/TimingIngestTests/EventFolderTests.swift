import Foundation
import Testing
import RaceModel
import TestSupport
@testable import TimingIngest

@Suite struct EventFolderTests {
    static let config = """
        name = "Test Marathon"
        date = 2025-04-06
        utc_offset = "+09:00"
        age_groups = [18, 40, 45]

        [rules]
        max_speed_kmh = 28
        duplicate_window = 45

        [[points]]
        id = "stadium"
        name = "Kim Il Sung Stadium"
        files = ["reads/stadium.txt", "reads/stadium-backup.txt"]
        duplicate_window = 30
        clock_offset = -1.5

        [[points]]
        id = "km5"
        files = ["reads/km5.txt"]

        [[races]]
        id = "marathon"
        name = "Marathon"
        clock = "net"
        cutoff = "06:00:00"
        waves = [{ id = "elite", gun = 08:00:00 }, { id = "mass", gun = "08:10:30.5" }]
        checkpoints = [
          { id = "start", point = "stadium", km = 0 },
          { id = "5K", point = "km5", km = 5 },
          { id = "finish", point = "stadium", km = 42.195 },
        ]
        """

    static let participants = #"""
        bib,name,race,chip,sex,age,country,division,wave,club
        1,"Pak, Kum Hyang",marathon,058000128608,F,28,prk,elite,elite,Sports Club
        2,김일성,marathon,,M,45,PRK,,mass,
        3,Zoë Müller,marathon,ABCDEF,X,,DEU,amateur,,"Club ""Läufer"""

        """#

    func load(config: String = config, participants: String = participants) throws(ConfigError) -> EventFolder {
        try EventFolder.parse(path: "ev", config: config, participants: participants)
    }

    @Test func loadsTheDocumentedEvent() throws {
        let folder = try load()
        let e = folder.event
        #expect(e.name == "Test Marathon")
        #expect(e.date == CivilDate(year: 2025, month: 4, day: 6))
        #expect(e.utcOffsetMinutes == 540)
        #expect(e.ageGroups.labels == ["18-39", "40-44", "45+"])
        #expect(e.rules.maxSpeedKmh == 28)
        #expect(e.points.map(\.id) == ["stadium", "km5"])
        #expect(e.points[0].duplicateWindow == 30_000)
        #expect(e.points[0].clockOffset == -1500)
        #expect(e.points[1].duplicateWindow == 45_000)
        #expect(e.points[1].name == "km5")
        let race = e.races[0]
        #expect(race.clock == .net)
        #expect(race.cutoff == 6 * 3_600_000)
        #expect(race.waves == [Wave(id: "elite", gun: 8 * 3_600_000), Wave(id: "mass", gun: 8 * 3_600_000 + 630_500)])
        #expect(race.checkpoints.map(\.pointIndex) == [0, 1, 0])
        #expect(race.distanceKm == 42.195)
        #expect(
            folder.readFiles == [
                ReadFileInfo(path: "reads/stadium.txt", pointIndex: 0, isBackup: false),
                ReadFileInfo(path: "reads/stadium-backup.txt", pointIndex: 0, isBackup: true),
                ReadFileInfo(path: "reads/km5.txt", pointIndex: 1, isBackup: false),
            ])
    }

    @Test func loadsParticipantsWithQuotesUnicodeAndDefaults() throws {
        let p = try load().participants
        #expect(p.count == 3)
        #expect(p[0].name == "Pak, Kum Hyang")
        #expect(p[0].country == "PRK")
        #expect(p[0].division == .elite)
        #expect(p[0].chip == "058000128608")
        #expect(p[1].name == "김일성")
        #expect(p[1].chip == nil)
        #expect(p[1].waveIndex == 1)
        #expect(p[1].division == .amateur)
        #expect(p[2].sex == .other)
        #expect(p[2].age == nil)
        #expect(p[2].club == "Club \"Läufer\"")
    }

    func expectError(
        _ fragment: String, file: String, line: Int? = nil,
        config: String = config, participants: String = participants,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try load(config: config, participants: participants)
            Issue.record("expected an error containing '\(fragment)'", sourceLocation: sourceLocation)
        } catch {
            #expect(error.file == "ev/\(file)", sourceLocation: sourceLocation)
            #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            if let line { #expect(error.line == line, sourceLocation: sourceLocation) }
        }
    }

    @Test func badTOMLNamesFileAndLine() {
        expectError("not valid TOML", file: "event.toml", line: 2, config: "name = \"x\"\ndate = = 3\n")
    }

    @Test func checkpointNamingAnUnknownPoint() {
        let bad = Self.config.replacingOccurrences(of: "point = \"km5\"", with: "point = \"km7\"")
        expectError(
            "checkpoint '5K' of race 'marathon' names unknown point 'km7'; points are stadium, km5", file: "event.toml",
            config: bad)
    }

    @Test func checkpointsOutOfOrder() {
        let bad = Self.config.replacingOccurrences(of: "km = 5 }", with: "km = 50 }")
        expectError("must come at least 1 m after '5K' at km 50.0", file: "event.toml", config: bad)
    }

    @Test func missingKeysAndBadValues() {
        expectError(
            "missing key 'date'", file: "event.toml",
            config: Self.config.replacingOccurrences(of: "date = 2025-04-06\n", with: ""))
        expectError(
            "clock must be \"gun\" or \"net\"", file: "event.toml",
            config: Self.config.replacingOccurrences(of: "clock = \"net\"", with: "clock = \"chip\""))
        expectError(
            "'utc_offset' must", file: "event.toml",
            config: Self.config.replacingOccurrences(of: "\"+09:00\"", with: "\"9\""))
        expectError(
            "needs files", file: "event.toml",
            config: Self.config.replacingOccurrences(of: "files = [\"reads/km5.txt\"]", with: ""))
    }

    @Test func duplicateBibNamesBothLines() {
        let bad = Self.participants + "2,Someone Else,marathon,,M,30,KOR,,,"
        expectError("duplicate bib 2 (first on line 3)", file: "participants.csv", line: 5, participants: bad)
    }

    /// Bibs and chips are the same when they are equal as text, however the
    /// accents were typed: precomposed on one line, a combining mark on another.
    @Test func bibsAndChipsEqualAsTextAreDuplicates() {
        expectError(
            "duplicate bib Zo\u{EB} (first on line 2)", file: "participants.csv", line: 4,
            participants: "bib,name,race\nZo\u{EB},A,marathon\n2,B,marathon\nZoe\u{308},C,marathon")
        expectError(
            "is already given to the runner on line 3", file: "participants.csv", line: 4,
            participants: "bib,name,race,chip\n1,A,marathon,AB\n2,B,marathon,c\u{E9}\n3,C,marathon,ce\u{301}")
    }

    /// Reads are matched to chips and bibs alike, in either case: a chip that
    /// is another runner's bib would take that runner's hand-timed reads
    /// (which name the bib), and two bibs differing in case are one bib.
    @Test func aCodeThatCouldNameTwoRunnersIsRefused() throws {
        expectError(
            "chip 5 of bib 9001 is the bib of the runner on line 2: a read of 5 could be either",
            file: "participants.csv", line: 4,
            participants: "bib,name,race,chip\n5,A,marathon,C5\n6,B,marathon,C6\n9001,Late Entry,marathon,5")
        expectError(
            "bib c6 is the chip of the runner on line 3: a read of c6 could be either",
            file: "participants.csv", line: 4,
            participants: "bib,name,race,chip\n5,A,marathon,C5\n6,B,marathon,C6\nc6,C,marathon,X9")
        expectError(
            "duplicate bib a12 (first on line 2)", file: "participants.csv", line: 3,
            participants: "bib,name,race\nA12,A,marathon\na12,B,marathon")
        // A chip that is the runner's own bib is what many races hand out.
        let own = try load(participants: "bib,name,race,chip\n1,A,marathon,1\n2,B,marathon,2\nk3,C,marathon,K3\n")
        #expect(own.participants.map(\.chip) == ["1", "2", "K3"])
    }

    /// A comma typed inside a club or name without quotes moves the cells
    /// after it: text past the header's last column is an error, empty
    /// cells there (trailing commas) are not.
    @Test func aRowWithTextPastTheHeaderIsAnError() throws {
        expectError(
            "row has 5 fields, the header 4: a comma inside a name or club needs the field in quotes",
            file: "participants.csv", line: 3,
            participants: "bib,name,race,club\n1,A,marathon,Wolmido\n2,B,marathon,Wolmido, Pyongyang")
        let trailing = try load(participants: "bib,name,race,club\n1,A,marathon,Wolmido,,\n2,B,marathon,, \n")
        #expect(trailing.participants.map(\.club) == ["Wolmido", nil])
    }

    /// Short ASCII codes are checked as they lie in the row, longer ones as
    /// text: a repeat is one either way, padding and case of a chip aside,
    /// and codes of one length that differ are not repeats.
    @Test func repeatsOfShortAndLongCodes() throws {
        let long = String(repeating: "7", count: 70)
        let repeats = [
            // A bib over 15 bytes, padded the second time.
            (
                "duplicate bib B-2025-000000000001 (first",
                "bib,name,race\nB-2025-000000000001,A,marathon\nB-2025-000000000001 ,B,marathon"
            ),
            // A chip longer than any read's, in either case.
            ("chip \(long)A of bib 2 is", "bib,name,race,chip\n1,A,marathon,\(long)a\n2,B,marathon,\t\(long)A"),
            ("chip 0058ABCDEF of bib 2 is", "bib,name,race,chip\n1,A,marathon, 0058abcdef\n2,B,marathon,0058ABCDEF"),
        ]
        for (fragment, list) in repeats {
            expectError(fragment, file: "participants.csv", line: 3, participants: list)
        }
        let folder = try load(
            participants:
                "bib,name,race,chip\n\(long)1,A,marathon,\(long)x\n\(long)2,B,marathon,\(long)y\n1,C,marathon,0058ABCDEF\n"
        )
        #expect(folder.participants.map(\.bib) == ["\(long)1", "\(long)2", "1"])
    }

    @Test func participantProblems() {
        expectError("missing required column 'race'", file: "participants.csv", line: 1, participants: "bib,name\n1,A")
        expectError("unknown race '10k'", file: "participants.csv", line: 2, participants: "bib,name,race\n1,A,10k")
        expectError(
            "unknown wave 'z'", file: "participants.csv", line: 2, participants: "bib,name,race,wave\n1,A,marathon,z")
        expectError(
            "sex 'Q' must be M, F or X", file: "participants.csv", line: 2,
            participants: "bib,name,race,sex\n1,A,marathon,Q")
        expectError(
            "unknown column 'colour'", file: "participants.csv", line: 1,
            participants: "bib,name,race,colour\n1,A,marathon,red")
        expectError(
            "chip c1 of bib 2 is already given to the runner on line 2", file: "participants.csv", line: 3,
            participants: "bib,name,race,chip\n1,A,marathon,C1\n2,B,marathon,c1")
    }

    /// Repeats are checked a few rows behind the parsing; the error is still
    /// the first fault of the file in line order, whatever kind it is.
    @Test func theFirstFaultInLineOrderIsReported() {
        func rows(_ range: ClosedRange<Int>) -> String {
            range.map { "\($0),Runner \($0),marathon,C\($0)\n" }.joined()
        }
        let header = "bib,name,race,chip\n"
        // A repeat, then a bad row within the lag, then a CSV fault: the repeat (line 4).
        expectError(
            "duplicate bib 2 (first on line 3)", file: "participants.csv", line: 4,
            participants: header + rows(1...2) + "2,Again,marathon,X\n" + "5,Bad,10k,Y\n" + "6,\"open")
        expectError(
            "is already given to the runner on line 2", file: "participants.csv", line: 5,
            participants: header + rows(1...3) + "9,Again,marathon,c1\n" + "\"unclosed")
        // A bad row before a repeat: the bad row.
        expectError(
            "unknown race '10k'", file: "participants.csv", line: 3,
            participants: header + rows(1...1) + "5,Bad,10k,Y\n" + rows(2...3) + "2,Again,marathon,X\n")
        // A repeat far past the lag, and one among the file's last rows.
        expectError(
            "duplicate bib 3 (first on line 4)", file: "participants.csv", line: 42,
            participants: header + rows(1...40) + "3,Again,marathon,X\n")
        expectError(
            "duplicate bib 1 (first on line 2)", file: "participants.csv", line: 42,
            participants: header + rows(1...40) + "1,Again,marathon,X\n" + rows(41...43))
        // Only the first of two repeats.
        expectError(
            "duplicate bib 7 (first on line 8)", file: "participants.csv", line: 22,
            participants: header + rows(1...20) + "7,Again,marathon,X\n" + "8,Again,marathon,Y\n")
    }

    /// The list is read as bytes and decoded a field at a time: a byte order
    /// mark, CRLF line ends and bytes that are not UTF-8 come out as the whole
    /// file decoded at once gives them.
    @Test func participantBytesOnDiskReadAsTheirText() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try scratch.write("event.toml", Self.config)
        let bytes: [UInt8] =
            [0xEF, 0xBB, 0xBF] + Array("bib,name,race\r\n1,Kim ".utf8) + [0xC3, 0x28, 0xFF]
            + Array(" Ok,marathon\r\n2,\"Ri, \u{C0}\",marathon\r\n".utf8)
        guard let out = fopen(scratch.file("participants.csv"), "w") else { throw TestFailure("cannot write") }
        fwrite(bytes, 1, bytes.count, out)
        fclose(out)
        let onDisk = try EventFolder.load(scratch.path).participants
        #expect(onDisk.map(\.name) == ["Kim \u{FFFD}(\u{FFFD} Ok", "Ri, \u{C0}"])
        let asText = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(try load(participants: asText).participants.map(\.name) == onDisk.map(\.name))
    }

    @Test func missingFolderSaysWhichFile() {
        do {
            _ = try EventFolder.load("/nonexistent/event-folder")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "/nonexistent/event-folder/event.toml")
            #expect(error.description.contains("cannot be read"))
            #expect(error.description.contains("No such file"))
        }
    }
}
