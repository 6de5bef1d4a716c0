import Testing
import RaceModel
@testable import TimingIngest

@Suite struct ReadLineParserTests {
    @Test(arguments: ["", "   ", "\r", "\t \r", "# comment", "#", "#P", "#p;1;A;2026-01-01;10:00:00"])
    func ignoredLines(_ line: String) {
        #expect(ReadLineParser.parse(line) == .ignored)
    }

    @Test(arguments: ["hello", "12:00:00", "ba", "CT02_33~1~a~b~10:00:00", "abc;def;2026-01-01;10:00:00"])
    func unknownFormat(_ line: String) {
        #expect(ReadLineParser.parse(line) == .malformed(reason: "not a known read format"))
    }

    @Test func trailingCarriageReturnIsIgnored() {
        let lines = [
            "aa0005800012860800012603062027472353",
            "CT01_13,24,START,50101,15:54:48.90,1,117F37,8",
            "#P;1;ABC;2026-03-06;10:00:00.000",
            "12,10:00:00",
        ]
        for line in lines {
            let plain = ReadLineParser.parse(line)
            guard case .read = plain else {
                Issue.record("\(line) gave \(plain)")
                continue
            }
            #expect(ReadLineParser.parse(line + "\r") == plain)
        }
    }

    @Test func mixedFormatsEachRecognisedOnTheirOwn() {
        let file = """
            # start line, main decoder
            aa0005800012860800012603062027472353
            CT01_33~4~start~guntime~07:45:01.01~0~DF239A~0
            CT01_33~5~start~50101~07:45:03.50~1~DF239A~1
            #P;99;NLHXL27;0000-00-00;07:46:00.250;1

            4711,07:47:00
            garbage
            """
        let parsed = file.split(separator: "\n", omittingEmptySubsequences: false).map { ReadLineParser.parse($0) }
        #expect(parsed.count == 8)
        guard parsed.count == 8 else { return }
        #expect(parsed[0] == .ignored)
        #expect(
            parsed[1]
                == .read(
                    RawRead(
                        code: "058000128608", date: CivilDate(year: 2026, month: 3, day: 6),
                        timeOfDay: 73_667_350, format: .ipico)))
        #expect(parsed[2] == .gunMarker(time: 27_901_010, date: nil, sequence: 4))
        #expect(parsed[3] == .read(RawRead(code: "50101", timeOfDay: 27_903_500, sequence: 5, format: .ctp01)))
        #expect(parsed[4] == .read(RawRead(code: "NLHXL27", timeOfDay: 27_960_250, sequence: 99, format: .raceResult)))
        #expect(parsed[5] == .ignored)
        #expect(parsed[6] == .read(RawRead(code: "4711", timeOfDay: 28_020_000, format: .manual)))
        #expect(parsed[7] == .malformed(reason: "not a known read format"))
    }

    @Test func byteStringAndSubstringEntryPointsAgree() {
        let text = "xx CT01_13,24,START,50101,15:54:48.90,1,117F37,8 yy"
        let sub = text.dropFirst(3).dropLast(3)
        let fromBytes = Array(sub.utf8).withUnsafeBufferPointer { ReadLineParser.parse($0) }
        #expect(ReadLineParser.parse(sub) == fromBytes)
        #expect(ReadLineParser.parse(String(sub)) == fromBytes)
        #expect(fromBytes == .read(RawRead(code: "50101", timeOfDay: 57_288_900, sequence: 24, format: .ctp01)))
    }

    @Test func longJunkIsCutInTheReason() {
        let junk = String(repeating: "x", count: 60)
        #expect(
            ReadLineParser.parse("12,\(junk)")
                == .malformed(reason: "hand timing: time '\(String(repeating: "x", count: 40))…' is not HH:MM:SS[.fff]")
        )
    }
}
