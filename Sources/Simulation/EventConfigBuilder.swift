import RaceModel

/// The model values that `event.toml` and `participants.csv` describe.
enum EventConfigBuilder {
    static func config(_ course: CourseSpec) -> EventConfig {
        let rules = TimingRules()
        let points = course.points.map { p in
            TimingPoint(
                id: p.id, name: p.name, files: p.files.map(\.path),
                duplicateWindow: p.duplicateWindowSeconds.map { $0 * 1000 } ?? rules.defaultDuplicateWindow,
                clockOffset: -p.skew)
        }
        let races = course.races.map { r in
            Race(
                id: r.id, name: r.name, waves: r.waves.map { Wave(id: $0.id, gun: $0.gun) }, clock: r.clock,
                checkpoints: r.checkpoints.map {
                    Checkpoint(
                        id: $0.id, pointIndex: course.pointIndex($0.pointId),
                        km: $0.km)
                },
                cutoff: r.cutoff)
        }
        return EventConfig(
            name: course.name, date: course.date, utcOffsetMinutes: course.utcOffsetMinutes,
            ageGroups: AgeGroups(lowerBounds: course.ageGroups), points: points, races: races,
            rules: rules)
    }

    static func participant(_ e: Entrant, course: CourseSpec) -> Participant {
        Participant(
            bib: e.bib, name: e.name, raceIndex: e.race, chip: e.chip, sex: e.sex, age: e.age,
            country: e.country, division: e.division, waveIndex: e.wave, club: e.club)
    }
}
