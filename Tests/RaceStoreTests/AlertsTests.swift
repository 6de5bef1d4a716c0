import Testing
import RaceModel
import TimingIngest
@testable import RaceStore
import Snapshots
import TestSupport

/// A 15 km race whose 10 km mat goes quiet after 09:40 while two runners are on their way to it.
@Suite struct AlertsTests {
    static let config = """
        name = "Alert test"
        date = 2025-04-06
        utc_offset = "+09:00"
        [[points]]
        id = "stadium"
        name = "Stadium"
        files = ["stadium.txt"]
        [[points]]
        id = "km5"
        name = "5 km"
        files = ["km5.txt"]
        [[points]]
        id = "km10"
        name = "10 km"
        files = ["km10.txt"]
        [[races]]
        id = "15k"
        waves = [{ id = "A", gun = "09:00:00" }]
        checkpoints = [
          { id = "start", point = "stadium", km = 0 },
          { id = "5K", point = "km5", km = 5 },
          { id = "10K", point = "km10", km = 10 },
          { id = "finish", point = "stadium", km = 15 },
        ]
        """
    static let participants = """
        bib,name,race,sex
        1,Fast One,15k,M
        2,Even Two,15k,F
        3,Even Three,15k,M
        4,Never Started,15k,F
        5,Skips Five,15k,M
        6,Jumps Six,15k,F
        7,Late Seven,15k,M
        8,Stops Eight,15k,F

        """
    /// (file, text): 0 stadium, 1 km5, 2 km10.
    static let lines: [(Int, String)] = [
        (0, "1,09:00:05"), (0, "2,09:00:10"), (0, "3,09:00:20"), (0, "5,09:00:30"), (0, "6,09:00:40"),
        (1, "1,09:17:00"), (1, "ZZZ9,09:20:00"), (1, "2,09:25:10"), (1, "3,09:25:20"), (1, "6,09:26:00"),
        (1, "garbage line"),
        (2, "5,09:30:00"),  // 5K missed
        (2, "6,09:30:00"),  // 5 km in 4 minutes: impossible
        (2, "1,09:34:00"),
        (2, "ZZZ9,09:40:00"),  // the last thing the 10 km mat reads
        (0, "5,09:45:00"),
        (0, "1,09:51:00"),
        (0, "5,09:58:00"),  // after finishing: keeps the stadium mat alive
        (1, "7,09:46:00"),  // 5 km two minutes after starting: impossible, and later than the mat went quiet
        (0, "7,09:44:00"),
        (0, "8,09:00:50"),
        (1, "8,09:15:50"),  // then stops: due at 10 km at 09:30:50, while that mat still read others
    ]

    static func at(_ clock: String) -> Millis { TimeFormat.parseClock(clock)! }

    func snapshot(at clock: String) async throws -> RaceSnapshot {
        let folder = try EventFolder.parse(path: "/tmp/none", config: Self.config, participants: Self.participants)
        var log = ReadLog(files: folder.readFiles)
        var numbers = [0, 0, 0]
        for (file, text) in Self.lines {
            numbers[file] += 1
            ReadLogLoader.ingest(line: text, number: numbers[file], file: file, into: &log, event: folder.event)
        }
        return await RaceState(folder: folder, log: log).snapshot(at: Self.at(clock))
    }

    @Test func quietMatWithOverdueRunnersIsSilent() async throws {
        let snap = try await snapshot(at: "10:00:00")
        let silent = snap.silentMats(now: Self.at("10:00:00"))
        // Runners 2, 3 and 6 left 5 km at about 5:00/km: due at 10 km from 09:50:10.
        #expect(silent == [SilentMat(point: 2, lastRead: Self.at("09:40:00"), due: 3, dueSince: Self.at("09:50:10"))])
    }

    @Test func runnersDueBeforeTheLastReadDoNotCount() async throws {
        // Bib 8 was due at 10 km at 09:30:50; the mat read bib 1 at 09:34 and a chip at 09:40 after that.
        let snap = try await snapshot(at: "10:00:00")
        let mat = try #require(snap.silentMats(now: Self.at("10:00:00")).first)
        #expect(mat.due == 3)
        #expect(mat.dueSince > mat.lastRead!)
    }

