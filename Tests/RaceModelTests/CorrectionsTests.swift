import Testing
@testable import RaceModel

/// The officials' journal applied on top of the raw reads, one action at a
/// time, on the hand-made 10K: three runners finishing 1, 2, 3.
@Suite struct CorrectionsTests {
    let participants = [Fixture.runner("1"), Fixture.runner("2"), Fixture.runner("3", chip: "C3")]
    var reads: [TimedRead] {
        Fixture.cleanRun("1", minPerKm: 4) + Fixture.cleanRun("2", minPerKm: 4.5) + Fixture.cleanRun("C3", minPerKm: 5)
    }

    func row(_ line: Int, _ bib: String, _ action: Correction.Action, reason: String = "") -> Correction {
        Correction(
            line: line, when: "2025-04-06T10:00:00+09:00", who: "referee", bib: bib, action: action, reason: reason)
    }

    func evaluate(_ rows: [Correction], reads: [TimedRead]? = nil, at: Millis? = nil) -> Evaluation {
        let event = Fixture.event()
        let corrections = Corrections(rows, event: event, participants: participants)
        return RaceComputation(event: event, participants: participants, corrections: corrections)
            .evaluate(Fixture.log(reads ?? self.reads), at: at)
    }

    func row(of bib: String, in ev: Evaluation) -> Standing {
        ev.standings[0].rows.first { participants[$0.runner].bib == bib }!
    }

    func order(_ ev: Evaluation) -> [String] { ev.standings[0].rows.map { participants[$0.runner].bib } }

    @Test func withoutCorrectionsTheReadsDecide() {
        let ev = evaluate([])
        #expect(order(ev) == ["1", "2", "3"])
        #expect(row(of: "1", in: ev).corrections.isEmpty)
    }

    @Test func aDisqualifiedRunnerHasNoPlaceAndIsListedAfterDNF() {
        var reads = self.reads
        reads.removeAll { $0.code == "2" && $0.point == 0 && $0.time > Fixture.gun + 60_000 }  // 2 stops before the finish
        let ev = evaluate(
            [row(2, "1", .disqualify(rule: "TR 55.8"), reason: "cut the course at 8K")], reads: reads, at: Fixture.t(90)
        )
        let winner = row(of: "1", in: ev)
        #expect(winner.status == .disqualified)
        #expect(winner.place == nil && winner.sexPlace == nil && winner.ageGroupPlace == nil)
        #expect(winner.projectedFinish == nil)
        #expect(winner.corrections == ["DQ (TR 55.8): cut the course at 8K"])
        #expect(winner.flagLabels.last == "DQ (TR 55.8): cut the course at 8K")
        #expect(winner.flags.contains(.corrected))
        #expect(row(of: "3", in: ev).place == 1)
        #expect(order(ev) == ["3", "2", "1"])
        #expect(row(of: "2", in: ev).status == .onCourse)
    }

    @Test func dnfAndDnsSetTheStatus() {
        let ev = evaluate([row(2, "2", .dnf, reason: "withdrew at the medical tent"), row(3, "3", .dns)])
        #expect(row(of: "2", in: ev).status == .dnf)
        #expect(row(of: "2", in: ev).place == nil)
        #expect(row(of: "3", in: ev).status == .dns)
        #expect(order(ev) == ["1", "2", "3"])
        #expect(ev.standings[0].statusCounts.finished == 1)
    }

    @Test func reinstateUndoesTheStatusChange() {
        let ev = evaluate([row(2, "1", .disqualify(rule: "")), row(3, "1", .reinstate, reason: "appeal upheld")])
        let winner = row(of: "1", in: ev)
        #expect(winner.status == .finished)
        #expect(winner.place == 1)
        #expect(winner.corrections == ["DQ", "reinstated: appeal upheld"])
    }

    @Test func undoCancelsOneRowAndKeepsItOnRecord() {
        let rows = [row(2, "1", .penalty(120_000)), row(3, "2", .dnf), row(4, "", .undo(line: 3))]
        let ev = evaluate(rows)
        #expect(row(of: "2", in: ev).status == .finished)
        #expect(row(of: "2", in: ev).corrections == ["DNF (undone)"])
        #expect(row(of: "1", in: ev).corrections == ["penalty +0:02:00"])
        #expect(ev.corrections.undone == [3])
    }

