import RaceModel

/// One entrant as the simulator knows them: the participants.csv row plus how
/// they will run.
struct Entrant {
    var bib: String
    var name: String
    var race: Int
    var wave: Int
    var chip: String?
    var sex: Sex
    var age: Int
    var country: String
    var division: Division
    var club: String?
    /// Net time they would run if they finish.
    var netTime: Millis
    /// 0 at the front of the wave, 1 at the back: when they cross the start mat.
    var startPosition: Double
    /// Extra slowing over the second half (0.1 = up to about 10 % slower at the end).
    var fatigue: Double
}

/// Draws the entrants of an event: elites, then amateurs race by race.
struct FieldGenerator {
    let course: CourseSpec
    let seed: UInt64
    private var rng: SplitMix64
    private var amateurCount = 0
    private var chipCount = 0

    init(course: CourseSpec, seed: UInt64) {
        self.course = course
        self.seed = seed
        rng = SplitMix64(seed: seed, stream: 1)
    }

    /// Chip code number `index`: 12 digits, so it is also a valid IPICO tag.
    static func chipCode(index: Int, seed: UInt64) -> String {
        // 48,271,619 shares no factor with 90,000,000 (= 2^7 3^2 5^7), so
        // index -> serial is one-to-one, and neighbours look unrelated.
        let offset = Int(seed % 90_000_000)
        let serial = 10_000_000 + ((index + 1) * 48_271_619 + offset) % 90_000_000
        return "0580" + String(serial)
    }

    mutating func generate(count: Int) -> [Entrant] {
        let total = max(0, count)
        var entrants: [Entrant] = []
        entrants.reserveCapacity(total)
        let marathon = course.races.firstIndex { $0.hasEliteWave }
        var men = 0, women = 0
        if marathon != nil {
            men = min(course.eliteMenMax, Int((Double(total) * course.eliteMenShare).rounded()), total / 3)
            women = min(course.eliteWomenMax, Int((Double(total) * course.eliteWomenShare).rounded()), total / 3)
        }
        let amateurs = total - men - women
        var perRace = course.races.map { Int((Double(amateurs) * $0.share).rounded(.down)) }
        perRace[0] += amateurs - perRace.reduce(0, +)

        var nextBibStart = 1
        for (r, race) in course.races.enumerated() {
            var bib = nextBibStart
            if r == marathon {
                for i in 0..<men { entrants.append(elite(race: r, bib: 1 + i, male: true)) }
                for i in 0..<women { entrants.append(elite(race: r, bib: 51 + i, male: false)) }
                bib = 101
            }
            for _ in 0..<perRace[r] {
                entrants.append(amateur(race: r, spec: race, bib: bib))
                bib += 1
            }
            nextBibStart = (bib + 999) / 1000 * 1000 + 1
        }
        return entrants
    }

    private mutating func nextChip() -> String {
        defer { chipCount += 1 }
        return FieldGenerator.chipCode(index: chipCount, seed: seed)
    }

    private mutating func name(_ country: CountryNames, male: Bool) -> String {
        let set = country.sets[rng.weightedIndex(country.sets.map(\.1))].0
        return set.fullName(male: male, given: rng.below(1 << 20), family: rng.below(1 << 20))
    }

    private mutating func elite(race: Int, bib: Int, male: Bool) -> Entrant {
        let book = NameBook.elite[rng.weightedIndex(NameBook.elite.map(\.names.weight))]
        let range = male ? book.men : book.women
        let net = rng.int(in: range)
        let club = book.names.code == "PRK" ? rng.pick(NameBook.homeClubs) : nil
        return Entrant(
            bib: String(bib), name: name(book.names, male: male), race: race, wave: 0, chip: nextChip(),
            sex: male ? .male : .female, age: rng.int(in: 21...36), country: book.names.code,
            division: .elite, club: club, netTime: net, startPosition: rng.unit(),
            fatigue: rng.double(in: 0...0.06))
    }

    private mutating func amateur(race r: Int, spec: RaceSpec, bib: Int) -> Entrant {
        defer { amateurCount += 1 }
        let foreign = NameBook.foreign
        // Every third early entrant takes the next country in turn, so even a
        // small field covers the whole table.
        let country: CountryNames
        if amateurCount % 3 == 1 && amateurCount / 3 < foreign.count {
            country = foreign[amateurCount / 3]
        } else {
            let weights = [course.homeWeight] + foreign.map(\.weight)
            let i = rng.weightedIndex(weights)
            country = i == 0 ? NameBook.home : foreign[i - 1]
        }
        let home = country.code == "PRK"
        let roll = rng.unit()
        let sex: Sex = roll < (home ? 0.7 : 0.62) ? .male : (roll < 0.99 ? .female : .other)
        let age = rng.chance(0.85) ? 22 + Int((rng.unit() + rng.unit()) * 19) : rng.int(in: 18...85)

        let times = spec.amateurTimes
        var net = Double(triangular(times))
        if sex == .female { net *= 1.06 }
        if age > 45 { net *= 1 + Double(age - 45) * 0.006 }
        let clamped = min(Double(times.slowest), max(Double(times.fastest), net))
        let netTime = Int(clamped.rounded())

        // Fast runners line up at the front; later waves take the slower ones.
        let openWaves = spec.hasEliteWave ? Array(1..<spec.waves.count) : Array(0..<spec.waves.count)
        let q = Double(netTime - times.fastest) / Double(max(1, times.slowest - times.fastest))
        let slot = min(Double(openWaves.count) - 0.000_001, q * Double(openWaves.count))
        let wave = openWaves[Int(slot)]
        let position = min(1, max(0, slot - Double(Int(slot)) + rng.gaussian() * 0.08))

        let club: String?
        if home {
            club = rng.chance(0.4) ? rng.pick(NameBook.homeClubs) : nil
        } else {
            club = rng.chance(0.25) ? rng.pick(NameBook.foreignClubs) : nil
        }
        let chip: String? = rng.chance(course.faults.chiplessRate) ? nil : nextChip()
        let isMaleName = sex == .male || (sex == .other && rng.chance(0.5))
        return Entrant(
            bib: String(bib), name: name(country, male: isMaleName), race: r, wave: wave, chip: chip,
            sex: sex, age: age, country: country.code, division: .amateur, club: club,
            netTime: netTime, startPosition: position, fatigue: rng.double(in: 0.04...0.3))
    }

    /// Triangular draw by the inverse distribution; only `sqrt`, which IEEE
    /// rounds the same everywhere.
    private mutating func triangular(_ t: TimeRange) -> Millis {
        let a = Double(t.fastest), b = Double(t.slowest), c = Double(t.mode)
        let u = rng.unit()
        let split = (c - a) / (b - a)
        let x =
            u < split
            ? a + ((u * (b - a) * (c - a))).squareRoot()
            : b - (((1 - u) * (b - a) * (b - c))).squareRoot()
        return Int(x.rounded())
    }
}
