import Foundation
import Testing
import RaceModel
import TimingIngest
@testable import RaceStore
import Snapshots
import TestSupport

@Suite struct RaceStateTests {
    // The same event as the live tests: a 10K with a stadium and a 5 km mat.
    static let config = LiveEventFolder.config
    static let participants = LiveEventFolder.participants

    /// (file, line text) in the order the mats wrote them.
    static let lines: [(Int, String)] = [
        (0, "1,09:00:05"), (0, "2,09:00:07"), (0, "2,09:00:09"),
        (1, "AAA1,09:17:00"), (1, "AAA2,09:18:30"), (1, "CCC3,09:19:00"),
        (0, "AAA1,09:34:00"), (0, "garbage line"), (0, "AAA2,09:36:10"), (0, "CCC3,09:38:00"),
    ]

    func folder(participants: String = participants) throws -> EventFolder {
        try EventFolder.parse(path: "/tmp/none", config: Self.config, participants: participants)
    }

    func loadedState() throws -> RaceState { referenceState(try folder(), written: Self.lines) }

    func summary(_ s: RaceSnapshot) -> [String] {
        s.standings(race: 0).rows.map { row in
            "\(s.participants[row.runner].bib) \(row.status.rawValue) \(row.place.map(String.init) ?? "-") \(row.gunTime.map { TimeFormat.duration($0) } ?? "-")"
        }
    }

