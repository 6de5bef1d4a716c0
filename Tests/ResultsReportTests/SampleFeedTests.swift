import Testing
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import TimingIngest
@testable import ResultsReport

/// The committed sample feed against its checked-in expected results: any
/// change to parsing or timing rules that moves a place or a time shows here.
@Suite struct SampleFeedTests {
    static let root = SampleFeed.root
    static let sample = SampleFeed.path

    func snapshot(at: Millis? = nil) async throws -> RaceSnapshot {
        let folder = try EventFolder.load(Self.sample)
        let (log, missing) = try ReadLogLoader.load(folder)
        #expect(missing.isEmpty)
        return await RaceState(folder: folder, log: log).snapshot(at: at)
    }

    @Test func csvMatchesTheExpectedFile() async throws {
        let expected = String(decoding: try ReadFileScanner.readFile(atPath: SampleFeed.expectedCSVPath), as: UTF8.self)
        let actual = CSVReport.render(try await snapshot())
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(a.count == e.count)
        for (i, (x, y)) in zip(a, e).enumerated() where x != y {
            Issue.record("line \(i + 1) differs:\n  got      \(x)\n  expected \(y)")
            break
        }
    }

    /// `results` and `awards` ask for places alone: the same reports, without the counting.
    @Test(arguments: [nil, "09:00:00", "10:30:00"])
    func placesAloneGiveTheSameReports(clock: String?) async throws {
        let folder = try EventFolder.load(Self.sample)
        let (log, _) = try ReadLogLoader.load(folder)
        let at = clock.map { TimeFormat.parseClock($0)! }
        for final in [false, true] {
            let counted = await RaceState(folder: folder, log: log, followsChanges: false).snapshot(
                at: at, final: final)
            let places = await RaceState(folder: folder, log: log, followsChanges: false).snapshot(
                at: at, final: final, placesOnly: true)
            #expect(counted.evaluation.isCounted && !counted.evaluation.rejections.isEmpty)
            #expect(!places.evaluation.isCounted)
            #expect(places.evaluation.pointStats.isEmpty && places.evaluation.rejections.isEmpty)
            #expect(places.evaluation.isFinal == counted.evaluation.isFinal)
            #expect(CSVReport.render(places) == CSVReport.render(counted))
            for race in 0..<folder.event.races.count {
                let filter = ResultsFilter(race: race, sex: .female)
                #expect(CSVReport.render(places, filter: filter) == CSVReport.render(counted, filter: filter))
            }
            #expect(TableReport.render(places) == TableReport.render(counted))
            #expect(JSONReport.render(places) == JSONReport.render(counted))
            #expect(AwardsReport.csv(places, rules: AwardRules()) == AwardsReport.csv(counted, rules: AwardRules()))
        }
    }

