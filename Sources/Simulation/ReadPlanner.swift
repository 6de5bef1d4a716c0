import RaceModel

/// A line to be written, before sorting and numbering.
struct PendingLine {
    enum Kind: Equatable {
        case read, firstSeen, lastSeen, gun
        /// Read and numbered by the decoder but never written: its link to the file was down.
        case lost
        /// Index into `FaultPlan.garbage`.
        case garbage(Int)
    }
    /// Moment the decoder writes the line (true time).
    var write: Millis
    /// Time the decoder puts in the line (its own clock).
    var stamp: Millis
    /// Generation order, to break ties the same way everywhere.
    var ordinal: Int
    var code: String
    var kind: Kind
}

/// Where each read file sits in the flat list of files.
struct FileTable {
    var files: [(point: Int, spec: FileSpec)] = []
    var ofPoint: [[Int]] = []

    init(_ course: CourseSpec) {
        for (p, point) in course.points.enumerated() {
            var mine: [Int] = []
            for spec in point.files {
                mine.append(files.count)
                files.append((p, spec))
            }
            ofPoint.append(mine)
        }
    }
}

struct PlannedReads {
    var lines: [[PendingLine]]
    var duplicates: [DuplicateRead] = []
    var longestStand: DuplicateRead?
    var unread: [[Int]]
    var handTimed: [String] = []
}

/// Turns true crossings into the lines each decoder writes: repeats while a
/// runner stands on the mat, the backup line's late copy, hand timing, and
/// the gaps the fault plan asks for.
struct ReadPlanner {
    let course: CourseSpec
    let table: FileTable
    let plan: FaultPlan
    private var rng: SplitMix64
    private var ordinal = 0

    init(course: CourseSpec, table: FileTable, plan: FaultPlan, seed: UInt64) {
        self.course = course
        self.table = table
        self.plan = plan
        rng = SplitMix64(seed: seed, stream: 5)
    }

    mutating func plan(entrants: [Entrant], runs: [Run]) -> PlannedReads {
        let pointOf = course.races.map { race in race.checkpoints.map { course.pointIndex($0.pointId) } }
        var out = PlannedReads(
            lines: Array(repeating: [], count: table.files.count),
            unread: Array(repeating: [], count: entrants.count))
        for (i, e) in entrants.enumerated() {
            let cps = course.races[e.race].checkpoints
            for (k, crossing) in runs[i].crossings.enumerated() {
                guard let t = crossing else { continue }
                let key = FaultPlan.key(i, k)
                if plan.missed.contains(key) {
                    out.unread[i].append(k)
                    continue
                }
                let p = pointOf[e.race][k]
                var written = 0
                for f in table.ofPoint[p] {
                    let spec = table.files[f].spec
                    if e.chip == nil && spec.style.readsChipsOnly { continue }
                    switch spec.role {
                    case .main:
                        guard !plan.mainMissed.contains(key) else { continue }
                        written += mainLines(e, i, cps[k], k, t, p, f, &out)
                    case .backup:
                        guard plan.mainMissed.contains(key) || !rng.chance(course.faults.backupMissRate) else {
                            continue
                        }
                        let at = t + course.faults.backupOffset
                        add(&out, f, at, at, e.chip ?? e.bib, .read)
                        if rng.chance(0.03) {
                            let again = at + rng.int(in: 1_000...3_000)
                            add(&out, f, again, again, e.chip ?? e.bib, .read)
                        }
                        written += 1
                    case .handTiming:
                        guard k == cps.count - 1,
                            e.division == .elite || plan.mainMissed.contains(key)
                                || rng.chance(course.faults.handTimedRate)
                        else { continue }
                        // Typed a couple of seconds after the runner passed, so the file stays in time order.
                        let seen = t + rng.int(in: -300...300)
                        add(&out, f, seen + 2_000, seen, e.bib, .read)
                        out.handTimed.append(e.bib)
                        written += 1
                    }
                }
                if written == 0 { out.unread[i].append(k) }
            }
        }
        addExtras(&out)
        for f in out.lines.indices {
            out.lines[f].sort { ($0.write, $0.ordinal) < ($1.write, $1.ordinal) }
        }
        return out
    }

