import RaceModel
@testable import Snapshots
import TestSupport
import Testing

/// `check`'s missed splits per checkpoint, and the outage of km15 they show.
@Suite struct MissedSplitsTests {
    @Test func km15sOutageIsFoundInEveryRaceThatPassesIt() async throws {
        let snap = try await SampleFeed.snapshot(at: "15:00:00")
        let byCheckpoint = snap.missedSplitsByCheckpoint()
        let km15 = try #require(snap.event.points.firstIndex { $0.id == "km15" })
        let at15 = byCheckpoint.filter { snap.event.races[$0.race].checkpoints[$0.checkpoint].pointIndex == km15 }
        #expect(at15.count == 2)  // marathon and half; the 10K does not pass it
        for misses in at15 {
            #expect(misses.outages.count == 1)
            let outage = try #require(misses.outages.first)
            // The README: km15.txt writes nothing from 09:43:52 to 09:55:52.
            #expect(outage.from >= SampleFeed.clock("09:43:00") && outage.to <= SampleFeed.clock("09:56:30"))
            #expect(outage.runners > 50 && outage.runners <= misses.missed)
        }
        // Scattered misses elsewhere are counted, and no outage.
        let other = byCheckpoint.filter { snap.event.races[$0.race].checkpoints[$0.checkpoint].pointIndex != km15 }
        #expect(!other.isEmpty)
        #expect(other.allSatisfy { $0.outages.isEmpty })
    }

    @Test func anOutageNeedsSeveralRunnersInARowUnread() {
        let passings: [(time: Millis, missed: Bool)] = [
            (10, false), (20, true), (30, true), (40, false), (50, true), (60, true), (70, true), (80, false),
            (90, true),
        ]
        let outages = RaceSnapshot.outages(in: passings, minimum: 3)
        #expect(outages == [CheckpointMisses.Outage(from: 50, to: 70, runners: 3)])
    }
}
