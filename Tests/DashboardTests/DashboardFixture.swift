import RaceModel
import RaceStore
import Snapshots
import TestSupport
import TimingIngest
import Dashboard
import ScreenGrid

/// A hand-made event: a half marathon with elite men and women (Hangul,
/// CJK and accented names), an amateur field with a missed split, a DNS and
/// an impossible split, an unknown chip, a bad line and a 15 km mat that
/// stops reading at 10:10; and a 10 km fun run with no elite division.
enum DashboardFixture {
    static let gunA = 9 * 3_600_000
    static let gunB = gunA + 10 * 60_000
    static let gunFun = gunA + 30 * 60_000

    static let points = [
        TimingPoint(id: "stadium", name: "Stadium", files: ["stadium.txt"], duplicateWindow: 30_000),
        TimingPoint(id: "km5", name: "5 km", files: ["km5.txt"], duplicateWindow: 30_000),
        TimingPoint(id: "km10", name: "10 km", files: ["km10.txt"], duplicateWindow: 30_000),
        TimingPoint(id: "km15", name: "15 km", files: ["km15.txt"], duplicateWindow: 30_000),
    ]
    static let half = Race(
        id: "half", name: "Half Marathon", waves: [Wave(id: "A", gun: gunA), Wave(id: "B", gun: gunB)],
        clock: .gun,
        checkpoints: [
            Checkpoint(id: "start", pointIndex: 0, km: 0),
            Checkpoint(id: "5K", pointIndex: 1, km: 5),
            Checkpoint(id: "10K", pointIndex: 2, km: 10),
            Checkpoint(id: "15K", pointIndex: 3, km: 15),
            Checkpoint(id: "finish", pointIndex: 0, km: 21.1),
        ])
    static let fun = Race(
        id: "fun", name: "Fun Run 10K", waves: [Wave(id: "F", gun: gunFun)], clock: .net,
        checkpoints: [
            Checkpoint(id: "start", pointIndex: 0, km: 0),
            Checkpoint(id: "5K", pointIndex: 1, km: 5),
            Checkpoint(id: "finish", pointIndex: 0, km: 10),
        ])
    static let event = EventConfig(
        name: "Pyongyang Test Half", date: CivilDate(year: 2025, month: 4, day: 6),
        utcOffsetMinutes: 540, ageGroups: AgeGroups(lowerBounds: [18, 40, 50, 60]),
        points: points, races: [half, fun])

    /// A runner and how they run: seconds per km, start delay in seconds, checkpoints to skip.
    struct Entry {
        var participant: Participant
        var secondsPerKm: Int
        var delay: Int = 5
        var skip: Set<Int> = []
        var runs = true
    }

    static func p(
        _ bib: String, _ name: String, race: Int = 0, sex: Sex, age: Int, country: String,
        elite: Bool = false, wave: Int = 0, club: String? = nil
    ) -> Participant {
        Participant(
            bib: bib, name: name, raceIndex: race, sex: sex, age: age, country: country,
            division: elite ? .elite : .amateur, waveIndex: wave, club: club)
    }

    static let entries: [Entry] = [
        Entry(participant: p("101", "김민준", sex: .male, age: 27, country: "PRK", elite: true), secondsPerKm: 180),
        Entry(
            participant: p("102", "Eliud Mwangi", sex: .male, age: 31, country: "KEN", elite: true), secondsPerKm: 182),
        Entry(participant: p("103", "José Núñez", sex: .male, age: 41, country: "ESP", elite: true), secondsPerKm: 185),
        Entry(participant: p("104", "Pak Chol", sex: .male, age: 29, country: "PRK", elite: true), secondsPerKm: 190),
        Entry(participant: p("201", "李娜", sex: .female, age: 26, country: "CHN", elite: true), secondsPerKm: 200),
        Entry(
            participant: p("202", "Zoë Lefèvre", sex: .female, age: 33, country: "FRA", elite: true), secondsPerKm: 205),
        Entry(participant: p("203", "정유미", sex: .female, age: 24, country: "PRK", elite: true), secondsPerKm: 210),
        Entry(
            participant: p("301", "Ri Yong Chol", sex: .male, age: 35, country: "PRK", wave: 1, club: "Pyongyang RC"),
            secondsPerKm: 240, delay: 20),
        Entry(
            participant: p("302", "Anna Schmidt", sex: .female, age: 44, country: "GER", wave: 1), secondsPerKm: 270,
            delay: 30),
        Entry(
            participant: p("303", "Tom O'Brien", sex: .male, age: 52, country: "IRL", wave: 1), secondsPerKm: 300,
            delay: 40, skip: [2]),
        Entry(
            participant: p("304", "Sato Haruka", sex: .female, age: 38, country: "JPN", wave: 1), secondsPerKm: 330,
            delay: 45),
        Entry(
            participant: p("305", "Choe Kwang", sex: .male, age: 63, country: "PRK", wave: 1), secondsPerKm: 360,
            delay: 60),
        Entry(
            participant: p("306", "Marie Dubois", sex: .female, age: 29, country: "FRA", wave: 1), secondsPerKm: 390,
            delay: 70),
        Entry(
            participant: p("307", "Never Started", sex: .male, age: 45, country: "GBR", wave: 1), secondsPerKm: 300,
            runs: false),
        Entry(
            participant: p("308", "Kim Chol Su", sex: .male, age: 47, country: "PRK", wave: 1), secondsPerKm: 285,
            delay: 35),
        Entry(
            participant: p("401", "Fun Runner One", race: 1, sex: .female, age: 22, country: "PRK"), secondsPerKm: 300),
        Entry(participant: p("402", "Fun Runner Two", race: 1, sex: .male, age: 55, country: "SWE"), secondsPerKm: 330),
        Entry(
            participant: p("403", "Fun Runner Three", race: 1, sex: .male, age: 33, country: "PRK"), secondsPerKm: 420),
    ]

