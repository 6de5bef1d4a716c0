import Testing
@testable import RaceModel

/// Rules per race and wave, the ranking clock per division or wave, final
/// results, the time limit and suspicious segments, on the hand-made 10K.
@Suite struct RaceRulesTests {
    func evaluate(
        _ event: EventConfig, _ participants: [Participant], _ reads: [TimedRead],
        at: Millis? = nil, final: Bool = false
    ) -> Evaluation {
        RaceComputation(event: event, participants: participants).evaluate(Fixture.log(reads), at: at, final: final)
    }

    /// A wheelchair athlete at 36 km/h: 10 km in 16:40.
    var wheelchairReads: [TimedRead] { Fixture.cleanRun("1", minPerKm: 1.0 / 0.6, startDelay: 1) }

    @Test func theEventMaxSpeedRefusesAWheelchairAthletesSplits() {
        let ev = evaluate(Fixture.event(), [Fixture.runner("1")], wheelchairReads)
        #expect(ev.standings[0].rows[0].status != .finished)
        #expect(ev.timelines[0].flags.contains(.impossibleSplit))
    }

    @Test func aRacesOwnMaxSpeedCountsThem() {
        var event = Fixture.event()
        event.races[0].rules = TimingRules(maxSpeedKmh: 45)
        let ev = evaluate(event, [Fixture.runner("1")], wheelchairReads)
        #expect(ev.standings[0].rows[0].status == .finished)
        #expect(ev.timelines[0].flags.isEmpty)
    }

    @Test func aWavesRulesApplyToItsRunnersOnly() {
        var event = Fixture.event()
        event.races[0].waves[1].rules = TimingRules(maxSpeedKmh: 45)  // wave B: wheelchairs
        let participants = [Fixture.runner("1"), Fixture.runner("2", wave: 1)]
        let reads = wheelchairReads + Fixture.cleanRun("2", minPerKm: 1.0 / 0.6, startDelay: 1, wave: 1)
        let ev = evaluate(event, participants, reads)
        let status = Dictionary(
            uniqueKeysWithValues: ev.standings[0].rows.map { (participants[$0.runner].bib, $0.status) })
        #expect(status["1"] != .finished)
        #expect(status["2"] == .finished)
    }

    @Test func aDivisionRanksOnItsOwnClock() {
        // The race ranks on gun time; the amateur division on net time.
        var event = Fixture.event(clock: .gun)
        event.races[0].divisionClocks = [.amateur: .net]
        let participants = [Fixture.runner("1", division: .elite), Fixture.runner("2")]
        let reads =
            Fixture.cleanRun("1", minPerKm: 3.2, startDelay: 2) + Fixture.cleanRun("2", minPerKm: 4, startDelay: 300)
        let rows = evaluate(event, participants, reads).standings[0].rows
        let elite = rows.first { $0.runner == 0 }!, amateur = rows.first { $0.runner == 1 }!
        #expect(elite.rankTime == elite.gunTime)
        #expect(amateur.rankTime == amateur.netTime)
        #expect(amateur.rankTime == 40 * 60_000)
        #expect(amateur.splits[4] == 40 * 60_000)
        // A wave's clock applies where the division gives none.
        var byWave = Fixture.event(clock: .gun)
        byWave.races[0].waves[0].clock = .net
        let row = evaluate(byWave, [Fixture.runner("2")], Fixture.cleanRun("2", minPerKm: 4, startDelay: 300))
            .standings[0].rows[0]
        #expect(row.rankTime == 40 * 60_000)
    }

    @Test func finalResultsLeaveNobodyOnCourse() {
        let participants = ["1", "2", "3"].map { Fixture.runner($0) }
        let reads = Fixture.cleanRun("1", minPerKm: 4) + Fixture.cleanRun("2", minPerKm: 4).prefix(3)
        let live = evaluate(Fixture.event(), participants, reads).standings[0].rows
        #expect(live.map(\.status) == [.finished, .onCourse, .dns])
        let final = evaluate(Fixture.event(), participants, reads, final: true)
        #expect(final.isFinal)
        #expect(final.standings[0].rows.map(\.status) == [.finished, .dnf, .dns])
        #expect(final.standings[0].rows.map(\.place) == [1, nil, nil])
    }

    @Test func aFinishAfterTheTimeLimitIsListedAfterTheFinishersWithoutPlace() {
        // A 45-minute limit from each runner's own gun; wave B starts 10 minutes later.
        let participants = [
            Fixture.runner("1"), Fixture.runner("2"), Fixture.runner("3", wave: 1), Fixture.runner("4"),
        ]
        let reads =
            Fixture.cleanRun("1", minPerKm: 5)  // 50:20: over
            + Fixture.cleanRun("2", minPerKm: 4)  // 40:20
            + Fixture.cleanRun("3", minPerKm: 4.4, wave: 1)  // 44:20 after its own gun, 54:20 after A's
            + Fixture.cleanRun("4", minPerKm: 6).prefix(3)  // out at 5K
        let ev = evaluate(Fixture.event(cutoff: 45 * 60_000), participants, reads, at: Fixture.t(70))
        let rows = ev.standings[0].rows
        #expect(rows.map { participants[$0.runner].bib } == ["2", "3", "1", "4"])
        #expect(rows.map(\.status) == [.finished, .finished, .overTimeLimit, .dnf])
        #expect(rows.map(\.place) == [1, 2, nil, nil])
        #expect(rows[2].gunTime == 50 * 60_000 + 20_000)
        #expect(ev.isFinal)  // every wave's limit has passed: the dashboard shows final results
    }

    @Test func aSegmentTwiceTheRunnersOwnPaceIsFlaggedNotRefused() {
        // 6:00/km everywhere but 5K -> 8K, run in 9 minutes (3:00/km).
        let participants = [Fixture.runner("1"), Fixture.runner("2")]
        let start = Fixture.gun + 20_000
        let minute = 60_000
        let cutter = [(0, 0), (2, 18), (1, 30), (2, 39), (0, 51)].enumerated().map { i, r in
            Fixture.read("1", r.0, start + r.1 * minute, line: i + 1)
        }
        let ev = evaluate(Fixture.event(), participants, cutter + Fixture.cleanRun("2", minPerKm: 6))
        let timeline = ev.timelines[0]
        #expect(timeline.flags.contains(.suspiciousSegment))
        #expect(timeline.suspicious.map { [$0.from, $0.to] } == [[2, 3]])
        #expect(timeline.suspicious.first.map { $0.ratio > 1.9 } == true)
        #expect(ev.standings[0].rows.first { $0.runner == 0 }?.status == .finished)
        #expect(!ev.timelines[1].flags.contains(.suspiciousSegment))
        // A higher ratio lets it pass.
        var lenient = Fixture.event()
        lenient.rules.suspiciousRatio = 2.5
        #expect(evaluate(lenient, participants, cutter).timelines[0].suspicious.isEmpty)
    }
}
