import RaceModel

extension CourseSpec {
    /// One big point-to-point marathon in four waves, for benchmarks: a mat
    /// every 5 km and at halfway, the same mix of formats and faults as the
    /// sample event.
    static var bigCity: CourseSpec {
        let never = Int.max
        func km(_ k: Int, _ style: LineStyle, skew: Millis = 0) -> PointSpec {
            PointSpec(
                id: "km\(k)", name: "\(k) km", deviceName: "KM\(k)",
                files: [FileSpec(path: "reads/km\(k < 10 ? "0" : "")\(k).txt", style: style, role: .main)],
                skew: skew)
        }
        let points = [
            PointSpec(
                id: "start", name: "Start, Avenue of Nations", deviceName: "START",
                files: [FileSpec(path: "reads/start.txt", style: .ctp01Tilde, role: .main)]),
            km(5, .ipico), km(10, .ctp01Comma), km(15, .raceResult(prefixed: false, undatedUntil: 0)),
            km(20, .ipico),
            PointSpec(
                id: "half", name: "Halfway", deviceName: "HALF",
                files: [
                    FileSpec(
                        path: "reads/half.txt", style: .raceResult(prefixed: true, undatedUntil: 0),
                        role: .main)
                ]),
            km(25, .ctp01Tilde, skew: -1500), km(30, .ipicoFirstLastSeen),
            km(35, .raceResult(prefixed: false, undatedUntil: never)), km(40, .ctp01Comma),
            PointSpec(
                id: "finish", name: "Finish, City Hall", deviceName: "FINISH",
                files: [
                    FileSpec(
                        path: "reads/finish-main.txt", style: .raceResult(prefixed: true, undatedUntil: clock(8, 5)),
                        role: .main),
                    FileSpec(path: "reads/finish-backup.txt", style: .ipico, role: .backup),
                    FileSpec(path: "reads/finish-hand.txt", style: .manual, role: .handTiming),
                ], duplicateWindowSeconds: 30),
        ]
        let checkpoints =
            [CheckpointSpec(id: "start", pointId: "start", km: 0)]
            + [5, 10, 15, 20].map { CheckpointSpec(id: "\($0)K", pointId: "km\($0)", km: Double($0)) }
            + [CheckpointSpec(id: "half", pointId: "half", km: 21.0975)]
            + [25, 30, 35, 40].map { CheckpointSpec(id: "\($0)K", pointId: "km\($0)", km: Double($0)) }
            + [CheckpointSpec(id: "finish", pointId: "finish", km: 42.195)]
        let race = RaceSpec(
            id: "marathon", name: "Marathon", clock: .gun, cutoff: clock(7, 0),
            waves: [
                WaveSpec(id: "elite", gun: clock(8, 0), startSpread: 10_000),
                WaveSpec(id: "A", gun: clock(8, 10), startSpread: 10 * 60_000),
                WaveSpec(id: "B", gun: clock(8, 25), startSpread: 12 * 60_000),
                WaveSpec(id: "C", gun: clock(8, 40), startSpread: 12 * 60_000),
            ],
            checkpoints: checkpoints, share: 1,
            amateurTimes: TimeRange(fastest: clock(3, 0), mode: clock(4, 15), slowest: clock(6, 0)),
            dnfRate: 0.04)
        let faults = FaultSpec(
            silentPointId: "km15", silentDuration: 8 * 60_000,
            cutRaceId: "marathon", cutFrom: "20K", cutTo: "35K", cutDuration: 14 * 60_000,
            standPointId: "km10", unknownChipPointIds: ["start", "km5", "km10"],
            backupOffset: 2_000, backupMissRate: 0.03, duplicateRate: 0.15, dnsRate: 0.02,
            chiplessRate: 0.01, handTimedRate: 0.02,
            garbage: [
                GarbageSpec(pointId: "km5", kind: .truncated),
                GarbageSpec(pointId: "km20", kind: .badChecksum),
                GarbageSpec(pointId: "km10", kind: .nonsense("ERR ANT3 VSWR HIGH -- check mat cable")),
                GarbageSpec(pointId: "half", kind: .truncated),
            ])
        return CourseSpec(
            name: "Big City Marathon", date: CivilDate(year: 2025, month: 9, day: 21),
            utcOffsetMinutes: 2 * 60, ageGroups: [18, 40, 45, 50, 55, 60, 65, 70, 75, 80],
            points: points, races: [race],
            eliteMenShare: 0.0006, eliteWomenShare: 0.0004, eliteMenMax: 30, eliteWomenMax: 20,
            homeWeight: 1, faults: faults)
    }
}