    /// The main line's reads of one crossing; returns how many were kept.
    private mutating func mainLines(
        _ e: Entrant, _ i: Int, _ cp: CheckpointSpec, _ k: Int, _ t: Millis,
        _ p: Int, _ f: Int, _ out: inout PlannedReads
    ) -> Int {
        let spec = table.files[f].spec
        let skew = course.points[p].skew
        var repeats: [Millis] = []
        let standing = plan.stand.map { $0.runner == i && $0.checkpoint == k } ?? false
        if standing {
            var at = t
            for _ in 0..<rng.int(in: 7...9) {
                at += rng.int(in: 2_000...3_500)
                repeats.append(at)
            }
        } else if rng.chance(course.faults.duplicateRate) {
            var at = t
            for _ in 0..<rng.int(in: 1...3) {
                at += rng.int(in: 400...4_000)
                repeats.append(at)
            }
        }
        var times: [(Millis, PendingLine.Kind)]
        if spec.style == .ipicoFirstLastSeen {
            times = [(t, .firstSeen), (repeats.last ?? t + rng.int(in: 200...1_500), .lastSeen)]
        } else {
            times = [(t, .read)] + repeats.map { ($0, .read) }
        }
        // A ChronoTrack controller reads bib tags.
        let code = spec.style == .chronotrackController ? e.bib : e.chip ?? e.bib
        if p == plan.silentPoint {
            // The silent mat's decoder goes on reading and numbering; nothing reaches the file.
            for (at, _) in times where plan.silentInterval.contains(at) { add(&out, f, at, at + skew, code, .lost) }
            times.removeAll { plan.silentInterval.contains($0.0) }
        }
        for (at, kind) in times { add(&out, f, at, at + skew, code, kind) }
        if !repeats.isEmpty && times.count > 1 {
            let dup = DuplicateRead(
                bib: e.bib, pointId: cp.pointId, checkpointId: cp.id, reads: times.count,
                span: times[times.count - 1].0 - times[0].0)
            out.duplicates.append(dup)
            if standing { out.longestStand = dup }
        }
        return times.count
    }

    private mutating func add(
        _ out: inout PlannedReads, _ f: Int, _ write: Millis, _ stamp: Millis,
        _ code: String, _ kind: PendingLine.Kind
    ) {
        out.lines[f].append(PendingLine(write: write, stamp: stamp, ordinal: ordinal, code: code, kind: kind))
        ordinal += 1
    }

    private func silenced(_ p: Int, _ t: Millis) -> Bool {
        p == plan.silentPoint && plan.silentInterval.contains(t)
    }

    /// Gun markers, the unknown chip and the garbage, on each point's main line.
    private mutating func addExtras(_ out: inout PlannedReads) {
        func mainFile(_ p: Int) -> Int { table.ofPoint[p][0] }
        for race in course.races where race.checkpoints.first?.km == 0 {
            let p = course.pointIndex(race.checkpoints[0].pointId)
            let f = mainFile(p)
            guard [.ctp01Tilde, .ctp01Comma].contains(table.files[f].spec.style) else { continue }
            for wave in race.waves {
                add(&out, f, wave.gun, wave.gun + course.points[p].skew, "guntime", .gun)
            }
        }
        if let code = plan.unknownChip {
            for (p, t) in plan.unknownReads where !silenced(p, t) {
                add(&out, mainFile(p), t, t + course.points[p].skew, code, .read)
            }
        }
        for (g, garbage) in plan.garbage.enumerated() where !silenced(garbage.point, garbage.time) {
            add(
                &out, mainFile(garbage.point), garbage.time, garbage.time + course.points[garbage.point].skew,
                "", .garbage(g))
        }
    }
}
