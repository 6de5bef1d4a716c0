import RaceModel

extension CourseSpec {
    /// Modelled on the Pyongyang Mangyongdae Prize International Marathon of
    /// 6 April 2025: all races start and finish in Kim Il Sung Stadium and
    /// share the first mats; the half turns back after 20 km and the 10K after
    /// 5 km, while the marathon goes on through the city.
    static var pyongyang: CourseSpec {
        let points = [
            PointSpec(
                id: "stadium", name: "Kim Il Sung Stadium", deviceName: "STADIUM",
                files: [
                    FileSpec(path: "reads/stadium-main.txt", style: .ctp01Tilde, role: .main),
                    FileSpec(
                        path: "reads/stadium-backup.txt", style: .raceResult(prefixed: true, undatedUntil: clock(8, 3)),
                        role: .backup),
                    FileSpec(path: "reads/stadium-hand.txt", style: .manual, role: .handTiming),
                ], duplicateWindowSeconds: 30),
            PointSpec(
                id: "km5", name: "5 km, Arch of Triumph", deviceName: "KM5",
                files: [FileSpec(path: "reads/km05.txt", style: .ipico, role: .main)]),
            PointSpec(
                id: "km10", name: "10 km, Chollima Street", deviceName: "KM10",
                files: [FileSpec(path: "reads/km10.txt", style: .ctp01Comma, role: .main)]),
            PointSpec(
                id: "km15", name: "15 km, Kwangbok Street", deviceName: "KM15",
                files: [
                    FileSpec(
                        path: "reads/km15.txt", style: .raceResult(prefixed: false, undatedUntil: 0),
                        role: .main)
                ]),
            PointSpec(
                id: "km20", name: "20 km, Chongchun Street", deviceName: "KM20",
                files: [FileSpec(path: "reads/km20.txt", style: .ipico, role: .main)]),
            PointSpec(
                id: "half", name: "Halfway, Ryomyong Street", deviceName: "HALF",
                files: [
                    FileSpec(
                        path: "reads/half.txt", style: .raceResult(prefixed: true, undatedUntil: 0),
                        role: .main)
                ]),
            PointSpec(
                id: "km25", name: "25 km, Okryu Bridge", deviceName: "KM25",
                files: [FileSpec(path: "reads/km25.txt", style: .ctp01Tilde, role: .main)], skew: -1500),
            PointSpec(
                id: "km30", name: "30 km, Mirae Scientists Street", deviceName: "KM30",
                files: [FileSpec(path: "reads/km30.txt", style: .ipicoFirstLastSeen, role: .main)],
                duplicateWindowSeconds: 20),
            PointSpec(
                id: "km35", name: "35 km, Munsu Street", deviceName: "KM35",
                files: [FileSpec(path: "reads/km35.txt", style: .chronotrackController, role: .main)]),
            PointSpec(
                id: "km40", name: "40 km, Pothong River", deviceName: "KM40",
                files: [FileSpec(path: "reads/km40.txt", style: .mylaps, role: .main)]),
        ]
        let marathonCheckpoints =
            [CheckpointSpec(id: "start", pointId: "stadium", km: 0)]
            + [5, 10, 15, 20].map { CheckpointSpec(id: "\($0)K", pointId: "km\($0)", km: Double($0)) }
            + [CheckpointSpec(id: "half", pointId: "half", km: 21.0975)]
            + [25, 30, 35, 40].map { CheckpointSpec(id: "\($0)K", pointId: "km\($0)", km: Double($0)) }
            + [CheckpointSpec(id: "finish", pointId: "stadium", km: 42.195)]
        let halfCheckpoints =
            [CheckpointSpec(id: "start", pointId: "stadium", km: 0)]
            + [5, 10, 15, 20].map { CheckpointSpec(id: "\($0)K", pointId: "km\($0)", km: Double($0)) }
            + [CheckpointSpec(id: "finish", pointId: "stadium", km: 21.0975)]
        let tenKCheckpoints = [
            CheckpointSpec(id: "start", pointId: "stadium", km: 0),
            CheckpointSpec(id: "5K", pointId: "km5", km: 5),
            CheckpointSpec(id: "finish", pointId: "stadium", km: 10),
        ]
        let races = [
            RaceSpec(
                id: "marathon", name: "Marathon", clock: .gun, cutoff: clock(6, 0),
                waves: [
                    WaveSpec(id: "elite", gun: clock(8, 0), startSpread: 8_000),
                    WaveSpec(id: "mass", gun: clock(8, 5), startSpread: 4 * 60_000),
                ],
                checkpoints: marathonCheckpoints, share: 0.36,
                amateurTimes: TimeRange(fastest: clock(3, 0), mode: clock(4, 20), slowest: clock(5, 55)),
                dnfRate: 0.05),
            RaceSpec(
                id: "half", name: "Half Marathon", clock: .net, cutoff: clock(3, 30),
                waves: [WaveSpec(id: "open", gun: clock(8, 20), startSpread: 4 * 60_000)],
                checkpoints: halfCheckpoints, share: 0.32,
                amateurTimes: TimeRange(fastest: clock(1, 20), mode: clock(2, 5), slowest: clock(3, 0)),
                dnfRate: 0.02),
            RaceSpec(
                id: "10k", name: "10 km", clock: .net, cutoff: clock(1, 45),
                waves: [WaveSpec(id: "open", gun: clock(8, 35), startSpread: 4 * 60_000)],
                checkpoints: tenKCheckpoints, share: 0.32,
                amateurTimes: TimeRange(fastest: clock(0, 38), mode: clock(0, 58), slowest: clock(1, 30)),
                dnfRate: 0.01),
        ]
        let faults = FaultSpec(
            silentPointId: "km15", silentDuration: 12 * 60_000,
            cutRaceId: "marathon", cutFrom: "20K", cutTo: "35K", cutDuration: 14 * 60_000,
            standPointId: "km10", unknownChipPointIds: ["stadium", "km5", "km10"],
            backupOffset: 2_000, backupMissRate: 0.03, duplicateRate: 0.08, dnsRate: 0.015,
            chiplessRate: 0.015, handTimedRate: 0.10,
            garbage: [
                GarbageSpec(pointId: "km5", kind: .truncated),
                GarbageSpec(pointId: "km20", kind: .badChecksum),
                GarbageSpec(pointId: "km10", kind: .nonsense("ERR ANT3 VSWR HIGH -- check mat cable")),
                GarbageSpec(pointId: "half", kind: .truncated),
                GarbageSpec(pointId: "stadium", kind: .nonsense("\u{FFFD}\u{FFFD}@@#% reader reboot %#@@")),
            ])
        return CourseSpec(
            name: "Pyongyang Marathon 2025", date: CivilDate(year: 2025, month: 4, day: 6),
            utcOffsetMinutes: 9 * 60, ageGroups: [18, 40, 45, 50, 55, 60, 65, 70, 75, 80],
            points: points, races: races,
            eliteMenShare: 0.016, eliteWomenShare: 0.011, eliteMenMax: 20, eliteWomenMax: 14,
            homeWeight: 40, faults: faults)
    }
}
