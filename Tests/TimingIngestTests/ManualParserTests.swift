import Testing
import RaceModel
@testable import TimingIngest

@Suite struct ManualParserTests {
    @Test func bibAndTime() {
        #expect(
            ReadLineParser.parse("1234,10:15:30")
                == .read(RawRead(code: "1234", timeOfDay: ((10 * 60 + 15) * 60 + 30) * 1000, format: .manual)))
    }

    @Test func fractionAndLetters() {
        #expect(
            ReadLineParser.parse("F12,9:05:07.25")
                == .read(RawRead(code: "F12", timeOfDay: ((9 * 60 + 5) * 60 + 7) * 1000 + 250, format: .manual)))
    }

    @Test func blanksAroundFieldsAreTolerated() {
        #expect(
            ReadLineParser.parse("  77 ,\t08:00:00.1  ")
                == .read(RawRead(code: "77", timeOfDay: 28_800_100, format: .manual)))
    }

    @Test func fractionBeyondMillisecondsIsTruncated() {
        #expect(
            ReadLineParser.parse("5,00:00:01.23456")
                == .read(RawRead(code: "5", timeOfDay: 1_234, format: .manual)))
    }

    @Test func wrongFieldCount() {
        #expect(
            ReadLineParser.parse("12,10:00:00,x")
                == .malformed(reason: "hand timing: line has 3 comma-separated fields, expected bib,time"))
    }

    @Test func badBib() {
        #expect(
            ReadLineParser.parse("A-12,10:00:00")
                == .malformed(reason: "hand timing: bib 'A-12' must be letters and digits only"))
        #expect(
            ReadLineParser.parse(",10:00:00")
                == .malformed(reason: "hand timing: line has an empty bib"))
    }

    @Test func badTime() {
        #expect(
            ReadLineParser.parse("12,25:61:00")
                == .malformed(reason: "hand timing: time 25:61:00 is not a valid time of day"))
        #expect(
            ReadLineParser.parse("12,10:0:00")
                == .malformed(reason: "hand timing: time '10:0:00' is not HH:MM:SS[.fff]"))
        #expect(
            ReadLineParser.parse("12,123:00:00")
                == .malformed(reason: "hand timing: time '123:00:00' is not HH:MM:SS[.fff]"))
        #expect(
            ReadLineParser.parse("12,")
                == .malformed(reason: "hand timing: time is missing"))
    }
}
