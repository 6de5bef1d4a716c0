import Testing
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import TimingIngest
import ScreenGrid
@testable import Dashboard

@Suite struct EliteViewTests {
    @Test func narrowTerminalStacksMenOverWomenOverSplits() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, at: "10:10:00")
        #expect(f.line(4) == " Pl     Bib Men              Ctry At        Time     Gap Pace    Proj  Seg AG")
        // 21.1 km at 3:00/km after a 5 s start: 1:03:23 on the gun clock; Eliud 42 s behind.
        #expect(f.line(5) == "  1     101 김민준           PRK  FIN    1:03:23         3:00         3:00 18-39")
        #expect(f.line(6) == "  2     102 Eliud Mwangi     KEN  FIN    1:04:05   +0:42 3:02         3:02 18-39")
        #expect(f.line(8).hasPrefix("  4     104 Pak Chol"))
        #expect(f.line(9) == " Pl     Bib Women            Ctry At        Time     Gap Pace    Proj  Seg AG")
        // On course at 15 km: the projection scales 0:50:05 to 21.1 km; gaps are to the leading woman.
        #expect(f.line(10) == "  1     201 李娜             CHN  15K    0:50:05         3:20 1:10:27 3:20 18-39")
        #expect(f.line(11) == "  2     202 Zoë Lefèvre      FRA  15K    0:51:20   +1:15 3:25 1:12:12 3:25 18-39")
        // The tables take the rows their runners need; the split matrix the rest.
        #expect(f.line(14) == " Pl   Bib Splits: Men               5K     10K     15K  finish")
        #expect(f.line(15) == "  1   101 김민준               0:15:05 0:30:05 0:45:05 1:03:23")
    }

    @Test func columnsStayAlignedWithHangulCJKAndAccents() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, at: "10:10:00")
        let ctry = [
            f.column(of: "PRK", inLine: 5), f.column(of: "KEN", inLine: 6), f.column(of: "ESP", inLine: 7),
            f.column(of: "CHN", inLine: 10), f.column(of: "FRA", inLine: 11), f.column(of: "PRK", inLine: 12),
        ]
        #expect(ctry.allSatisfy { $0 == 29 })
        #expect(f.column(of: "1:13:58", inLine: 12) == f.column(of: "1:10:27", inLine: 10))
        // A wide name takes two cells per character, the right one a continuation.
        let name = f.column(of: "김민준", inLine: 5)!
        #expect(f[name, 5].text == "김" && f[name + 1, 5].isContinuation)
    }

    @Test func leadersAreBoldGreenAndTheSelectionReversed() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, at: "10:10:00")
        // Row 1 is selected by default: reversed, and still bold green (top 3).
        #expect(f.style(of: "김민준", inLine: 5) == Theme.selecting(Theme.leader))
        #expect(f.style(of: "Eliud", inLine: 6) == Theme.leader)
        #expect(f.style(of: "Pak Chol", inLine: 8) == Theme.plain)
        #expect(!f[0, 6].style.attributes.contains(.reverse))
        // The fastest split of the table at each checkpoint is bold and underlined.
        #expect(f.style(of: "0:15:05", inLine: 15)?.attributes == [.bold, .underline])
        #expect(f.style(of: "0:15:15", inLine: 16)?.attributes == [])
    }

    @Test func selectingAWomanMovesTheSplitMatrixToWomen() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.elite) { $0.selected = 5 }, at: "10:10:00")
        #expect(f[2, 11].style.attributes.contains(.reverse))  // Zoë
        #expect(!f[2, 5].style.attributes.contains(.reverse))
        #expect(f.line(14) == " Pl   Bib Splits: Women             5K     10K     15K  finish")
        #expect(f.line(15) == "  1   201 李娜                 0:16:45 0:33:25 0:50:05")
        #expect(f.style(of: "Zoë", inLine: 16)?.attributes.contains(.bold) == true)
    }

    @Test func wideTerminalPutsMenAndWomenSideBySide() async throws {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, at: "10:10:00", width: 200, height: 50)
        // Two tables of 99 columns with two between.
        #expect(f.column(of: "Men", inLine: 4) == 12)
        #expect(f.column(of: "Women", inLine: 4) == 101 + 12)
        #expect(f.column(of: "  1     201 李娜", inLine: 5) == 101)
        #expect(
            f.line(5).hasPrefix(
                "  1     101 김민준                     PRK  FIN    1:03:23         3:00         3:00 18-39"))
        // Wide: the name column grows to 26.
        #expect(f.column(of: "PRK", inLine: 5) == 39)
        let matrix = try #require(f.row(containing: "Splits: Men"))
        #expect(f.line(matrix + 1).hasPrefix("  1   101 김민준"))
    }

    @Test func aRaceWithoutElitesShowsEveryoneBySex() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.elite) { $0.race = 1 }, at: "10:10:00")
        #expect(f.line(4).contains("Men (all)"))
        #expect(f.line(5).hasPrefix("  1     402 Fun Runner Two"))
        #expect(f.line(6).hasPrefix("  2     403 Fun Runner Three"))
        #expect(f.line(7).contains("Women (all)"))
        #expect(f.line(8).hasPrefix("  1     401 Fun Runner One"))
    }

    /// A marathon with a split every 5 km: more checkpoints than 80 columns hold.
    static func marathon(reachedKm: Double) async -> RaceSnapshot {
        let kms: [Double] = [0, 5, 10, 15, 20, 25, 30, 35, 40, 42.2]
        let points = kms.indices.map {
            TimingPoint(id: "p\($0)", name: "mat \($0)", files: ["p\($0).txt"], duplicateWindow: 10_000)
        }
        let checkpoints = kms.enumerated().map {
            Checkpoint(
                id: $0.offset == 0 ? "start" : $0.offset == kms.count - 1 ? "finish" : "\(Int($0.element))K",
                pointIndex: $0.offset, km: $0.element)
        }
        let event = EventConfig(
            name: "Matrix", date: CivilDate(year: 2025, month: 4, day: 6), utcOffsetMinutes: 540,
            ageGroups: AgeGroups(lowerBounds: [18]), points: points,
            races: [
                Race(
                    id: "m", name: "Marathon", waves: [Wave(id: "A", gun: 8 * 3_600_000)], clock: .gun,
                    checkpoints: checkpoints)
            ])
        let people = [Participant(bib: "1", name: "Solo", raceIndex: 0, sex: .male, division: .elite)]
        let folder = EventFolder(path: "/tmp/none", event: event, participants: people)
        var log = ReadLog(files: folder.readFiles)
        for (i, km) in kms.enumerated() where km <= reachedKm {
            log.reads.append(
                TimedRead(
                    code: "1", time: 8 * 3_600_000 + Int(km * 180_000), point: i, isBackup: false,
                    ref: LineRef(file: i, line: 1)))
        }
        return await RaceState(folder: folder, log: log).snapshot(at: 12 * 3_600_000)
    }

    @Test func narrowSplitMatrixShowsTheLatestCheckpointsReached() async throws {
        let snap = await Self.marathon(reachedKm: 40)
        let narrow = DashboardFixture.render(snap, at: "12:00:00")
        let row = try #require(narrow.row(containing: "Splits: Men"))
        // Seven columns fit in 80: 10K..40K, the leader's latest; 5K and the finish give way.
        #expect(narrow.line(row).hasSuffix("10K     15K     20K     25K     30K     35K     40K"))
        #expect(narrow.line(row + 1).hasSuffix("0:30:00 0:45:00 1:00:00 1:15:00 1:30:00 1:45:00 2:00:00"))
        let wide = DashboardFixture.render(snap, at: "12:00:00", width: 200, height: 50)
        let wideRow = try #require(wide.row(containing: "Splits: Men"))
        #expect(wide.line(wideRow).hasSuffix("5K     10K     15K     20K     25K     30K     35K     40K  finish"))
        let early = await Self.marathon(reachedKm: 10)
        let earlyFrame = DashboardFixture.render(early, at: "12:00:00")
        let earlyRow = try #require(earlyFrame.row(containing: "Splits: Men"))
        #expect(earlyFrame.line(earlyRow).hasSuffix("5K     10K     15K     20K     25K     30K     35K"))
    }
}
