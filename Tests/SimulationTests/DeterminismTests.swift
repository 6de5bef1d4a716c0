import Testing
@testable import Simulation

@Suite struct DeterminismTests {
    @Test func sameSeedGivesIdenticalEvent() {
        let options = SimulationOptions(seed: 7, runners: 400)
        let a = RaceSimulator.simulate(options)
        let b = RaceSimulator.simulate(options)
        #expect(a.eventToml == b.eventToml)
        #expect(a.participantsCSV == b.participantsCSV)
        #expect(a.readFiles == b.readFiles)
        #expect(a.truth == b.truth)
    }

    @Test func differentSeedGivesDifferentEvent() {
        let a = RaceSimulator.simulate(SimulationOptions(seed: 7, runners: 400))
        let b = RaceSimulator.simulate(SimulationOptions(seed: 8, runners: 400))
        #expect(a.participantsCSV != b.participantsCSV)
        #expect(a.readFiles.map(\.lines) != b.readFiles.map(\.lines))
        #expect(a.truth.dnsBibs != b.truth.dnsBibs || a.truth.dnfBibs != b.truth.dnfBibs)
    }

    @Test func runnerCountIsHonoured() {
        for n in [0, 1, 7, 60, 1234] {
            let event = RaceSimulator.simulate(SimulationOptions(seed: 3, runners: n))
            #expect(event.participants.count == n)
            #expect(event.participantsCSV.split(separator: "\n").count == n + 1)
            #expect(event.truth.runners.count == n)
        }
    }

    @Test func bibsAndChipsAreUnique() {
        #expect(Set(sample.participants.map(\.bib)).count == sample.participants.count)
        let chips = sample.participants.compactMap(\.chip)
        #expect(Set(chips).count == chips.count)
        #expect(chips.allSatisfy { $0.count == 12 && $0.allSatisfy(\.isHexDigit) })
    }
}
