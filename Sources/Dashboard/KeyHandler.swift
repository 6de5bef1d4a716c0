import Foundation
import RaceModel
import Snapshots
import ScreenGrid

/// Keys to UI state and commands for the loop. Never draws; the loop owns
/// the clock and the feed and acts on the commands.
public enum KeyHandler {
    static let minute: Millis = 60_000

    /// `height` is the terminal height (pages scroll by what that height shows);
    /// `now` is the feed clock, so the alert list matches what was drawn
    /// (default: the snapshot's time); `writable`: the officials' journal can
    /// be written (live), else `c` says replay is read-only; `feedProblems`:
    /// those the alerts view lists, so its rows match what was drawn.
    public static func handle(
        _ key: Key, _ ui: UIState, snapshot: RaceSnapshot, height: Int,
        now: Millis? = nil, writable: Bool = false, feedProblems: [String] = []
    ) -> (UIState, [Command]) {
        var ui = ui
        ui.message = nil
        if key == .ctrlC { return (ui, [.quit]) }
        if ui.correction != nil { return correct(key, ui, snapshot: snapshot) }
        if key == .char("c") {
            startCorrection(&ui, snapshot: snapshot, writable: writable)
            return (ui, [])
        }
        if ui.searchActive { return (search(key, ui, snapshot: snapshot, height: height), []) }
        if ui.gotoActive { return goTo(key, ui, event: snapshot.event) }
        if key == .char("q") || key == .char("Q") { return (ui, [.quit]) }
        if let control = replayControl(for: key) { return (ui, [.replay(control)]) }
        if !changeView(key, &ui, snapshot: snapshot) {
            let alerts = Alerts(now: now ?? snapshot.at, feedProblems: feedProblems)
            browse(key, &ui, snapshot: snapshot, height: height, alerts: alerts)
        }
        return (ui, [])
    }

    /// Keys that move the replay clock (refused live by the loop).
    static func replayControl(for key: Key) -> ReplayControl? {
        switch key {
        case .char(" "): return .togglePause
        case .char("+"), .char("="): return .faster
        case .char("-"), .char("_"): return .slower
        case .left: return .seek(by: -minute)
        case .right: return .seek(by: minute)
        case .shiftLeft, .char("["): return .seek(by: -10 * minute)
        case .shiftRight, .char("]"): return .seek(by: 10 * minute)
        default: return nil
        }
    }

    /// Keys that switch views, races, divisions or overlays; false for any other key.
    static func changeView(_ key: Key, _ ui: inout UIState, snapshot: RaceSnapshot) -> Bool {
        switch key {
        case .char("g"):
            ui.gotoActive = true
            ui.gotoText = ""
        case .char("?"), .function(1):
            ui.showHelp.toggle()
        case .escape:
            if ui.showHelp {
                ui.showHelp = false
            } else if ui.view == .runner {
                ui.view = ui.returnView
            }
        case .char(let ch) where ch.isASCII && ch.isNumber && View(rawValue: Int(String(ch))!) != nil:
            ui.view = View(rawValue: Int(String(ch))!)!
        case .tab:
            ui.view = View(rawValue: ui.view.rawValue % View.allCases.count + 1)!
        case .backTab:
            ui.view = View(rawValue: (ui.view.rawValue + View.allCases.count - 2) % View.allCases.count + 1)!
        case .char("e"):
            if ui.view == .field { setDivision(&ui, ui.division == .elite ? nil : .elite) } else { ui.view = .elite }
        case .char("a"):
            if ui.view == .field {
                setDivision(&ui, ui.division == .amateur ? nil : .amateur)
            } else {
                ui.view = .field
            }
        case .char("r"):
            nextRace(&ui, snapshot: snapshot)
        default:
            return false
        }
        return true
    }

    /// What the alerts view was drawn from: its clock and the feed's problems.
    struct Alerts {
        var now: Millis
        var feedProblems: [String]
    }

