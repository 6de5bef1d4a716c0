import RaceModel
import TimingIngest

/// `results` with --race, --division and --sex that match nobody: which of
/// them emptied the selection, and what there is instead.
enum EmptySelection {
    static func reason(_ folder: EventFolder, race: Int?, division: Division?, sex: Sex?) -> String? {
        let races = folder.event.races
        // No filter given: nothing to look at but whether anybody is entered
        // (a copy of 50,000 participants here is time every `results` would pay).
        if race == nil, division == nil, sex == nil {
            return folder.participants.isEmpty ? "nothing matched: nobody is entered in the event" : nil
        }
        var people = folder.participants.filter { race == nil || $0.raceIndex == race }
        var place = race.map { "race \(races[$0].id)" } ?? "the event"
        guard !people.isEmpty else { return "nothing matched: nobody is entered in \(place)" }
        if let division {
            let counts = tally(people.map { $0.division.rawValue })
            people = people.filter { $0.division == division }
            guard !people.isEmpty else {
                return "nothing matched: nobody in \(place) is in the \(division.rawValue) division (there: \(counts))"
            }
            place += " (\(division.rawValue))"
        }
        if let sex {
            let counts = tally(people.map { $0.sex?.rawValue ?? "not stated" })
            guard people.contains(where: { $0.sex == sex }) else {
                return "nothing matched: nobody in \(place) has sex \(sex.rawValue) (there: \(counts))"
            }
        }
        return nil
    }

    /// `M 170, F 140`, most first.
    static func tally(_ values: [String]) -> String {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", ")
    }
}