    @Test func quietMatWithNobodyDueIsNotSilent() async throws {
        // km5 has read nothing since 09:26 but nobody on course still has to reach it;
        // the stadium read an after-finish line at 09:58.
        let snap = try await snapshot(at: "10:00:00")
        let points = snap.silentMats(now: Self.at("10:00:00")).map(\.point)
        #expect(!points.contains(1))
        #expect(!points.contains(0))
    }

    @Test func runnersNotYetOverdueByTheGraceDoNotMakeAMatSilent() async throws {
        // At 09:51 runner 2 is due at 09:50:10 but the two-minute grace has not run out.
        let snap = try await snapshot(at: "09:51:00")
        #expect(snap.silentMats(now: Self.at("09:51:00")).isEmpty)
        let later = try await snapshot(at: "09:52:15")
        #expect(later.silentMats(now: Self.at("09:52:15"), rule: SilentMatRule(minimumDue: 1)).map(\.due) == [1])
    }

    @Test func oneOverdueRunnerIsAMissedReadNotADeadMat() async throws {
        // At 09:52:15 only runner 2 is overdue: below the default minimum of three.
        let snap = try await snapshot(at: "09:52:15")
        #expect(snap.silentMats(now: Self.at("09:52:15")).isEmpty)
        let later = try await snapshot(at: "10:00:00")
        #expect(later.silentMats(now: Self.at("10:00:00"), rule: SilentMatRule(minimumDue: 4)).isEmpty)
    }

    @Test func aLongerQuietTimeKeepsTheMatFromBeingFlagged() async throws {
        let snap = try await snapshot(at: "10:00:00")
        #expect(snap.silentMats(now: Self.at("10:00:00"), rule: SilentMatRule(quietFor: 30 * 60_000)).isEmpty)
        #expect(snap.silentMats(now: Self.at("10:00:00"), rule: SilentMatRule(quietFor: 19 * 60_000)).count == 1)
    }

    @Test func alertsAreOrderedBySeverityThenOngoingThenMostRecent() async throws {
        let snap = try await snapshot(at: "10:00:00")
        let alerts = snap.alerts(now: Self.at("10:00:00"))
        #expect(
            alerts.map(\.kind) == [
                "silent mat", "impossible split", "impossible split", "unknown chip", "missed split",
                "malformed", "after finish",
            ])
        #expect(alerts.map(\.severity) == [.critical, .critical, .critical, .warning, .warning, .warning, .notice])
        // The silent mat leads although its last read (09:40) is older than bib 7's refused read (09:46).
        #expect(
            alerts.map(\.time) == [
                Self.at("09:40:00"), Self.at("09:46:00"), Self.at("09:30:00"), Self.at("09:40:00"),
                Self.at("09:30:00"), Self.at("09:26:00"), Self.at("09:58:00"),
            ])
        // Bibs 7, 6, 5, 5: participants are indexed in file order.
        #expect(alerts.map(\.runner) == [nil, 6, 5, nil, 4, nil, 4])
    }

    @Test func alertTextNamesWhoWhereAndTheLine() async throws {
        let snap = try await snapshot(at: "10:00:00")
        let texts = snap.alerts(now: Self.at("10:00:00")).map(snap.text(of:))
        #expect(texts[0] == "silent mat km10 (10 km): no read since 09:40:00; 3 runners due since 09:50:10")
        #expect(texts[1] == "impossible split to 5K: bib 7 Late Seven (km5.txt:7)")
        #expect(texts[2] == "impossible split to 10K: bib 6 Jumps Six (km10.txt:2)")
        #expect(texts[3] == "unknown chip ZZZ9: 2 reads at km5, km10 (first km5.txt:2)")
        #expect(texts[4] == "missed split at 5K: bib 5 Skips Five")
        #expect(texts[5].hasPrefix("km5.txt:6: "))
        #expect(texts[5].hasSuffix(" | garbage line"))
        #expect(texts[6] == "stadium.txt:8: read after the runner finished (bib 5)")
    }

    @Test func alertsFollowTheClock() async throws {
        // Before anything went wrong there is nothing; an untimed bad line shows
        // from the time of the read written just before it in its file.
        let early = try await snapshot(at: "09:10:00")
        #expect(early.alerts(now: Self.at("09:10:00")).isEmpty)
        let later = try await snapshot(at: "09:26:00")
        #expect(later.alerts(now: Self.at("09:26:00")).map(\.kind).contains("malformed"))
    }
}
