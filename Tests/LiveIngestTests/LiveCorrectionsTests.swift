import Foundation
import Testing
import RaceModel
import TimingIngest
@testable import LiveIngest
import RaceStore
import Snapshots
import TestSupport

/// The corrections journal written by hand during a live race: picked up like
/// an event.toml edit, and live agrees with a fresh load of the folder.
@Suite struct LiveCorrectionsTests {
    static let stadium = LiveConfigTests.stadium
    static let km5 = LiveConfigTests.km5
    static let rows = """
        \(CorrectionsLoader.header)
        2025-04-06T09:50:00+09:00,referee,1,dq,TR 55.8,cut the course
        2025-04-06T09:51:00+09:00,chief timer,3,chip,CCC3 09:00:00,wore an unregistered chip
        2025-04-06T09:52:00+09:00,referee,2,penalty,+3:00,obstruction

        """

    @Test func aJournalEditedByHandIsPickedUpLive() async throws {
        try await withCaughtUpRun([("reads/stadium.txt", Self.stadium), ("reads/km5.txt", Self.km5)]) { event, run in
            #expect(
                standingsSummary(await run.state.snapshot()) == ["1 FIN 1 0:34:00", "2 FIN 2 0:36:10", "3 DNS - -"])
            try event.replace("corrections.csv", with: Self.rows)
            #expect(await waitForReloads(run, 1))
            #expect(run.feed.status().configError == nil && run.feed.status().journalProblems.isEmpty)
            let snapshot = await run.state.snapshot()
            #expect(standingsSummary(snapshot) == ["3 FIN 1 0:38:00", "2 FIN 2 0:39:10", "1 DQ - 0:34:00"])
            #expect(snapshot.standings(race: 0).rows.last?.corrections == ["DQ (TR 55.8): cut the course"])
            try await expectMatchesFolderOnDisk(run, event)

            // Undo is a new row: the DQ is lifted, the row stays on record.
            try event.append("corrections.csv", "2025-04-06T09:55:00+09:00,referee,1,reinstate,,protest upheld\n")
            #expect(await waitForReloads(run, 2))
            #expect(
                standingsSummary(await run.state.snapshot()) == [
                    "1 FIN 1 0:34:00", "3 FIN 2 0:38:00", "2 FIN 3 0:39:10",
                ])
            try await expectMatchesFolderOnDisk(run, event)
        }
    }

    @Test func aBadRowIsReportedAndTheOthersApplyUntilItIsFixed() async throws {
        try await withCaughtUpRun([("reads/stadium.txt", Self.stadium), ("reads/km5.txt", Self.km5)]) { event, run in
            try event.replace("corrections.csv", with: Self.rows + "t,r,77,dnf,,\nt,r,78,dns,,\n")
            #expect(await waitForReloads(run, 1))
            #expect(run.feed.status().configError == nil, "a bad row is not a refused edit")
            // Every bad row listed, not the first and a count.
            #expect(
                run.feed.status().journalProblems == [
                    "\(event.path)/corrections.csv:5: unknown bib 77; row skipped",
                    "\(event.path)/corrections.csv:6: unknown bib 78; row skipped",
                ])
            #expect(
                standingsSummary(await run.state.snapshot()) == [
                    "3 FIN 1 0:38:00", "2 FIN 2 0:39:10", "1 DQ - 0:34:00",
                ])

            try event.replace("corrections.csv", with: Self.rows + "t,r,2,dnf,,\n")
            #expect(await waitForReloads(run, 2))
            #expect(run.feed.status().journalProblems.isEmpty)
            #expect(standingsSummary(await run.state.snapshot()).contains("2 DNF - 0:39:10"))
            try await expectMatchesFolderOnDisk(run, event)
        }
    }

    @Test func aJournalPresentAtTheStartAppliesAndItsBadRowsShow() async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        try event.append("reads/stadium.txt", Self.stadium)
        try event.append("reads/km5.txt", Self.km5)
        try event.replace("corrections.csv", with: Self.rows + "t,r,1,teleport,,\n")
        try await withLiveRun(event) { run in
            _ = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
            #expect(
                run.feed.status().journalProblems.first?.hasSuffix(
                    "corrections.csv:5: unknown action 'teleport'; actions are dq, dnf, dns, reinstate, penalty, bonus, split, chip, ignore, close, undo; row skipped"
                ) == true)
            #expect(
                standingsSummary(await run.state.snapshot()) == [
                    "3 FIN 1 0:38:00", "2 FIN 2 0:39:10", "1 DQ - 0:34:00",
                ])
            try await expectMatchesFolderOnDisk(run, event)
        }
    }
}
