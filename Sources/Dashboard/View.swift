/// The dashboard's screens, numbered as their keys.
public enum View: Int, Sendable, CaseIterable {
    case elite = 1, field, checkpoints, runner, alerts, announcer

    public var title: String {
        switch self {
        case .elite: return "Elite"
        case .field: return "Field"
        case .checkpoints: return "Checkpoints"
        case .runner: return "Runner"
        case .alerts: return "Alerts"
        case .announcer: return "Announcer"
        }
    }
}
