import RaceModel
import Snapshots
import ScreenGrid

/// The lines every view shares: title bar, counts and feed progress, alert
/// ticker and view tabs on top; key hints or the input prompt at the bottom.
enum Chrome {
    static func drawHeader(_ c: RenderContext, into frame: inout Frame) {
        drawTitle(c, into: &frame)
        drawCounts(c, into: &frame)
        drawTicker(c, into: &frame)
        drawTabs(c, into: &frame)
    }

    static func modeLabel(_ feed: FeedStatus) -> (String, CellStyle) {
        switch feed.mode {
        case .live:
            if let c = feed.catchingUp { return (" CATCHING UP \(c.done)/\(c.of) ", Theme.paused) }
            return (" LIVE ", Theme.live)
        case .replay(let speed, let paused):
            if feed.replayEnded { return (" FEED ENDED ", Theme.paused) }
            return paused
                ? (" PAUSED \(Fmt.speed(speed)) ", Theme.paused) : (" REPLAY \(Fmt.speed(speed)) ", Theme.replay)
        }
    }

    static let endOfFeed =
        "end of the feed: the standings of racedash results · ← [ seek back · g go to"

    /// Race clock since the race's first gun; before it, a countdown.
    static func raceClock(_ c: RenderContext) -> String {
        guard let race = c.race else { return "" }
        let elapsed = c.feed.clock - race.firstGun
        return elapsed >= 0 ? "race \(TimeFormat.duration(elapsed))" : "gun in \(TimeFormat.duration(-elapsed))"
    }

    static func drawTitle(_ c: RenderContext, into frame: inout Frame) {
        frame.fill(row: 0, style: Theme.titleBar)
        let (mode, modeStyle) = modeLabel(c.feed)
        let right = "\(TimeFormat.timeOfDay(c.feed.clock))  \(raceClock(c)) "
        let modeX = c.width - TextWidth.of(mode)
        let rightX = modeX - TextWidth.of(right)
        var race = ""
        if let r = c.race {
            race = " · \(r.name)"
            if c.event.races.count > 1, let i = c.raceIndex { race += " (\(i + 1)/\(c.event.races.count))" }
        }
        frame.put(titleText(event: c.event.name, race: race, width: rightX - 1), x: 0, y: 0, style: Theme.titleBar)
        frame.put(right, x: rightX, y: 0, style: Theme.titleBar)
        frame.put(mode, x: modeX, y: 0, style: modeStyle)
    }

    /// Event and race in `width` columns: the event name gives way first, with
    /// an ellipsis, so the race shown stays readable; never cut mid-word unmarked.
    static func titleText(event: String, race: String, width: Int) -> String {
        let full = " " + event + race
        guard TextWidth.of(full) > width else { return full }
        let eventRoom = width - 1 - TextWidth.of(race)
        if eventRoom >= 8 { return " " + cutAtWord(event, to: eventRoom) + race }
        return " " + cutAtWord(event + race, to: max(0, width - 1))
    }

    /// Cut to `width` with an ellipsis, at the end of a word where there is one.
    static func cutAtWord(_ text: String, to width: Int) -> String {
        let cut = TextWidth.truncate(text, to: width)
        guard cut.last == TextWidth.ellipsis else { return cut }
        let kept = cut.dropLast()
        let clean = TextWidth.sanitize(text)
        // Mid-word when the text goes on with something other than a space.
        guard kept.count < clean.count, clean[clean.index(clean.startIndex, offsetBy: kept.count)] != " ",
            let space = kept.lastIndex(of: " "), kept.distance(from: kept.startIndex, to: space) >= 4
        else { return cut }
        return String(kept[..<space]) + String(TextWidth.ellipsis)
    }

