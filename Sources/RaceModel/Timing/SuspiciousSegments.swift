/// A segment between two counted splits run much faster than the runner's
/// own pace elsewhere: a cut course or a chip carried by someone else.
public struct SuspiciousSegment: Sendable, Equatable {
    /// Checkpoint indices of the segment's ends.
    public var from: Int
    public var to: Int
    public var kmh: Double
    /// The runner's typical speed over their other segments (the median).
    public var usualKmh: Double

    public var ratio: Double { kmh / usualKmh }
}

enum SuspiciousSegments {
    /// Segments of at least `minimumKm`, compared with the median speed of the
    /// runner's other segments: a fade or a fast finish stays well within
    /// 1.5x of it, a shortcut does not.
    static let minimumKm = 1.0

    /// A named struct, not a tuple: a tuple's type is looked up at run time on each call.
    struct Segment {
        var from: Int
        var to: Int
        var kmh: Double
    }

    static func find(
        splits: [CountedSplit], origin: Millis, checkpoints: [Checkpoint], ratio: Double
    ) -> [SuspiciousSegment] {
        // Three segments need four splits; most timelines (mid-race, DNS) stop here without allocating.
        guard splits.reduce(0, { $0 + ($1.time == nil ? 0 : 1) }) >= 4 else { return [] }
        // On the stack: this runs for every finisher of every snapshot.
        return withUnsafeTemporaryAllocation(of: Segment.self, capacity: splits.count) {
            segments in
            var n = 0
            var last: (index: Int?, km: Double, time: Millis) = (nil, 0, origin)
            for c in splits.indices {
                guard let t = splits[c].time else { continue }
                let km = checkpoints[c].km - last.km
                if km >= minimumKm, t > last.time, let from = last.index {
                    segments[n] = Segment(from: from, to: c, kmh: km / (Double(t - last.time) / 3_600_000))
                    n += 1
                }
                last = (c, checkpoints[c].km, t)
            }
            guard n >= 3 else { return [] }
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { buffer in
                let sorted = buffer
                // Insertion sort: a dozen segments, and no buffer for a merge.
                for i in 0..<n {
                    let v = segments[i].kmh
                    var k = i
                    while k > 0 && sorted[k - 1] > v {
                        sorted[k] = sorted[k - 1]
                        k -= 1
                    }
                    sorted[k] = v
                }
                // The median of the others, from one sorted copy: leaving out the
                // segment at sorted position k shifts the positions after k by one.
                func usual(without k: Int) -> Double {
                    let others = n - 1
                    func other(_ i: Int) -> Double { sorted[i < k ? i : i + 1] }
                    return others % 2 == 1 ? other(others / 2) : (other(others / 2 - 1) + other(others / 2)) / 2
                }
                // Leaving out the last position gives the lowest usual speed any
                // segment has: when the fastest is within the ratio of it, every
                // segment is within the ratio of its own (nearly every runner).
                if sorted[n - 1] < ratio * usual(without: n - 1) { return [] }
                var out: [SuspiciousSegment] = []
                for segment in segments[..<n] {
                    let usual = usual(without: sorted.firstIndex(of: segment.kmh)!)
                    if segment.kmh >= ratio * usual {
                        out.append(
                            SuspiciousSegment(from: segment.from, to: segment.to, kmh: segment.kmh, usualKmh: usual))
                    }
                }
                return out
            }
        }
    }
}

extension SuspiciousSegment {
    /// `20K to 40K at 23.6 km/h, 2.0x their usual 11.8 km/h`
    public func text(in race: Race) -> String {
        let r = { (x: Double) in (x * 10).rounded() / 10 }
        return "\(race.checkpoints[from].id) to \(race.checkpoints[to].id) at \(r(kmh)) km/h, "
            + "\(r(ratio))x their usual \(r(usualKmh)) km/h"
    }
}
