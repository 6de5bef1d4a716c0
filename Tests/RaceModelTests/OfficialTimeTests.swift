import Testing
@testable import RaceModel

/// World Athletics TR 19.24: read to 1/10 s, any non-zero tenth goes up to the next whole second.
@Suite struct OfficialTimeTests {
    let base = (2 * 3600 + 9 * 60 + 44) * 1000  // 2:09:44

    @Test func wholeSecondsRoundTheTenthUp() {
        #expect(OfficialTime.format(base, .seconds) == "2:09:44")  // .0
        #expect(OfficialTime.format(base + 10, .seconds) == "2:09:44")  // .01: read as .0
        #expect(OfficialTime.format(base + 50, .seconds) == "2:09:44")  // .05 (the rule's own example)
        #expect(OfficialTime.format(base + 99, .seconds) == "2:09:44")  // .099: still .0 to a tenth
        #expect(OfficialTime.format(base + 100, .seconds) == "2:09:45")  // .1
        #expect(OfficialTime.format(base + 300, .seconds) == "2:09:45")  // .3 (the rule's own example)
        #expect(OfficialTime.format(base + 990, .seconds) == "2:09:45")  // .99
        #expect(OfficialTime.format(2 * 3_600_000 + 18 * 60_000 + 56_550, .seconds) == "2:18:57")
        #expect(OfficialTime.format(59_950, .seconds) == "0:01:00")
    }

    @Test func tenthsAndHundredthsFollowTheSameRuleOneDigitFurther() {
        #expect(OfficialTime.format(base, .tenths) == "2:09:44.0")
        #expect(OfficialTime.format(base + 10, .tenths) == "2:09:44.1")  // .01 goes up to .1
        #expect(OfficialTime.format(base + 5, .tenths) == "2:09:44.0")  // .005: read as .00
        #expect(OfficialTime.format(base + 990, .tenths) == "2:09:45.0")  // .99 up to the next second
        #expect(OfficialTime.format(base + 991, .hundredths) == "2:09:45.00")
        #expect(OfficialTime.format(base + 10, .hundredths) == "2:09:44.01")
        #expect(OfficialTime.format(base + 11, .hundredths) == "2:09:44.02")
        #expect(OfficialTime.round(base + 11, .hundredths) == base + 20)
    }

    @Test func tiesOnTheUnroundedTimeSharePlaces() {
        // 1 and 2 finish in the same official second (32:03) but 1 is 0.4 s ahead;
        // 3 and 4 cross at the very same millisecond.
        let participants = ["1", "2", "3", "4", "5"].map { Fixture.runner($0) }
        var reads: [TimedRead] = []
        let finishes = [
            Fixture.t(32, 2, ms: 300), Fixture.t(32, 2, ms: 700), Fixture.t(33, 0, ms: 500),
            Fixture.t(33, 0, ms: 500), Fixture.t(34),
        ]
        for (i, p) in participants.enumerated() {
            reads += Fixture.cleanRun(p.bib, minPerKm: 3.1, startDelay: 2).dropLast()
            reads.append(Fixture.read(p.bib, 0, finishes[i], line: 9))
        }
        let ev = RaceComputation(event: Fixture.event(), participants: participants).evaluate(Fixture.log(reads))
        let rows = ev.standings[0].rows
        #expect(rows.map { participants[$0.runner].bib } == ["1", "2", "3", "4", "5"])
        #expect(rows.map(\.place) == [1, 2, 3, 3, 5])
        #expect(rows.map(\.sexPlace) == [1, 2, 3, 3, 5])
        #expect(rows.map(\.ageGroupPlace) == [1, 2, 3, 3, 5])
        let event = Fixture.event()
        #expect(event.official(rows[0].gunTime!) == "0:32:03")
        #expect(event.official(rows[1].gunTime!) == "0:32:03")
    }
}