    static var participants: [Participant] { entries.map(\.participant) }

    /// Every line every mat writes over the morning, as (file, text, time), in time order.
    /// `clean` leaves out the faults (dead mat, impossible read, stray chip, bad line).
    static func lines(clean: Bool = false) -> [(file: Int, text: String, time: Millis)] {
        var out: [(file: Int, text: String, time: Millis)] = []
        for e in entries where e.runs {
            let race = event.races[e.participant.raceIndex]
            let start = race.waves[e.participant.waveIndex].gun + e.delay * 1000
            for (c, cp) in race.checkpoints.enumerated() where !e.skip.contains(c) {
                let t = start + Int((cp.km * Double(e.secondsPerKm) * 1000).rounded())
                out.append((cp.pointIndex, "\(e.participant.bib),\(TimeFormat.timeOfDay(t))", t))
            }
        }
        if clean { return out.sorted { $0.time < $1.time } }
        // The 15 km mat dies at 10:10: nothing it would have read after that is written.
        out.removeAll { $0.file == 3 && $0.time > time("10:10:00") }
        // Bib 302 also shows up at 10 km three minutes after 5 km: an impossible split.
        out.append((2, "302,09:36:00", time("09:36:00")))
        let stray = gunA + 40 * 60_000
        out.append((2, "9999,\(TimeFormat.timeOfDay(stray))", stray))
        out.append((1, "garbage \u{1B}[31m line", gunA + 20 * 60_000))
        return out.sorted { $0.time < $1.time }
    }

    /// `corrections`: the officials' journal the state applies.
    static func state(clean: Bool = false, corrections: [Correction] = []) -> RaceState {
        let folder = EventFolder(path: "/tmp/none", event: event, participants: participants, corrections: corrections)
        var log = ReadLog(files: folder.readFiles)
        var numbers = [Int](repeating: 0, count: folder.readFiles.count)
        for line in lines(clean: clean) {
            numbers[line.file] += 1
            ReadLogLoader.ingest(line: line.text, number: numbers[line.file], file: line.file, into: &log, event: event)
        }
        return RaceState(folder: folder, log: log)
    }

    static func snapshot(at clock: String, clean: Bool = false, corrections: [Correction] = []) async -> RaceSnapshot {
        await state(clean: clean, corrections: corrections).snapshot(at: time(clock))
    }

    static func time(_ clock: String) -> Millis { TimeFormat.parseClock(clock)! }

    static func replay(at clock: String, speed: Double = 60, paused: Bool = false) -> FeedStatus {
        FeedStatus(
            mode: .replay(speed: speed, paused: paused), clock: time(clock),
            feedStart: time("09:00:05"), feedEnd: time("11:30:00"))
    }

    static func render(
        _ snap: RaceSnapshot, _ ui: UIState = UIState(), at clock: String,
        width: Int = 80, height: Int = 24, feed: FeedStatus? = nil
    ) -> Frame {
        DashboardRenderer.render(snap, ui: ui, feed: feed ?? replay(at: clock), width: width, height: height)
    }

    static func ui(_ view: View, configure: (inout UIState) -> Void = { _ in }) -> UIState {
        var ui = UIState()
        ui.view = view
        configure(&ui)
        return ui
    }
}
