import Testing
import RaceModel
@testable import Simulation

@Suite struct FieldTests {
    @Test func atLeast27Countries() {
        #expect(Set(sample.participants.compactMap(\.country)).count >= 27)
        let small = RaceSimulator.simulate(SimulationOptions(seed: 11, runners: 200))
        #expect(Set(small.participants.compactMap(\.country)).count >= 27)
    }

    @Test func namesInTheirOwnScripts() {
        let names = sample.participants.map(\.name)
        func has(_ range: ClosedRange<UInt32>) -> Bool {
            names.contains { $0.unicodeScalars.contains { range.contains($0.value) } }
        }
        #expect(has(0xAC00...0xD7A3))  // Hangul
        #expect(has(0x4E00...0x9FFF))  // CJK
        #expect(has(0x00C0...0x017F))  // accented Latin
        let prk = sample.participants.filter { $0.country == "PRK" }
        #expect(prk.contains { $0.name.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func entrantsLookReal() {
        let ps = sample.participants
        #expect(ps.allSatisfy { (18...85).contains($0.age ?? 0) })
        #expect(ps.contains { ($0.age ?? 0) >= 80 })
        #expect(Set(ps.compactMap(\.sex)).isSuperset(of: [.male, .female]))
        let elites = ps.filter { $0.division == .elite }
        #expect((10...40).contains(elites.count))
        #expect(elites.allSatisfy { $0.raceIndex == 0 && $0.waveIndex == 0 })
        #expect(Set(elites.compactMap(\.country)).isSuperset(of: ["PRK", "ETH", "KEN"]))
        #expect(ps.contains { $0.club != nil })
        #expect(ps.filter { $0.chip == nil }.count < ps.count / 20)
        #expect(Set(ps.map(\.raceIndex)) == [0, 1, 2])
    }

    @Test func csvRoundTrips() throws {
        let rows = parseCSV(sample.participantsCSV)
        let header = try #require(rows.first)
        #expect(Set(header) == ["bib", "name", "race", "chip", "sex", "age", "country", "division", "wave", "club"])
        #expect(rows.count == sample.participants.count + 1)
        func col(_ name: String) -> Int { header.firstIndex(of: name)! }
        for (row, p) in zip(rows.dropFirst(), sample.participants) {
            let race = sample.config.races[p.raceIndex]
            #expect(row[col("bib")] == p.bib)
            #expect(row[col("name")] == p.name)
            #expect(row[col("chip")] == (p.chip ?? ""))
            #expect(row[col("race")] == race.id)
            #expect(row[col("wave")] == race.waves[p.waveIndex].id)
            #expect(row[col("club")] == (p.club ?? ""))
            #expect(row[col("age")] == String(p.age!))
        }
        #expect(
            sample.participantsCSV.contains("\"Hash House Harriers, Beijing\"")
                || sample.participantsCSV.contains("\"Les Foulées \"\"Vertes\"\"\""))
    }

    /// RFC 4180 as far as the writer needs: quoted fields with commas and doubled quotes.
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, wasQuote = false
        for ch in text {
            if quoted {
                if ch == "\"" {
                    quoted = false
                    wasQuote = true
                } else {
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"":
                if wasQuote { field.append("\"") }
                quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.append(ch)
            }
            wasQuote = false
        }
        return rows
    }
}

@Suite struct PaceTests {
    let truth = sample.truth

    @Test func nonCheatingRunnersMoveAtPlausibleSpeeds() {
        var splits = 0
        for (i, runner) in truth.runners.enumerated() where runner.bib != truth.courseCut?.bib {
            let race = sample.config.races[sample.participants[i].raceIndex]
            let reached = runner.crossings.indices.compactMap { k in runner.crossings[k].map { (k, $0) } }
            for (a, b) in zip(reached, reached.dropFirst()) {
                let km = race.checkpoints[b.0].km - race.checkpoints[a.0].km
                let speed = km / (Double(b.1 - a.1) / 3_600_000)
                #expect(speed < 30 && speed > 2.5, "bib \(runner.bib) \(race.checkpoints[b.0].id): \(speed) km/h")
                splits += 1
            }
        }
        #expect(splits > 5000)
    }

    @Test func finishTimesFitTheFields() {
        for (i, p) in sample.participants.enumerated() {
            let runner = truth.runners[i]
            guard runner.status == .finished, runner.bib != truth.courseCut?.bib,
                let start = runner.crossings.first!, let finish = runner.crossings.last!
            else { continue }
            let race = sample.config.races[p.raceIndex]
            let gun = race.waves[p.waveIndex].gun
            let net = finish - start
            let h = 3_600_000
            switch (race.id, p.division, p.sex) {
            case ("marathon", .elite, .male?): #expect((2 * h + 5 * 60_000...2 * h + 20 * 60_000).contains(net))
            case ("marathon", .elite, _): #expect((2 * h + 20 * 60_000...2 * h + 40 * 60_000).contains(net))
            case ("marathon", _, _): #expect((3 * h...6 * h).contains(net))
            default: break
            }
            #expect(finish - gun <= race.cutoff!, "bib \(p.bib) after the cutoff")
            #expect(start > gun)
        }
    }

    @Test func massWavesSpreadOverTheStartMat() {
        let mass = truth.runners.filter { $0.raceId == "marathon" && $0.waveId == "mass" }
        let starts = mass.compactMap { $0.crossings.first! }
        let spread = (starts.max() ?? 0) - (starts.min() ?? 0)
        #expect(spread > 2 * 60_000)
        let elite = truth.runners.filter { $0.waveId == "elite" }.compactMap { $0.crossings.first! }
        #expect((elite.max() ?? 0) - (elite.min() ?? 0) < 15_000)
    }
}

@Suite struct BigCityTests {
    let event = RaceSimulator.simulate(SimulationOptions(seed: 5, runners: 3000, profile: .bigCityMarathon))

    @Test func duplicatesOnEveryMat() {
        for point in event.config.points {
            let file = event.readFiles.first { $0.pointId == point.id && !$0.isBackup }!
            var last: [String: Millis] = [:]
            var repeats = 0
            for (n, line) in file.lines.enumerated() where !isGarbage(event, file.path, n + 1) {
                guard case .read(let code, let time) = parseLine(line.text, file.format) else { continue }
                if let t = last[code], time - t < 10_000 { repeats += 1 }
                last[code] = time
            }
            #expect(repeats > 0, "no repeated reads at \(point.id)")
        }
    }

    @Test func faultsArePlantedToo() {
        #expect(event.truth.courseCut != nil)
        #expect(event.truth.silentMat != nil)
        #expect(event.truth.unknownChip != nil)
        #expect(event.truth.garbageLines.count >= 4)
        #expect(event.participants.count == 3000)
        #expect(Set(event.participants.map(\.waveIndex)).count == 4)
    }
}