    static func drawCounts(_ c: RenderContext, into frame: inout Frame) {
        var text = " "
        if let i = c.raceIndex {
            let rows = c.snapshot.standings(race: i).rows
            let n = c.counts
            text +=
                "Started \(Fmt.count(n.started)) · On course \(Fmt.count(n.onCourse)) · Finished \(Fmt.count(n.finished))"
            if n.overTimeLimit > 0 { text += " · Over limit \(Fmt.count(n.overTimeLimit))" }
            if n.dnf > 0 { text += " · DNF \(Fmt.count(n.dnf))" }
            if n.disqualified > 0 { text += " · DQ \(Fmt.count(n.disqualified))" }
            if c.snapshot.evaluation.isFinal { text += " · FINAL" }
            if c.width >= 140 { text += " · of \(Fmt.count(rows.count)) entered" }
        }
        let used = frame.put(text, x: 0, y: 1, style: Theme.strong)
        let x = used + 2
        let room = c.width - x - 1
        switch c.feed.mode {
        case .replay:
            drawProgress(c, into: &frame, x: x, width: room)
        case .live:
            drawLastRead(c, into: &frame, x: x, width: room)
        }
    }

    /// `09:00:00 ▕██████░░░░▏ 13:12:45  45%`, ends dropped when narrow.
    static func drawProgress(_ c: RenderContext, into frame: inout Frame, x: Int, width: Int) {
        guard let start = c.feed.feedStart, let end = c.feed.feedEnd, end > start, width >= 12 else { return }
        let fraction = min(1, max(0, Double(c.feed.clock - start) / Double(end - start)))
        let pct = " \(Int(fraction * 100))%"
        let showEnds = width >= 44
        let left = showEnds ? TimeFormat.timeOfDay(start) + " " : ""
        let right = showEnds ? " " + TimeFormat.timeOfDay(end) : ""
        let barWidth = width - TextWidth.of(left) - TextWidth.of(right) - TextWidth.of(pct) - 2
        guard barWidth >= 4 else { return }
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        var col = x + width - (TextWidth.of(left) + barWidth + 2 + TextWidth.of(right) + TextWidth.of(pct))
        col += frame.put(left, x: col, y: 1, style: Theme.dim)
        col += frame.put("▕", x: col, y: 1)
        col += frame.put(String(repeating: "█", count: filled), x: col, y: 1, style: Theme.bar)
        col += frame.put(String(repeating: "░", count: barWidth - filled), x: col, y: 1, style: Theme.dim)
        col += frame.put("▏", x: col, y: 1)
        col += frame.put(right, x: col, y: 1, style: Theme.dim)
        frame.put(pct, x: col, y: 1, style: Theme.strong)
    }

    /// Live: how long since any mat read anything; a quiet feed is a warning.
    static func drawLastRead(_ c: RenderContext, into frame: inout Frame, x: Int, width: Int) {
        // Not race day: "last read N ago" against the wall clock would mean nothing.
        if c.feed.clockFollowsReads {
            let long = "! \(c.event.date) is not today: the clock follows the newest read"
            let text = [long, "! not race day: clock = newest read", "! clock = newest read"].first {
                TextWidth.of($0) <= width
            }
            if let text { frame.put(text, x: x + width - TextWidth.of(text), y: 1, style: Theme.warning) }
            return
        }
        let last = c.snapshot.evaluation.pointStats.compactMap(\.lastRead).max()
        let now = c.feed.wallNow ?? c.feed.clock
        let text: String
        var style = Theme.dim
        if let last {
            let ago = now - last
            text = ago > 60_000 ? "! last read \(Fmt.ago(ago)) ago" : "last read \(Fmt.ago(ago)) ago"
            if ago > 60_000 { style = Theme.warning }
        } else {
            text = "! no reads yet"
            style = Theme.warning
        }
        let w = TextWidth.of(text)
        guard w <= width else { return }
        frame.put(text, x: x + width - w, y: 1, style: style)
    }

    static func severityMarker(_ s: Alert.Severity) -> (String, CellStyle) {
        switch s {
        case .critical: return ("!!", Theme.alert)
        case .warning: return ("! ", Theme.warning)
        case .notice: return ("· ", Theme.plain)
        }
    }

    /// Where the alerts are: the ticker says it in so many words.
    static let openAlerts = "5: alerts"

