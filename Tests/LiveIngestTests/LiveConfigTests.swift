import Foundation
import Testing
import RaceModel
import TimingIngest
@testable import LiveIngest
import RaceStore
import Snapshots
import TestSupport

func waitForReloads(_ run: LiveRun, _ count: Int) async -> Bool {
    await eventually { run.feed.status().reloads >= count }
}

/// Standings of the state equal those of a fresh state loaded from the folder as it is now.
func expectMatchesFolderOnDisk(_ run: LiveRun, _ event: LiveEventFolder) async throws {
    let folder = try event.load()
    let live = await run.state.snapshot()
    let loaded = try await RaceState(folder: folder, log: ReadLogLoader.load(folder).log).snapshot()
    #expect(standingsSummary(live) == standingsSummary(loaded))
    #expect(live.evaluation.standings == loaded.evaluation.standings)
    #expect(live.evaluation.rejections == loaded.evaluation.rejections)
    #expect(
        await run.state.readCount == loaded.evaluation.timelines.reduce(0) { $0 + $1.outcomes.count }
            + loaded.evaluation.rejections.filter { $0.reason.kind == "unknown chip" }.count)
    #expect(live.evaluation.pointStats == loaded.evaluation.pointStats)
    #expect(live.gunMarkers == loaded.gunMarkers)
}

/// Edits of event.toml and participants.csv during a live race.
@Suite struct LiveConfigTests {
    static let stadium = "1,09:00:05\nAAA2,09:00:07\nCCC3,09:00:09\nAAA1,09:34:00\nAAA2,09:36:10\nCCC3,09:38:00\n"
    static let km5 = "AAA1,09:17:00\nAAA2,09:18:30\nCCC3,09:19:00\nDDD4,09:20:00\n"

