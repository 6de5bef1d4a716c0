import RaceModel

/// Alerts with one cause, shown as one line that expands: a mat's outage and
/// the splits it missed, one file's malformed lines, every unknown chip.
public struct AlertGroup: Sendable, Equatable {
    /// Stable across snapshots (point and file ids, not indices that a
    /// reload may renumber), so an acknowledgement sticks to its cause.
    public var key: String
    /// Most severe and most recent first, as `RaceSnapshot.alerts` orders them.
    public var alerts: [Alert]

    public var severity: Alert.Severity { alerts.first?.severity ?? .notice }
    /// The most urgent member's: a silent mat's last read, else the latest alert of the top severity.
    public var time: Millis? { alerts.first?.time }
    public var count: Int { alerts.count }
}

/// Which groups the official has seen, and how big each was then: a group
/// that grows afterwards (the mat missed more runners) is news again.
public struct AlertAcknowledgements: Sendable, Equatable {
    private var seen: [String: Int] = [:]

    public init() {}

    public mutating func acknowledge(_ group: AlertGroup) { seen[group.key] = group.count }

    public mutating func acknowledge(key: String, count: Int = 1) { seen[key] = count }

    public func isAcknowledged(_ group: AlertGroup) -> Bool { isAcknowledged(key: group.key, count: group.count) }

    public func isAcknowledged(key: String, count: Int = 1) -> Bool { (seen[key] ?? 0) >= count }

    public var isEmpty: Bool { seen.isEmpty }
}

extension RaceSnapshot {
    /// Whether an alert concerns race `race`: its runner is in it, or its
    /// timing point is on the race's course (a mat shared by two races shows
    /// under both).
    public func concerns(_ alert: Alert, race: Int) -> Bool {
        if let runner = alert.runner { return participants[runner].raceIndex == race }
        let checkpoints = event.races[race].checkpoints
        if case .unknownChip(_, _, let points, _) = alert.subject {
            return points.contains { point in checkpoints.contains { $0.pointIndex == point } }
        }
        guard let point = alert.point else { return false }
        return checkpoints.contains { $0.pointIndex == point }
    }

    /// The alerts of race `race` grouped by cause, in the order of their
    /// most urgent member. At the snapshot's own time, as worked out by
    /// `prepareAlertGroups` where it was called.
    public func alertGroups(now: Millis, race: Int) -> [AlertGroup] {
        if now == at, let prepared = alertGroupsAtSnapshot, prepared.indices.contains(race) { return prepared[race] }
        return group(alerts(now: now).filter { concerns($0, race: race) })
    }

    /// Works out the alerts and their groups for every race once, so that
    /// drawing a frame from the snapshot does neither.
    public mutating func prepareAlertGroups() {
        prepareAlerts()
        guard alertGroupsAtSnapshot == nil else { return }
        alertGroupsAtSnapshot = event.races.indices.map { alertGroups(now: at, race: $0) }
    }

    /// What alerts share to be one group; indices, so grouping thousands of
    /// alerts builds no text. The group's key is worded from it once.
    enum Cause: Hashable {
        /// A silent mat and the splits missed at its point share a cause: the mat.
        case mat(point: Int)
        case impossible(point: Int)
        case suspicious(point: Int)
        case unknownChips
        case passings(file: Int)
        case rejected(file: Int, kind: String)
    }

    /// Groups `alerts` (already in display order) by cause.
    public func group(_ alerts: [Alert]) -> [AlertGroup] {
        var groups: [AlertGroup] = []
        var position: [Cause: Int] = [:]
        for alert in alerts {
            let cause = cause(of: alert)
            if let i = position[cause] {
                groups[i].alerts.append(alert)
            } else {
                position[cause] = groups.count
                groups.append(AlertGroup(key: key(of: cause), alerts: [alert]))
            }
        }
        return groups
    }

    func cause(of alert: Alert) -> Cause {
        switch alert.subject {
        case .silentMat(let mat): return .mat(point: mat.point)
        case .missedSplit(let runner, let c): return .mat(point: pointIndex(runner: runner, checkpoint: c))
        case .impossibleSplit(let runner, let c, _):
            return .impossible(point: pointIndex(runner: runner, checkpoint: c))
        case .suspiciousSegment(let runner, let segment):
            return .suspicious(point: pointIndex(runner: runner, checkpoint: segment.to))
        case .unknownChip: return .unknownChips
        case .sequenceGap(let gap, _): return .passings(file: gap.file)
        case .rejectedLine(let r): return .rejected(file: Int(r.ref.file), kind: r.reason.kind)
        }
    }

    /// Point ids and file paths, not indices: a reload may renumber those.
    func key(of cause: Cause) -> String {
        switch cause {
        case .mat(let point): return "mat \(event.points[point].id)"
        case .impossible(let point): return "impossible \(event.points[point].id)"
        case .suspicious(let point): return "suspicious \(event.points[point].id)"
        case .unknownChips: return "unknown chips"
        case .passings(let file): return "passings \(filePath(file))"
        case .rejected(let file, let kind): return "rejected \(filePath(file)) \(kind)"
        }
    }

    /// One line for the group: the member's own line when it is alone.
    public func text(of group: AlertGroup) -> String {
        guard let first = group.alerts.first else { return "" }
        if group.count == 1 { return text(of: first) }
        let n = group.count
        switch first.subject {
        case .silentMat(let mat):
            let missed = n - 1
            let point = event.points[mat.point]
            let since = mat.lastRead.map { "no read since \(TimeFormat.timeOfDay($0))" } ?? "no read yet"
            let due = "\(mat.due) runner\(mat.due == 1 ? "" : "s") due since \(TimeFormat.timeOfDay(mat.dueSince))"
            return "\(point.id) silent: \(since), \(due); \(missed) missed split\(missed == 1 ? "" : "s")"
        case .missedSplit(let runner, let c):
            return "\(pointID(runner: runner, checkpoint: c)): \(n) missed splits"
        case .impossibleSplit(let runner, let c, _):
            return "\(pointID(runner: runner, checkpoint: c)): \(n) impossible splits"
        case .suspiciousSegment(let runner, let segment):
            return "\(n) suspicious segments to \(pointID(runner: runner, checkpoint: segment.to))"
        case .unknownChip:
            var reads = 0
            for a in group.alerts { if case .unknownChip(_, let r, _, _) = a.subject { reads += r } }
            return "\(n) unknown chips, \(reads) reads"
        case .sequenceGap(let gap, _):
            return "\(filePath(gap.file)): \(n) breaks in the passing numbers"
        case .rejectedLine(let r):
            return "\(filePath(Int(r.ref.file))): \(n) lines rejected, \(r.reason.kind)"
        }
    }

    private func pointIndex(runner: Int, checkpoint: Int) -> Int {
        event.races[participants[runner].raceIndex].checkpoints[checkpoint].pointIndex
    }

    private func pointID(runner: Int, checkpoint: Int) -> String {
        event.points[pointIndex(runner: runner, checkpoint: checkpoint)].id
    }

    private func filePath(_ file: Int) -> String { files.indices.contains(file) ? files[file].path : "file \(file)" }
}
