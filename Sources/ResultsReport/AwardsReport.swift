import RaceModel
import Snapshots

/// `racedash awards`: per race, the top finishers per sex overall, then per
/// sex and age group, with official times; as a table, CSV or JSON.
public enum AwardsReport {
    struct Entry {
        var race: Race
        var category: AwardCategory
        var winner: AwardWinner
        var participant: Participant
        var time: String
        var timeMs: Millis?
    }

    static func entries(_ snapshot: RaceSnapshot, race: Int?, rules: AwardRules) -> [(
        race: Race, categories: [AwardCategory]
    )] {
        snapshot.evaluation.standings.compactMap { standings in
            if let race, race != standings.raceIndex { return nil }
            let categories = Awards.categories(
                standings, event: snapshot.event, participants: snapshot.participants,
                top: rules.top, overallInAgeGroups: rules.overallInAgeGroups)
            return (snapshot.event.races[standings.raceIndex], categories)
        }
    }

    static func flat(_ snapshot: RaceSnapshot, race: Int?, rules: AwardRules) -> [Entry] {
        entries(snapshot, race: race, rules: rules).flatMap { race, categories in
            categories.flatMap { category in
                category.winners.map { w in
                    Entry(
                        race: race, category: category, winner: w,
                        participant: snapshot.participants[w.standing.runner],
                        time: w.standing.rankTime.map(snapshot.event.official) ?? "", timeMs: w.standing.rankTime)
                }
            }
        }
    }

    public static func table(_ snapshot: RaceSnapshot, race: Int? = nil, rules: AwardRules) -> String {
        let with = rules.overallInAgeGroups ? "also win their age group" : "are taken out of the age groups"
        var out =
            "\(snapshot.event.name) — \(snapshot.event.date) — awards, top \(rules.top); overall winners \(with)\n"
        for (race, categories) in entries(snapshot, race: race, rules: rules) {
            out += "\n\(race.name) (\(race.id))\n"
            if categories.isEmpty { out += "  no official finishers\n" }
            var table: [[String]] = []
            for category in categories {
                for (i, w) in category.winners.enumerated() {
                    let p = snapshot.participants[w.standing.runner]
                    table.append([
                        "  " + (i == 0 ? category.label : ""), "\(w.place)", p.bib, p.name, p.country ?? "",
                        p.club ?? "", w.standing.rankTime.map(snapshot.event.official) ?? "",
                    ])
                }
            }
            out += TableReport.align(table, rightAligned: [1, 2, 6], maxWidth: [3: 28, 5: 20])
        }
        return out
    }

    public static func csv(_ snapshot: RaceSnapshot, race: Int? = nil, rules: AwardRules) -> String {
        var out = "race,category,sex,age_group,award_place,bib,name,country,club,time,time_ms\n"
        for e in flat(snapshot, race: race, rules: rules) {
            let ageGroup = e.category.ageGroup.map(snapshot.event.ageGroups.label(forGroup:)) ?? ""
            let fields = [
                e.race.id, e.category.label, e.category.sex.rawValue, ageGroup, "\(e.winner.place)", e.participant.bib,
                e.participant.name, e.participant.country ?? "", e.participant.club ?? "", e.time,
                e.timeMs.map(String.init) ?? "",
            ]
            out += fields.map(CSVReport.field).joined(separator: ",") + "\n"
        }
        return out
    }

    struct Doc: Encodable {
        var event: String
        var top: Int
        var overallInAgeGroups: Bool
        var races: [RaceDoc]

        enum CodingKeys: String, CodingKey {
            case event, top, races
            case overallInAgeGroups = "overall_in_age_groups"
        }
    }
    struct RaceDoc: Encodable {
        var id: String
        var name: String
        var categories: [CategoryDoc]
    }
    struct CategoryDoc: Encodable {
        var category: String
        var sex: String
        var ageGroup: String?
        var winners: [WinnerDoc]

        enum CodingKeys: String, CodingKey {
            case category, sex, winners
            case ageGroup = "age_group"
        }
    }
    struct WinnerDoc: Encodable {
        var place: Int
        var bib: String
        var name: String
        var country: String?
        var club: String?
        var time: String?
        var timeMs: Int?

        enum CodingKeys: String, CodingKey {
            case place, bib, name, country, club, time
            case timeMs = "time_ms"
        }
    }

    public static func json(_ snapshot: RaceSnapshot, race: Int? = nil, rules: AwardRules) -> String {
        let races = entries(snapshot, race: race, rules: rules).map { race, categories in
            RaceDoc(
                id: race.id, name: race.name,
                categories: categories.map { c in
                    CategoryDoc(
                        category: c.label, sex: c.sex.rawValue,
                        ageGroup: c.ageGroup.map(snapshot.event.ageGroups.label(forGroup:)),
                        winners: c.winners.map { w in
                            let p = snapshot.participants[w.standing.runner]
                            return WinnerDoc(
                                place: w.place, bib: p.bib, name: p.name, country: p.country, club: p.club,
                                time: w.standing.rankTime.map(snapshot.event.official), timeMs: w.standing.rankTime)
                        })
                })
        }
        return JSONReport.encode(
            Doc(
                event: snapshot.event.name, top: rules.top,
                overallInAgeGroups: rules.overallInAgeGroups, races: races))
    }
}
