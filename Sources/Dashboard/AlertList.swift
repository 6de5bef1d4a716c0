import RaceModel
import Snapshots

/// The rows of the alerts view and the ticker's source: feed problems, then
/// the selected race's alert groups (an expanded group followed by its
/// members); what the official acknowledged goes last. Shared by the view
/// and the key handler so a selected row means the same to both.
struct AlertList {
    enum Row {
        case feed(String)
        /// A group; members follow it when it is expanded.
        case group(AlertGroup, expanded: Bool)
        case member(Alert, group: AlertGroup)
    }

    struct Entry {
        var row: Row
        var acknowledged: Bool
    }

    let entries: [Entry]
    /// Alert groups of the race, acknowledged or not.
    let groups: [AlertGroup]
    let feedProblems: [String]
    /// Not acknowledged: what the ticker and the tab count show.
    let newFeedProblems: [String]
    let newGroups: [AlertGroup]

    static func feedKey(_ problem: String) -> String { "feed " + problem }

    init(_ snapshot: RaceSnapshot, ui: UIState, now: Millis, feedProblems: [String]) {
        let race = snapshot.raceIndex(ui)
        groups = race.map { snapshot.alertGroups(now: now, race: $0) } ?? []
        self.feedProblems = feedProblems
        let acks = ui.acknowledged
        newFeedProblems = feedProblems.filter { !acks.isAcknowledged(key: Self.feedKey($0)) }
        newGroups = groups.filter { !acks.isAcknowledged($0) }
        var fresh: [Entry] = []
        var seen: [Entry] = []
        for problem in feedProblems {
            let entry = Entry(row: .feed(problem), acknowledged: acks.isAcknowledged(key: Self.feedKey(problem)))
            if entry.acknowledged { seen.append(entry) } else { fresh.append(entry) }
        }
        for group in groups {
            let acked = acks.isAcknowledged(group)
            let expanded = group.count > 1 && ui.expandedAlertGroups.contains(group.key)
            var rows = [Entry(row: .group(group, expanded: expanded), acknowledged: acked)]
            if expanded { rows += group.alerts.map { Entry(row: .member($0, group: group), acknowledged: acked) } }
            if acked { seen += rows } else { fresh += rows }
        }
        entries = fresh + seen
    }

    var count: Int { entries.count }

    /// The key to acknowledge for a row, and the count it covers.
    static func acknowledgement(of row: Row) -> (key: String, count: Int) {
        switch row {
        case .feed(let problem): return (feedKey(problem), 1)
        case .group(let group, _), .member(_, let group): return (group.key, group.count)
        }
    }
}