    @Test func correctedParticipantsCountEarlierReads() async throws {
        try await withCaughtUpRun([("reads/stadium.txt", Self.stadium), ("reads/km5.txt", Self.km5)]) { event, run in
            var snapshot = await run.state.snapshot()
            #expect(standingsSummary(snapshot) == ["1 FIN 1 0:34:00", "2 FIN 2 0:36:10", "3 DNS - -"])
            #expect(snapshot.evaluation.rejections.filter { $0.reason.kind == "unknown chip" }.count == 4)

            // Bib 3 gets the chip it wore, a late entry gets DDD4, bibs 1 and 2 had their chips swapped.
            try event.replace(
                "participants.csv",
                with: """
                    bib,name,race,chip,sex,country
                    1,Ri Jong Ho,10k,AAA2,M,PRK
                    2,Kim Hye Gyong,10k,AAA1,F,PRK
                    3,Late Entry,10k,CCC3,M,
                    4,Later Entry,10k,DDD4,F,

                    """)
            #expect(await waitForReloads(run, 1))
            #expect(run.feed.status().configError == nil)
            snapshot = await run.state.snapshot()
            #expect(
                standingsSummary(snapshot) == [
                    "2 FIN 1 0:34:00", "1 FIN 2 0:36:10", "3 FIN 3 0:38:00", "4 RUN 4 0:20:00",
                ])
            #expect(!snapshot.evaluation.rejections.contains { $0.reason.kind == "unknown chip" })
            try await expectMatchesFolderOnDisk(run, event)

            // Lines after the reload land on the right file.
            try event.append("reads/stadium.txt", "DDD4,09:41:00\n")
            let done = try await withDeadline("line after reload") {
                await run.feed.waitForLine(7, ofFile: "reads/stadium.txt")
            }
            #expect(done)
            #expect(standingsSummary(await run.state.snapshot()).last == "4 FIN 4 0:41:00")
            try await expectMatchesFolderOnDisk(run, event)
        }
    }

    @Test func correctedWaveGunRecomputesTimes() async throws {
        try await withCaughtUpRun([("reads/stadium.txt", Self.stadium), ("reads/km5.txt", Self.km5)]) { event, run in
            #expect(
                standingsSummary(await run.state.snapshot()) == ["1 FIN 1 0:34:00", "2 FIN 2 0:36:10", "3 DNS - -"])
            try event.replace(
                "event.toml", with: LiveEventFolder.config.replacingOccurrences(of: "09:00:00", with: "08:59:30"))
            #expect(await waitForReloads(run, 1))
            let snapshot = await run.state.snapshot()
            #expect(snapshot.event.races[0].waves[0].gun == TimeFormat.parseClock("08:59:30"))
            #expect(standingsSummary(snapshot) == ["1 FIN 1 0:34:30", "2 FIN 2 0:36:40", "3 DNS - -"])
            try await expectMatchesFolderOnDisk(run, event)
        }
    }

    @Test func correctedClockOffsetRetimesEarlierReads() async throws {
        try await withCaughtUpRun([("reads/stadium.txt", Self.stadium), ("reads/km5.txt", Self.km5)]) { event, run in
            // The km5 decoder turns out to run 2.5 s behind.
            try event.replace(
                "event.toml",
                with: LiveEventFolder.config.replacingOccurrences(
                    of: "files = [\"reads/km5.txt\"]", with: "files = [\"reads/km5.txt\"]\nclock_offset = 2.5"))
            #expect(await waitForReloads(run, 1))
            let km5 = await run.state.snapshot().standings(race: 0).rows.map { $0.splits[1] }
            #expect(km5 == [1_022_500, 1_112_500, nil])
            try await expectMatchesFolderOnDisk(run, event)
            // Lines after the edit get the new offset too.
            try event.append("reads/km5.txt", "1,09:17:10\n")
            #expect(
                try await withDeadline("line after edit") { await run.feed.waitForLine(5, ofFile: "reads/km5.txt") })
            try await expectMatchesFolderOnDisk(run, event)
        }
    }

    @Test func badEditsKeepTheRaceGoingUntilFixed() async throws {
        try await withCaughtUpRun([("reads/stadium.txt", "1,09:00:05\n2,09:00:07\n")]) { event, run in

            // Not TOML at all: reported with the file and line.
            try event.replace("event.toml", with: "name = \"Live test\nbroken")
            #expect(await eventually { run.feed.status().configError != nil })
            var error = try #require(run.feed.status().configError)
            #expect(error.contains("event.toml:"))
            #expect(error.contains("not valid TOML"))

            // A checkpoint naming a point that does not exist: a new error replaces the old.
            try event.replace(
                "event.toml",
                with: LiveEventFolder.config.replacingOccurrences(of: "point = \"km5\"", with: "point = \"km6\""))
            #expect(await eventually { run.feed.status().configError?.contains("unknown point 'km6'") == true })
            #expect(
                run.feed.status().notices.filter { if case .configRejected = $0.kind { true } else { false } }.count
                    == 2)
            #expect(run.feed.status().reloads == 0)

            // The race goes on with the configuration it had.
            try event.append("reads/km5.txt", "1,09:17:00\n")
            let counted = try await withDeadline("line during bad config") {
                await run.feed.waitForLine(1, ofFile: "reads/km5.txt")
            }
            #expect(counted)
            #expect(
                standingsSummary(await run.state.snapshot()) == ["1 RUN 1 0:17:00", "2 RUN 2 0:00:07", "3 DNS - -"])

            // Fixed (with a corrected gun): picked up, the error cleared.
            try event.replace(
                "event.toml", with: LiveEventFolder.config.replacingOccurrences(of: "09:00:00", with: "08:59:30"))
            #expect(await waitForReloads(run, 1))
            #expect(run.feed.status().configError == nil)
            #expect(
                standingsSummary(await run.state.snapshot()) == ["1 RUN 1 0:17:30", "2 RUN 2 0:00:37", "3 DNS - -"])

            // A broken participant list is refused the same way, naming its line.
            try event.replace("participants.csv", with: LiveEventFolder.participants + "1,Double,10k,,M,\n")
            #expect(await eventually { run.feed.status().configError != nil })
            error = try #require(run.feed.status().configError)
            #expect(error.contains("participants.csv:5"))
            #expect(error.contains("duplicate bib 1"))
            #expect(await run.state.snapshot().participants.count == 3)

            // Put back as it was: nothing to recompute, the error goes away.
            try event.replace("participants.csv", with: LiveEventFolder.participants)
            #expect(await eventually { run.feed.status().configError == nil })
            try await expectMatchesFolderOnDisk(run, event)
        }
    }

    @Test func changedReadFilesAreFollowedWithoutReadingOthersTwice() async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        try event.append("reads/stadium.txt", Self.stadium)
        try event.append("reads/km5.txt", Self.km5)
        try event.append("reads/km5-backup.txt", "AAA1,09:17:01\nCCC3,09:19:02\n")
        // A malformed line, a comment and a decoder's gun marker: kept through reloads like the reads.
        try event.append(
            "reads/stadium.txt", "garbage line\n# comment\nCT01_33~4~start~guntime~09:00:00.01~0~DF239A~0\n")
        try await withLiveRun(event) { run in
            _ = try await withDeadline("catch-up") { await run.feed.waitUntilCaughtUp() }
            #expect(await run.state.readCount == 10)
            #expect(await run.state.snapshot().gunMarkers.count == 1)

            // A backup line is added to km5.
            let withBackup = LiveEventFolder.config.replacingOccurrences(
                of: "files = [\"reads/km5.txt\"]", with: "files = [\"reads/km5.txt\", \"reads/km5-backup.txt\"]")
            try event.replace("event.toml", with: withBackup)
            #expect(await waitForReloads(run, 1))
            let added = try await withDeadline("backup caught up") {
                await run.feed.waitForLine(2, ofFile: "reads/km5-backup.txt")
            }
            #expect(added)
            #expect(await run.feed.waitUntilCaughtUp())
            #expect(
                run.feed.status().files.map(\.path) == ["reads/stadium.txt", "reads/km5.txt", "reads/km5-backup.txt"])
            #expect(
                run.feed.status().notices.contains {
                    $0.kind == .configReloaded(addedFiles: ["reads/km5-backup.txt"], removedFiles: [])
                })
            #expect(await run.state.readCount == 12)
            try await expectMatchesFolderOnDisk(run, event)

            // Lines keep coming on every file.
            try event.append("reads/km5-backup.txt", "DDD4,09:20:01\n")
            try event.append("reads/km5.txt", "AAA1,09:17:05\n")
            #expect(
                try await withDeadline("backup line") { await run.feed.waitForLine(3, ofFile: "reads/km5-backup.txt") })
            #expect(try await withDeadline("main line") { await run.feed.waitForLine(5, ofFile: "reads/km5.txt") })
            #expect(await run.state.snapshot().evaluation.rejections.contains { $0.reason.kind == "malformed" })
            try await expectMatchesFolderOnDisk(run, event)

            // Removed again: its reads go; added back: read again from its start, once.
            try event.replace("event.toml", with: LiveEventFolder.config)
            #expect(await waitForReloads(run, 2))
            #expect(await run.state.readCount == 11)
            try await expectMatchesFolderOnDisk(run, event)
            try event.replace("event.toml", with: withBackup)
            #expect(await waitForReloads(run, 3))
            #expect(
                try await withDeadline("backup again") { await run.feed.waitForLine(3, ofFile: "reads/km5-backup.txt") }
            )
            #expect(await run.state.readCount == 14)
            try await expectMatchesFolderOnDisk(run, event)
        }
    }
}
