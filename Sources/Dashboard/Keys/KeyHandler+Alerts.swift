import RaceModel
import Snapshots

/// The alerts view's keys: Enter opens a group or an alert's runner, `k`
/// acknowledges the selected row, `K` everything listed.
extension KeyHandler {
    /// The rows as the alerts view drew them.
    static func alertList(_ ui: UIState, _ c: Context) -> AlertList {
        AlertList(c.snapshot, ui: ui, now: c.now, feedProblems: c.feedProblems)
    }

    static func openAlert(_ ui: inout UIState, _ c: Context) {
        let list = alertList(ui, c)
        guard list.entries.indices.contains(ui.selected) else { return }
        let runner: Int?
        switch list.entries[ui.selected].row {
        case .group(let group, _) where group.count > 1:
            if ui.expandedAlertGroups.remove(group.key) == nil { ui.expandedAlertGroups.insert(group.key) }
            return
        case .feed:
            ui.message = "a feed problem: the checkpoints view (3) lists every read file"
            return
        case .group(let group, _):
            runner = group.alerts[0].runner
        case .member(let alert, _):
            runner = alert.runner
        }
        if let runner { openRunner(&ui, runner) } else { ui.message = "this alert is not about one runner" }
    }

    /// Seen: it leaves the ticker and goes to the end of the list until its group grows.
    static func acknowledgeSelected(_ ui: inout UIState, _ c: Context) {
        let list = alertList(ui, c)
        guard list.entries.indices.contains(ui.selected) else { return }
        let ack = AlertList.acknowledgement(of: list.entries[ui.selected].row)
        ui.acknowledged.acknowledge(key: ack.key, count: ack.count)
    }

    static func acknowledgeAll(_ ui: inout UIState, _ c: Context) {
        for entry in alertList(ui, c).entries {
            let ack = AlertList.acknowledgement(of: entry.row)
            ui.acknowledged.acknowledge(key: ack.key, count: ack.count)
        }
        ui.position = ListPosition()
    }
}
