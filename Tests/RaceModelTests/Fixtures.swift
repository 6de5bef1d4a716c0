import RaceModel

/// A small hand-made event: a 10 km race on a loop through a stadium mat
/// (start, finish), a 5 km mat, and a mat "loop" passed at km 3 and km 8.
enum Fixture {
    static let gun = 9 * 3_600_000  // 09:00:00

    static func event(clock: RankingClock = .gun, cutoff: Millis? = nil, window: Millis = 10_000) -> EventConfig {
        let points = [
            TimingPoint(
                id: "stadium", name: "Stadium", files: ["stadium.txt", "stadium-backup.txt"], duplicateWindow: window),
            TimingPoint(id: "km5", name: "5 km", files: ["km5.txt"], duplicateWindow: window),
            TimingPoint(id: "loop", name: "Loop mat", files: ["loop.txt"], duplicateWindow: window),
            TimingPoint(id: "elsewhere", name: "Other course", files: ["other.txt"], duplicateWindow: window),
        ]
        let race = Race(
            id: "10k", name: "10K", waves: [Wave(id: "A", gun: gun), Wave(id: "B", gun: gun + 600_000)],
            clock: clock,
            checkpoints: [
                Checkpoint(id: "start", pointIndex: 0, km: 0),
                Checkpoint(id: "3K", pointIndex: 2, km: 3),
                Checkpoint(id: "5K", pointIndex: 1, km: 5),
                Checkpoint(id: "8K", pointIndex: 2, km: 8),
                Checkpoint(id: "finish", pointIndex: 0, km: 10),
            ], cutoff: cutoff)
        return EventConfig(
            name: "Test 10K", date: CivilDate(year: 2025, month: 4, day: 6), utcOffsetMinutes: 540,
            ageGroups: AgeGroups(lowerBounds: [18, 40, 50]), points: points, races: [race])
    }

    static let files = [
        ReadFileInfo(path: "stadium.txt", pointIndex: 0, isBackup: false),
        ReadFileInfo(path: "stadium-backup.txt", pointIndex: 0, isBackup: true),
        ReadFileInfo(path: "km5.txt", pointIndex: 1, isBackup: false),
        ReadFileInfo(path: "loop.txt", pointIndex: 2, isBackup: false),
        ReadFileInfo(path: "other.txt", pointIndex: 3, isBackup: false),
    ]

    static func runner(
        _ bib: String, sex: Sex = .male, age: Int = 30, division: Division = .amateur, wave: Int = 0,
        chip: String? = nil
    ) -> Participant {
        Participant(
            bib: bib, name: "Runner \(bib)", raceIndex: 0, chip: chip, sex: sex, age: age, country: "PRK",
            division: division, waveIndex: wave)
    }

    /// Minutes (and seconds) after the gun as a time of day.
    static func t(_ minutes: Int, _ seconds: Int = 0, ms: Int = 0) -> Millis {
        gun + (minutes * 60 + seconds) * 1000 + ms
    }

    /// A read of `code` at point `point` (0 stadium, 1 km5, 2 loop, 3 elsewhere).
    static func read(_ code: String, _ point: Int, _ time: Millis, backup: Bool = false, line: Int = 1) -> TimedRead {
        let file = files.firstIndex { $0.pointIndex == point && $0.isBackup == backup }!
        return TimedRead(code: code, time: time, point: point, isBackup: backup, ref: LineRef(file: file, line: line))
    }

    /// A full clean run: start after `startDelay` s, then even pace of `minPerKm`.
    static func cleanRun(_ code: String, minPerKm: Double, startDelay: Int = 20, wave: Int = 0) -> [TimedRead] {
        let gunOffset = wave == 0 ? 0 : 600_000
        let start = gun + gunOffset + startDelay * 1000
        return [(0, 0.0), (2, 3.0), (1, 5.0), (2, 8.0), (0, 10.0)].enumerated().map { i, cp in
            read(code, cp.0, start + Int(cp.1 * minPerKm * 60_000), line: i + 1)
        }
    }

    /// Runs of `code` that touch every rule: clean, off the course and after
    /// the finish, duplicates, a backup read replaced, a rejected read set
    /// again, before the gun, and no read at all.
    static func runsOfEveryKind(_ code: String) -> [[TimedRead]] {
        var offCourse = cleanRun(code, minPerKm: 5)
        offCourse += [read(code, 3, t(30)), read(code, 1, t(70))]
        return [
            cleanRun(code, minPerKm: 5), offCourse,
            [read(code, 1, t(25, 0), line: 1), read(code, 1, t(25, 4), line: 2)],
            [read(code, 0, t(0, 28), backup: true, line: 7), read(code, 0, t(0, 30))],
            [read(code, 0, t(0, 10)), read(code, 2, t(15)), read(code, 0, t(20))],
            [read(code, 0, t(-5))], [],
        ]
    }

    static func log(_ reads: [TimedRead]) -> ReadLog {
        var log = ReadLog(files: files)
        log.reads = reads
        for r in reads { log.lineCounts[Int(r.ref.file)] += 1 }
        return log
    }
}

/// The same numbers on every run, from a 64-bit linear congruential
/// generator: test data made at scale, reproducible when a test fails.
struct SeededNumbers {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next number, below `bound`.
    mutating func next(below bound: UInt64) -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (state >> 11) % bound
    }
}
