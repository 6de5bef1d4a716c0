/// One award category of a race: overall for a sex, or a sex and age group.
public struct AwardCategory: Sendable, Equatable {
    public var sex: Sex
    /// Flat age-group index (see `AgeGroups`); nil for the overall awards.
    public var ageGroup: Int?
    public var label: String
    public var winners: [AwardWinner]
}

public struct AwardWinner: Sendable, Equatable {
    /// Place within the category; exact ties share it.
    public var place: Int
    public var standing: Standing
}

/// Award winners from a race's standings: the top finishers per sex
/// overall, then per sex and age group. Overall winners are taken out of
/// the age groups unless the event says otherwise, so the next runner of
/// the group moves up (as most events do). Only official finishers win:
/// over the time limit, DNF and DNS never do.
public enum Awards {
    public static func categories(
        _ standings: RaceStandings, event: EventConfig, participants: [Participant],
        top: Int, overallInAgeGroups: Bool
    ) -> [AwardCategory] {
        let finishers = standings.rows.filter { $0.status == .finished }
        var out: [AwardCategory] = []
        var overallWinners = Set<Int>()
        for sex in Sex.allCases {
            let winners = pick(finishers.filter { participants[$0.runner].sex == sex }, top: top)
            overallWinners.formUnion(winners.map(\.standing.runner))
            if !winners.isEmpty {
                out.append(AwardCategory(sex: sex, ageGroup: nil, label: "Overall \(sex.rawValue)", winners: winners))
            }
        }
        for g in 0..<event.ageGroups.groupCount {
            guard let (sex, _) = event.ageGroups.split(g) else { continue }
            let eligible = finishers.filter {
                $0.ageGroup == g && (overallInAgeGroups || !overallWinners.contains($0.runner))
            }
            let winners = pick(eligible, top: top)
            if !winners.isEmpty {
                out.append(
                    AwardCategory(sex: sex, ageGroup: g, label: event.ageGroups.label(forGroup: g), winners: winners))
            }
        }
        return out
    }

    /// The first `top` places of rows already in finish order; a tie at the last place takes everyone in it.
    static func pick(_ rows: [Standing], top: Int) -> [AwardWinner] {
        var counter = PlaceCounter()
        var out: [AwardWinner] = []
        for row in rows {
            let place = counter.next(RankKey(row))
            guard place <= top else { break }
            out.append(AwardWinner(place: place, standing: row))
        }
        return out
    }
}
