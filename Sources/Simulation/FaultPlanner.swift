import RaceModel

/// The race-day faults chosen for one event, before any line is written.
struct FaultPlan {
    /// Key `runner * 64 + checkpoint`: missing from every file of the point.
    var missed: Set<Int> = []
    /// Same key: missing from the main line only.
    var mainMissed: Set<Int> = []
    var stand: (runner: Int, checkpoint: Int)?
    var cutter: Int?
    var courseCut: CourseCut?
    var unknownChip: String?
    var unknownReads: [(point: Int, time: Millis)] = []
    var silentPoint: Int?
    var silentInterval: Range<Millis> = 0..<0
    var garbage: [(point: Int, time: Millis, kind: GarbageKind)] = []
    var missedRefs: [ReadRef] = []
    var mainMissedRefs: [ReadRef] = []

    static func key(_ runner: Int, _ checkpoint: Int) -> Int { runner * 64 + checkpoint }
}

/// Chooses who does not start, who stops, who cheats, which reads go missing
/// and when a mat falls silent; edits the runs to match.
struct FaultPlanner {
    let course: CourseSpec
    let entrants: [Entrant]
    let seed: UInt64
    private var rng: SplitMix64

    init(course: CourseSpec, entrants: [Entrant], seed: UInt64) {
        self.course = course
        self.entrants = entrants
        self.seed = seed
        rng = SplitMix64(seed: seed, stream: 4)
    }

    mutating func plan(_ runs: inout [Run]) -> FaultPlan {
        var plan = FaultPlan()
        let faults = course.faults
        var special = Set<Int>()  // runners already given a planted fault

        // DNS and DNF, at least one of each in every race of some size.
        for (r, race) in course.races.enumerated() {
            let members = entrants.indices.filter { entrants[$0].race == r }
            var dns = 0, dnf = 0
            for i in members {
                if entrants[i].division == .amateur && rng.chance(faults.dnsRate) {
                    stopBeforeStart(&runs[i])
                    dns += 1
                } else if entrants[i].division == .amateur && rng.chance(race.dnfRate) {
                    stop(&runs[i], after: rng.int(in: 0...(race.checkpoints.count - 2)))
                    dnf += 1
                }
            }
            if members.count >= 20 {
                if dns == 0, let i = pickAmateur(members, runs, special) { stopBeforeStart(&runs[i]) }
                if dnf == 0, let i = pickAmateur(members, runs, special) {
                    stop(&runs[i], after: rng.int(in: 1...(race.checkpoints.count - 2)))
                }
            }
            // Pacemakers: two elite men step off at 30 km.
            let eliteMen = members.filter { entrants[$0].division == .elite && entrants[$0].sex == .male }
            if eliteMen.count >= 6, let at = race.checkpoints.firstIndex(where: { $0.id == "30K" }) {
                for i in eliteMen.suffix(2) { stop(&runs[i], after: at) }
            }
        }

        cutCourse(&runs, &plan, &special)
        planMissedReads(runs, &plan, &special)
        planStand(runs, &plan, &special)
        planUnknownChip(runs, &plan, special)
        planSilence(runs, &plan)
        planGarbage(runs, &plan)
        return plan
    }

    private func stopBeforeStart(_ run: inout Run) {
        run.crossings = run.crossings.map { _ in nil }
        run.status = .dns
    }

    private func stop(_ run: inout Run, after last: Int) {
        for k in (last + 1)..<run.crossings.count { run.crossings[k] = nil }
        run.status = .dnf
        run.lastCheckpoint = last
    }

    /// A random amateur finisher with a chip, not already used for a fault.
    /// Tries random members first: filtering a 50,000-runner field for each
    /// of several hundred faults would be quadratic.
    private mutating func pickAmateur(
        _ members: [Int], _ runs: [Run], _ special: Set<Int>,
        where extra: (Int) -> Bool = { _ in true }
    ) -> Int? {
        guard !members.isEmpty else { return nil }
        for _ in 0..<64 {
            let i = members[rng.below(members.count)]
            if isFree(i, runs, special) && extra(i) { return i }
        }
        let pool = members.filter { isFree($0, runs, special) && extra($0) }
        return pool.isEmpty ? nil : pool[rng.below(pool.count)]
    }

    private func isFree(_ i: Int, _ runs: [Run], _ special: Set<Int>) -> Bool {
        entrants[i].division == .amateur && runs[i].status == .finished && entrants[i].chip != nil
            && !special.contains(i)
    }

    private mutating func cutCourse(_ runs: inout [Run], _ plan: inout FaultPlan, _ special: inout Set<Int>) {
        let f = course.faults
        guard let r = course.races.firstIndex(where: { $0.id == f.cutRaceId }) else { return }
        let cps = course.races[r].checkpoints
        guard let from = cps.firstIndex(where: { $0.id == f.cutFrom }),
            let to = cps.firstIndex(where: { $0.id == f.cutTo }), from + 1 < to
        else { return }
        let members = entrants.indices.filter { entrants[$0].race == r }
        guard let i = pickAmateur(members, runs, special) else { return }
        special.insert(i)
        var c = runs[i].crossings
        let arrival = c[from]! + f.cutDuration
        let gained = c[to]! - arrival
        for k in (from + 1)..<to { c[k] = nil }
        for k in to..<c.count { c[k] = c[k]! - gained }
        runs[i].crossings = c
        plan.cutter = i
        let hours = Double(f.cutDuration) / 3_600_000
        plan.courseCut = CourseCut(
            bib: entrants[i].bib, raceId: f.cutRaceId, fromCheckpointId: f.cutFrom,
            toCheckpointId: f.cutTo,
            skippedCheckpointIds: cps[(from + 1)..<to].map(\.id),
            apparentSpeedKmh: (cps[to].km - cps[from].km) / hours)
    }

