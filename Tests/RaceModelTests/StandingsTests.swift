import Testing
@testable import RaceModel

@Suite struct StandingsTests {
    /// Five runners: two finish, one is on course at 8 km, one at 5 km, one never starts.
    func evaluate(
        clock: RankingClock = .gun, cutoff: Millis? = nil, at: Millis? = nil,
        extra: [TimedRead] = []
    ) -> (Evaluation, [Participant]) {
        let participants = [
            Fixture.runner("1", sex: .male, age: 25, division: .elite),
            Fixture.runner("2", sex: .female, age: 42, division: .elite),
            Fixture.runner("3", sex: .male, age: 45),
            Fixture.runner("4", sex: .female, age: 33, chip: "abc123"),
            Fixture.runner("5", sex: .male, age: 60),
        ]
        var reads = Fixture.cleanRun("1", minPerKm: 3.2, startDelay: 2)  // finish 32:02
        reads += Fixture.cleanRun("2", minPerKm: 3.5, startDelay: 3)  // finish 35:03
        reads += Fixture.cleanRun("3", minPerKm: 6, startDelay: 60).prefix(4)  // 8 km at 49:00
        reads += Fixture.cleanRun("ABC123", minPerKm: 5, startDelay: 90).prefix(3)  // 5 km at 26:30, by chip
        reads += extra
        let computation = RaceComputation(
            event: Fixture.event(clock: clock, cutoff: cutoff), participants: participants)
        return (computation.evaluate(Fixture.log(reads), at: at), participants)
    }

    @Test func finishersFirstThenFurthestCheckpointThenTime() {
        let (ev, participants) = evaluate()
        let rows = ev.standings[0].rows
        #expect(rows.map { participants[$0.runner].bib } == ["1", "2", "3", "4", "5"])
        #expect(rows.map(\.status) == [.finished, .finished, .onCourse, .onCourse, .dns])
        #expect(rows.map(\.place) == [1, 2, 3, 4, nil])
        #expect(rows[0].gunTime == 32 * 60_000 + 2000)
        #expect(rows[2].lastCheckpoint == 3)
    }

