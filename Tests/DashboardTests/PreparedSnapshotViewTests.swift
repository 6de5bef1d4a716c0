import RaceModel
import Snapshots
import Testing

@testable import Dashboard

/// A snapshot the fetcher prepared (alerts, division rows) draws every view
/// exactly as one drawn from scratch: the preparation only saves work.
@Suite struct PreparedSnapshotViewTests {
    @Test func divisionRowsListEachDivisionInStandingsOrder() async {
        var snap = await DashboardFixture.snapshot(at: "10:05:00")
        let plain = snap
        snap.prepareForDashboard()
        for race in snap.event.races.indices {
            let rows = snap.standings(race: race).rows
            for division in Division.allCases {
                let expected = rows.indices.filter { snap.participants[rows[$0].runner].division == division }
                #expect(snap.divisionRows(race: race, division: division)?.map(Int.init) == expected)
            }
            var ui = UIState()
            ui.race = race
            for division in [nil, Division.elite, .amateur] {
                ui.division = division
                #expect(FieldList(snap, ui: ui).indices == FieldList(plain, ui: ui).indices)
            }
            #expect(EliteBoard(snap, ui: ui).groups.map(\.rows) == EliteBoard(plain, ui: ui).groups.map(\.rows))
        }
        #expect(plain.divisionRows(race: 0, division: .elite) == nil)
    }

    @Test(arguments: View.allCases)
    func everyViewDrawsTheSameFromAPreparedSnapshot(view: View) async {
        var snap = await DashboardFixture.snapshot(at: "10:05:00")
        let plain = snap
        snap.prepareForDashboard()
        for (width, height) in [(80, 24), (200, 50)] {
            let ui = DashboardFixture.ui(view)
            let a = DashboardFixture.render(plain, ui, at: "10:05:00", width: width, height: height)
            let b = DashboardFixture.render(snap, ui, at: "10:05:00", width: width, height: height)
            #expect(a.lines == b.lines, "\(view) at \(width)x\(height)")
        }
    }
}
