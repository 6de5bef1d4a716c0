import Testing
import RaceModel
import Snapshots
import ScreenGrid
@testable import Dashboard

/// The officials' corrections on the runner view and the field list.
@Suite struct RunnerCorrectionsViewTests {
    static let anna = 8  // bib 302
    static let journal = [
        Correction(line: 2, when: "10:50", who: "referee", bib: "302", action: .penalty(60_000), reason: "obstruction"),
        Correction(
            line: 3, when: "10:52", who: "referee", bib: "302", action: .disqualify(rule: "TR 55.8"),
            reason: "cut the course"),
        Correction(line: 4, when: "10:55", who: "referee", bib: "", action: .undo(line: 2), reason: "entered twice"),
    ]

    @Test func theRunnerViewShowsTheStatusAndEveryCorrection() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00", corrections: Self.journal)
        let f = DashboardFixture.render(
            snap, DashboardFixture.ui(.runner) { $0.runner = Self.anna }, at: "11:00:00",
            width: 120, height: 40)
        #expect(f.line(5).hasPrefix(" Disqualified · 1:35:27 · +32:04  ! missed split, impossible split"))
        #expect(!f.line(5).contains("place"))
        #expect(f.row(containing: " Disqualified by the officials: no place.") != nil)
        let header = f.row(containing: " Corrections (corrections.csv):")
        #expect(header != nil)
        #expect(f.line((header ?? 0) + 1) == " * penalty +0:01:00: obstruction (undone)")
        #expect(f.line((header ?? 0) + 2) == " * DQ (TR 55.8): cut the course")
    }

    @Test func theFieldListShowsDQAndPlacesCloseUp() async {
        let plain = await DashboardFixture.snapshot(at: "11:00:00")
        let snap = await DashboardFixture.snapshot(at: "11:00:00", corrections: Self.journal)
        let rows = snap.standings(race: 0).rows
        let anna = rows.first { $0.runner == Self.anna }!
        #expect(anna.status == .disqualified && anna.place == nil)
        #expect(
            snap.evaluation.standings[0].statusCounts.finished == plain.evaluation.standings[0].statusCounts.finished
                - 1)
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.field), at: "11:00:00", width: 120, height: 40)
        let line = f.row(containing: "Anna Schmidt").map(f.line) ?? ""
        #expect(line.contains(" DQ "))
        #expect(f.line(1).contains("DQ 1"))
    }
}