    @Test func csvHeaderHasTheDocumentedColumnsAndOneColumnPerCheckpoint() async throws {
        let csv = CSVReport.render(try await snapshot(), filter: ResultsFilter(race: 0))
        let header = csv.prefix { $0 != "\n" }
        #expect(
            header
                == "place,bib,name,sex,age_group,country,club,race,division,status,gun_time,net_time,sex_place,age_group_place,division_place,last_checkpoint,flags,start,5K,10K,15K,20K,half,25K,30K,35K,40K,finish"
        )
    }

    @Test func filtersGivePlacesWithinTheSelection() async throws {
        let snap = try await snapshot()
        let all = CSVReport.render(snap, filter: ResultsFilter(race: 0)).split(separator: "\n").dropFirst()
        let women = CSVReport.render(snap, filter: ResultsFilter(race: 0, division: .elite, sex: .female)).split(
            separator: "\n"
        ).dropFirst()
        #expect(!women.isEmpty)
        #expect(women.count < all.count)
        let rest = { (line: Substring) in line.drop { $0 != "," } }
        var expectedPlace = 1
        for line in women {
            #expect(line.contains(",F,"))
            #expect(line.contains(",elite,"))
            #expect(all.contains { rest($0) == rest(line) }, "a filtered row is the race's row but for its place")
            if line.contains(",FIN,") {
                #expect(line.hasPrefix("\(expectedPlace),"), "places count within the selection")
                expectedPlace += 1
            }
        }
        #expect(women.first?.hasPrefix("1,") == true)
        let table = TableReport.render(snap, filter: ResultsFilter(race: 0, sex: .female))
        #expect(table.contains("Places and gaps within the women shown."))
    }

    @Test func earlierTimeShowsTheRaceInProgress() async throws {
        let snap = try await snapshot(at: TimeFormat.parseClock("09:00:00")!)
        let marathon = snap.standings(race: 0)
        #expect(marathon.statusCounts[.finished] == 0)
        #expect(marathon.statusCounts[.onCourse] > 300)
        let table = TableReport.render(snap, filter: ResultsFilter(race: 0))
        #expect(table.contains("standings at 09:00:00"))
    }

    @Test func jsonCarriesTimesInMillisecondsAndSplitsById() async throws {
        let json = JSONReport.render(try await snapshot(), filter: ResultsFilter(race: 2))
        #expect(json.contains("\"id\" : \"10k\""))
        #expect(json.contains("\"splits_ms\""))
        #expect(json.contains("\"gun_time_ms\""))
        #expect(!json.contains("\"id\" : \"marathon\""))
    }

    @Test func checkListsEveryRejectedLineWithFileLineAndReason() async throws {
        let report = CheckReport.render(try await snapshot())
        #expect(report.contains("reads/km20.txt:242: IPICO: checksum mismatch"))
        #expect(report.contains("reads/half.txt:149: RACE RESULT: passing has 3 fields"))
        #expect(report.contains("reads/half.txt:150: half decoder: passing 149 missing"))
        #expect(report.contains("reads/km15.txt:327: km15 decoder: passings 327-521 missing (195)"))
        #expect(report.contains("unknown chip 058010510167"))
        #expect(report.contains("impossible split to 35K"))
        // The decoder-noise line holds bytes that are not text; nothing raw reaches the terminal.
        #expect(!report.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func checkReportsMatOutagesAndMissedSplitsPerCheckpoint() async throws {
        let report = CheckReport.render(try await snapshot())
        #expect(report.contains("\nMissed splits and mat outages, per checkpoint:\n"))
        #expect(report.contains("  marathon 5K (km5): 4 missed\n"))
        #expect(
            report.contains(
                "  marathon 15K (km15): 89 missed; OUTAGE 09:43:48-09:55:59, 88 runners in a row not read\n"))
        #expect(
            report.contains("  half 15K (km15): 86 missed; OUTAGE 09:44:35-09:56:13, 81 runners in a row not read\n"))
    }
}

@Suite struct CSVFieldTests {
    @Test func quotesOnlyWhatNeedsQuoting() {
        #expect(CSVReport.field("Pak Kum Hyang") == "Pak Kum Hyang")
        #expect(CSVReport.field("Pak, Kum Hyang") == "\"Pak, Kum Hyang\"")
        #expect(CSVReport.field("Club \"Vertes\"") == "\"Club \"\"Vertes\"\"\"")
        #expect(CSVReport.field("a\nb") == "a\u{FFFD}b")
    }

    @Test func formulasAreTextAndControlsAreReplaced() {
        #expect(CSVReport.field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
        #expect(CSVReport.field("+SUM(1,2)") == "\"'+SUM(1,2)\"")
        #expect(CSVReport.field("@HYPERLINK(\"x\")") == "\"'@HYPERLINK(\"\"x\"\")\"")
        #expect(CSVReport.field("-2+3") == "'-2+3")
        #expect(CSVReport.field("\tx") == "' x")
        #expect(CSVReport.field("a\u{1B}[2Jb") == "a\u{FFFD}[2Jb")
        #expect(CSVReport.field("2:01:31") == "2:01:31")
    }