    /// Search, filters, moving through lists, opening a runner and acknowledging alerts.
    static func browse(_ key: Key, _ ui: inout UIState, snapshot: RaceSnapshot, height: Int, alerts: Alerts) {
        switch key {
        case .char("/"):
            ui.searchActive = true
            ui.search = ""
            ui.searchOrigin = ui.positions[.field] ?? ListPosition()
        case .char("n"):
            nextMatch(&ui, snapshot: snapshot, height: height)
        case .char("f"):
            ui.view = .field
            cycleFilter(&ui, snapshot: snapshot)
        case .char("F"):
            ui.view = .field
            ui.filterFocus = FieldFilters.Field(
                rawValue: (ui.filterFocus.rawValue + 1) % FieldFilters.Field.allCases.count)!
        case .char("x"):
            ui.filters = FieldFilters()
            ui.positions[.field] = ListPosition()
        case .up, .down, .pageUp, .pageDown, .home, .end:
            move(key, &ui, snapshot: snapshot, height: height, alerts: alerts)
        case .enter:
            openSelected(&ui, snapshot: snapshot, alerts: alerts)
        case .char("k") where ui.view == .alerts:
            acknowledgeSelected(&ui, snapshot: snapshot, alerts: alerts)
        case .char("K") where ui.view == .alerts:
            acknowledgeAll(&ui, snapshot: snapshot, alerts: alerts)
        default:
            break
        }
    }

    // MARK: - Views and filters

    static func setDivision(_ ui: inout UIState, _ division: Division?) {
        ui.division = division
        ui.positions[.field] = ListPosition()
    }

    static func nextRace(_ ui: inout UIState, snapshot: RaceSnapshot) {
        guard let current = snapshot.raceIndex(ui) else { return }
        ui.race = (current + 1) % snapshot.event.races.count
        for view in [View.elite, .field, .checkpoints, .alerts, .announcer] { ui.positions[view] = ListPosition() }
        // Countries differ between races; keep the filter only where it still means something.
        if let country = ui.filters.country, !FilterChoices.countries(snapshot, race: ui.race).contains(country) {
            ui.filters.country = nil
        }
    }

    static func cycleFilter(_ ui: inout UIState, snapshot: RaceSnapshot) {
        switch ui.filterFocus {
        case .sex:
            ui.filters.sex = FilterChoices.next(ui.filters.sex, in: Sex.allCases)
        case .ageGroup:
            ui.filters.ageGroup = FilterChoices.next(
                ui.filters.ageGroup, in: Array(snapshot.event.ageGroups.lowerBounds.indices))
        case .country:
            guard let race = snapshot.raceIndex(ui) else { return }
            ui.filters.country = FilterChoices.next(
                ui.filters.country, in: FilterChoices.countries(snapshot, race: race))
        }
        ui.positions[.field] = ListPosition()
    }

    // MARK: - Moving the selection

    static func move(_ key: Key, _ ui: inout UIState, snapshot: RaceSnapshot, height: Int, alerts: Alerts) {
        switch ui.view {
        case .elite:
            let board = EliteBoard(snapshot, ui: ui)
            guard board.count > 0 else { return }
            let here = board.locate(min(ui.selected, board.count - 1)) ?? (0, 0)
            switch key {
            case .up: ui.selected = max(0, ui.selected - 1)
            case .down: ui.selected = min(board.count - 1, ui.selected + 1)
            case .home: ui.selected = 0
            case .end: ui.selected = board.count - 1
            // Pages jump between the men's and women's tables.
            case .pageDown:
                let next = (here.group + 1..<board.groups.count).first { !board.groups[$0].rows.isEmpty }
                ui.selected = next.map(board.start(ofGroup:)) ?? board.count - 1
            case .pageUp:
                if here.row > 0 {
                    ui.selected = board.start(ofGroup: here.group)
                } else {
                    let previous = (0..<here.group).last { !board.groups[$0].rows.isEmpty }
                    ui.selected = previous.map(board.start(ofGroup:)) ?? 0
                }
            default: break
            }
        case .field:
            select(key, &ui, count: FieldList(snapshot, ui: ui).count, page: Layout.fieldListRows(height: height))
        case .alerts:
            let list = AlertList(snapshot, ui: ui, now: alerts.now, feedProblems: alerts.feedProblems)
            select(key, &ui, count: list.count, page: Layout.alertListRows(height: height))
        case .announcer:
            guard let race = snapshot.raceIndex(ui) else { return }
            select(
                key, &ui, count: snapshot.announcerQueue(race: race).due.count,
                page: Layout.announcerDueRows(height: height))
        case .checkpoints:
            guard let race = snapshot.raceIndex(ui) else { return }
            let count = snapshot.event.races[race].checkpoints.count
            let visible = max(1, Layout.checkpointTableRows(checkpoints: count, height: height) - 1)
            scroll(key, &ui, lines: count, page: visible)
        case .runner:
            guard let runner = RunnerView.runner(snapshot, ui: ui) else { return }
            scroll(
                key, &ui, lines: RunnerView.lines(snapshot, runner: runner).count,
                page: Layout.runnerSheetRows(height: height))
        }
    }

