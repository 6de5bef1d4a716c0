import RaceModel

/// An immutable picture of the race at one time of day: what the dashboard
/// and `results` draw from. Cheap to pass across threads.
public struct RaceSnapshot: Sendable {
    public let event: EventConfig
    public let participants: [Participant]
    public let files: [ReadFileInfo]
    public let evaluation: Evaluation
    /// Every gun marker read so far, for comparing with configured guns.
    public let gunMarkers: [GunMarker]
    /// Increases whenever the state changes; equal versions mean equal snapshots.
    public let version: Int
    /// Time span of the whole feed loaded so far (for replay progress).
    public let feedStart: Millis?
    public let feedEnd: Millis?
    /// Alerts at the snapshot's own time, once `prepareAlerts` has worked
    /// them out: the dashboard's fetcher does so off the screen's thread (and
    /// outside the race state, which goes on taking reads meanwhile), so
    /// drawing a frame never recomputes them. Nil until then.
    public private(set) var alertsAtSnapshot: [Alert]? = nil
    /// Those alerts grouped by cause for each race, once `prepareAlertGroups`
    /// has worked them out (`AlertGroups.swift`). Nil until then.
    public internal(set) var alertGroupsAtSnapshot: [[AlertGroup]]? = nil
    /// Positions in each race's standings of each division's runners, once
    /// `prepareDivisionRows` has listed them (`DivisionRows.swift`). Nil until then.
    public internal(set) var divisionRowsAtSnapshot: [[[Int32]]]? = nil
    /// Each race's announcer queue, once `prepareAnnouncerQueues` has worked
    /// them out (`AnnouncerQueue.swift`). Nil until then.
    public internal(set) var announcerQueuesAtSnapshot: [AnnouncerQueue]? = nil

    public init(
        event: EventConfig, participants: [Participant], files: [ReadFileInfo], evaluation: Evaluation,
        gunMarkers: [GunMarker], version: Int, feedStart: Millis?, feedEnd: Millis?
    ) {
        self.event = event
        self.participants = participants
        self.files = files
        self.evaluation = evaluation
        self.gunMarkers = gunMarkers
        self.version = version
        self.feedStart = feedStart
        self.feedEnd = feedEnd
    }

    public var at: Millis { evaluation.at }

    /// Works out the alerts at the snapshot's time once, for every frame drawn from it.
    public mutating func prepareAlerts() {
        if alertsAtSnapshot == nil { alertsAtSnapshot = computeAlerts(now: evaluation.at, rule: SilentMatRule()) }
    }

    public func standings(race: Int) -> RaceStandings { evaluation.standings[race] }

    /// Runners of every race by status.
    public var counts: StatusCounts {
        evaluation.standings.reduce(StatusCounts()) { $0 + $1.statusCounts }
    }
}
