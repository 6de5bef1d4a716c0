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
    /// (default: the snapshot's time); `mode` picks the keys that apply
    /// (`KeyBindings`); `writable`: the officials' journal can be written;
    /// `feedProblems`: those the alerts view lists, so its rows match what was drawn.
    public static func handle(
        _ key: Key, _ ui: UIState, snapshot: RaceSnapshot, height: Int,
        now: Millis? = nil, mode: KeyMode = .replay, writable: Bool = false, feedProblems: [String] = []
    ) -> (UIState, [Command]) {
        var ui = ui
        ui.message = nil
        if key == .ctrlC { return (ui, [.quit]) }
        if ui.correction != nil { return correct(key, ui, snapshot: snapshot) }
        if ui.searchActive { return (search(key, ui, snapshot: snapshot, height: height), []) }
        if ui.gotoActive { return goTo(key, ui, event: snapshot.event) }
        if ui.countryActive { return (typeCountry(key, ui, snapshot: snapshot), []) }
        guard let binding = KeyBindings.binding(for: key, view: ui.view, mode: mode) else {
            if let elsewhere = KeyBindings.anyBinding(for: key) {
                ui.message = notHere(elsewhere, view: ui.view, mode: mode)
            }
            return (ui, [])
        }
        let context = Context(
            key: key, snapshot: snapshot, height: height, now: now ?? snapshot.at, feedProblems: feedProblems)
        let commands = perform(binding.action, &ui, context, writable: writable)
        return (ui, commands)
    }

    /// Why a key in the table does nothing here.
    static func notHere(_ binding: KeyBinding, view: View, mode: KeyMode) -> String {
        if !binding.modes.contains(mode) {
            return mode == .live ? liveClockMessage : readOnlyMessage
        }
        return "\(binding.label) (\(binding.description)) works in \(binding.scope)"
    }

    public static let liveClockMessage = "live: the clock follows the mats; pause, speed and seeking are for replay"

    /// What a key handler needs besides the UI state.
    struct Context {
        let key: Key
        let snapshot: RaceSnapshot
        let height: Int
        let now: Millis
        let feedProblems: [String]
    }

    static func perform(_ action: KeyAction, _ ui: inout UIState, _ c: Context, writable: Bool) -> [Command] {
        switch action {
        case .quit: return [.quit]
        case .togglePause: return [.replay(.togglePause)]
        case .faster: return [.replay(.faster)]
        case .slower: return [.replay(.slower)]
        case .seekMinutes(let minutes): return [.replay(.seek(by: Millis(minutes) * minute))]
        case .goTo:
            ui.gotoActive = true
            ui.gotoText = ""
        case .correct:
            startCorrection(&ui, snapshot: c.snapshot, writable: writable)
        case .acknowledge:
            acknowledgeSelected(&ui, c)
        case .acknowledgeAll:
            acknowledgeAll(&ui, c)
        case .toggleHelp, .back, .showView, .nextView, .previousView, .eliteView, .fieldView, .eliteDivision,
            .amateurDivision, .nextRace, .previousRace:
            changeView(action, &ui, c)
        case .move, .open, .search, .nextMatch, .previousMatch, .changeFilter, .nextFilter, .clearFilters:
            browse(action, &ui, c)
        }
        return []
    }

    /// Views, races, divisions and overlays.
    static func changeView(_ action: KeyAction, _ ui: inout UIState, _ c: Context) {
        let count = View.allCases.count
        switch action {
        case .toggleHelp:
            ui.showHelp.toggle()
        case .back:
            if ui.showHelp {
                ui.showHelp = false
            } else if ui.view == .runner {
                ui.view = ui.returnView
            } else if !ui.filters.isEmpty {
                clearFilters(&ui)
            }
        case .showView:
            if case .char(let ch) = c.key, let n = Int(String(ch)), let view = View(rawValue: n) { ui.view = view }
        case .nextView:
            ui.view = View(rawValue: ui.view.rawValue % count + 1)!
        case .previousView:
            ui.view = View(rawValue: (ui.view.rawValue + count - 2) % count + 1)!
        case .eliteView:
            ui.view = .elite
        case .fieldView:
            ui.view = .field
        case .eliteDivision:
            setDivision(&ui, ui.division == .elite ? nil : .elite)
        case .amateurDivision:
            setDivision(&ui, ui.division == .amateur ? nil : .amateur)
        case .nextRace:
            stepRace(&ui, by: 1, snapshot: c.snapshot)
        case .previousRace:
            stepRace(&ui, by: -1, snapshot: c.snapshot)
        default:
            break
        }
    }

    /// Search, filters, moving through lists and opening a runner.
    static func browse(_ action: KeyAction, _ ui: inout UIState, _ c: Context) {
        switch action {
        case .search:
            ui.searchActive = true
            ui.search = ""
            ui.searchOrigin = ui.positions[.field] ?? ListPosition()
        case .nextMatch:
            repeatSearch(&ui, forward: true, snapshot: c.snapshot, height: c.height)
        case .previousMatch:
            repeatSearch(&ui, forward: false, snapshot: c.snapshot, height: c.height)
        case .changeFilter:
            cycleFilter(&ui, snapshot: c.snapshot)
        case .nextFilter:
            ui.filterFocus = FieldFilters.Field(
                rawValue: (ui.filterFocus.rawValue + 1) % FieldFilters.Field.allCases.count)!
        case .clearFilters:
            clearFilters(&ui)
        case .move:
            move(&ui, c)
        case .open:
            openSelected(&ui, c)
        default:
            break
        }
    }

    // MARK: - Views and filters

    static func setDivision(_ ui: inout UIState, _ division: Division?) {
        ui.division = division
        ui.positions[.field] = ListPosition()
    }

    static func clearFilters(_ ui: inout UIState) {
        ui.filters = FieldFilters()
        ui.positions[.field] = ListPosition()
    }

    static func stepRace(_ ui: inout UIState, by step: Int, snapshot: RaceSnapshot) {
        guard let current = snapshot.raceIndex(ui) else { return }
        let count = snapshot.event.races.count
        ui.race = (current + step + count) % count
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
            // Dozens of countries are too many to step through: the code is typed.
            ui.countryActive = true
            ui.countryText = ui.filters.country ?? ""
            return
        }
        ui.positions[.field] = ListPosition()
    }

    // MARK: - Moving the selection

    static func move(_ ui: inout UIState, _ c: Context) {
        let (key, snapshot, height) = (c.key, c.snapshot, c.height)
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
            select(key, &ui, count: alertList(ui, c).count, page: Layout.alertListRows(height: height))
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

    static func openSelected(_ ui: inout UIState, _ c: Context) {
        let snapshot = c.snapshot
        let runner: Int?
        switch ui.view {
        case .elite:
            let board = EliteBoard(snapshot, ui: ui)
            runner = board.locate(ui.selected).map { board.standing(group: $0.group, row: $0.row).runner }
        case .field:
            let list = FieldList(snapshot, ui: ui)
            runner = list.count > 0 ? list.row(min(max(0, ui.selected), list.count - 1)).runner : nil
        case .alerts:
            openAlert(&ui, c)
            return
        case .announcer:
            guard let race = snapshot.raceIndex(ui) else { return }
            let due = snapshot.announcerQueue(race: race).due
            runner = due.indices.contains(ui.selected) ? due[ui.selected].runner : nil
        case .checkpoints, .runner:
            runner = nil
        }
        if let runner { openRunner(&ui, runner) }
    }

    static func openRunner(_ ui: inout UIState, _ runner: Int) {
        if ui.view != .runner { ui.returnView = ui.view }
        ui.runner = runner
        ui.view = .runner
        ui.positions[.runner] = ListPosition()
    }

    // MARK: - Go to a time of day

    static func goTo(_ key: Key, _ ui: UIState, event: EventConfig) -> (UIState, [Command]) {
        var ui = ui
        let outcome = PromptEditing.edit(&ui.gotoText, key) {
            $0.isNumber || $0 == ":" || $0 == "." || $0 == "+" || $0 == "d"
        }
        switch outcome {
        case .editing:
            break
        case .cancelled:
            ui.gotoActive = false
        case .submitted(let typed):
            ui.gotoActive = false
            let text = typed.trimmingCharacters(in: .whitespaces)
            // Nothing typed: Enter just closes the prompt, like Esc.
            guard !text.isEmpty else { return (ui, []) }
            if let t = event.window.typed(text) { return (ui, [.replay(.seekTo(t))]) }
            ui.message = "not a time of day: \"\(text)\" (type HH:MM or HH:MM:SS)"
        }
        return (ui, [])
    }
}
