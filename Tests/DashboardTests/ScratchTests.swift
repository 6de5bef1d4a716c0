import Testing
import Dashboard
import ScreenGrid

@Suite struct ScratchTests {
    @Test func show() async {
        for clock in ["10:10:00", "11:00:00"] {
        let snap = await DashboardFixture.snapshot(at: clock)
        for view in View.allCases {
            for (w, h) in [(80, 24), (200, 50)] {
                var ui = DashboardFixture.ui(view)
                if view == .runner { ui.runner = 9 }
                let f = DashboardFixture.render(snap, ui, at: clock, width: w, height: h)
                print("=== \(clock) \(view) \(w)x\(h)")
                for l in f.lines { print("|" + l) }
            }
        }
        }
    }
}
