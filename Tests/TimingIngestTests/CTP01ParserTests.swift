import Testing
import RaceModel
@testable import TimingIngest

@Suite struct CTP01ParserTests {
    @Test func tildeVariant() {
        #expect(
            ReadLineParser.parse("CT01_33~17~km5~058000128608~07:45:01.01~1~DF239A~2")
                == .read(
                    RawRead(
                        code: "058000128608", date: nil, timeOfDay: ((7 * 60 + 45) * 60 + 1) * 1000 + 10,
                        sequence: 17, format: .ctp01)))
    }

    @Test func commaVariant() {
        #expect(
            ReadLineParser.parse("CT01_13,24,START,50101,15:54:48.90,1,117F37,8")
                == .read(
                    RawRead(
                        code: "50101", date: nil, timeOfDay: ((15 * 60 + 54) * 60 + 48) * 1000 + 900,
                        sequence: 24, format: .ctp01)))
    }

    @Test(arguments: ["guntime", "GunTime", "GUNTIME"])
    func gunMarker(_ tag: String) {
        #expect(
            ReadLineParser.parse("CT01_33~4~start~\(tag)~07:45:01.01~0~DF239A~0")
                == .gunMarker(time: ((7 * 60 + 45) * 60 + 1) * 1000 + 10, date: nil, sequence: 4))
    }

    @Test func trailingFieldsMayBeMissingAndSequenceEmpty() {
        #expect(
            ReadLineParser.parse("CT01_33~~finish~1234~10:00:00")
                == .read(RawRead(code: "1234", timeOfDay: 36_000_000, sequence: nil, format: .ctp01)))
    }

    @Test func tooFewFields() {
        #expect(
            ReadLineParser.parse("CT01_33~17~km5~058000128608")
                == .malformed(reason: "ChronoTrack CTP01: line has 4 fields, needs at least 5"))
        #expect(
            ReadLineParser.parse("CT01_33")
                == .malformed(reason: "ChronoTrack CTP01: line has 1 field, needs at least 5"))
    }

    @Test func sequenceNotANumber() {
        #expect(
            ReadLineParser.parse("CT01_33~x7~km5~1234~07:45:01.01~1~DF239A~2")
                == .malformed(reason: "ChronoTrack CTP01: sequence 'x7' is not a number"))
    }

    @Test func emptyTag() {
        #expect(
            ReadLineParser.parse("CT01_33~7~km5~~07:45:01.01~1~DF239A~2")
                == .malformed(reason: "ChronoTrack CTP01: line has an empty tag"))
    }

    @Test func badTimes() {
        #expect(
            ReadLineParser.parse("CT01_33~7~km5~1234~25:61:00.00~1~DF239A~2")
                == .malformed(reason: "ChronoTrack CTP01: time 25:61:00.00 is not a valid time of day"))
        #expect(
            ReadLineParser.parse("CT01_33~7~km5~1234~7.45~1~DF239A~2")
                == .malformed(
                    reason:
                        "ChronoTrack CTP01: time '7.45' is not HH:MM:SS[.ff], an ISO date and time, or epoch seconds"))
        #expect(
            ReadLineParser.parse("CT01_33~7~km5~1234~~1~DF239A~2")
                == .malformed(reason: "ChronoTrack CTP01: time is missing"))
    }

    @Test func gunMarkerWithBadTimeIsRejected() {
        #expect(
            ReadLineParser.parse("CT01_33~4~start~guntime~07:45~0~DF239A~0")
                == .malformed(
                    reason:
                        "ChronoTrack CTP01: time '07:45' is not HH:MM:SS[.ff], an ISO date and time, or epoch seconds"))
    }
}
