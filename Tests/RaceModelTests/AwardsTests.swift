import Testing
@testable import RaceModel

@Suite struct AwardsTests {
    /// Men 40-49 and 18-39, women, by finish order: the two fastest men are 40+.
    let participants = [
        Fixture.runner("1", sex: .male, age: 42), Fixture.runner("2", sex: .male, age: 45),
        Fixture.runner("3", sex: .male, age: 30), Fixture.runner("4", sex: .male, age: 41),
        Fixture.runner("5", sex: .female, age: 44), Fixture.runner("6", sex: .male, age: 48),
        Fixture.runner("7", sex: .male, age: 33), Fixture.runner("8", sex: .female, age: 25),
    ]

    func categories(top: Int, overallInAgeGroups: Bool, cutoff: Millis? = nil) -> [String: [String]] {
        var reads: [TimedRead] = []
        for (i, p) in participants.enumerated() { reads += Fixture.cleanRun(p.bib, minPerKm: 3.5 + Double(i) * 0.1) }
        let event = Fixture.event(cutoff: cutoff)
        let ev = RaceComputation(event: event, participants: participants).evaluate(Fixture.log(reads))
        let list = Awards.categories(
            ev.standings[0], event: event, participants: participants,
            top: top, overallInAgeGroups: overallInAgeGroups)
        var out: [String: [String]] = [:]
        for c in list { out[c.label] = c.winners.map { "\($0.place):\(participants[$0.standing.runner].bib)" } }
        return out
    }

    @Test func overallWinnersAreTakenOutOfTheAgeGroupsByDefault() {
        let c = categories(top: 2, overallInAgeGroups: false)
        #expect(c["Overall M"] == ["1:1", "2:2"])
        #expect(c["Overall F"] == ["1:5", "2:8"])
        #expect(c["M40-49"] == ["1:4", "2:6"])
        #expect(c["M18-39"] == ["1:3", "2:7"])
        #expect(c["F40-49"] == nil && c["F18-39"] == nil)
    }

    @Test func withDoubleCountingTheyWinBoth() {
        let c = categories(top: 2, overallInAgeGroups: true)
        #expect(c["M40-49"] == ["1:1", "2:2"])
        #expect(c["F40-49"] == ["1:5"])
        #expect(c["F18-39"] == ["1:8"])
    }

    @Test func onlyOfficialFinishersWin() {
        // A 40-minute limit: runners 6 to 8 (4:00/km and slower) are over it.
        let c = categories(top: 3, overallInAgeGroups: false, cutoff: 40 * 60_000)
        #expect(c["Overall M"] == ["1:1", "2:2", "3:3"])
        #expect(c["M40-49"] == ["1:4"])
        #expect(c["Overall F"] == ["1:5"])
    }
}
