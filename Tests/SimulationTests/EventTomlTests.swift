import Foundation
import Testing
import RaceModel
@testable import Simulation

@Suite struct EventTomlTests {
    let toml = sample.eventToml
    let config = sample.config

    @Test func topLevelKeys() {
        let lines = toml.split(separator: "\n").map(String.init)
        #expect(lines.contains("name = \"Pyongyang Marathon 2025\""))
        #expect(lines.contains("date = 2025-04-06"))
        #expect(lines.contains("utc_offset = \"+09:00\""))
        #expect(lines.contains("age_groups = [18, 40, 45, 50, 55, 60, 65, 70, 75, 80]"))
        #expect(lines.contains("[rules]"))
        #expect(lines.contains("max_speed_kmh = 30.0"))
    }

    @Test func pointsAndTheirFiles() throws {
        #expect(toml.components(separatedBy: "[[points]]").count - 1 == config.points.count)
        for point in config.points {
            #expect(toml.contains("id = \"\(point.id)\"\nname = \"\(point.name)\"\nfiles = ["))
        }
        // Every read file is named in event.toml, and only those are written.
        let named = config.points.flatMap(\.files)
        #expect(named == sample.readFiles.map(\.path))
        for path in named { #expect(toml.contains("\"\(path)\"")) }
        #expect(toml.contains("duplicate_window = 30"))
        #expect(toml.contains("clock_offset = 1.5"))
        let stadium = try #require(config.points.first { $0.id == "stadium" })
        #expect(stadium.files.count == 3)
    }

    @Test func racesWavesAndCheckpoints() {
        #expect(toml.components(separatedBy: "[[races]]").count - 1 == 3)
        #expect(toml.contains("id = \"marathon\"\nname = \"Marathon\"\nclock = \"gun\"\ncutoff = \"06:00:00\""))
        #expect(toml.components(separatedBy: "clock = \"net\"").count - 1 == 2)
        #expect(toml.contains("{ id = \"elite\", gun = \"08:00:00\" },"))
        #expect(toml.contains("{ id = \"start\", point = \"stadium\", km = 0 },"))
        #expect(toml.contains("{ id = \"finish\", point = \"stadium\", km = 42.195 },"))
        #expect(toml.contains("{ id = \"half\", point = \"half\", km = 21.0975 },"))
        for race in config.races {
            let kms = race.checkpoints.map(\.km)
            #expect(zip(kms, kms.dropFirst()).allSatisfy { $0 < $1 }, "\(race.id) km must rise")
            #expect(race.hasStartMat)
            #expect(race.cutoff != nil)
            for cp in race.checkpoints {
                #expect(toml.contains("{ id = \"\(cp.id)\", point = \"\(config.points[cp.pointIndex].id)\""))
            }
            let guns = race.waves.map(\.gun)
            #expect(guns == guns.sorted())
        }
        // The mass wave goes a few minutes after the elite wave; half and 10K later.
        #expect(config.races[0].waves.map(\.id) == ["elite", "mass"])
        #expect(config.races[0].waves[1].gun - config.races[0].waves[0].gun == 5 * 60_000)
        #expect(config.races[1].firstGun > config.races[0].firstGun)
        #expect(config.races[2].firstGun > config.races[1].firstGun)
        // Shared mats: the half and 10K use the marathon's first mats at the same km.
        let marathon = Dictionary(config.races[0].checkpoints.map { ($0.pointIndex, $0.km) }) { first, _ in first }
        for race in config.races.dropFirst() {
            for cp in race.checkpoints.dropFirst().dropLast() { #expect(marathon[cp.pointIndex] == cp.km) }
        }
    }

    /// A rough shape check until the TOML loader exists: every line is a
    /// comment, a table header, `key = value`, or part of a multi-line array.
    @Test func everyLineHasATomlShape() {
        for line in toml.split(separator: "\n", omittingEmptySubsequences: true) {
            let ok =
                line.hasPrefix("#") || line.hasPrefix("[") || line.contains(" = ")
                || line.hasPrefix("  { ") || line == "]"
            #expect(ok, "odd line: \(line)")
        }
    }

    @Test func bigCityProfile() {
        let event = RaceSimulator.simulate(SimulationOptions(seed: 1, runners: 500, profile: .bigCityMarathon))
        #expect(event.config.races.count == 1)
        #expect(event.config.points.count == 11)
        #expect(event.config.races[0].checkpoints.count == 11)
        #expect(event.eventToml.contains("[[races]]"))
    }
}