    /// Feed problems first, all of them on the line; else the most urgent
    /// alert group not yet acknowledged. Always ends with how to open the list.
    static func drawTicker(_ c: RenderContext, into frame: inout Frame) {
        let list = c.alertList
        if !list.newFeedProblems.isEmpty {
            let (marker, style) = severityMarker(.critical)
            let more = " \(openAlerts) "
            let moreWidth = TextWidth.of(more)
            let count = list.newFeedProblems.count
            let x = frame.put(" \(marker) FEED\(count > 1 ? " \(count):" : "") ", x: 0, y: 2, style: style)
            let text = list.newFeedProblems.joined(separator: " · ")
            frame.put(TextWidth.truncate(text, to: c.width - x - moreWidth - 1), x: x, y: 2, style: style)
            frame.put(more, x: c.width - moreWidth, y: 2, style: Theme.dim)
            return
        }
        guard let first = list.newGroups.first else {
            let seen = list.groups.count + list.feedProblems.count
            let text = seen > 0 ? " no new alerts (\(Fmt.count(seen)) acknowledged) · \(openAlerts)" : " no alerts"
            frame.put(text, x: 0, y: 2, style: Theme.dim)
            return
        }
        let (marker, style) = severityMarker(first.severity)
        let others = list.newGroups.count - 1
        let more = others > 0 ? " +\(Fmt.count(others)) more · \(openAlerts) " : " \(openAlerts) "
        let moreWidth = TextWidth.of(more)
        var x = frame.put(" \(marker) ", x: 0, y: 2, style: style)
        if let t = first.time { x += frame.put("\(TimeFormat.timeOfDay(t)) ", x: x, y: 2, style: style) }
        let text = TextWidth.truncate(c.snapshot.text(of: first), to: c.width - x - moreWidth - 1)
        frame.put(text, x: x, y: 2, style: style)
        frame.put(more, x: c.width - moreWidth, y: 2, style: Theme.dim)
    }

    static func drawTabs(_ c: RenderContext, into frame: inout Frame) {
        var x = 0
        for view in View.allCases {
            var label = " \(view.rawValue) \(view.title)"
            let fresh = c.alertList.newGroups.count + c.alertList.newFeedProblems.count
            if view == .alerts, fresh > 0 { label += " \(Fmt.count(fresh))" }
            label += " "
            x += frame.put(label, x: x, y: 3, style: view == c.ui.view ? Theme.tab : Theme.plain)
        }
        // The race hint goes first when the tabs leave no room for both.
        let hints = c.event.races.count > 1 ? ["r: next race  ?: help ", "?: help "] : ["?: help "]
        if let right = hints.first(where: { x + TextWidth.of($0) + 1 <= c.width }) {
            frame.put(right, x: c.width - TextWidth.of(right), y: 3, style: Theme.dim)
        }
    }

    static func drawBottom(_ c: RenderContext, into frame: inout Frame) {
        let y = c.height - 1
        let ui = c.ui
        if ui.searchActive {
            drawPrompt("Find bib or name: ", ui.search, "Enter jump · Esc cancel", into: &frame, y: y, width: c.width)
            return
        }
        if ui.gotoActive {
            drawPrompt(
                "Go to time of day (HH:MM[:SS]): ", ui.gotoText, "Enter go · Esc cancel", into: &frame, y: y,
                width: c.width)
            return
        }
        if ui.countryActive {
            drawPrompt(
                "Country (code such as PRK; empty: all): ", ui.countryText, "Enter filter · Esc cancel", into: &frame,
                y: y, width: c.width)
            return
        }
        if let prompt = ui.correction {
            drawCorrection(prompt, c, into: &frame, y: y)
            return
        }
        if let message = ui.message {
            // A message wider than the screen ends in "…", so it is seen to be cut.
            frame.put(" ! " + TextWidth.truncate(message, to: c.width - 4), x: 0, y: y, style: Theme.warning)
            return
        }
        if c.feed.replayEnded {
            frame.put(" ■ " + TextWidth.truncate(endOfFeed, to: c.width - 4), x: 0, y: y, style: Theme.strong)
            return
        }
        let items = KeyBindings.hints(view: ui.view, mode: c.feed.mode.keyMode)
        var x = 1
        for item in items {
            let w = TextWidth.of(item)
            if x + w > c.width - 1 { break }
            // The key is the first word: bold, so the hint reads without colour.
            let parts = item.split(separator: " ", maxSplits: 1)
            x += frame.put(String(parts[0]), x: x, y: y, style: Theme.strong)
            if parts.count > 1 { x += frame.put(" " + parts[1], x: x, y: y, style: Theme.dim) }
            x += 2
        }
    }

