import Testing
import Dashboard
import ScreenGrid

@Suite struct ScratchTests {
    @Test func show() async throws {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        for (view, runner) in [(View.checkpoints, nil), (.runner, 8), (.alerts, nil)] as [(View, Int?)] {
            for (w, h) in [(80, 24), (200, 50)] {
                var ui = DashboardFixture.ui(view)
                ui.runner = runner
                let f = DashboardFixture.render(snap, ui, at: "11:00:00", width: w, height: h)
                print("=== \(view) \(w)x\(h)")
                for (i, l) in f.lines.enumerated() where !l.isEmpty { print("|\(i)|" + l) }
            }
        }
    }
}
