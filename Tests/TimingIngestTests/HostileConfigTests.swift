import Foundation
import Testing
import RaceModel
@testable import TimingIngest

/// event.toml and participants.csv as a careless or hostile hand writes them:
/// each is refused with one message naming the file, the key and the limit.
@Suite struct HostileConfigTests {
    let base = EventFolderTests()

    func expectError(
        _ fragment: String, _ replace: String, with replacement: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let config = EventFolderTests.config
        #expect(config.contains(replace), "fixture lacks \(replace)", sourceLocation: sourceLocation)
        base.expectError(
            fragment, file: "event.toml", config: config.replacingOccurrences(of: replace, with: replacement),
            sourceLocation: sourceLocation)
    }

    /// A misspelt key would leave what it meant at its default, unseen.
    @Test func anUnknownKeyInAnyTableIsAnErrorNamingWhatTheTableTakes() {
        expectError(
            "points[0]: unknown key 'clock_ofset'; a point takes id, name, files, seen, duplicate_window, clock_offset, decoder",
            "clock_offset = -1.5", with: "clock_ofset = -1.5")
        expectError(
            "unknown key 'utc_ofset'; event.toml takes name, date, utc_offset, age_groups, precision",
            "utc_offset = \"+09:00\"", with: "utc_ofset = \"+09:00\"")
        expectError(
            "rules: unknown key 'duplicate_windw'; rules takes max_speed_kmh", "duplicate_window = 45",
            with: "duplicate_windw = 45")
        expectError(
            "races[0]: unknown key 'cut_off'; a race takes id, name", "cutoff = \"06:00:00\"",
            with: "cut_off = \"06:00:00\"")
        expectError(
            "races[0].waves[0]: unknown key 'gun_time'; a wave takes id, gun, clock, rules",
            "{ id = \"elite\", gun = 08:00:00 }", with: "{ id = \"elite\", gun = 08:00:00, gun_time = 1 }")
        expectError(
            "races[0].checkpoints[1]: unknown key 'kms'; a checkpoint takes id, point, km",
            "{ id = \"5K\", point = \"km5\", km = 5 }", with: "{ id = \"5K\", point = \"km5\", km = 5, kms = 5 }")
        expectError(
            "races[0].rules: unknown key 'max_speed'; rules takes", "clock = \"net\"",
            with: "clock = \"net\"\nrules = { max_speed = 40 }")
        expectError(
            "points[1]: unknown key 'fromat'; a read file takes path, format", "files = [\"reads/km5.txt\"]",
            with: "files = [{ path = \"reads/km5.txt\", fromat = \"ipico\" }]")
        expectError(
            "a file's format is given with the file: files = [{ path = \"reads/km5.txt\", format = \"ipico\" }]",
            "files = [\"reads/km5.txt\"]", with: "files = [\"reads/km5.txt\"]\nformat = \"ipico\"")
        expectError(
            "awards: unknown key 'tops'; [awards] takes top, overall_in_age_groups", "[rules]\n",
            with: "[awards]\ntops = 3\n\n[rules]\n")
    }

    @Test func numbersOutsideTheirRangeNameKeyAndRange() {
        expectError(
            "rules: 'duplicate_window' = 1e+20 is out of range: it must be 0 to 3600 seconds",
            "duplicate_window = 45", with: "duplicate_window = 1e20")
        expectError(
            "rules: 'start_allowance' = 9223372036854775807 is out of range: it must be 0 to 86400 seconds",
            "[rules]\n", with: "[rules]\nstart_allowance = 9223372036854775807\n")
        expectError(
            "points[0]: 'clock_offset' = -1e+16 is out of range: it must be -86400 to 86400 seconds",
            "clock_offset = -1.5", with: "clock_offset = -1e16")
        expectError(
            "points[0]: 'clock_offset' = 1e+20 is out of range",
            "clock_offset = -1.5", with: "clock_offset = 1e20")
        expectError(
            "points[0]: 'duplicate_window' = 1e+20 is out of range",
            "duplicate_window = 30", with: "duplicate_window = 1e20")
        expectError(
            "'km' = 1e+308 is out of range: it must be 0 to 5000 km",
            "km = 42.195", with: "km = 1e308")
        expectError(
            "checkpoint '5K' at km 1e-300 must be at km 0 or at least 1 m from the start",
            "km = 5 }", with: "km = 1e-300 }")
        expectError(
            "rules: 'max_speed_kmh' = 1e+300 is out of range: it must be 0.1 to 200 km/h",
            "max_speed_kmh = 28", with: "max_speed_kmh = 1e300")
        expectError(
            "'age_groups' must hold whole numbers from 0 to 150",
            "age_groups = [18, 40, 45]", with: "age_groups = [18, 40, 9999999999]")
    }

