import RaceModel

/// What a replay makes once for its seeks (`RaceState.prepareForReplay`).
struct ReplayPreparation: Sendable {
    /// The reads laid out runner by runner.
    let ordered: RunnerOrderedReads
    /// Each runner's timeline once all their reads and hand times are behind
    /// the clock: from `settledAt[runner]` on, their timeline at any clock.
    /// A seek late in the race takes most of the field from here instead of
    /// timing every runner again.
    let settled: ChunkedArray<RunnerTimeline>
    /// The latest read or hand time of each runner (`Millis.min`: none).
    let settledAt: [Millis]

    init(log: ReadLog, grouped: RaceComputation.Grouped, computation: RaceComputation) {
        let runners = computation.participants.count
        let ordered = RunnerOrderedReads(log: log, grouped: grouped, runners: runners)
        self.ordered = ordered
        settledAt = (0..<runners).map { r in
            max(ordered.lastTime(of: r) ?? .min, computation.corrections.lastHandTime(runner: r) ?? .min)
        }
        // A timeline depends on the reads and hand times up to the clock and on nothing else.
        settled = computation.timelines(ordered: ordered, at: .max)
    }

    /// `runner`'s timeline at `at`, when it is the settled one.
    func timeline(of runner: Int, at: Millis) -> RunnerTimeline? {
        at >= settledAt[runner] ? settled[runner] : nil
    }
}
