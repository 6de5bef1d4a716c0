import Testing
@testable import RaceModel

@Suite struct AgeGroupTests {
    /// Men in five-year groups from 40, women in ten-year groups from 35, closed at 99.
    let groups = AgeGroups(lowerBounds: [18, 40, 45, 50, 80], bySex: [.female: [18, 35, 45, 80]], lastUpperBound: 99)

    @Test func labelsArePerSexWithTheirOwnBounds() {
        #expect(groups.label(sex: .male, age: 42) == "M40-44")
        #expect(groups.label(sex: .female, age: 42) == "F35-44")
        #expect(groups.label(sex: .female, age: 36) == "F35-44")
        #expect(groups.label(sex: .male, age: 36) == "M18-39")
        #expect(groups.label(sex: .other, age: 47) == "X45-49")
        #expect(groups.label(sex: .male, age: 85) == "M80-99")
        #expect(groups.label(sex: .male, age: 100) == "M99+")
        #expect(groups.label(sex: .female, age: 16) == "FU18")
        #expect(groups.label(sex: nil, age: 42) == "40-44")
        #expect(groups.label(sex: .male, age: nil) == "")
    }

    @Test func groupsAreNumberedAcrossSexesAndNeedAgeAndSex() {
        #expect(groups.groupCount == 5 + 4 + 5)
        let m42 = groups.group(sex: .male, age: 42)
        let f42 = groups.group(sex: .female, age: 42)
        #expect(m42 != nil && f42 != nil && m42 != f42)
        #expect(groups.label(forGroup: f42!) == "F35-44")
        #expect(groups.group(sex: nil, age: 42) == nil)
        #expect(groups.group(sex: .female, age: nil) == nil)
        #expect(groups.group(sex: .male, age: 100) == nil)
    }

    @Test func placesArePerSexAndAgeGroupAndOnlyWithBoth() {
        var event = Fixture.event()
        event.ageGroups = groups
        let participants = [
            Participant(bib: "1", name: "M 42", raceIndex: 0, sex: .male, age: 42),
            Participant(bib: "2", name: "F 42", raceIndex: 0, sex: .female, age: 42),
            Participant(bib: "3", name: "F 38", raceIndex: 0, sex: .female, age: 38),
            Participant(bib: "4", name: "M 43", raceIndex: 0, sex: .male, age: 43),
            Participant(bib: "5", name: "no sex", raceIndex: 0, age: 41),
            Participant(bib: "6", name: "no age", raceIndex: 0, sex: .male),
        ]
        var reads: [TimedRead] = []
        for (i, p) in participants.enumerated() { reads += Fixture.cleanRun(p.bib, minPerKm: 3.5 + Double(i) * 0.1) }
        let rows = RaceComputation(event: event, participants: participants).evaluate(Fixture.log(reads)).standings[0]
            .rows
        #expect(rows.map(\.place) == [1, 2, 3, 4, 5, 6])
        #expect(rows.map(\.sexPlace) == [1, 1, 2, 2, nil, 3])
        // F42 and F38 share F35-44; M42 and M43 share M40-44.
        #expect(rows.map(\.ageGroupPlace) == [1, 1, 2, 2, nil, nil])
    }
}
