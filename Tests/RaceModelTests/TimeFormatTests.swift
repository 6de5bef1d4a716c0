import Testing
@testable import RaceModel

@Suite struct TimeFormatTests {
    @Test func parsesClockTimes() {
        #expect(TimeFormat.parseClock("08:00:00") == 8 * 3_600_000)
        #expect(TimeFormat.parseClock("8:05:07.25") == ((8 * 60 + 5) * 60 + 7) * 1000 + 250)
        #expect(TimeFormat.parseClock("20:27:47.353") == ((20 * 60 + 27) * 60 + 47) * 1000 + 353)
        #expect(TimeFormat.parseClock("09:30") == 9 * 3_600_000 + 30 * 60_000)
        #expect(TimeFormat.parseClock("12:60:00") == nil)
        #expect(TimeFormat.parseClock("ab:cd") == nil)
        #expect(TimeFormat.parseClock("") == nil)
        #expect(TimeFormat.parseClock("1:2:3:4") == nil)
    }

    @Test func formatsDurationsAndTimesOfDay() {
        #expect(TimeFormat.duration(2 * 3_600_000 + 5 * 60_000 + 9_900) == "2:05:09")
        #expect(TimeFormat.duration(-61_000) == "-0:01:01")
        #expect(TimeFormat.timeOfDay(8 * 3_600_000 + 1) == "08:00:00")
        #expect(TimeFormat.timeOfDay(25 * 3_600_000) == "01:00:00+1d")
        #expect(TimeFormat.pace(299_600) == "5:00/km")
        #expect(TimeFormat.gap(75_000) == "+1:15")
    }

    @Test func civilDatesCountDays() {
        let a = CivilDate(year: 2025, month: 4, day: 6)
        #expect(CivilDate(iso: "2025-04-06") == a)
        #expect(CivilDate(year: 2025, month: 4, day: 7).daysSinceEpoch - a.daysSinceEpoch == 1)
        #expect(CivilDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CivilDate(iso: "2025-13-01") == nil)
        let read = RawRead(
            code: "x", date: CivilDate(year: 2025, month: 4, day: 5), timeOfDay: 23 * 3_600_000, format: .ipico)
        #expect(read.eventTime(eventDate: a) == -3_600_000)
    }

    @Test func clockOffsetIsAppliedWhenALineIsRecorded() {
        var log = ReadLog(files: Fixture.files)
        let raw = RawRead(code: "101", timeOfDay: Fixture.t(5), format: .manual)
        log.record(
            .read(raw), file: 2, line: 4, eventDate: CivilDate(year: 2025, month: 4, day: 6), clockOffset: -1500,
            text: "x")
        log.record(
            .malformed(reason: "nope"), file: 2, line: 5, eventDate: CivilDate(year: 2025, month: 4, day: 6),
            clockOffset: 0, text: "garbage")
        #expect(log.reads.first?.time == Fixture.t(5) - 1500)
        #expect(log.reads.first?.point == 1)
        #expect(
            log.problems == [
                LineProblem(
                    ref: LineRef(file: 2, line: 5), reason: .malformed("nope"), text: "garbage",
                    after: Fixture.t(5) - 1500)
            ])
        #expect(log.lineCounts[2] == 2)
    }
}
