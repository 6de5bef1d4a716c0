import Testing
import RaceModel
import TimingIngest
@testable import RaceStore
import Snapshots
import TestSupport

/// Replay steps the clock through a race with corrections: each step equals
/// the standings a fresh state computes at that time, hand times included,
/// though no read marks when a hand time is passed.
@Suite struct CorrectionsReplayTests {
    static let journal = """
        \(CorrectionsLoader.header)
        t,referee,2,split,finish 09:36:40,finish mat missed her
        t,referee,1,penalty,+0:30,
        t,referee,3,dnf,,
        t,referee,,close,10k 09:50:00,

        """
    static let lines: [(Int, String)] = [
        (0, "AAA1,09:00:05"), (0, "AAA2,09:00:07"), (0, "CCC3,09:00:09"),
        (1, "AAA1,09:17:00"), (1, "AAA2,09:18:30"), (0, "AAA1,09:34:00"),
    ]

    func state() throws -> RaceState {
        let participants = LiveEventFolder.participants.replacingOccurrences(
            of: "Late Entry,10k,,", with: "Late Entry,10k,CCC3,")
        let folder = try EventFolder.parse(
            path: "/tmp/none", config: LiveEventFolder.config, participants: participants,
            corrections: Self.journal)
        #expect(folder.correctionProblems == [])
        return referenceState(folder, written: Self.lines)
    }

    /// `readied`: as `racedash replay` readies it, so each step times its
    /// runners from the reads laid out runner by runner.
    @Test(arguments: [false, true])
    func steppingForwardEqualsAFreshStateAtEveryStep(readied: Bool) async throws {
        let replay = try state()
        if readied { await replay.prepareForReplay() }
        var seen: [[String]] = []
        // Then back over the hand time and forward again: a seek must not take
        // a timeline with the hand time in from before the time was taken.
        let clocks = ["09:30:00", "09:36:39", "09:36:40", "09:45:00", "09:50:00", "09:36:39", "09:00:00", "09:36:40"]
        for clock in clocks {
            let at = TimeFormat.parseClock(clock)!
            let stepped = await replay.snapshot(at: at)
            let fresh = await (try state()).snapshot(at: at)
            #expect(stepped.evaluation.standings == fresh.evaluation.standings, "at \(clock)")
            #expect(stepped.evaluation.timelines == fresh.evaluation.timelines, "at \(clock)")
            seen.append(standingsSummary(stepped))
        }
        #expect(seen[1] == ["1 FIN 1 0:34:30", "2 RUN 2 0:18:30", "3 DNF - 0:00:09"])
        #expect(seen[2] == ["1 FIN 1 0:34:30", "2 FIN 2 0:36:40", "3 DNF - 0:00:09"])
        #expect(await replay.snapshot(at: TimeFormat.parseClock("09:45:00")!).evaluation.isFinal == false)
        #expect(await replay.snapshot(at: TimeFormat.parseClock("09:50:00")!).evaluation.isFinal)
    }
}