    @Test func anEventHasAtMostAsManyPointsAsAReadCanName() {
        let extra = (0..<TimedRead.maxPoints).map { "[[points]]\nid = \"p\($0)\"\nfiles = [\"reads/p\($0).txt\"]\n" }
        base.expectError(
            "points[\(TimedRead.maxPoints)]: an event has at most \(TimedRead.maxPoints) points",
            file: "event.toml", config: EventFolderTests.config + "\n" + extra.joined(separator: "\n"))
    }

    @Test func anEventHasAtMostAsManyReadFilesAsASplitCanName() {
        // Three files already on the other lines: the km5 point's list takes the count past the bound.
        let many = (0..<CountedSplit.maxReadFiles).map { "\"reads/f\($0).txt\"" }.joined(separator: ", ")
        let config = EventFolderTests.config.replacingOccurrences(
            of: "files = [\"reads/km5.txt\"]", with: "files = [\(many)]")
        #expect(config != EventFolderTests.config)
        base.expectError(
            "an event has at most \(CountedSplit.maxReadFiles) read files", file: "event.toml", config: config)
    }

    @Test func aRaceHasAtMostAsManyCheckpointsAsAnOutcomeCanName() {
        let many = (0...ReadOutcomes.maxCheckpoints).map {
            "{ id = \"c\($0)\", point = \"km5\", km = \(Double($0 + 1) / 100) }"
        }
        let config = EventFolderTests.config.replacingOccurrences(
            of: "{ id = \"5K\", point = \"km5\", km = 5 },", with: many.joined(separator: ",\n") + ",")
        #expect(config != EventFolderTests.config)
        base.expectError(
            "checkpoints[\(ReadOutcomes.maxCheckpoints)]: a race has at most \(ReadOutcomes.maxCheckpoints) checkpoints",
            file: "event.toml", config: config)
    }

    @Test func limitsAreBoundedToo() {
        expectError(
            "limits: 'lines_per_file' = 0 is out of range: it must be 1 to 1000000000 lines",
            "[rules]\n", with: "[limits]\nlines_per_file = 0\n\n[rules]\n")
        base.expectError(
            "limits: 'lines_per_file' = 2000000000 is out of range",
            file: "event.toml", config: EventFolderTests.config + "\n[limits]\nlines_per_file = 2000000000\n")
        expectError("limits: unknown key 'lines'", "[rules]\n", with: "[limits]\nlines = 5\n\n[rules]\n")
    }

    @Test func gunsAreTimesOfDayAndCutoffsBoundedDurations() throws {
        expectError("'gun' = 25:00:00 is not a time of day", "gun = 08:00:00", with: "gun = \"25:00:00\"")
        expectError("'gun' = 999:00:00 is not a time of day", "gun = 08:00:00", with: "gun = \"999:00:00\"")
        expectError(
            "'cutoff' = 999:00:00 is out of range: it must be above 0:00:00 and at most 168:00:00",
            "cutoff = \"06:00:00\"", with: "cutoff = \"999:00:00\"")
        let long = EventFolderTests.config.replacingOccurrences(
            of: "cutoff = \"06:00:00\"", with: "cutoff = \"30:00:00\"")
        #expect(try base.load(config: long).event.races[0].cutoff == 30 * 3_600_000)
    }

    @Test func datesMustExist() {
        expectError("'date' = 2025-02-30 is not a calendar date", "date = 2025-04-06", with: "date = \"2025-02-30\"")
        expectError("expected day between 1 and 28", "date = 2025-04-06", with: "date = 2025-02-30")
    }

