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
        let points: [Int]
        if case .unknownChip(_, _, let all, _) = alert.subject {
            points = all
        } else {
            points = alert.point.map { [$0] } ?? []
        }
        return points.contains { point in event.races[race].checkpoints.contains { $0.pointIndex == point } }
    }

    /// The alerts of race `race` grouped by cause, in the order of their
    /// most urgent member.
    public func alertGroups(now: Millis, race: Int) -> [AlertGroup] {
        group(alerts(now: now).filter { concerns($0, race: race) })
    }

    /// Groups `alerts` (already in display order) by cause.
    public func group(_ alerts: [Alert]) -> [AlertGroup] {
        var groups: [AlertGroup] = []
        var position: [String: Int] = [:]
        for alert in alerts {
            let key = causeKey(of: alert)
            if let i = position[key] {
                groups[i].alerts.append(alert)
            } else {
                position[key] = groups.count
                groups.append(AlertGroup(key: key, alerts: [alert]))
            }
        }
        return groups
    }

    /// A silent mat and the splits missed at its point share a cause: the mat.
    func causeKey(of alert: Alert) -> String {
        switch alert.subject {
        case .silentMat(let mat): return "mat \(event.points[mat.point].id)"
        case .missedSplit(let runner, let c): return "mat \(pointID(runner: runner, checkpoint: c))"
        case .impossibleSplit(let runner, let c, _):
            return "impossible \(pointID(runner: runner, checkpoint: c))"
        case .suspiciousSegment(let runner, let segment):
            return "suspicious \(pointID(runner: runner, checkpoint: segment.to))"
        case .unknownChip: return "unknown chips"
        case .sequenceGap(let gap, _): return "passings \(filePath(gap.file))"
        case .rejectedLine(let r): return "rejected \(filePath(Int(r.ref.file))) \(r.reason.kind)"
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

    private func pointID(runner: Int, checkpoint: Int) -> String {
        event.points[event.races[participants[runner].raceIndex].checkpoints[checkpoint].pointIndex].id
    }

    private func filePath(_ file: Int) -> String { files.indices.contains(file) ? files[file].path : "file \(file)" }
}
