import RaceModel

/// When a mat counts as silent: nothing read for `quietFor` while at least
/// `minimumDue` runners on course should, by their own pace, have crossed it
/// after its last read and at least `grace` ago. The grace absorbs runners
/// slowing down, the quiet time gaps in a thin field, and the minimum a single
/// runner whose read was missed (that is a missed split, not a dead mat).
public struct SilentMatRule: Sendable, Equatable {
    public var quietFor: Millis
    public var grace: Millis
    public var minimumDue: Int
    /// Pace assumed for a runner who has only a start read (no pace of their own yet).
    public var defaultPace: Millis

    public init(
        quietFor: Millis = 5 * 60_000, grace: Millis = 2 * 60_000, minimumDue: Int = 3,
        defaultPace: Millis = TimingEngine.defaultPace
    ) {
        self.quietFor = quietFor
        self.grace = grace
        self.minimumDue = max(1, minimumDue)
        self.defaultPace = defaultPace
    }
}

/// A timing point that should be reading runners and is not.
public struct SilentMat: Sendable, Equatable {
    public var point: Int
    /// Last read of any kind at the point (nil: it never read anything).
    public var lastRead: Millis?
    /// Runners on course whose next checkpoint is at this point and who became overdue there after its last read.
    public var due: Int
    /// Earliest projected arrival among them.
    public var dueSince: Millis

    public init(point: Int, lastRead: Millis?, due: Int, dueSince: Millis) {
        self.point = point
        self.lastRead = lastRead
        self.due = due
        self.dueSince = dueSince
    }
}

/// Something an official should look at, derived from a snapshot.
public struct Alert: Sendable, Equatable {
    public enum Severity: Int, Sendable, Comparable, CaseIterable {
        case notice, warning, critical
        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }

    public enum Subject: Sendable, Equatable {
        case silentMat(SilentMat)
        /// A read refused because it implied an impossible speed to `checkpoint`.
        case impossibleSplit(runner: Int, checkpoint: Int, ref: LineRef)
        /// No read at `checkpoint` although the runner was timed further on.
        case missedSplit(runner: Int, checkpoint: Int)
        /// Every read of one code nobody wears, grouped: a spectator's chip or a typo in the list.
        case unknownChip(code: String, reads: Int, points: [Int], first: LineRef)
        /// A segment much faster than the runner's pace elsewhere, for review (detected in RaceModel).
        case suspiciousSegment(runner: Int, segment: SuspiciousSegment)
        /// Any other rejected line (malformed, before the gun, off course, ...).
        case rejectedLine(Rejection)
        /// Passing numbers missing from a decoder's file, or its numbering restarted.
        case sequenceGap(SequenceGap, point: Int)
    }

    public var severity: Severity
    /// When it happened (time of day), where known; parse problems have no time.
    public var time: Millis?
    public var subject: Subject

    public init(severity: Severity, time: Millis?, subject: Subject) {
        self.severity = severity
        self.time = time
        self.subject = subject
    }

    /// The participant the alert is about, for opening the runner view.
    public var runner: Int? {
        switch subject {
        case .impossibleSplit(let r, _, _), .missedSplit(let r, _), .suspiciousSegment(let r, _): return r
        case .rejectedLine(let rejection): return rejection.runner
        case .silentMat, .unknownChip, .sequenceGap: return nil
        }
    }

    /// The timing point involved, where there is one.
    public var point: Int? {
        switch subject {
        case .silentMat(let s): return s.point
        case .rejectedLine(let r): return r.point
        case .unknownChip(_, _, let points, _): return points.first
        case .sequenceGap(_, let point): return point
        case .impossibleSplit, .missedSplit, .suspiciousSegment: return nil
        }
    }

    /// Still happening (a silent mat), rather than something that happened once.
    public var isOngoing: Bool {
        if case .silentMat = subject { return true }
        return false
    }

