/// Which kind of event to simulate.
public enum SimulationProfile: String, Sendable, Equatable, CaseIterable {
    /// The sample event: marathon, half and 10K sharing a stadium and mats,
    /// modelled on the Pyongyang marathon of 6 April 2025.
    case pyongyang
    /// One big marathon with many runners, for benchmarks.
    case bigCityMarathon = "big-city"
}

public struct SimulationOptions: Sendable, Equatable {
    /// Same seed, same options: byte-identical event.
    public var seed: UInt64
    /// Entrants in total over all races (DNS runners included).
    public var runners: Int
    public var profile: SimulationProfile

    public init(seed: UInt64 = 2025, runners: Int = 1000, profile: SimulationProfile = .pyongyang) {
        self.seed = seed
        self.runners = runners
        self.profile = profile
    }
}
