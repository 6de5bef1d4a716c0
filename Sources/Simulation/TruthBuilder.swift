import RaceModel

enum TruthBuilder {
    static func truth(
        course: CourseSpec, entrants: [Entrant], runs: [Run], plan: FaultPlan,
        planned: PlannedReads, garbage: [GarbageLine], table: FileTable
    ) -> SimulationTruth {
        var runners: [RunnerTruth] = []
        runners.reserveCapacity(entrants.count)
        for (i, e) in entrants.enumerated() {
            let race = course.races[e.race]
            runners.append(
                RunnerTruth(
                    bib: e.bib, raceId: race.id, waveId: race.waves[e.wave].id, status: runs[i].status,
                    crossings: runs[i].crossings, unread: planned.unread[i],
                    lastCheckpointId: runs[i].lastCheckpoint.map { race.checkpoints[$0].id }))
        }
        var silent: SilentMat?
        if let p = plan.silentPoint {
            silent = SilentMat(
                pointId: course.points[p].id, path: table.files[table.ofPoint[p][0]].spec.path,
                interval: plan.silentInterval)
        }
        return SimulationTruth(
            runners: runners,
            dnsBibs: runners.filter { $0.status == .dns }.map(\.bib),
            dnfBibs: runners.filter { $0.status == .dnf }.map(\.bib),
            chiplessBibs: entrants.filter { $0.chip == nil }.map(\.bib),
            courseCut: plan.courseCut,
            missedReads: plan.missedRefs,
            mainMissedBackupCaught: plan.mainMissedRefs,
            duplicateReads: planned.duplicates,
            longestStand: planned.longestStand,
            backupOffset: course.faults.backupOffset,
            clockSkews: course.points.filter { $0.skew != 0 }.map { ClockSkew(pointId: $0.id, skew: $0.skew) },
            unknownChip: plan.unknownChip.map { code in
                UnknownChip(code: code, pointIds: plan.unknownReads.map { course.points[$0.point].id })
            },
            silentMat: silent,
            garbageLines: garbage,
            handTimedBibs: planned.handTimed)
    }
}
