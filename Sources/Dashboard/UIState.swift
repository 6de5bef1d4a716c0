import RaceModel
import Snapshots

/// Scroll offset and selected row of one list.
public struct ListPosition: Sendable, Equatable {
    public var scroll: Int
    public var selected: Int
    public init(scroll: Int = 0, selected: Int = 0) {
        self.scroll = scroll
        self.selected = selected
    }
}

/// Filters of the field list. Places shown stay those within the whole race.
public struct FieldFilters: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable {
        case sex, ageGroup, country
        public var title: String {
            switch self {
            case .sex: return "sex"
            case .ageGroup: return "age"
            case .country: return "country"
            }
        }
    }

    public var sex: Sex?
    /// Index into the event's age groups.
    /// An age group of the default bounds, any sex (the sex filter goes beside it).
    public var ageGroup: Int?
    public var country: String?

    public init(sex: Sex? = nil, ageGroup: Int? = nil, country: String? = nil) {
        self.sex = sex
        self.ageGroup = ageGroup
        self.country = country
    }

    public var isEmpty: Bool { sex == nil && ageGroup == nil && country == nil }
}

/// Everything the user has chosen. The loop keeps it between frames and
/// passes it to `DashboardRenderer.render` and `KeyHandler.handle`.
public struct UIState: Sendable, Equatable {
    public var view: View = .elite
    /// Where Esc leads from the runner view.
    public var returnView: View = .field
    /// Index into the event's races.
    public var race: Int = 0
    /// Division shown in the field list; nil shows everyone.
    public var division: Division? = .amateur
    /// Each view keeps its own place, so going to a runner and back loses nothing.
    public var positions: [View: ListPosition] = [:]
    public var search: String = ""
    public var searchActive = false
    /// The last confirmed search, for `n` (next match).
    public var lastSearch: String = ""
    public var filters = FieldFilters()
    /// The filter `f` changes; `F` moves to the next one.
    public var filterFocus: FieldFilters.Field = .sex
    /// Participant index shown in the runner view.
    public var runner: Int?
    public var showHelp = false
    public var gotoText: String = ""
    public var gotoActive = false
    /// The country filter is typed (`f` with the country filter in focus), not stepped through.
    public var countryText: String = ""
    public var countryActive = false
    /// A one-off note for the bottom line (no match, bad time); cleared by the next key.
    public var message: String?
    /// Where the selection was when a search began, so Esc can put it back.
    public var searchOrigin: ListPosition?
    /// A correction being entered (`c` on the runner view or the field list).
    public var correction: CorrectionPrompt?
    /// Alert groups and feed problems the official has seen (`k`).
    public var acknowledged = AlertAcknowledgements()
    /// Alert groups opened to list their members (Enter on the group).
    public var expandedAlertGroups: Set<String> = []

    public init() {}

    public var position: ListPosition {
        get { positions[view] ?? ListPosition() }
        set { positions[view] = newValue }
    }

    /// Scroll offset of the current view.
    public var scroll: Int {
        get { position.scroll }
        set { position.scroll = newValue }
    }

    /// Selected row of the current view.
    public var selected: Int {
        get { position.selected }
        set { position.selected = newValue }
    }

    public var inputActive: Bool { searchActive || gotoActive || countryActive || correction != nil }
}
