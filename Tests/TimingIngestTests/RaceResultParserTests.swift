import Testing
import RaceModel
@testable import TimingIngest

@Suite struct RaceResultParserTests {
    private let fullPassing = "1523;NLHXL27;2026-03-06;09:12:05.123;1;5;-61;01F3;1;2;1;0;1234;96;21;0;Box 1;3;2;D-1234"

    @Test func decodesAFullPassing() {
        #expect(
            ReadLineParser.parse(fullPassing)
                == .read(
                    RawRead(
                        code: "NLHXL27", date: CivilDate(year: 2026, month: 3, day: 6),
                        timeOfDay: ((9 * 60 + 12) * 60 + 5) * 1000 + 123, sequence: 1523, format: .raceResult)))
    }

    @Test func pushedPrefixGivesTheSameRead() {
        #expect(ReadLineParser.parse("#P;" + fullPassing) == ReadLineParser.parse(fullPassing))
    }

    @Test func onlyFourFieldsAreNeeded() {
        #expect(
            ReadLineParser.parse("7;ABC123;2026-12-31;23:59:59.999")
                == .read(
                    RawRead(
                        code: "ABC123", date: CivilDate(year: 2026, month: 12, day: 31),
                        timeOfDay: 86_399_999, sequence: 7, format: .raceResult)))
    }

    @Test func noGPSFixMeansNoDate() {
        #expect(
            ReadLineParser.parse("#P;8;ABC123;0000-00-00;06:00:00.500;;3")
                == .read(RawRead(code: "ABC123", date: nil, timeOfDay: 21_600_500, sequence: 8, format: .raceResult)))
    }

    @Test func tooFewFields() {
        #expect(
            ReadLineParser.parse("12;ABC123;2026-03-06")
                == .malformed(reason: "RACE RESULT: passing has 3 fields, needs at least 4"))
        #expect(
            ReadLineParser.parse("#P;")
                == .malformed(reason: "RACE RESULT: passing has 1 field, needs at least 4"))
        // Four fields are enough to be a passing: the empty time is what is wrong.
        #expect(
            ReadLineParser.parse("#P;12;ABC123;2026-03-06;")
                == .malformed(reason: "RACE RESULT: time is missing"))
    }

    @Test func passingNumberNotANumber() {
        #expect(
            ReadLineParser.parse("#P;A12;ABC123;2026-03-06;10:00:00.000")
                == .malformed(reason: "RACE RESULT: passing number 'A12' is not a number"))
    }

    @Test func emptyTransponder() {
        #expect(
            ReadLineParser.parse("12;;2026-03-06;10:00:00.000")
                == .malformed(reason: "RACE RESULT: passing has an empty transponder"))
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "06-03-2026", "2026/03/06", "", "0000-00-01"])
    func invalidDate(_ date: String) {
        #expect(
            ReadLineParser.parse("12;ABC;\(date);10:00:00.000")
                == .malformed(reason: "RACE RESULT: date '\(date)' is not a valid yyyy-MM-dd date"))
    }

    @Test func invalidTime() {
        #expect(
            ReadLineParser.parse("12;ABC;2026-03-06;24:00:00.000")
                == .malformed(reason: "RACE RESULT: time 24:00:00.000 is not a valid time of day"))
        #expect(
            ReadLineParser.parse("12;ABC;2026-03-06;10:00:00.")
                == .malformed(reason: "RACE RESULT: time '10:00:00.' is not HH:MM:SS[.fff]"))
    }
}