    @Test func endOfFeedStandings() async throws {
        let snap = try await loadedState().snapshot()
        #expect(summary(snap) == ["1 FIN 1 0:34:00", "2 FIN 2 0:36:10", "3 DNS - -"])
        #expect(
            snap.evaluation.rejections.map(\.reason.kind).sorted() == ["malformed", "unknown chip", "unknown chip"])
        #expect(snap.evaluation.duplicateCount == 1)
        #expect(
            snap.counts.started == 2 && snap.counts.onCourse == 0 && snap.counts.finished == 2 && snap.counts.dns == 1)
    }

    /// A report of places leaves out the reads' outcomes; asked for counts
    /// after it, the same state counts every read again, as a fresh one does.
    @Test func countsAskedAfterPlacesAloneAreTheCountsOfAFreshState() async throws {
        func state() throws -> RaceState {
            let folder = try folder()
            var log = ReadLog(files: folder.readFiles)
            var numbers = [Int](repeating: 0, count: log.files.count)
            for (file, text) in Self.lines {
                numbers[file] += 1
                ReadLogLoader.ingest(line: text, number: numbers[file], file: file, into: &log, event: folder.event)
            }
            return RaceState(folder: folder, log: log, followsChanges: false)
        }
        let once = try state()
        let places = await once.snapshot(placesOnly: true)
        #expect(places.evaluation.timelines.allSatisfy { $0.outcomes.isEmpty })
        let counted = await once.snapshot()
        let fresh = try await state().snapshot()
        #expect(counted.evaluation.duplicateCount == 1 && counted.evaluation.usedCount > 0)
        #expect(counted.evaluation.duplicateCount == fresh.evaluation.duplicateCount)
        #expect(counted.evaluation.usedCount == fresh.evaluation.usedCount)
        #expect(counted.evaluation.pointStats == fresh.evaluation.pointStats)
        #expect(counted.evaluation.rejections == fresh.evaluation.rejections)
        #expect(Array(counted.evaluation.timelines) == Array(fresh.evaluation.timelines))
        #expect(summary(places) == summary(fresh))
    }

    @Test func seekingBackGivesWhatAFreshStateGives() async throws {
        let state = try loadedState()
        let times = [
            9 * 3_600_000 + 40 * 60_000, 9 * 3_600_000 + 20 * 60_000, 9 * 3_600_000 + 35 * 60_000, 9 * 3_600_000 + 1000,
        ]
        for t in times {
            let moved = await state.snapshot(at: t)
            let fresh = try await loadedState().snapshot(at: t)
            #expect(summary(moved) == summary(fresh), "at \(TimeFormat.timeOfDay(t))")
            #expect(moved.evaluation.standings == fresh.evaluation.standings)
        }
        let mid = await state.snapshot(at: 9 * 3_600_000 + 20 * 60_000)
        #expect(summary(mid) == ["1 RUN 1 0:17:00", "2 RUN 2 0:18:30", "3 DNS - -"])
    }

    /// A rejected line is shown from the time of the read before it in its
    /// file: a corrected clock offset moves it with that read.
    @Test(arguments: [false, true])
    func aRejectedLineMovesWithItsFileOnAReload(prepared: Bool) async throws {
        let lines: [(Int, String)] = [(0, "AAA1,09:00:05"), (1, "AAA1,09:17:00"), (1, "garbage")]
        let before = try EventFolder.parse(
            path: "/tmp/none", config: LiveEventFolder.config, participants: LiveEventFolder.participants)
        let moved = LiveEventFolder.config.replacingOccurrences(
            of: "files = [\"reads/km5.txt\"]", with: "files = [\"reads/km5.txt\"]\nclock_offset = 2")
        let after = try EventFolder.parse(path: "/tmp/none", config: moved, participants: LiveEventFolder.participants)
        let state = referenceState(before, written: lines)
        if prepared { await state.prepareForReplay() }
        _ = await state.snapshot(at: TimeFormat.parseClock("09:30:00")!)
        await state.reload(after)
        for clock in ["09:17:01", "09:17:02", "09:30:00"] {
            let at = TimeFormat.parseClock(clock)!
            let reloaded = await state.snapshot(at: at).evaluation
            let fresh = await referenceState(after, written: lines).snapshot(at: at).evaluation
            #expect(reloaded.rejections == fresh.rejections, "at \(clock)")
            #expect(reloaded.pointStats == fresh.pointStats, "at \(clock)")
        }
    }

    /// Lines near the event window's start, dated and undated, and a gun
    /// marker: an edit that moves a clock offset, a gun or the event date
    /// places them as a fresh read under the new configuration does.
    static let windowEdgeLines: [(Int, String)] = [
        (0, "CT01_33~1~START~guntime~02:59:59.00~0~A13C00~0"),
        (0, "AAA1,09:00:05"), (0, "AAA2,02:59:59"),
        (1, "AAA1,03:00:01"), (1, "1;AAA2;2025-04-06;03:00:01.000;;23;-71;6222;0;;;;;;;;KM5;1;5;D-4211"),
        (1, "1;AAA2;2025-04-06;02:59:59.500;;23;-71;6222;0;;;;;;;;KM5;1;5;D-4211"),
        (1, "AAA1,09:17:00"), (1, "1;AAA2;2025-04-06;09:18:30.000;;23;-71;6222;0;;;;;;;;KM5;1;5;D-4211"),
        (0, "AAA1,09:34:00"), (0, "AAA2,09:36:10"),
    ]

    static let configEdits: [(String, String)] = [
        ("files = [\"reads/stadium.txt\"]", "files = [\"reads/stadium.txt\"]\nclock_offset = 2"),
        ("files = [\"reads/km5.txt\"]", "files = [\"reads/km5.txt\"]\nclock_offset = -2"),
        ("gun = \"09:00:00\"", "gun = \"09:00:02\""),
        ("date = 2025-04-06", "date = 2025-04-05"),
    ]

    @Test(arguments: configEdits.indices)
    func aReloadPlacesReadsAsAFreshReadDoes(edit: Int) async throws {
        let (from, to) = Self.configEdits[edit]
        #expect(LiveEventFolder.config.contains(from))
        let before = try folder()
        let after = try EventFolder.parse(
            path: "/tmp/none", config: LiveEventFolder.config.replacingOccurrences(of: from, with: to),
            participants: LiveEventFolder.participants)
        let state = referenceState(before, written: Self.windowEdgeLines)
        _ = await state.snapshot()
        await state.reload(after)
        let fresh = referenceState(after, written: Self.windowEdgeLines)
        for clock in ["03:00:00", "03:00:01", "09:20:00", "26:59:59", "30:00:00"] {
            let at = TimeFormat.parseClock(clock)!
            let reloaded = await state.snapshot(at: at).evaluation
            let expected = await fresh.snapshot(at: at).evaluation
            #expect(reloaded.standings == expected.standings, "at \(clock)")
            #expect(reloaded.pointStats == expected.pointStats, "at \(clock)")
            // A read taken out of the window has no line text left: its chip code stands for it.
            #expect(reloaded.rejections.map(\.withoutText) == expected.rejections.map(\.withoutText), "at \(clock)")
            for (r, e) in zip(reloaded.rejections, expected.rejections) where r.text != e.text {
                #expect(r.text != nil && e.text?.contains(r.text!) == true, "\(r) at \(clock)")
            }
        }
        let moved = await state.snapshot().evaluation
        let freshly = await fresh.snapshot().evaluation
        #expect(moved.standings == freshly.standings)
        #expect(moved.rejections.count == freshly.rejections.count)
    }

    @Test func appendingLineByLineEqualsLoadingAtOnce() async throws {
        let state = RaceState(folder: try folder())
        var numbers = [0, 0]
        for (file, text) in Self.lines {
            numbers[file] += 1
            await state.append(line: text, number: numbers[file], file: file)
            _ = await state.snapshot()  // exercise the incremental path between lines
        }
        let live = await state.snapshot()
        let loaded = try await loadedState().snapshot()
        #expect(live.evaluation.standings == loaded.evaluation.standings)
        #expect(live.evaluation.rejections == loaded.evaluation.rejections)
    }

    @Test func correctedParticipantsRematchEarlierReads() async throws {
        let state = try loadedState()
        // The late entry gets chip CCC3: the earlier unknown-chip reads now count.
        let corrected = Self.participants.replacingOccurrences(
            of: "3,Late Entry,10k,,M,", with: "3,Late Entry,10k,CCC3,M,")
        await state.reload(try folder(participants: corrected))
        let snap = await state.snapshot()
        #expect(summary(snap) == ["1 FIN 1 0:34:00", "2 FIN 2 0:36:10", "3 FIN 3 0:38:00"])
        #expect(snap.evaluation.rejections.map(\.reason.kind) == ["malformed"])
        #expect(snap.standings(race: 0).rows[2].flags.contains(.noStartRead))
    }
}

extension Rejection {
    fileprivate var withoutText: Rejection {
        var copy = self
        copy.text = nil
        return copy
    }
}
