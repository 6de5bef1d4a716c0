import RaceModel

/// An official's correction being entered on the dashboard: the action, a
/// value where it needs one (a hand time), a reason, then a confirmation.
/// Nothing is written before the official says yes.
public struct CorrectionPrompt: Sendable, Equatable {
    public enum Action: String, Sendable, CaseIterable {
        case dq, dnf, reinstate, split

        /// The key that picks it once `c` opened the prompt.
        public var key: Character {
            switch self {
            case .dq: return "d"
            case .dnf: return "f"
            case .reinstate: return "r"
            case .split: return "h"
            }
        }

        public var title: String {
            switch self {
            case .dq: return "DQ"
            case .dnf: return "DNF"
            case .reinstate: return "reinstate"
            case .split: return "hand time"
            }
        }
    }

    public enum Stage: Sendable, Equatable { case choose, value, reason, confirm }

    public var runner: Int
    public var action: Action?
    public var stage: Stage = .choose
    public var value = ""
    public var reason = ""
    /// Why the value was refused, shown beside the prompt until it is fixed.
    public var problem: String?

    public init(runner: Int) { self.runner = runner }
}

/// One row for the journal, as the dashboard asks for it to be written.
public struct CorrectionRequest: Sendable, Equatable {
    public var bib: String
    /// As `corrections.csv` names it: `dq`, `dnf`, `reinstate`, `split`.
    public var action: String
    public var value: String
    public var reason: String

    public init(bib: String, action: String, value: String, reason: String) {
        self.bib = bib
        self.action = action
        self.value = value
        self.reason = reason
    }
}