    /// Short tag for counts and markers.
    public var kind: String {
        switch subject {
        case .silentMat: return "silent mat"
        case .impossibleSplit: return "impossible split"
        case .missedSplit: return "missed split"
        case .suspiciousSegment: return "suspicious segment"
        case .unknownChip: return "unknown chip"
        case .rejectedLine(let r): return r.reason.kind
        case .sequenceGap: return "passings missing"
        }
    }
}

extension RaceSnapshot {
    /// Everything worth an official's attention at time of day `now`, most
    /// severe first, then most recent first. No text is built here, so a
    /// caller showing a few lines formats only those (`text(of:)`).
    public func alerts(now: Millis, rule: SilentMatRule = SilentMatRule()) -> [Alert] {
        if now == at && rule == SilentMatRule(), let prepared = alertsAtSnapshot { return prepared }
        return computeAlerts(now: now, rule: rule)
    }

    func computeAlerts(now: Millis, rule: SilentMatRule) -> [Alert] {
        var out: [Alert] = []
        for mat in silentMats(now: now, rule: rule) {
            out.append(Alert(severity: .critical, time: mat.lastRead, subject: .silentMat(mat)))
        }
        // Through the chunks' buffers: a timeline copied or looked up one by one
        // (several arrays each) would cost more than the rest, 50,000 times over.
        evaluation.timelines.forEachChunk { start, chunk in
            for j in chunk.indices
            where !chunk[j].impossible.isEmpty || !chunk[j].missed.isEmpty || !chunk[j].suspicious.isEmpty {
                let runner = start + j
                let timeline = chunk[j]
                for refused in timeline.impossible {
                    out.append(
                        Alert(
                            severity: .critical, time: refused.time,
                            subject: .impossibleSplit(runner: runner, checkpoint: refused.checkpoint, ref: refused.ref))
                    )
                }
                for c in timeline.missed {
                    // Known only once a later split arrives: that moment is when it happened for the official.
                    let seen = timeline.counted[(c + 1)...].lazy.compactMap { $0.time }.first
                    out.append(
                        Alert(severity: .warning, time: seen, subject: .missedSplit(runner: runner, checkpoint: c)))
                }
                for segment in timeline.suspicious {
                    out.append(
                        Alert(
                            severity: .warning, time: timeline.split(segment.to),
                            subject: .suspiciousSegment(runner: runner, segment: segment)))
                }
            }
        }
        out += unknownChipAlerts()
        for gap in evaluation.sequenceGaps {
            out.append(
                Alert(severity: .warning, time: nil, subject: .sequenceGap(gap, point: files[gap.file].pointIndex)))
        }
        for r in evaluation.rejections {
            switch r.reason {
            case .unknownChip, .impossibleSplit:
                continue  // grouped above, or covered by the runner's impossible-split alert
            case .malformed:
                out.append(Alert(severity: .warning, time: r.time, subject: .rejectedLine(r)))
            default:
                out.append(Alert(severity: .notice, time: r.time, subject: .rejectedLine(r)))
            }
        }
        // Equal keys keep the order above (file and line order for rejections).
        // A silent mat is going on now, so it leads whatever time its last read was.
        // Sorted as small keys, not as alerts: a big race has thousands each snapshot.
        let keys = out.indices.map { i -> (Int, Int, Int, Millis, Int) in
            let a = out[i]
            return (-a.severity.rawValue, a.isOngoing ? 0 : 1, a.time == nil ? 1 : 0, -(a.time ?? 0), i)
        }
        return keys.sorted { $0 < $1 }.map { out[$0.4] }
    }

