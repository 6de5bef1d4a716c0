import Dashboard
import RaceModel
import RaceStore
import Snapshots
import TimingIngest

/// Time to build one dashboard frame from a snapshot of the big event, for
/// each view at a small and a large terminal (the snapshot is built once).
func runFrameBench(folder path: String, iterations: Int = 200) async throws -> String {
    try await measureFrames(folder: path, iterations: iterations).text
}

func measureFrames(folder path: String, iterations: Int) async throws -> (
    text: String, worst: Double, worstView: String
) {
    let folder = try EventFolder.load(path)
    let (log, _) = try ReadLogLoader.load(folder)
    let state = RaceState(folder: folder, log: log)
    let end = await state.feedSpan?.end ?? 0
    let clock = ContinuousClock()
    let snapStart = clock.now
    // Mid-race: the whole field is on course, the heaviest moment for most views.
    let midRace = (folder.event.races[0].firstGun + end) / 2
    var snapshot = await state.snapshot(at: midRace)
    snapshot.prepareForDashboard()  // as the dashboard's fetcher does, once per snapshot
    let snapshotMs = (clock.now - snapStart).milliseconds
    let feed = FeedStatus(
        mode: .replay(speed: 60, paused: false), clock: snapshot.at,
        feedStart: snapshot.feedStart, feedEnd: snapshot.feedEnd)

    var out =
        "dashboard frames (\(withThousands(folder.participants.count)) runners, snapshot at \(TimeFormat.timeOfDay(snapshot.at)) built in \(format(snapshotMs, 1)) ms), \(iterations) frames each:\n"
    var worst = 0.0
    var worstView = ""
    var worstOwn = 0.0
    for (width, height) in [(80, 24), (200, 50)] {
        for view in View.allCases {
            var ui = UIState()
            ui.view = view
            if view == .runner { ui.runner = snapshot.standings(race: 0).rows.first?.runner }
            if view == .field { ui.selected = folder.participants.count / 2 }
            var times: [Double] = []
            var own: [Double] = []
            for _ in 0..<iterations {
                let cpu0 = threadCPUms()
                let t0 = clock.now
                let frame = DashboardRenderer.render(snapshot, ui: ui, feed: feed, width: width, height: height)
                times.append((clock.now - t0).milliseconds)
                own.append(threadCPUms() - cpu0)
                precondition(frame.width == width)
            }
            let p99 = percentile(times, 99)
            if p99 > worst {
                worstView = "\(view.title) \(width)x\(height)"
                worstOwn = percentile(own, 99)
            }
            worst = max(worst, p99)
            out +=
                "  \(width)x\(height) \(view.title): median \(format(percentile(times, 50), 2)) ms, p99 \(format(p99, 2)) ms"
            out += " (its own CPU time p99 \(format(percentile(own, 99), 2)) ms)\n"
        }
    }
    out +=
        "  worst p99 \(format(worst, 2)) ms (\(worstView), its own CPU time p99 \(format(worstOwn, 2)) ms; target under 3 ms)"
    return (out, worst, "\(worstView), own CPU \(format(worstOwn, 2)) ms")
}
