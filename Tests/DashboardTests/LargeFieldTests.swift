import Testing
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import TimingIngest
import ScreenGrid
@testable import Dashboard

/// 50,000 runners: frames are built from the visible rows only, on top of
/// standings sorted once per snapshot.
@Suite struct LargeFieldTests {
    static let count = 50_000
    static let gun = 8 * 3_600_000

    static func snapshot() async -> RaceSnapshot {
        let kms: [Double] = [0, 10, 20, 30, 42.195]
        let points = [
            TimingPoint(id: "stadium", name: "Stadium", files: ["stadium.txt"], duplicateWindow: 30_000),
            TimingPoint(id: "km10", name: "10 km", files: ["km10.txt"], duplicateWindow: 30_000),
            TimingPoint(id: "km20", name: "20 km", files: ["km20.txt"], duplicateWindow: 30_000),
            TimingPoint(id: "km30", name: "30 km", files: ["km30.txt"], duplicateWindow: 30_000),
        ]
        let pointOf = [0, 1, 2, 3, 0]
        let checkpoints = kms.indices.map {
            Checkpoint(id: ["start", "10K", "20K", "30K", "finish"][$0], pointIndex: pointOf[$0], km: kms[$0])
        }
        let event = EventConfig(
            name: "Big City Marathon", date: CivilDate(year: 2025, month: 4, day: 6), utcOffsetMinutes: 540,
            ageGroups: AgeGroups(lowerBounds: [18, 40, 50, 60]), points: points,
            races: [
                Race(id: "m", name: "Marathon", waves: [Wave(id: "A", gun: gun)], clock: .gun, checkpoints: checkpoints)
            ])
        let countries = ["PRK", "KOR", "CHN", "JPN", "KEN", "ETH", "USA", "GBR", "FRA", "DEU"]
        var people: [Participant] = []
        people.reserveCapacity(count)
        for i in 0..<count {
            let name = i % 7 == 0 ? "김민준 \(i)" : i % 11 == 0 ? "Zoë Lefèvre \(i)" : "Runner \(i)"
            people.append(
                Participant(
                    bib: String(i + 1), name: name, raceIndex: 0, sex: i % 2 == 0 ? .male : .female,
                    age: 18 + i % 60, country: countries[i % countries.count],
                    division: i < 60 ? .elite : .amateur))
        }
        let folder = EventFolder(path: "/tmp/none", event: event, participants: people)
        var log = ReadLog(files: folder.readFiles)
        log.reads.reserveCapacity(count * kms.count)
        for i in 0..<count {
            let pace = 170 + (i * 7919) % 250  // s/km, deterministic spread
            let start = gun + (i / 100) * 1000  // the mass takes eight minutes to cross the start
            for (c, km) in kms.enumerated() {
                log.reads.append(
                    TimedRead(
                        code: String(i + 1), time: start + Int(km * Double(pace) * 1000), point: pointOf[c],
                        isBackup: false, ref: LineRef(file: pointOf[c], line: i + 1)))
            }
        }
        return await RaceState(folder: folder, log: log).snapshot(at: gun + 150 * 60_000)
    }

    @Test func deepRowsOfTheFieldRenderAndFramesStayCheap() async {
        let snap = await Self.snapshot()
        let standings = snap.standings(race: 0)
        #expect(standings.rows.count == Self.count)
        let amateurs = standings.rows.filter { snap.participants[$0.runner].division == .amateur }
        #expect(amateurs.count == Self.count - 60)

        // Row 40,000 of the amateur list, on an 80x24 screen.
        let ui = DashboardFixture.ui(.field) { $0.positions[.field] = ListPosition(scroll: 0, selected: 40_000) }
        let clock = "10:30:00"
        let feed = FeedStatus(
            mode: .replay(speed: 10, paused: false), clock: DashboardFixture.time(clock),
            feedStart: snap.feedStart, feedEnd: snap.feedEnd)
        let frame = DashboardRenderer.render(snap, ui: ui, feed: feed, width: 80, height: 24)
        let rows = Layout.fieldListRows(height: 24)
        // The selection sits on the last visible row; the rows above are the ones before it, in order.
        let selectedLine = 6 + rows - 1
        #expect(frame[3, selectedLine].style.attributes.contains(.reverse))
        for k in 0..<rows {
            let s = amateurs[40_000 - (rows - 1) + k]
            let p = snap.participants[s.runner]
            let line = frame.line(6 + k)
            #expect(line.hasPrefix(TextWidth.pad(Fmt.count(s.place!), to: 5, alignRight: true)), "row \(k): \(line)")
            #expect(line.contains(" \(p.bib) "), "row \(k): \(line)")
        }
        #expect(frame.line(4).hasSuffix("#40,001 of 49,940"))

        // Every view renders wide and narrow, deep in the field (its speed is racedash-bench's to measure).
        for view in View.allCases {
            for (w, h) in [(80, 24), (200, 50)] {
                var ui = DashboardFixture.ui(view)
                ui.runner = 12_345
                ui.positions[view] = ListPosition(scroll: 0, selected: 25_000)
                let frame = DashboardRenderer.render(snap, ui: ui, feed: feed, width: w, height: h)
                #expect(frame.width == w && frame.height == h, "\(view) at \(w)x\(h)")
                #expect(frame.line(0).contains("Big City"), "\(view) at \(w)x\(h): \(frame.line(0))")
            }
        }
    }
}
