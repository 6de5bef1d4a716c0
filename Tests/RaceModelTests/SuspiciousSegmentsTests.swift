import Testing
import Simulation
@testable import RaceModel

/// The segment check against its definition, written out plainly: each
/// segment of at least a kilometre against the median speed of the runner's
/// other segments.
@Suite struct SuspiciousSegmentsTests {
    /// Speeds of whole km/h over 5 km legs give exact times, so a segment
    /// exactly at the ratio is met as often as one just over or under it.
    @Test func findGivesWhatTheDefinitionGives() {
        var random = SplitMix64(seed: 11)
        var flagged = 0, atTheRatio = 0
        for _ in 0..<20_000 {
            let count = 4 + below(&random, 9)
            var km = 0.0, time: Millis = 8 * 3_600_000
            var checkpoints: [Checkpoint] = []
            var splits: [CountedSplit] = []
            for c in 0..<count {
                let leg = [0.5, 2.5, 5, 5, 5][below(&random, 5)]
                let kmh = [8.0, 10, 10, 12, 20, 20, 25][below(&random, 7)]
                km += leg
                time += below(&random, 40) == 0 ? 0 : Millis((leg / kmh * 3_600_000).rounded())
                checkpoints.append(Checkpoint(id: "c\(c)", pointIndex: c, km: km))
                splits.append(CountedSplit(time: below(&random, 8) == 0 ? nil : time, ref: nil))
            }
            let ratio = [2.0, 1.5, 2.5][below(&random, 3)]
            let found = SuspiciousSegments.find(
                splits: splits, origin: 8 * 3_600_000, checkpoints: checkpoints, ratio: ratio)
            let expected = Self.definition(
                splits: splits, origin: 8 * 3_600_000, checkpoints: checkpoints, ratio: ratio)
            #expect(found == expected.segments)
            if found != expected.segments { return }
            flagged += found.count
            atTheRatio += expected.atTheRatio
        }
        // The cases that matter were met: flags, and segments exactly at the ratio.
        #expect(flagged > 500)
        #expect(atTheRatio > 50)
    }

    private func below(_ random: inout SplitMix64, _ n: Int) -> Int { Int.random(in: 0..<n, using: &random) }

    /// Segments between counted splits at least a kilometre apart, each set
    /// against the median of all the others; and how many sat exactly at the ratio.
    static func definition(splits: [CountedSplit], origin: Millis, checkpoints: [Checkpoint], ratio: Double) -> (
        segments: [SuspiciousSegment], atTheRatio: Int
    ) {
        guard splits.filter({ $0.time != nil }).count >= 4 else { return ([], 0) }
        var segments: [(from: Int, to: Int, kmh: Double)] = []
        var last: (index: Int?, km: Double, time: Millis) = (nil, 0, origin)
        for c in splits.indices {
            guard let t = splits[c].time else { continue }
            let km = checkpoints[c].km - last.km
            if km >= SuspiciousSegments.minimumKm, t > last.time, let from = last.index {
                segments.append((from, c, km / (Double(t - last.time) / 3_600_000)))
            }
            last = (c, checkpoints[c].km, t)
        }
        guard segments.count >= 3 else { return ([], 0) }
        var out: [SuspiciousSegment] = []
        var atTheRatio = 0
        for (i, segment) in segments.enumerated() {
            var others = segments.map(\.kmh)
            others.remove(at: i)
            others.sort()
            let n = others.count
            let usual = n % 2 == 1 ? others[n / 2] : (others[n / 2 - 1] + others[n / 2]) / 2
            if segment.kmh == ratio * usual { atTheRatio += 1 }
            if segment.kmh >= ratio * usual {
                out.append(SuspiciousSegment(from: segment.from, to: segment.to, kmh: segment.kmh, usualKmh: usual))
            }
        }
        return (out, atTheRatio)
    }
}