    /// Points that have read nothing for a while although runners are due there.
    public func silentMats(now: Millis, rule: SilentMatRule = SilentMatRule()) -> [SilentMat] {
        let stats = evaluation.pointStats
        var due = [Int](repeating: 0, count: event.points.count)
        var since = [Millis](repeating: .max, count: event.points.count)
        for standings in evaluation.standings {
            let race = event.races[standings.raceIndex]
            let checkpoints = race.checkpoints
            standings.rows.forEachChunk { _, rows in
                for i in rows.indices where rows[i].status == .onCourse {
                    guard let last = rows[i].lastCheckpoint, last < race.finishIndex, let t = rows[i].lastTimeOfDay
                    else { continue }
                    let next = checkpoints[last + 1]
                    let pace = rows[i].racePace ?? rows[i].segmentPace ?? rule.defaultPace
                    let arrival = t + Int(((next.km - checkpoints[last].km) * Double(pace)).rounded())
                    guard arrival + rule.grace <= now else { continue }
                    // Only runners due after the mat's last read say anything about the mat: one
                    // due before it, while the mat still read others, has slowed, stopped or was missed.
                    if let lastRead = stats[next.pointIndex].lastRead, arrival <= lastRead { continue }
                    due[next.pointIndex] += 1
                    since[next.pointIndex] = min(since[next.pointIndex], arrival)
                }
            }
        }
        var out: [SilentMat] = []
        for p in event.points.indices where due[p] >= rule.minimumDue {
            let last = stats[p].lastRead
            if let last, now - last < rule.quietFor { continue }
            out.append(SilentMat(point: p, lastRead: last, due: due[p], dueSince: since[p]))
        }
        return out
    }

    func unknownChipAlerts() -> [Alert] {
        var order: [String] = []
        var groups: [String: (reads: Int, points: [Int], first: LineRef, latest: Millis?)] = [:]
        for r in evaluation.rejections {
            guard case .unknownChip(let code) = r.reason else { continue }
            if var g = groups[code] {
                g.reads += 1
                if !g.points.contains(r.point) { g.points.append(r.point) }
                if let t = r.time, g.latest.map({ t > $0 }) ?? true { g.latest = t }
                groups[code] = g
            } else {
                order.append(code)
                groups[code] = (1, [r.point], r.ref, r.time)
            }
        }
        return order.map { code in
            let g = groups[code]!
            return Alert(
                severity: .warning, time: g.latest,
                subject: .unknownChip(code: code, reads: g.reads, points: g.points, first: g.first))
        }
    }

    /// One line for an official: what, who or where, and the file and line to look at.
    public func text(of alert: Alert) -> String {
        switch alert.subject {
        case .silentMat(let mat):
            let point = event.points[mat.point]
            let since = mat.lastRead.map { "no read since \(TimeFormat.timeOfDay($0))" } ?? "no read yet"
            let runners = mat.due == 1 ? "1 runner" : "\(mat.due) runners"
            return
                "silent mat \(point.id) (\(point.name)): \(since); \(runners) due since \(TimeFormat.timeOfDay(mat.dueSince))"
        case .impossibleSplit(let runner, let c, let ref):
            let cp = event.races[participants[runner].raceIndex].checkpoints[c].id
            return "impossible split to \(cp): \(who(runner)) (\(location(ref)))"
        case .missedSplit(let runner, let c):
            let cp = event.races[participants[runner].raceIndex].checkpoints[c].id
            return "missed split at \(cp): \(who(runner))"
        case .suspiciousSegment(let runner, let segment):
            return "suspicious segment \(segment.text(in: event.races[participants[runner].raceIndex])): \(who(runner))"
        case .unknownChip(let code, let reads, let points, let first):
            let at = points.map { event.points[$0].id }.joined(separator: ", ")
            let times = reads == 1 ? "1 read" : "\(reads) reads"
            return "unknown chip \(code): \(times) at \(at) (first \(location(first)))"
        case .rejectedLine(let r):
            var s = "\(location(r.ref)): \(r.reason)"
            if let runner = r.runner { s += " (bib \(participants[runner].bib))" }
            if let text = r.text { s += " | \(text)" }
            return s
        case .sequenceGap(let gap, _):
            return gap.message(event: event, files: files)
        }
    }

    private func who(_ runner: Int) -> String {
        let p = participants[runner]
        return "bib \(p.bib) \(p.name)"
    }

    /// `reads/km5.txt:123`
    private func location(_ ref: LineRef) -> String {
        let file = Int(ref.file)
        let path = files.indices.contains(file) ? files[file].path : "file \(file)"
        return ref.label(path: path)
    }
}