    /// Moves the selection of a list; a page moves the window with it, like a pager.
    static func select(_ key: Key, _ ui: inout UIState, count: Int, page: Int) {
        guard count > 0 else {
            ui.position = ListPosition()
            return
        }
        var p = ui.position
        p.selected = min(max(0, p.selected), count - 1)
        switch key {
        case .up: p.selected -= 1
        case .down: p.selected += 1
        case .pageUp:
            p.selected -= page
            p.scroll -= page
        case .pageDown:
            p.selected += page
            p.scroll += page
        case .home: p.selected = 0
        case .end: p.selected = count - 1
        default: break
        }
        p.selected = min(max(0, p.selected), count - 1)
        let w = FieldView.window(selected: p.selected, scroll: p.scroll, count: count, rows: page)
        ui.position = ListPosition(scroll: w.scroll, selected: w.selected)
    }

    /// Views without a selection just scroll.
    static func scroll(_ key: Key, _ ui: inout UIState, lines: Int, page: Int) {
        let maxScroll = max(0, lines - page)
        var s = min(max(0, ui.scroll), maxScroll)
        switch key {
        case .up: s -= 1
        case .down: s += 1
        case .pageUp: s -= page
        case .pageDown: s += page
        case .home: s = 0
        case .end: s = maxScroll
        default: break
        }
        ui.scroll = min(max(0, s), maxScroll)
    }

