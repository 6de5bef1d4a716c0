import Testing
@testable import RaceModel

/// One rule for every read: undated times of day go on the day that puts
/// them in the event window; dated reads outside it are rejected.
@Suite struct EventWindowTests {
    static let hour = 3_600_000

    /// The fixture's 10K course with one wave at `gun` and an optional time limit.
    func event(gun: Millis, cutoff: Millis? = nil) -> EventConfig {
        var event = Fixture.event(cutoff: cutoff)
        event.races[0].waves = [Wave(id: "A", gun: gun)]
        return event
    }

    func record(_ lines: [(code: String, file: Int, time: Millis, date: CivilDate?)], event: EventConfig) -> ReadLog {
        var log = ReadLog(files: Fixture.files)
        for (i, l) in lines.enumerated() {
            let raw = RawRead(code: l.code, date: l.date, timeOfDay: l.time, format: l.date == nil ? .manual : .ipico)
            log.record(
                .read(raw), file: l.file, line: i + 1, eventDate: event.date, window: event.window,
                clockOffset: 0, text: "line \(i + 1)")
        }
        return log
    }

    @Test func aNightRacePlacesReadsAfterMidnightOnTheNextDay() {
        // Gun at 23:30: the last laps of a night race run past midnight (hand-timed, undated).
        let event = event(gun: 23 * Self.hour + 30 * 60_000, cutoff: 4 * Self.hour)
        let minute = 60_000
        let times = [
            23 * Self.hour + 30 * minute + 20_000, 23 * Self.hour + 45 * minute, 23 * Self.hour + 55 * minute,
            10 * minute, 20 * minute,
        ]
        let files = [0, 3, 2, 3, 0]  // stadium, loop 3K, 5K, loop 8K, stadium
        let log = record(zip(times, files).map { ("1", $1, $0, nil) }, event: event)
        #expect(log.problems.isEmpty)
        #expect(log.reads.map(\.time).suffix(2) == [24 * Self.hour + 10 * minute, 24 * Self.hour + 20 * minute])
        let ev = RaceComputation(event: event, participants: [Fixture.runner("1")]).evaluate(log)
        let row = ev.standings[0].rows[0]
        #expect(row.status == .finished)
        #expect(row.gunTime == 50 * minute)
        #expect(ev.rejections.isEmpty)
    }

    /// A race on one mat passed at the start and after every 10 km lap; hand-timed reads carry no date.
    func lapRace(gun: Millis, cutoff: Millis, readsAt times: [Millis]) -> Evaluation {
        let lap = TimingPoint(id: "lap", name: "Lap mat", files: ["stadium.txt"], duplicateWindow: 10_000)
        let checkpoints = times.indices.map { Checkpoint(id: "L\($0)", pointIndex: 0, km: Double($0 * 10)) }
        let race = Race(
            id: "laps", name: "Laps", waves: [Wave(id: "A", gun: gun)], clock: .gun,
            checkpoints: checkpoints, cutoff: cutoff)
        let event = EventConfig(
            name: "Laps", date: CivilDate(year: 2025, month: 7, day: 5), utcOffsetMinutes: 0,
            ageGroups: AgeGroups(lowerBounds: []), points: [lap], races: [race])
        var log = ReadLog(files: [ReadFileInfo(path: "stadium.txt", pointIndex: 0, isBackup: false)])
        for (i, t) in times.enumerated() {
            log.record(
                .read(RawRead(code: "7", timeOfDay: t, format: .manual)), file: 0, line: i + 1,
                eventDate: event.date, window: event.window, clockOffset: 0, text: "7,\(t)")
        }
        #expect(log.problems.isEmpty)
        return RaceComputation(event: event, participants: [Participant(bib: "7", name: "Owl", raceIndex: 0)]).evaluate(
            log)
    }

    @Test func aFourLapRaceStartingAt22KeepsEveryReadAfterMidnight() {
        let minute = 60_000
        let laps = [
            22 * Self.hour + 10_000, 22 * Self.hour + 50 * minute, 23 * Self.hour + 40 * minute,
            30 * minute, Self.hour + 20 * minute,
        ]
        let ev = lapRace(gun: 22 * Self.hour, cutoff: 6 * Self.hour, readsAt: laps)
        #expect(ev.rejections.isEmpty, "no read lost as before the gun")
        #expect(ev.usedCount == 5)
        #expect(ev.standings[0].rows[0].status == .finished)
        #expect(ev.standings[0].rows[0].gunTime == 3 * Self.hour + 20 * minute)
        #expect(TimeFormat.timeOfDay(ev.at) == "01:20:00+1d")
    }

