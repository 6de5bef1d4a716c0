import Testing
import RaceModel
import TimingIngest
import TestSupport

/// A replay's reads laid out runner by runner give every runner the timeline
/// the grouping into the log gives, at any clock.
@Suite struct RunnerOrderedReadsTests {
    @Test func everyRunnersTimelineIsTheOneFromTheLog() throws {
        let folder = try SampleFeed.folder()
        let (log, _) = try ReadLogLoader.load(folder)
        let computation = RaceComputation(
            event: folder.event, participants: folder.participants, corrections: folder.corrections)
        let grouped = computation.group(log)
        let ordered = RunnerOrderedReads(log: log, grouped: grouped, runners: folder.participants.count)
        #expect(ordered.readCount == log.reads.count)
        let gun = folder.event.races.map(\.firstGun).min()!
        var timed = 0
        for at in [gun - 60_000, gun + 600_000, gun + 3_600_000, gun + 3 * 3_600_000, gun + 9 * 3_600_000] {
            for runner in folder.participants.indices {
                let fromLog = computation.timeline(runner: runner, log: log, grouped: grouped, at: at)
                #expect(computation.timeline(runner: runner, ordered: ordered, at: at) == fromLog, "runner \(runner)")
                if fromLog.furthest != nil { timed += 1 }
            }
        }
        #expect(timed > 500)
    }
}
