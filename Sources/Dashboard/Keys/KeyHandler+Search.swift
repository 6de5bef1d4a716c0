import Foundation
import RaceModel
import Snapshots
import ScreenGrid

/// `/` and `n` / `N`: finding a bib or a name in the field list, or anywhere in the event.
extension KeyHandler {
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
            } else if let runner = anyMatch(query, snapshot: snapshot, list: ui.view == .field ? list : nil) {
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

    /// A match in the field list shown first, else anyone in the event (another race, filtered out).
    static func anyMatch(_ query: String, snapshot: RaceSnapshot, list: FieldList?) -> Int? {
        if let list, let i = list.firstMatch(query, participants: snapshot.participants) { return list.row(i).runner }
        return eventMatches(query, snapshot: snapshot).first
    }

    /// `n` / `N`: in the field, the next or previous match in the list shown;
    /// elsewhere, or when that list has none, the next matching runner of the
    /// whole event, opened: a search made from the elite view found its runner there.
    static func repeatSearch(_ ui: inout UIState, forward: Bool, snapshot: RaceSnapshot, height: Int) {
        let query = ui.lastSearch
        guard !query.isEmpty else {
            ui.message = "nothing to repeat: / starts a search"
            return
        }
        if ui.view == .field {
            let list = FieldList(snapshot, ui: ui)
            let from = ui.selected + (forward ? 1 : -1)
            if let i = list.firstMatch(query, from: from, backward: !forward, participants: snapshot.participants) {
                place(&ui, at: i, count: list.count, height: height)
                return
            }
        }
        let matches = eventMatches(query, snapshot: snapshot)
        guard !matches.isEmpty else {
            ui.message = "no runner matches \"\(query)\""
            return
        }
        let here = ui.view == .runner ? ui.runner.flatMap { matches.firstIndex(of: $0) } : nil
        if here != nil, matches.count == 1 {
            ui.message = "\"\(query)\" has no other match"
            return
        }
        let next =
            here.map { ($0 + (forward ? 1 : matches.count - 1)) % matches.count } ?? (forward ? 0 : matches.count - 1)
        openRunner(&ui, matches[next])
    }

    /// Everyone in the event the query finds: bibs that are the query, then names that contain it.
    static func eventMatches(_ query: String, snapshot: RaceSnapshot) -> [Int] {
        let lower = query.lowercased()
        let people = snapshot.participants
        let bibs = people.indices.filter { people[$0].bib.lowercased() == lower }
        return bibs + people.indices.filter { !bibs.contains($0) && people[$0].name.lowercased().contains(lower) }
    }

    static func place(_ ui: inout UIState, at i: Int, count: Int, height: Int) {
        let current = ui.positions[.field] ?? ListPosition()
        let w = FieldView.window(
            selected: i, scroll: current.scroll, count: count, rows: Layout.fieldListRows(height: height))
        ui.positions[.field] = ListPosition(scroll: w.scroll, selected: w.selected)
    }
}