    @Test func aTwentyFourHourRaceKeepsItsLastHoursOnTheNextDay() {
        // Gun at 12:00, one lap an hour until 11:00 the next day: the morning
        // laps fall on the hours before the gun, yet belong to the race's end.
        let laps = [12 * Self.hour + 5_000] + (1...23).map { (12 + $0) % 24 * Self.hour }
        let ev = lapRace(gun: 12 * Self.hour, cutoff: 24 * Self.hour, readsAt: laps)
        #expect(ev.rejections.isEmpty)
        #expect(ev.usedCount == 24)
        #expect(ev.standings[0].rows[0].status == .finished)
        #expect(ev.standings[0].rows[0].gunTime == 23 * Self.hour)
        #expect(TimeFormat.timeOfDay(ev.at) == "11:00:00+1d")
    }

    @Test func aTwentyFourHourRaceTellsTheLastHourFromTheHourBeforeTheGun() {
        let window = event(gun: 12 * Self.hour, cutoff: 24 * Self.hour).window
        #expect(window.place(timeOfDay: 14 * Self.hour) == 14 * Self.hour)  // 2 h in
        #expect(window.place(timeOfDay: 11 * Self.hour) == 35 * Self.hour)  // 23 h in, not 1 h before the gun
        #expect(window.place(timeOfDay: 7 * Self.hour) == 31 * Self.hour)
        #expect(window.place(timeOfDay: 5 * Self.hour) == 29 * Self.hour)  // over the limit, still recorded
        #expect(window.start == 6 * Self.hour && window.end == 42 * Self.hour)
    }

    /// The shortcut for a time on its own day gives the day the full search
    /// gives, for guns all over the day, with and without time limits up
    /// to two days, and times from a day before to two days after.
    @Test func aTimeOfDayGoesOnTheDayTheFullSearchGives() {
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<200 {
            let gun = next(24 * 60) * 60_000
            let cutoff = next(3) == 0 ? nil : (1 + next(48 * 60)) * 60_000
            let window = event(gun: gun, cutoff: cutoff).window
            for _ in 0..<200 {
                let t = next(4 * 24 * 60) * 60_000 - 24 * Self.hour
                #expect(
                    window.place(timeOfDay: t) == window.placeOnAnyDay(t),
                    "gun \(gun) cutoff \(String(describing: cutoff)) t \(t)")
            }
        }
    }

    @Test func aRaceWithoutCutoffKeepsReadsForTwoDays() {
        let window = event(gun: 9 * Self.hour).window
        #expect(window.end == 9 * Self.hour + 48 * Self.hour)
        #expect(window.place(timeOfDay: 2 * Self.hour) == 26 * Self.hour)
        // A minute before the gun is that day, not 24 hours into the race.
        #expect(window.place(timeOfDay: 9 * Self.hour - 60_000) == 9 * Self.hour - 60_000)
    }

    @Test func aReadDated2099IsRejectedAndNeverMovesTheClock() {
        let event = event(gun: Fixture.gun, cutoff: 6 * Self.hour)
        let date = event.date
        let far = CivilDate(year: 2099, month: 4, day: 6)
        let log = record(
            [("1", 0, Fixture.t(0, 20), date), ("1", 2, Fixture.t(25), date), ("zzz", 2, 9 * Self.hour, far)],
            event: event)
        #expect(log.reads.count == 2)
        #expect(log.latestReadTime == Fixture.t(25))
        #expect(log.problems.count == 1)
        guard case .outsideEventWindow(let when)? = log.problems.first?.reason else {
            Issue.record("expected an outside-the-window rejection")
            return
        }
        #expect(when.hasPrefix("2099-04-06 09:00:00"))
        let ev = RaceComputation(event: event, participants: [Fixture.runner("1")]).evaluate(log)
        #expect(ev.at == Fixture.t(25))
        #expect(ev.standings[0].rows[0].status == .onCourse)
        #expect(ev.rejections.map(\.reason.kind) == ["outside event window"])
    }

    @Test func typedTimesFollowTheSameRule() {
        let window = event(gun: 23 * Self.hour, cutoff: 4 * Self.hour).window
        #expect(window.typed("00:30") == 24 * Self.hour + 30 * 60_000)
        #expect(window.typed("23:15:00") == 23 * Self.hour + 15 * 60_000)
        #expect(window.typed("01:30:00+1d") == 25 * Self.hour + 30 * 60_000)
        #expect(window.typed("nonsense") == nil)
        #expect(window.typed("25:00") == nil)
    }
}