    @Test func placesBySexDivisionAndAgeGroup() {
        let (ev, _) = evaluate()
        let rows = ev.standings[0].rows
        #expect(rows.map(\.sexPlace) == [1, 1, 2, 2, nil])
        #expect(rows.map(\.divisionPlace) == [1, 2, 1, 2, nil])
        // Age groups [18, 40, 50] per sex: M25 -> M18-39, F42 -> F40-49, M45 -> M40-49, F33 -> F18-39.
        #expect(rows.map(\.ageGroupPlace) == [1, 1, 1, 1, nil])
        let groups = Fixture.event().ageGroups
        #expect(
            rows.map { $0.ageGroup.map(groups.label(forGroup:)) } == ["M18-39", "F40-49", "M40-49", "F18-39", "M50+"])
        #expect(Fixture.event().ageGroups.label(forAge: 45) == "40-49")
        #expect(Fixture.event().ageGroups.label(forAge: 60) == "50+")
        #expect(Fixture.event().ageGroups.label(forAge: 16) == "U18")
    }

    @Test func gapIsToTheLeaderAtTheSameCheckpoint() {
        let (ev, _) = evaluate()
        let rows = ev.standings[0].rows
        #expect(rows[0].gap == 0)
        #expect(rows[1].gap == (35 * 60_000 + 3000) - (32 * 60_000 + 2000))
        // Runner 3 at 8 km (49:00) against runner 1's 8 km (25:38).
        let leader8 = 2000 + Int(8 * 3.2 * 60_000)
        #expect(rows[2].gap == 49 * 60_000 - leader8)
    }

    @Test func paceAndProjectionForARunnerOnCourse() {
        let (ev, _) = evaluate()
        let third = ev.standings[0].rows[2]
        // Segment 5 -> 8 km at 6:00/km.
        #expect(third.segmentPace == 360_000)
        // Projection: 49:00 at 8 km on the gun clock -> 61:15 over 10 km.
        #expect(third.projectedFinish == 49 * 60_000 * 10 / 8)
        // Race pace runs on the runner's own clock: 48:00 net over 8 km.
        #expect(third.racePace == 360_000)
    }

    @Test func standingsAtATimeUseOnlyReadsUpToThen() {
        let (ev, participants) = evaluate(at: Fixture.t(30))
        let rows = ev.standings[0].rows
        // At 09:30 nobody has finished; runner 1 leads at 8 km.
        #expect(rows.allSatisfy { $0.status != .finished })
        #expect(participants[rows[0].runner].bib == "1")
        #expect(rows[0].lastCheckpoint == 3)
        #expect(ev.at == Fixture.t(30))
    }

    @Test func netClockRanksByTimeFromTheStartMat() {
        // Runner 4 started 88 s after runner 1... give runner 5 a late start and a fast net time.
        let late = Fixture.cleanRun("5", minPerKm: 3.1, startDelay: 240)  // finish at 4:00 + 31:00 = 35:00 gun, 31:00 net
        let (gunEv, p) = evaluate(clock: .gun, extra: late)
        let (netEv, _) = evaluate(clock: .net, extra: late)
        #expect(gunEv.standings[0].rows.prefix(3).map { p[$0.runner].bib } == ["1", "5", "2"])
        #expect(netEv.standings[0].rows.prefix(3).map { p[$0.runner].bib } == ["5", "1", "2"])
        #expect(netEv.standings[0].rows[0].netTime == 31 * 60_000)
    }

    @Test func splitsAreOnTheRankingClockWhicheverWayTheyAreRead() {
        let late = Fixture.cleanRun("5", minPerKm: 3.1, startDelay: 240)
        let (netEv, _) = evaluate(clock: .net, extra: late)
        let (gunEv, _) = evaluate(clock: .gun, extra: late)
        for net in netEv.standings[0].rows {
            #expect(net.checkpointCount == net.splits.count)
            #expect((0..<net.checkpointCount).map(net.split) == net.splits)
            let timeline = netEv.timelines[net.runner]
            let start = timeline.startRead ?? Fixture.t(0)
            #expect(net.splits == timeline.splits.map { $0.map { $0 - start } })
        }
        for gun in gunEv.standings[0].rows {
            #expect(gun.splits == gunEv.timelines[gun.runner].splits.map { $0.map { $0 - Fixture.t(0) } })
        }
        #expect(netEv.standings[0].rows.contains { $0.splits.contains { $0 != nil } })
        // Equal by what they read: the same splits written on another origin.
        var row = netEv.standings[0].rows[0]
        let copy = row
        row.splits = row.splits
        #expect(row == copy)
        row.splits[0] = (row.splits[0] ?? 0) + 1
        #expect(row != copy)
    }

    @Test func runnersStillOutAtTheCutoffAreDNFWithoutPlace() {
        let (ev, p) = evaluate(cutoff: 60 * 60_000, at: Fixture.t(61))
        let rows = ev.standings[0].rows
        #expect(rows.map { p[$0.runner].bib } == ["1", "2", "3", "4", "5"])
        #expect(rows.map(\.status) == [.finished, .finished, .dnf, .dnf, .dns])
        #expect(rows.map(\.place) == [1, 2, nil, nil, nil])
    }

    @Test func unknownChipsAreRejectedWithTheirCodeAndCounted() {
        let (ev, _) = evaluate(extra: [Fixture.read("ZZZ999", 1, Fixture.t(20), line: 99)])
        let unknown = ev.rejections.filter { $0.reason == .unknownChip("ZZZ999") }
        #expect(unknown.count == 1)
        #expect(unknown.first?.ref == LineRef(file: 2, line: 99))
        #expect(ev.pointStats[1].rejected == 1)
    }

    @Test func everyReadIsUsedDuplicateOrRejected() {
        let noise = [
            Fixture.read("1", 1, Fixture.t(16, 5)), Fixture.read("ZZZ", 0, Fixture.t(1)),
            Fixture.read("2", 3, Fixture.t(9)),
        ]
        let (ev, _) = evaluate(extra: noise)
        let total = ev.pointStats.reduce(0) { $0 + $1.reads }
        #expect(ev.usedCount + ev.duplicateCount + ev.rejections.count == total)
    }
}
