import RaceModel
import Snapshots
import ScreenGrid

/// What every part of one frame draws from; alerts are derived once per frame.
struct RenderContext {
    let snapshot: RaceSnapshot
    let ui: UIState
    let feed: FeedStatus
    let width: Int
    let height: Int
    let alerts: [Alert]
    /// Status counts of the selected race: the header needs them on every view.
    let counts: StatusCounts
    /// Feed problems and the race's alert groups, as the ticker and the alerts view show them.
    let alertList: AlertList

    init(_ snapshot: RaceSnapshot, ui: UIState, feed: FeedStatus, width: Int, height: Int) {
        self.snapshot = snapshot
        self.ui = ui
        self.feed = feed
        self.width = width
        self.height = height
        alerts = snapshot.alerts(now: feed.clock)
        alertList = AlertList(snapshot, ui: ui, now: feed.clock, feedProblems: feed.problems)
        counts = snapshot.raceIndex(ui).map { snapshot.standings(race: $0).statusCounts } ?? StatusCounts()
    }

    var event: EventConfig { snapshot.event }
    var raceIndex: Int? { snapshot.raceIndex(ui) }
    var race: Race? { raceIndex.map { event.races[$0] } }
    var top: Int { Layout.contentTop }
    var contentRows: Int { Layout.contentRows(height: height) }

    var silentPoints: [Int: SilentMat] {
        var out: [Int: SilentMat] = [:]
        for a in alerts {
            if case .silentMat(let mat) = a.subject { out[mat.point] = mat }
        }
        return out
    }

    func participant(_ s: Standing) -> Participant { snapshot.participants[s.runner] }

    /// `FIN`, `DNS`, `DNF`, `DQ` or the id of the last checkpoint reached.
    func lastLabel(_ s: Standing, race: Race) -> String {
        switch s.status {
        case .finished, .overTimeLimit, .dnf, .disqualified, .dns: return s.status.rawValue
        case .onCourse: return s.lastCheckpoint.map { race.checkpoints[$0].id } ?? ""
        }
    }

    /// A one-column marker for flags, so they show without colour.
    static func flagMarker(_ flags: RunnerFlags) -> String {
        if flags.contains(.impossibleSplit) || flags.contains(.missedSplit) { return "!" }
        if flags.contains(.overdue) { return "?" }
        if flags.contains(.noStartRead) || flags.contains(.backupUsed) { return "·" }
        return ""
    }
}