    @Test func readPathsStayInsideTheFolder() throws {
        expectError(
            "read file '../../../../etc/shadow' leads outside the event folder",
            "reads/km5.txt", with: "../../../../etc/shadow")
        expectError(
            "read file '/etc/passwd' is outside the event folder; name it relative to the folder, or set allow_absolute_paths = true",
            "reads/km5.txt", with: "/etc/passwd")
        expectError("read file 'reads/a\u{1B}b' has a control character", "reads/km5.txt", with: "reads/a\\u001bb")
        expectError(
            "read file reads/stadium.txt is named by points 'stadium' and 'km5'",
            "\"reads/km5.txt\"", with: "\"./reads//stadium.txt\"")
        let optedIn =
            "allow_absolute_paths = true\n"
            + EventFolderTests.config.replacingOccurrences(of: "reads/km5.txt", with: "/data/km5.txt")
        #expect(try base.load(config: optedIn).readFiles.last?.path == "/data/km5.txt")
        let inside = EventFolderTests.config.replacingOccurrences(of: "reads/km5.txt", with: "./reads/../reads/km5.txt")
        #expect(try base.load(config: inside).readFiles.last?.path == "reads/km5.txt")
    }

    @Test func aNULByteIsNamedWithItsLine() {
        base.expectError(
            "holds a NUL byte", file: "event.toml", line: 2,
            config: EventFolderTests.config.replacingOccurrences(of: "date = ", with: "\u{0}date = "))
        base.expectError(
            "holds a NUL byte", file: "participants.csv", line: 3,
            participants: EventFolderTests.participants.replacingOccurrences(of: "김일성", with: "김\u{0}"))
    }

    /// Found by the config fuzz: the TOML parser stops the process on these inside an array.
    @Test func unicodeLineBreaksInEventTomlAreNamed() {
        for scalar in ["\u{85}", "\u{2028}", "\u{2029}"] {
            base.expectError(
                "a Unicode line break; use a plain newline", file: "event.toml", line: 4,
                config: EventFolderTests.config.replacingOccurrences(of: "[18, 40, 45]", with: "[18, \(scalar), 45]"))
        }
    }

    /// Also found by the fuzz: malformed TOML the parser asserts on instead of reporting.
    @Test func tomlThatStopsTheParserIsRefusedFirst() {
        let cases: [(String, String, Int)] = [
            ("[;", "'[' must be followed by a table name", 1),
            ("x = 1\n[\n", "'[' must be followed by a table name", 2),
            ("[é]", "'[' must be followed by a table name", 1),
            ("s = [1,\n}", "'}' where an array value or ']' should be", 2),
            ("s = [{ a = 1 }, }", "'}' where an array value or ']' should be", 1),
            ("a = [2025-01-01 0]", "a date followed by a one-digit time", 1),
            ("x = 1\nfiles = [\"reads/a\\u0000b\"]", "a \\u0000 escape puts a NUL in a string", 2),
        ]
        for (text, fragment, line) in cases {
            base.expectError(fragment, file: "event.toml", line: line, config: text)
        }
        // Inside strings and comments the same characters are only text.
        #expect(TOMLPrecheck.scan("s = [\"}\", 1] # [1, }\nd = \"2025-01-01 0\"") == nil)
    }

    @Test func anUnterminatedQuoteIsNamedWhereItOpens() throws {
        var rows = "bib,name,race\n1,\"Pak Kum Hyang,marathon\n"
        for bib in 2...100_000 { rows += "\(bib),Runner \(bib),marathon\n" }
        do {
            _ = try base.load(participants: rows)
            Issue.record("no error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("a quoted field opened on this line is never closed"))
            #expect(error.description.count < 200)
        }
    }

    @Test func configFilesThatAreNotRegularFilesAreRefusedWithoutBlocking() throws {
        let folder = NSTemporaryDirectory() + "racedash-fifo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/event.toml", 0o600) == 0)
        do {
            _ = try EventFolder.load(folder)
            Issue.record("no error")
        } catch {
            #expect(error.description == "\(folder)/event.toml: cannot be read: is a FIFO, not a regular file")
        }
        try FileManager.default.removeItem(atPath: folder + "/event.toml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/event.toml", withDestinationPath: "/dev/zero")
        do {
            _ = try EventFolder.load(folder)
            Issue.record("no error")
        } catch {
            #expect(error.description == "\(folder)/event.toml: cannot be read: is a device, not a regular file")
        }
    }
}
