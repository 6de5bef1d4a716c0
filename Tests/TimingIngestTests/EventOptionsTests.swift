import Testing
import RaceModel
@testable import TimingIngest

/// The event options of event.toml beyond points and races.
@Suite struct EventOptionsTests {
    static let config = """
        name = "Options"
        date = 2025-04-06
        precision = "tenths"

        [age_groups]
        bounds = [18, 40, 45, 50]
        F = [18, 35, 45]
        upper = 99

        [rules]
        max_speed_kmh = 28
        duplicate_window = 45

        [awards]
        top = 5
        overall_in_age_groups = true

        [[points]]
        id = "stadium"
        files = ["reads/stadium.txt"]

        [[points]]
        id = "km5"
        files = ["reads/km5.txt"]
        duplicate_window = 20

        [[races]]
        id = "ultra"
        clock = "gun"
        division_clocks = { amateur = "net" }
        rules = { min_speed_kmh = 1.5, suspicious_ratio = 1.8 }
        waves = [
          { id = "wheelchair", gun = "05:20:00", rules = { max_speed_kmh = 45 } },
          { id = "mass", gun = "05:30:00", clock = "net" },
        ]
        checkpoints = [{ id = "start", point = "stadium", km = 0 }, { id = "finish", point = "stadium", km = 90 }]
        """

    func load(_ config: String) throws(ConfigError) -> EventConfig {
        try EventFolder.parse(path: "ev", config: config, participants: "bib,name,race\n1,A,ultra\n").event
    }

    @Test func loadsEveryOption() throws {
        let e = try load(Self.config)
        #expect(e.precision == .tenths)
        #expect(e.ageGroups.label(sex: .male, age: 47) == "M45-49")
        #expect(e.ageGroups.label(sex: .female, age: 47) == "F45-99")
        #expect(e.ageGroups.label(sex: .male, age: 60) == "M50-99")
        #expect(e.awards == AwardRules(top: 5, overallInAgeGroups: true))
        let race = e.races[0]
        #expect(race.divisionClocks == [.amateur: .net])
        #expect(race.waves[1].clock == .net && race.waves[0].clock == nil)
        // Each level starts from the one above it.
        let wheelchair = e.rules(race: 0, wave: 0), mass = e.rules(race: 0, wave: 1)
        #expect(wheelchair.maxSpeedKmh == 45 && wheelchair.minSpeedKmh == 1.5 && wheelchair.suspiciousRatio == 1.8)
        #expect(mass.maxSpeedKmh == 28 && mass.minSpeedKmh == 1.5 && mass.defaultDuplicateWindow == 45_000)
        #expect(e.points[0].windowFromRules && !e.points[1].windowFromRules)
    }

    @Test func defaultsAreWholeSecondsAndOverallWinnersOutOfTheAgeGroups() throws {
        let e = try load(Self.config.replacingOccurrences(of: "precision = \"tenths\"", with: ""))
        #expect(e.precision == .seconds)
        #expect(AwardRules() == AwardRules(top: 3, overallInAgeGroups: false))
    }

    @Test(arguments: [
        ("precision = \"tenths\"", "precision = \"minutes\"", "'precision' must be"),
        ("upper = 99", "upper = 30", "'upper' 30 is below"),
        ("F = [18, 35, 45]", "W = [18]", "unknown key 'W'"),
        ("division_clocks = { amateur = \"net\" }", "division_clocks = { pros = \"net\" }", "unknown division 'pros'"),
        ("clock = \"net\" }", "clock = \"chip\" }", "waves[1]: 'clock' must be \"gun\" or \"net\""),
        (
            "{ max_speed_kmh = 45 }", "{ max_speed_kmh = 1 }",
            "races[0].waves[0].rules: 'min_speed_kmh' must be above 0 and below"
        ),
        ("suspicious_ratio = 1.8", "suspicious_ratio = 0.9", "'suspicious_ratio' must be above 1"),
        ("top = 5", "top = 0", "'top' must be a whole number"),
    ])
    func badOptionsNameTheKey(_ from: String, _ to: String, _ message: String) {
        do {
            _ = try load(Self.config.replacingOccurrences(of: from, with: to))
            Issue.record("expected an error containing \(message)")
        } catch {
            #expect(error.description.contains(message), "\(error)")
        }
    }
}