    /// The writer's shortcut for text it leaves alone gives what `field` gives,
    /// in any script, and leaves to `field` whatever it would change.
    @Test(arguments: [
        "Pak Kum Hyang", "류영남", "Ünal Şahin", "Анна Петрова", "José, Jr", "Zoë \"Z\"", "=류", "-Ана", "@é",
        "a\u{202E}b", "Ана\u{85}", "é\u{2028}", "é\u{2066}x", "é\u{7F}", "é\tx", "\u{9B}2J", "", "e\u{301}", "🏃",
        "Les Foulées \"Vertes\"", "\"", ",", "a,b", "류,\u{202A}", "x\u{80}", "É\u{2029},",
        "\u{A0}\u{2010}\u{2030}\u{2065}",
    ])
    func theWritersShortcutGivesWhatFieldGives(text: String) {
        let out = ByteWriter()
        out.field(text)
        #expect(out.string == CSVReport.field(text))
    }

    /// The same, over text made of the pieces that decide: quotes, commas,
    /// formula starts, and UTF-8 that does or does not start like a
    /// character `field` replaces.
    @Test func theWritersShortcutGivesWhatFieldGivesForAnyMix() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", " ", ",", "\"", "=", "-", "é", "류", "\u{A0}", "\u{85}", "\u{2010}", "\u{2028}", "\u{202C}", "\u{2067}",
            "\u{206A}", "\t", "\u{7F}", "🏃",
        ]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let out = ByteWriter()
            out.field(text)
            #expect(out.string == CSVReport.field(text), "\(text.debugDescription)")
        }
    }

    /// Numbers and official times written in place read as their Strings do,
    /// at the ends of their ranges too.
    @Test func theWritersNumbersAndTimesReadAsTheirStrings() {
        let numbers = [0, 9, 10, 99, 100, 7_265, -1, -10, -7_265, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for n in numbers {
            let out = ByteWriter()
            out.int(n)
            #expect(out.string == String(n))
        }
        let times: [Millis] = [
            0, 1, 9, 994, 995, 999, 59_999, 3_599_999, 7_265_004, 86_400_000, 360_000_000_000, -5, -65_432,
        ]
        for ms in times {
            for precision in TimePrecision.allCases {
                let out = ByteWriter()
                out.official(ms, precision)
                #expect(out.string == OfficialTime.format(ms, precision), "\(ms) \(precision)")
            }
        }
        // Many in a row, past the writer's first room.
        let out = ByteWriter(capacity: 16)
        var expected = ""
        for ms in stride(from: 0, to: 2_000_000, by: 997) {
            out.official(ms, .hundredths)
            out.byte(UInt8(ascii: ","))
            expected += OfficialTime.format(ms, .hundredths) + ","
        }
        #expect(out.string == expected)
    }
}

@Suite struct GunMarkerCheckTests {
    @Test func aGunMarkerThatDisagreesWithTheConfigIsCalledOut() async throws {
        let root = SampleFeedTests.sample
        let config = String(decoding: try ReadFileScanner.readFile(atPath: root + "/event.toml"), as: UTF8.self)
        let participants = String(
            decoding: try ReadFileScanner.readFile(atPath: root + "/participants.csv"), as: UTF8.self)
        // The mass wave typed in as 08:04:57 while the decoder fired at 08:05:00.
        let wrong = config.replacingOccurrences(of: "08:05:00", with: "08:04:57")
        #expect(wrong != config)
        let folder = try EventFolder.parse(path: root, config: wrong, participants: participants)
        let (log, _) = try ReadLogLoader.load(folder)
        let report = CheckReport.render(await RaceState(folder: folder, log: log).snapshot())
        #expect(
            report.contains(
                "reads/stadium-main.txt:39: gun at 08:05:00.000, marathon wave mass is set to 08:04:57: DIFFERS by +3.0 s"
            ))
        #expect(
            report.contains(
                "reads/stadium-main.txt:1: gun at 08:00:00.000, marathon wave elite is set to 08:00:00: agrees"))
    }
}
