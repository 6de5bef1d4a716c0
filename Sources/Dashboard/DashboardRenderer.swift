import RaceModel
import Snapshots
import ScreenGrid

/// Snapshot + UI state → frame. Pure: no terminal, no clock, no I/O, so any
/// screen can be rendered and checked at any size.
public enum DashboardRenderer {
    public static let minimumSize = (width: 80, height: 24)

    public static func render(_ snapshot: RaceSnapshot, ui: UIState, feed: FeedStatus, width: Int, height: Int) -> Frame
    {
        var frame = Frame(width: width, height: height)
        guard width >= minimumSize.width, height >= minimumSize.height else {
            drawTooSmall(into: &frame)
            return frame
        }
        let c = RenderContext(snapshot, ui: ui, feed: feed, width: width, height: height)
        Chrome.drawHeader(c, into: &frame)
        switch ui.view {
        case .elite: EliteView.draw(c, into: &frame)
        case .field: FieldView.draw(c, into: &frame)
        case .checkpoints: CheckpointsView.draw(c, into: &frame)
        case .runner: RunnerView.draw(c, into: &frame)
        case .alerts: AlertsView.draw(c, into: &frame)
        case .announcer: AnnouncerView.draw(c, into: &frame)
        }
        Chrome.drawBottom(c, into: &frame)
        if ui.showHelp {
            HelpOverlay.draw(into: &frame, width: width, height: height, view: ui.view, mode: feed.mode.keyMode)
        }
        return frame
    }

    /// The message, word-wrapped from the top left so even a tiny terminal shows as much as it can.
    static func drawTooSmall(into frame: inout Frame) {
        let message =
            "terminal too small: need \(minimumSize.width)x\(minimumSize.height), have \(frame.width)x\(frame.height)"
        var y = 0
        var line = ""
        for word in message.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if TextWidth.of(candidate) > frame.width, !line.isEmpty {
                frame.put(line, x: 0, y: y, style: Theme.warning)
                y += 1
                line = String(word)
            } else {
                line = candidate
            }
        }
        frame.put(line, x: 0, y: y, style: Theme.warning)
    }
}