    static func openSelected(_ ui: inout UIState, snapshot: RaceSnapshot, alerts: Alerts) {
        let runner: Int?
        switch ui.view {
        case .elite:
            let board = EliteBoard(snapshot, ui: ui)
            runner = board.locate(ui.selected).map { board.standing(group: $0.group, row: $0.row).runner }
        case .field:
            let list = FieldList(snapshot, ui: ui)
            runner = list.count > 0 ? list.row(min(max(0, ui.selected), list.count - 1)).runner : nil
        case .alerts:
            let list = AlertList(snapshot, ui: ui, now: alerts.now, feedProblems: alerts.feedProblems)
            guard list.entries.indices.contains(ui.selected) else { return }
            switch list.entries[ui.selected].row {
            case .group(let group, _) where group.count > 1:
                // Enter opens and closes a group; its members open their runner.
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
            if runner == nil { ui.message = "this alert is not about one runner" }
        case .announcer:
            guard let race = snapshot.raceIndex(ui) else { return }
            let due = snapshot.announcerQueue(race: race).due
            runner = due.indices.contains(ui.selected) ? due[ui.selected].runner : nil
        case .checkpoints, .runner:
            runner = nil
        }
        if let runner { openRunner(&ui, runner) }
    }

    // MARK: - Acknowledging alerts

    /// `k`: the selected group or feed problem is seen; it leaves the ticker
    /// and goes to the end of the list until it grows.
    static func acknowledgeSelected(_ ui: inout UIState, snapshot: RaceSnapshot, alerts: Alerts) {
        let list = AlertList(snapshot, ui: ui, now: alerts.now, feedProblems: alerts.feedProblems)
        guard list.entries.indices.contains(ui.selected) else { return }
        let ack = AlertList.acknowledgement(of: list.entries[ui.selected].row)
        ui.acknowledged.acknowledge(key: ack.key, count: ack.count)
    }

    /// `K`: everything in the list is seen.
    static func acknowledgeAll(_ ui: inout UIState, snapshot: RaceSnapshot, alerts: Alerts) {
        let list = AlertList(snapshot, ui: ui, now: alerts.now, feedProblems: alerts.feedProblems)
        for entry in list.entries {
            let ack = AlertList.acknowledgement(of: entry.row)
            ui.acknowledged.acknowledge(key: ack.key, count: ack.count)
        }
        ui.position = ListPosition()
    }

    static func openRunner(_ ui: inout UIState, _ runner: Int) {
        if ui.view != .runner { ui.returnView = ui.view }
        ui.runner = runner
        ui.view = .runner
        ui.positions[.runner] = ListPosition()
    }

    // MARK: - Text input

    /// Typing moves the field selection to the first match as it goes; Enter
    /// keeps it (or opens the runner from other views), Esc puts it back.
    static func search(_ key: Key, _ ui: UIState, snapshot: RaceSnapshot, height: Int) -> UIState {
        var ui = ui
        switch key {
        case .escape:
            ui.searchActive = false
            ui.search = ""
            if let origin = ui.searchOrigin { ui.positions[.field] = origin }
            ui.searchOrigin = nil
        case .backspace, .delete:
            if !ui.search.isEmpty { ui.search.removeLast() }
            follow(&ui, snapshot: snapshot, height: height)
        case .char(let ch):
            ui.search.append(ch)
            follow(&ui, snapshot: snapshot, height: height)
        case .enter:
            ui.searchActive = false
            let query = ui.search.trimmingCharacters(in: .whitespaces)
            ui.searchOrigin = nil
            guard !query.isEmpty else { return ui }
            ui.lastSearch = query
            let list = FieldList(snapshot, ui: ui)
            if ui.view == .field, let i = list.firstMatch(query, participants: snapshot.participants) {
                place(&ui, at: i, count: list.count, height: height)
            } else if let runner = anyMatch(query, snapshot: snapshot, list: list) {
                openRunner(&ui, runner)
            } else {
                ui.message = "no runner matches \"\(query)\""
            }
        default:
            break
        }
        return ui
    }

    static func follow(_ ui: inout UIState, snapshot: RaceSnapshot, height: Int) {
        guard ui.view == .field else { return }
        let list = FieldList(snapshot, ui: ui)
        if let i = list.firstMatch(ui.search, participants: snapshot.participants) {
            place(&ui, at: i, count: list.count, height: height)
        } else if let origin = ui.searchOrigin {
            ui.positions[.field] = origin
        }
    }

    /// A match in the list shown first, else anyone in the event (another race, filtered out).
    static func anyMatch(_ query: String, snapshot: RaceSnapshot, list: FieldList) -> Int? {
        if let i = list.firstMatch(query, participants: snapshot.participants) { return list.row(i).runner }
        let lower = query.lowercased()
        let people = snapshot.participants
        return people.indices.first { people[$0].bib.lowercased() == lower }
            ?? people.indices.first { people[$0].name.lowercased().contains(lower) }
    }

    static func nextMatch(_ ui: inout UIState, snapshot: RaceSnapshot, height: Int) {
        guard !ui.lastSearch.isEmpty else {
            ui.message = "nothing to repeat: / starts a search"
            return
        }
        ui.view = .field
        let list = FieldList(snapshot, ui: ui)
        let from = list.count > 0 ? (ui.selected + 1) % list.count : 0
        if let i = list.firstMatch(ui.lastSearch, from: from, participants: snapshot.participants) {
            place(&ui, at: i, count: list.count, height: height)
        } else {
            ui.message = "no runner matches \"\(ui.lastSearch)\" here"
        }
    }

    static func place(_ ui: inout UIState, at i: Int, count: Int, height: Int) {
        let current = ui.positions[.field] ?? ListPosition()
        let w = FieldView.window(
            selected: i, scroll: current.scroll, count: count, rows: Layout.fieldListRows(height: height))
        ui.positions[.field] = ListPosition(scroll: w.scroll, selected: w.selected)
    }

    static func goTo(_ key: Key, _ ui: UIState, event: EventConfig) -> (UIState, [Command]) {
        var ui = ui
        switch key {
        case .escape:
            ui.gotoActive = false
            ui.gotoText = ""
        case .backspace, .delete:
            if !ui.gotoText.isEmpty { ui.gotoText.removeLast() }
        case .char(let ch) where ch.isNumber || ch == ":" || ch == "." || ch == "+" || ch == "d":
            ui.gotoText.append(ch)
        case .enter:
            ui.gotoActive = false
            let text = ui.gotoText.trimmingCharacters(in: .whitespaces)
            ui.gotoText = ""
            if let t = event.window.typed(text) { return (ui, [.replay(.seekTo(t))]) }
            ui.message = "not a time of day: \"\(text)\" (type HH:MM or HH:MM:SS)"
        default:
            break
        }
        return (ui, [])
    }
}