    /// Each step of a correction on the bottom line: the action, the value, the reason, yes or no.
    static func drawCorrection(_ prompt: CorrectionPrompt, _ c: RenderContext, into frame: inout Frame, y: Int) {
        let bib = "bib \(c.snapshot.participants[prompt.runner].bib)"
        let title = prompt.action?.title ?? ""
        switch prompt.stage {
        case .choose:
            let choices = CorrectionPrompt.Action.allCases.map { "\($0.key) \($0.title)" }.joined(separator: " · ")
            frame.fill(row: y, style: Theme.input)
            frame.put(" Correct \(bib): \(choices) · Esc cancel", x: 0, y: y, style: Theme.input)
        case .value:
            drawPrompt(
                "Hand time, \(bib) (CHECKPOINT HH:MM:SS): ", prompt.value, "Enter next · Esc cancel",
                problem: prompt.problem, into: &frame, y: y, width: c.width)
        case .reason:
            drawPrompt(
                "Reason for \(title), \(bib): ", prompt.reason, "Enter next · Esc cancel", problem: prompt.problem,
                into: &frame, y: y, width: c.width)
        case .confirm:
            let value = prompt.action == .split ? " \(prompt.value)" : ""
            frame.fill(row: y, style: Theme.warning)
            frame.put(
                " Write \(title)\(value) for \(bib) (\(prompt.reason)) to \(Correction.journalName)? y yes · n no",
                x: 0, y: y, style: Theme.warning)
        }
    }

    /// A line being typed, with the key hint (or `problem`, why Enter
    /// refused it) at the right. A refusal that does not fit beside the
    /// question takes the question's place: once asked, why the answer was
    /// refused matters more. Text longer than its room shows its end, where
    /// the typing is.
    static func drawPrompt(
        _ label: String, _ text: String, _ hint: String, problem: String? = nil, into frame: inout Frame, y: Int,
        width: Int
    ) {
        frame.fill(row: y, style: Theme.input)
        let note = problem ?? hint
        let noteWidth = TextWidth.of(note) + 2
        // Room for the note beside the question and a few characters of the answer.
        let besideQuestion = 1 + TextWidth.of(label) + min(TextWidth.of(text), 12) + 1 + noteWidth <= width
        var x = 0
        var noteShown = besideQuestion
        if !besideQuestion, let problem {
            x = frame.put(
                " ! " + TextWidth.truncate(problem, to: max(width / 2, width - 16)) + " › ", x: 0, y: y,
                style: Theme.warning)
            noteShown = false
        } else {
            x = frame.put(" " + label, x: 0, y: y, style: Theme.input)
        }
        let room = max(1, width - x - 1 - (noteShown ? noteWidth : 0))
        x += frame.put(tail(text, width: room), x: x, y: y, style: CellStyle(attributes: [.bold, .underline]))
        x += frame.put("_", x: x, y: y, style: CellStyle(attributes: [.bold, .reverse]))
        if noteShown && x + noteWidth <= width {
            frame.put(note, x: width - noteWidth + 1, y: y, style: problem == nil ? Theme.dim : Theme.warning)
        }
    }

    /// The end of `text` in at most `width` columns, `…` first where it was cut.
    static func tail(_ text: String, width: Int) -> String {
        guard TextWidth.of(text) > width else { return text }
        var kept: [Character] = []
        var used = 1
        for ch in text.reversed() {
            let w = TextWidth.of(ch)
            if used + w > width { break }
            kept.append(ch)
            used += w
        }
        return "…" + String(kept.reversed())
    }
}
