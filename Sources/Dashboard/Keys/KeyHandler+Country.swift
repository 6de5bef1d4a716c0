import Foundation
import RaceModel
import Snapshots
import ScreenGrid

extension Key {
    fileprivate var upperCased: Key {
        if case .char(let ch) = self, let upper = ch.uppercased().first { return .char(upper) }
        return self
    }
}

/// The country filter's prompt: a code typed like a search, checked against
/// the countries of the race shown.
extension KeyHandler {
    static func typeCountry(_ key: Key, _ ui: UIState, snapshot: RaceSnapshot) -> UIState {
        var ui = ui
        // Codes are upper case; what is typed is taken either way.
        let upper = key.upperCased
        let room = ui.countryText.count < 3
        switch PromptEditing.edit(&ui.countryText, upper, accepts: { $0.isLetter && $0.isASCII && room }) {
        case .editing:
            break
        case .cancelled:
            ui.countryActive = false
        case .submitted(let typed):
            ui.countryActive = false
            setCountry(typed, &ui, snapshot: snapshot)
        }
        return ui
    }

    /// Empty clears the filter; a code or the start of one no other code shares
    /// sets it; anything else says which countries the race has.
    static func setCountry(_ typed: String, _ ui: inout UIState, snapshot: RaceSnapshot) {
        guard let race = snapshot.raceIndex(ui) else { return }
        ui.positions[.field] = ListPosition()
        guard !typed.isEmpty else {
            ui.filters.country = nil
            return
        }
        let countries = FilterChoices.countries(snapshot, race: race)
        let starting = countries.filter { $0.hasPrefix(typed) }
        if countries.contains(typed) {
            ui.filters.country = typed
        } else if starting.count == 1, let only = starting.first {
            ui.filters.country = only
        } else if !starting.isEmpty {
            ui.message = "\"\(typed)\" could be \(starting.joined(separator: " ")): type the whole code"
        } else {
            let name = snapshot.event.races[race].name
            ui.message = "nobody in \(name) runs for \"\(typed)\"; countries: \(countries.joined(separator: " "))"
        }
    }
}