    @Test func aPenaltyMovesTheFinishAndThePlace() {
        let before = row(of: "1", in: evaluate([]))
        let ev = evaluate([row(2, "1", .penalty(6 * 60_000), reason: "blocking")])  // 40:20 + 6:00 is behind 2's 45:20
        let punished = row(of: "1", in: ev)
        #expect(punished.gunTime == before.gunTime! + 360_000)
        #expect(punished.netTime == before.netTime! + 360_000)
        #expect(punished.splits.last! == before.splits.last!! + 360_000)
        #expect(punished.corrections == ["penalty +0:06:00: blocking"])
        #expect(punished.place == 2)
        #expect(order(ev) == ["2", "1", "3"])
    }

    @Test func aBonusTakesTimeOff() {
        let before = row(of: "3", in: evaluate([]))
        let ev = evaluate([row(2, "3", .penalty(-60_000))])
        #expect(row(of: "3", in: ev).gunTime == before.gunTime! - 60_000)
        #expect(row(of: "3", in: ev).corrections == ["bonus -0:01:00"])
    }

    @Test(arguments: [3 * 3_600_000, 50 * 60_000, 10 * 60_000])
    func aBonusOverTheLastSegmentIsRefusedNotANegativeWinningTime(
        bonus: Millis
    ) {
        // A mistyped bonus (3:00:00 for 0:03:00) would put the finish before the runner's last split, even
        // before the gun: a negative time in first place. It is left out and flagged for the officials.
        let before = row(of: "3", in: evaluate([]))
        let ev = evaluate([row(2, "3", .penalty(-bonus), reason: "typo")])
        let refused = row(of: "3", in: ev)
        #expect(refused.gunTime == before.gunTime && refused.netTime == before.netTime)
        #expect(refused.place == 3 && order(ev) == ["1", "2", "3"])
        #expect(refused.flags.contains(.bonusRefused))
        #expect(refused.flagLabels.contains("bonus not applied: more than the last segment"))
        #expect(refused.corrections.count == 1)
        // A bonus inside the last segment still applies, and raises no flag.
        let applied = row(of: "3", in: evaluate([row(2, "3", .penalty(-5 * 60_000))]))  // its 8K-finish segment is 10:00
        #expect(applied.gunTime == before.gunTime! - 5 * 60_000 && !applied.flags.contains(.bonusRefused))
    }

    /// Refusing a bonus refuses only the bonus: a penalty beside it still applies.
    @Test func aPenaltyStillAppliesBesideARefusedBonus() {
        let before = row(of: "3", in: evaluate([]))
        let ev = evaluate([row(2, "3", .penalty(5 * 60_000)), row(3, "3", .penalty(-15 * 60_000))])
        let both = row(of: "3", in: ev)
        #expect(both.gunTime == before.gunTime! + 5 * 60_000)
        #expect(both.flags.contains(.bonusRefused))
    }

    @Test func aHandTimeFillsAMissedFinish() {
        var reads = self.reads
        reads.removeAll { $0.code == "2" && $0.point == 0 && $0.time > Fixture.t(10) }  // the finish mat missed 2
        let missed = row(of: "2", in: evaluate([], reads: reads, at: Fixture.t(60)))
        #expect(missed.status == .onCourse)
        let hand = Fixture.t(45, 20, ms: 400)
        let ev = evaluate(
            [row(2, "2", .handSplit(checkpoint: "finish", time: hand), reason: "chip not read")], reads: reads,
            at: Fixture.t(60))
        let timed = row(of: "2", in: ev)
        #expect(timed.status == .finished)
        #expect(timed.gunTime == hand - Fixture.gun)
        #expect(timed.place == 2)
        #expect(ev.timelines[1].splitRefs.last! == nil)
    }

    @Test func aHandTimeFillsAMissedSplitAndClearsTheFlag() {
        var reads = self.reads
        reads.removeAll { $0.code == "1" && $0.point == 1 }  // the 5K mat missed 1
        #expect(evaluate([], reads: reads).timelines[0].flags.contains(.missedSplit))
        let ev = evaluate([row(2, "1", .handSplit(checkpoint: "5K", time: Fixture.t(20, 21)))], reads: reads)
        #expect(!ev.timelines[0].flags.contains(.missedSplit))
        #expect(ev.timelines[0].missed.isEmpty)
        #expect(ev.timelines[0].splits[2] == Fixture.t(20, 21))
    }

