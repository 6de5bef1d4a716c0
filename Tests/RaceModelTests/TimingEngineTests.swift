import Testing
@testable import RaceModel

@Suite struct TimingEngineTests {
    let engine = TimingEngine(event: Fixture.event())
    let runner = Fixture.runner("101")

    @Test func cleanRunFillsEverySplitInOrder() {
        let tl = engine.timeline(for: runner, reads: Fixture.cleanRun("101", minPerKm: 5))
        #expect(
            tl.splits == [Fixture.t(0, 20), Fixture.t(15, 20), Fixture.t(25, 20), Fixture.t(40, 20), Fixture.t(50, 20)])
        #expect(tl.furthest == 4)
        #expect(tl.startRead == Fixture.t(0, 20))
        #expect(tl.flags.isEmpty)
        #expect(tl.missed.isEmpty)
    }

    @Test func repeatsWithinTheWindowCountOnceAsDuplicates() {
        let reads = [
            Fixture.read("101", 1, Fixture.t(25, 0), line: 1),
            Fixture.read("101", 1, Fixture.t(25, 4), line: 2),
            Fixture.read("101", 1, Fixture.t(25, 9), line: 3),
        ]
        let tl = engine.timeline(for: runner, reads: reads)
        #expect(tl.splits[2] == Fixture.t(25, 0))
        #expect(tl.outcomes.map(\.outcome) == [.used(checkpoint: 2), .duplicate, .duplicate])
    }

    @Test func aReadJustOutsideTheWindowIsNotMergedButCountsAsARepeatOfTheSameMat() {
        let reads = [
            Fixture.read("101", 1, Fixture.t(25, 0), line: 1),
            Fixture.read("101", 1, Fixture.t(25, 11), line: 2),
        ]
        let tl = engine.timeline(for: runner, reads: reads)
        #expect(tl.splits[2] == Fixture.t(25, 0))
        #expect(tl.outcomes.map(\.outcome) == [.used(checkpoint: 2), .duplicate])
    }

    @Test func backupReadIsUsedOnlyWhereTheMainLineHasNone() {
        // Main line missed the start; the backup caught it.
        let onlyBackup = [
            Fixture.read("101", 0, Fixture.t(0, 30), backup: true), Fixture.read("101", 1, Fixture.t(25)),
        ]
        let a = engine.timeline(for: runner, reads: onlyBackup)
        #expect(a.splits[0] == Fixture.t(0, 30))
        #expect(a.flags.contains(.backupUsed))

        // Both lines read the passage: the main read times it even though the backup read came first.
        let both = [
            Fixture.read("101", 0, Fixture.t(0, 28), backup: true, line: 7),
            Fixture.read("101", 0, Fixture.t(0, 30), line: 3),
        ]
        let b = engine.timeline(for: runner, reads: both)
        #expect(b.splits[0] == Fixture.t(0, 30))
        #expect(!b.flags.contains(.backupUsed))
        #expect(b.outcomes.map(\.outcome) == [.duplicate, .used(checkpoint: 0)])
    }

    @Test func sharedStadiumMatIsTheStartThenTheFinish() {
        let reads = [Fixture.read("101", 0, Fixture.t(0, 15)), Fixture.read("101", 0, Fixture.t(45))]
        let tl = engine.timeline(for: runner, reads: reads)
        #expect(tl.splits[0] == Fixture.t(0, 15))
        #expect(tl.splits[4] == Fixture.t(45))
        #expect(tl.missed == [1, 2, 3])
        #expect(tl.flags.contains(.missedSplit))
    }

    @Test func onlyAFinishReadAtTheSharedMatIsTheFinishNotTheStart() {
        let tl = engine.timeline(for: runner, reads: [Fixture.read("101", 0, Fixture.t(75))])
        #expect(tl.splits[0] == nil)
        #expect(tl.splits[4] == Fixture.t(75))
        #expect(tl.flags.contains(.noStartRead))
    }

    @Test func loopMatIsAssignedByDistanceAndElapsedTime() {
        // Missed the first pass of the loop mat: the read at 40 min is the km 8 pass, not km 3.
        let reads = [
            Fixture.read("101", 0, Fixture.t(0, 10)), Fixture.read("101", 1, Fixture.t(25)),
            Fixture.read("101", 2, Fixture.t(40)),
        ]
        let tl = engine.timeline(for: runner, reads: reads)
        #expect(tl.splits[1] == nil)
        #expect(tl.splits[3] == Fixture.t(40))
        #expect(tl.missed == [1])

        // Without the 5 km read, 40 min at 5:00/km from the start is still km 8, not km 3.
        let tl2 = engine.timeline(
            for: runner, reads: [Fixture.read("101", 0, Fixture.t(0, 10)), Fixture.read("101", 2, Fixture.t(40))])
        #expect(tl2.splits[3] == Fixture.t(40))
    }

    @Test func missedSplitIsFlaggedAndLaterTimesStand() {
        var reads = Fixture.cleanRun("101", minPerKm: 5)
        reads.remove(at: 2)  // no 5 km read
        let tl = engine.timeline(for: runner, reads: reads)
        #expect(tl.splits[2] == nil)
        #expect(tl.splits[3] == Fixture.t(40, 20))
        #expect(tl.splits[4] == Fixture.t(50, 20))
        #expect(tl.missed == [2])
        #expect(tl.flags.contains(.missedSplit))
    }

    @Test func impossibleSplitIsFlaggedAndNotUsed() {
        // Start, 3 km at 15 min, then "finish" 5 minutes later: 7 km in 5 min = 84 km/h.
        let reads = [
            Fixture.read("101", 0, Fixture.t(0, 10)), Fixture.read("101", 2, Fixture.t(15)),
            Fixture.read("101", 0, Fixture.t(20)),
        ]
        let tl = engine.timeline(for: runner, reads: reads)
        #expect(tl.splits[4] == nil)
        #expect(tl.furthest == 1)
        #expect(tl.impossible.map(\.checkpoint) == [4])
        #expect(tl.flags.contains(.impossibleSplit))
        guard case .rejected(.impossibleSplit(let cp, let kmh)) = tl.outcomes[2].outcome else {
            Issue.record("expected an impossible split, got \(tl.outcomes[2].outcome)")
            return
        }
        #expect(cp == "finish")
        #expect(kmh > 80 && kmh < 90)
    }

    @Test func stepBackOverTheStartMatIsADuplicateNotAnImpossibleFinish() {
        let reads = [Fixture.read("101", 0, Fixture.t(0, 10)), Fixture.read("101", 0, Fixture.t(2))]
        let tl = engine.timeline(for: runner, reads: reads)
        #expect(tl.outcomes.map(\.outcome) == [.used(checkpoint: 0), .duplicate])
        #expect(tl.flags.isEmpty)
    }

    @Test func readsBeforeTheGunAreRejected() {
        let tl = engine.timeline(for: runner, reads: [Fixture.read("101", 0, Fixture.t(-5))])
        #expect(tl.outcomes.map(\.outcome) == [.rejected(.beforeGun(wave: "A"))])
        #expect(tl.furthest == nil)
    }

    @Test func waveGunGovernsBeforeGun() {
        let waveB = Fixture.runner("201", wave: 1)
        let tl = engine.timeline(for: waveB, reads: [Fixture.read("201", 0, Fixture.t(5))])
        #expect(tl.outcomes.map(\.outcome) == [.rejected(.beforeGun(wave: "B"))])
    }

    @Test func readsAtAPointOffTheCourseAndAfterTheFinishAreRejected() {
        var reads = Fixture.cleanRun("101", minPerKm: 5)
        reads.append(Fixture.read("101", 3, Fixture.t(30)))
        reads.append(Fixture.read("101", 1, Fixture.t(70)))
        let tl = engine.timeline(for: runner, reads: reads)
        let outcomes = tl.outcomes.map(\.outcome)
        #expect(outcomes.contains(.rejected(.notOnCourse(point: "elsewhere", race: "10k"))))
        #expect(outcomes.contains(.rejected(.afterFinish)))
        #expect(tl.furthest == 4)
    }

    /// Places alone: every rule still applies (splits, flags, refused splits),
    /// and only the outcomes of the reads are left out.
    @Test func anEngineKeepingNoOutcomesMakesTheSameTimelinesOutcomesAside() {
        let runs = Fixture.runsOfEveryKind("101")
        var placesOnly = engine
        placesOnly.keepsOutcomes = false
        for reads in runs {
            let full = engine.timeline(for: runner, reads: reads)
            var bare = placesOnly.ownCopy().timeline(for: runner, reads: reads)
            #expect(bare.outcomes.isEmpty)
            #expect(full.outcomes.count == reads.count)
            bare.outcomes = full.outcomes
            #expect(bare == full)
        }
    }
}
