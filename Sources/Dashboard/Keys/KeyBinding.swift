import ScreenGrid

/// Whether the dashboard is replaying a recorded feed or following a live one;
/// some keys only make sense in one of them.
public enum KeyMode: Sendable, CaseIterable {
    case replay, live

    public var title: String {
        switch self {
        case .replay: return "replay"
        case .live: return "live"
        }
    }
}

extension FeedStatus.Mode {
    public var keyMode: KeyMode {
        switch self {
        case .live: return .live
        case .replay: return .replay
        }
    }
}

/// What a key does. Some actions read the key itself: `showView` the digit,
/// `move` the arrow or page key.
public enum KeyAction: Sendable, Equatable {
    case quit, toggleHelp, back
    case showView, nextView, previousView
    case eliteView, fieldView, eliteDivision, amateurDivision
    case nextRace, previousRace
    case move, open
    case search, nextMatch, previousMatch
    case changeFilter, nextFilter, clearFilters
    case correct
    case acknowledge, acknowledgeAll
    case togglePause, faster, slower
    /// Moves the replay clock by that many minutes, back when negative.
    case seekMinutes(Int)
    case goTo
}

/// One row of the key table: the keys, what they do, where they apply and
/// how the help overlay, the bottom hints and docs/dashboard.md name them.
public struct KeyBinding: Sendable {
    /// How the help and docs/dashboard.md name the keys (`q, Ctrl-C`).
    public let label: String
    public let keys: [Key]
    public let action: KeyAction
    /// One line in the help overlay; short enough for two columns at 80.
    public let description: String
    /// Bottom-line hint, key first (`/ find`); nil keeps it out of the hints.
    public let hint: String?
    /// Views where the keys work; empty means every view.
    public let views: [View]
    public let modes: [KeyMode]

    public init(
        _ label: String, _ keys: [Key], _ action: KeyAction, _ description: String, hint: String? = nil,
        views: [View] = [], modes: [KeyMode] = [.replay, .live]
    ) {
        self.label = label
        self.keys = keys
        self.action = action
        self.description = description
        self.hint = hint
        self.views = views
        self.modes = modes
    }

    public func applies(in view: View, mode: KeyMode) -> Bool {
        (views.isEmpty || views.contains(view)) && modes.contains(mode)
    }

    /// Where the keys work, for the docs: `every view`, `Field`, `Field, Runner; live`.
    public var scope: String {
        var text = views.isEmpty ? "every view" : views.map(\.title).joined(separator: ", ")
        if modes.count == 1, let mode = modes.first { text += "; " + mode.title + " only" }
        return text
    }
}
