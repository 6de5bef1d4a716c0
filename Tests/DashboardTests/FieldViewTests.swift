import Testing
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import ScreenGrid
@testable import Dashboard

@Suite struct FieldViewTests {
    @Test func amateurFieldWithFilterLineAndHeader() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.field), at: "10:10:00")
        #expect(f.line(4).hasPrefix(" Division: amateur  [sex: all]   age: all    country: all"))
        #expect(f.line(4).hasSuffix("#1 of 8"))
        #expect(f.line(5) == "   Pl      Bib Name                    Sx AG    Ctry At        Time Pace    Proj")
        // Wave B, 20 s after its gun, 4:00/km: 10 km at 0:40:20 on the gun clock, eighth behind seven elites.
        #expect(f.line(6) == "    8      301 Ri Yong Chol            M  18-39 PRK  10K    0:40:20 4:00 1:25:06")
        // Bib 302 has a refused (impossible) read: marked, not only coloured.
        #expect(f.line(7).hasPrefix("    9 !    302 Anna Schmidt"))
        #expect(f.style(of: "!", inLine: 7) == Theme.warning)
        #expect(f.line(13) == "           307 Never Started           M  40-49 GBR  DNS")
        #expect(f.style(of: "Never", inLine: 13) == Theme.dim)
        #expect(f[3, 6].style.attributes.contains(.reverse))
    }

    @Test func justFinishedStripShowsTheNewestFinishersFirst() async throws {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.field), at: "10:10:00")
        #expect(f.line(20) == " Just finished")
        #expect(f.line(21).hasPrefix(" 10:06:54    104 Pak Chol "))
        #expect(f.line(21).hasSuffix(" PRK 1:06:54"))
        #expect(f.line(22).hasPrefix(" 10:05:08    103 José Núñez "))
        // Wide and tall: more finishers, three to a line, newest down the first column.
        let late = await DashboardFixture.snapshot(at: "11:00:00")
        let w = DashboardFixture.render(late, DashboardFixture.ui(.field), at: "11:00:00", width: 200, height: 50)
        let strip = try #require(w.row(containing: "Just finished"))
        #expect(w.line(strip + 1).hasPrefix(" 10:56:10    303 Tom O'Brien"))
        #expect(w.line(strip + 1).contains("10:12:10    202 Zoë Lefèvre"))
        #expect(w.line(strip + 2).hasPrefix(" 10:50:48    308 Kim Chol Su"))
        #expect(w.column(of: "10:12:10", inLine: strip + 1) == w.column(of: "10:10:25", inLine: strip + 2))
    }

    @Test func everyoneWithHangulAndCJKNamesStaysAligned() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.field) { $0.division = nil }, at: "10:10:00")
        #expect(f.line(4).hasSuffix("#1 of 15"))
        #expect(f.line(6).hasPrefix("    1      101 김민준"))
        let rows = [("김민준", 6), ("李娜", 10), ("정유미", 12), ("Zoë Lefèvre", 11), ("Ri Yong Chol", 13)]
        let timeColumns = rows.map { name, y in f.column(of: name, inLine: y) }
        #expect(timeColumns.allSatisfy { $0 == 15 })
        let at = rows.map { _, y in f.column(of: y == 6 ? "FIN" : y == 13 ? "10K" : "15K", inLine: y) }
        #expect(at.allSatisfy { $0 == 53 })
    }

    @Test func filtersNarrowTheListAndShowInTheFilterLine() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let women = DashboardFixture.render(
            snap, DashboardFixture.ui(.field) { $0.filters.sex = .female }, at: "10:10:00")
        #expect(women.line(4).hasPrefix(" Division: amateur  [sex: F]"))
        #expect(women.line(4).hasSuffix("#1 of 3"))
        #expect(women.style(of: "[sex: F]", inLine: 4)?.attributes == [.bold, .reverse])
        #expect([6, 7, 8].map { women.line($0).contains("F  ") } == [true, true, true])
        #expect(women.line(6).contains("302 Anna Schmidt"))
        #expect(women.line(9) == "")
        // Places stay those of the whole race.
        #expect(women.line(7).hasPrefix("   11      304"))

        let forties = DashboardFixture.render(
            snap,
            DashboardFixture.ui(.field) {
                $0.filters.ageGroup = 1
                $0.filterFocus = .ageGroup
            }, at: "10:10:00")
        #expect(forties.line(4).contains(" sex: all   [age: 40-49]   country: all"))
        #expect(forties.line(4).hasSuffix("#1 of 3"))
        #expect(forties.line(8).hasPrefix("           307 Never Started"))

        let korea = DashboardFixture.render(
            snap,
            DashboardFixture.ui(.field) {
                $0.division = nil
                $0.filters.country = "PRK"
            }, at: "10:10:00")
        #expect(korea.line(4).hasPrefix(" Division: all"))
        #expect(korea.line(4).hasSuffix("#1 of 6"))
        #expect((6...11).allSatisfy { korea.line($0).contains(" PRK ") })

        let nobody = DashboardFixture.render(
            snap, DashboardFixture.ui(.field) { $0.filters.country = "SWE" }, at: "10:10:00")
        #expect(nobody.line(6) == " No runner matches these filters (x clears them).")
        #expect(nobody.line(4).hasSuffix("0 runners"))
    }

    @Test func theSelectionStaysOnScreenWhateverTheScrollSays() {
        #expect(FieldView.window(selected: 0, scroll: 0, count: 100, rows: 10) == (0, 0))
        #expect(FieldView.window(selected: 25, scroll: 0, count: 100, rows: 10) == (25, 16))
        #expect(FieldView.window(selected: 5, scroll: 50, count: 100, rows: 10) == (5, 5))
        #expect(FieldView.window(selected: 99, scroll: 95, count: 100, rows: 10) == (99, 90))
        #expect(FieldView.window(selected: 500, scroll: 0, count: 100, rows: 10) == (99, 90))
        #expect(FieldView.window(selected: 3, scroll: 0, count: 0, rows: 10) == (0, 0))
    }

    @Test func wideShowsGapSexAndAgeGroupPlacesClubAndWave() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.field), at: "10:10:00", width: 200, height: 50)
        #expect(
            f.line(5).hasPrefix(
                "   Pl      Bib Name                           Sx AG    Ctry At        Time      Gap Pace    Proj  SxPl  AGPl Club           Wave"
            ))
        // 301 is 10:15 behind the fastest 10 km (0:30:05) and fifth man overall.
        #expect(
            f.line(6).hasPrefix(
                "    8      301 Ri Yong Chol                   M  18-39 PRK  10K    0:40:20   +10:15 4:00 1:25:06     5     4 Pyongyang RC   B"
            ))
    }
}
