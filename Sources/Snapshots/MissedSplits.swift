import RaceModel

/// Splits missed at one checkpoint of one race, and the mat outages they
/// show: stretches where the mat read nobody while several runners passed.
public struct CheckpointMisses: Sendable, Equatable {
    /// When the mat read none of at least `MissedSplitRule.outageRunners`
    /// runners in a row, by their estimated passing times.
    public struct Outage: Sendable, Equatable {
        public var from: Millis
        public var to: Millis
        public var runners: Int
    }

    public var race: Int
    public var checkpoint: Int
    public var missed: Int
    public var outages: [Outage]
}

extension RaceSnapshot {
    /// Checkpoints with missed splits, in race and course order. A missed
    /// passing is placed in time between the runner's splits either side
    /// (by distance); a run of `outageRunners` or more such passings with no
    /// read among them is an outage of the mat.
    public func missedSplitsByCheckpoint(outageRunners: Int = 3) -> [CheckpointMisses] {
        let timelines = evaluation.timelines
        var out: [CheckpointMisses] = []
        for (r, race) in event.races.enumerated() {
            // (time, missed) passings per checkpoint, only built for checkpoints with a miss.
            var passings: [Int: [(time: Millis, missed: Bool)]] = [:]
            var missed: [Int: Int] = [:]
            for runner in participants.indices where participants[runner].raceIndex == r {
                for c in timelines[runner].missed {
                    missed[c, default: 0] += 1
                    if let t = estimatedPassing(timelines[runner].counted, at: c, race: race) {
                        passings[c, default: []].append((t, true))
                    }
                }
            }
            guard !missed.isEmpty else { continue }
            for runner in participants.indices where participants[runner].raceIndex == r {
                let counted = timelines[runner].counted
                for c in missed.keys where counted.indices.contains(c) {
                    if let t = counted[c].time { passings[c, default: []].append((t, false)) }
                }
            }
            for c in missed.keys.sorted() {
                let outages = Self.outages(in: passings[c] ?? [], minimum: max(1, outageRunners))
                out.append(CheckpointMisses(race: r, checkpoint: c, missed: missed[c]!, outages: outages))
            }
        }
        return out
    }

    /// Time of day a runner should have crossed checkpoint `c`, from the
    /// nearest splits before and after it.
    func estimatedPassing(_ splits: [CountedSplit], at c: Int, race: Race) -> Millis? {
        guard let before = (0..<c).last(where: { splits[$0].time != nil }),
            let after = ((c + 1)..<splits.count).first(where: { splits[$0].time != nil }),
            let t0 = splits[before].time, let t1 = splits[after].time
        else { return nil }
        let k0 = race.checkpoints[before].km, k1 = race.checkpoints[after].km
        guard k1 > k0 else { return t0 }
        return t0 + Int((Double(t1 - t0) * (race.checkpoints[c].km - k0) / (k1 - k0)).rounded())
    }

    static func outages(in passings: [(time: Millis, missed: Bool)], minimum: Int) -> [CheckpointMisses.Outage] {
        // A read wins a tie: a mat that read someone at that moment was up.
        let ordered = passings.sorted { $0.time != $1.time ? $0.time < $1.time : !$0.missed && $1.missed }
        var out: [CheckpointMisses.Outage] = []
        var run: [Millis] = []
        func close() {
            if run.count >= minimum { out.append(.init(from: run.first!, to: run.last!, runners: run.count)) }
            run = []
        }
        for p in ordered {
            if p.missed { run.append(p.time) } else { close() }
        }
        close()
        return out
    }
}
