import RaceModel

/// How one entrant's race went: true crossing time at each checkpoint.
struct Run {
    var crossings: [Millis?]
    var status: RunnerStatus
    /// Checkpoint index where a DNF stopped.
    var lastCheckpoint: Int?
}

enum RunGenerator {
    /// Everyone's crossings as if all finished; faults are applied afterwards.
    static func runs(of entrants: [Entrant], course: CourseSpec, seed: UInt64) -> [Run] {
        var runs: [Run] = []
        runs.reserveCapacity(entrants.count)
        var rng = SplitMix64(seed: seed, stream: 3)
        var weights: [Double] = []
        for e in entrants {
            let race = course.races[e.race]
            let wave = race.waves[e.wave]
            let cps = race.checkpoints
            let distance = cps[cps.count - 1].km

            // The front of a wave is over the mat a second or two after the
            // gun; the back needs minutes.
            let jitter = e.division == .elite ? 0 : rng.gaussian() * 4_000
            let offset = 1_000 + Double(wave.startSpread) * e.startPosition + jitter
            let start = wave.gun + max(1_000, Int(offset.rounded()))

            // Pace per segment: fatigue in the second half and a little noise,
            // scaled so the sum is the entrant's net time.
            weights.removeAll(keepingCapacity: true)
            var total = 0.0
            for k in 1..<cps.count {
                let length = cps[k].km - cps[k - 1].km
                let x = (cps[k].km + cps[k - 1].km) / 2 / distance
                let late = x < 0.5 ? 0 : (x - 0.5) * 2
                let w = length * (1 + e.fatigue * late * late) * (1 + 0.02 * rng.gaussian())
                weights.append(w)
                total += w
            }
            var crossings: [Millis?] = [start]
            crossings.reserveCapacity(cps.count)
            var sum = 0.0
            for w in weights {
                sum += w
                crossings.append(start + Int((Double(e.netTime) * sum / total).rounded()))
            }
            runs.append(Run(crossings: crossings, status: .finished, lastCheckpoint: nil))
        }
        return runs
    }
}