    private mutating func planMissedReads(_ runs: [Run], _ plan: inout FaultPlan, _ special: inout Set<Int>) {
        let all = Array(entrants.indices)
        let silent = course.faults.silentPointId
        let (races, entrants) = (course.races, self.entrants)
        // A runner missing one intermediate mat altogether.
        for _ in 0..<max(3, entrants.count / 150) {
            guard
                let i = pickAmateur(
                    all, runs, special,
                    where: {
                        races[entrants[$0].race].checkpoints.count > 2
                    })
            else { break }
            let cps = course.races[entrants[i].race].checkpoints
            let choices = (1..<(cps.count - 1)).filter { cps[$0].pointId != silent }
            guard !choices.isEmpty else { continue }
            let k = choices[rng.below(choices.count)]
            special.insert(i)
            plan.missed.insert(FaultPlan.key(i, k))
            plan.missedRefs.append(ReadRef(bib: entrants[i].bib, pointId: cps[k].pointId, checkpointId: cps[k].id))
        }
        // Main line missed, backup caught: two at the finish for each one at the start.
        for n in 0..<max(3, entrants.count / 250) {
            guard let i = pickAmateur(all, runs, special) else { break }
            let cps = course.races[entrants[i].race].checkpoints
            let backed = cps.indices.filter { k in
                course.point(cps[k].pointId).files.contains { $0.role == .backup }
            }
            guard let k = n % 3 == 2 ? backed.first : backed.last else { continue }
            special.insert(i)
            plan.mainMissed.insert(FaultPlan.key(i, k))
            plan.mainMissedRefs.append(ReadRef(bib: entrants[i].bib, pointId: cps[k].pointId, checkpointId: cps[k].id))
        }
        plan.missedRefs.sort { order($0, $1) }
        plan.mainMissedRefs.sort { order($0, $1) }
    }

    private func order(_ a: ReadRef, _ b: ReadRef) -> Bool {
        (Int(a.bib) ?? 0, a.checkpointId) < (Int(b.bib) ?? 0, b.checkpointId)
    }

    private mutating func planStand(_ runs: [Run], _ plan: inout FaultPlan, _ special: inout Set<Int>) {
        let point = course.faults.standPointId
        let (races, entrants) = (course.races, self.entrants)
        guard
            let i = pickAmateur(
                Array(entrants.indices), runs, special,
                where: {
                    races[entrants[$0].race].checkpoints.contains { $0.pointId == point }
                })
        else { return }
        special.insert(i)
        let k = course.races[entrants[i].race].checkpoints.firstIndex { $0.pointId == point }!
        plan.stand = (i, k)
    }

    /// Someone carries a spare chip through the first mats: reads of a code
    /// nobody has, a few seconds behind a real runner.
    private mutating func planUnknownChip(_ runs: [Run], _ plan: inout FaultPlan, _ special: Set<Int>) {
        let points = course.faults.unknownChipPointIds
        let (races, entrants) = (course.races, self.entrants)
        guard
            let i = pickAmateur(
                Array(entrants.indices), runs, special,
                where: { runner in
                    let cps = races[entrants[runner].race].checkpoints
                    return points.allSatisfy { p in cps.contains { $0.pointId == p } }
                })
        else { return }
        let cps = course.races[entrants[i].race].checkpoints
        // Chip numbers at or past the field size are never handed out.
        plan.unknownChip = FieldGenerator.chipCode(index: entrants.count + 17, seed: seed)
        for p in points {
            let k = cps.firstIndex { $0.pointId == p }!
            plan.unknownReads.append((course.pointIndex(p), runs[i].crossings[k]! + 4_300))
        }
    }

    /// The mat falls silent while the middle of the field goes through.
    private func planSilence(_ runs: [Run], _ plan: inout FaultPlan) {
        let f = course.faults
        var times: [Millis] = []
        for (i, run) in runs.enumerated() {
            let cps = course.races[entrants[i].race].checkpoints
            for (k, t) in run.crossings.enumerated() where cps[k].pointId == f.silentPointId {
                if let t { times.append(t) }
            }
        }
        guard !times.isEmpty else { return }
        times.sort()
        let from = times[times.count * 45 / 100] / 1000 * 1000
        plan.silentPoint = course.pointIndex(f.silentPointId)
        plan.silentInterval = from..<(from + f.silentDuration)
    }

    /// Garbage goes where the mat is busy: a third of the way through its reads.
    private func planGarbage(_ runs: [Run], _ plan: inout FaultPlan) {
        for g in course.faults.garbage {
            var times: [Millis] = []
            for (i, run) in runs.enumerated() {
                let cps = course.races[entrants[i].race].checkpoints
                for (k, t) in run.crossings.enumerated() where cps[k].pointId == g.pointId {
                    if let t { times.append(t) }
                }
            }
            guard !times.isEmpty else { continue }
            times.sort()
            plan.garbage.append((course.pointIndex(g.pointId), times[times.count / 3] + 510, g.kind))
        }
    }
}