    @Test func aHandTimeCountsOnlyOnceTheClockPassesIt() {
        var reads = self.reads
        reads.removeAll { $0.code == "2" && $0.point == 0 && $0.time > Fixture.t(10) }
        let rows = [row(2, "2", .handSplit(checkpoint: "finish", time: Fixture.t(45, 20)))]
        #expect(row(of: "2", in: evaluate(rows, reads: reads, at: Fixture.t(45))).status == .onCourse)
        #expect(row(of: "2", in: evaluate(rows, reads: reads, at: Fixture.t(45, 20))).status == .finished)
    }

    @Test func aChipSwapGivesReadsFromThatTimeToTheRunner() {
        // Runner 2 wore runner 3's chip C3 from the 5K on; 3 never started.
        var reads = Fixture.cleanRun("2", minPerKm: 4.5).filter { $0.time < Fixture.t(21) }
        reads += Fixture.cleanRun("C3", minPerKm: 4.5).filter { $0.time >= Fixture.t(21) }
        let without = evaluate([], reads: reads, at: Fixture.t(60))
        #expect(row(of: "2", in: without).status != .finished)
        let ev = evaluate([row(2, "2", .chipSwap(chip: "c3", from: Fixture.t(21)))], reads: reads, at: Fixture.t(60))
        #expect(row(of: "2", in: ev).status == .finished)
        #expect(row(of: "3", in: ev).status == .dns)
    }

    @Test func anIgnoredReadIsNotUsedAndIsListedWithItsRow() {
        // A stray finish read for 3 before the real one: ignoring it leaves the real one.
        let stray = Fixture.read("C3", 0, Fixture.t(30, 5, ms: 250), line: 9)
        let rows = [row(2, "3", .ignoreRead(file: "stadium.txt", time: Fixture.t(30, 5), precision: 1000, code: "C3"))]
        let ev = evaluate(rows, reads: reads + [stray])
        let ignored = ev.rejections.filter { $0.reason == .ignoredByOfficials(line: 2) }
        #expect(ignored.count == 1)
        #expect(ignored.first?.ref == stray.ref)
        #expect(ignored.first?.runner == 2)
        let log = Fixture.log(reads + [stray])
        let computation = RaceComputation(
            event: Fixture.event(), participants: participants,
            corrections: Corrections(rows, event: Fixture.event(), participants: participants))
        let considered = computation.consideredRefs(
            runner: 2, log: log, grouped: computation.group(log), at: log.latestReadTime!)
        #expect(considered.count == ev.timelines[2].outcomes.count)
        #expect(!considered.contains(stray.ref))
    }

    @Test func anIgnoreRowMatchesOnlyToThePrecisionWritten() {
        let rows = [
            row(2, "3", .ignoreRead(file: "stadium.txt", time: Fixture.t(30, 5, ms: 300), precision: 100, code: "C3"))
        ]
        let stray = Fixture.read("C3", 0, Fixture.t(30, 5, ms: 250), line: 9)
        #expect(
            evaluate(rows, reads: reads + [stray]).rejections.allSatisfy { $0.reason != .ignoredByOfficials(line: 2) })
    }

    @Test func closingARaceGivesFinalResults() {
        var reads = self.reads
        reads.removeAll { $0.code == "C3" && $0.time > Fixture.t(30) }
        let open = evaluate([], reads: reads, at: Fixture.t(60))
        #expect(row(of: "3", in: open).status == .onCourse)
        #expect(!open.isFinal)
        let ev = evaluate([row(2, "", .closeRace(race: "10k", from: nil))], reads: reads, at: Fixture.t(60))
        #expect(row(of: "3", in: ev).status == .dnf)
        #expect(ev.isFinal)
    }

    @Test func aRaceClosedAtATimeIsFinalFromThen() {
        let rows = [row(2, "", .closeRace(race: "10k", from: Fixture.t(55)))]
        #expect(!evaluate(rows, at: Fixture.t(50)).isFinal)
        #expect(evaluate(rows, at: Fixture.t(55)).isFinal)
    }
}
