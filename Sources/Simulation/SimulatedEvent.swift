import RaceModel

/// A whole recorded race, held in memory: what `write(to:)` puts on disk, with
/// the time each read line would be written, so a live mode can replay it.
public struct SimulatedEvent: Sendable {
    public var options: SimulationOptions
    /// Text of `event.toml`.
    public var eventToml: String
    /// Text of `participants.csv`.
    public var participantsCSV: String
    /// Every read file named by `event.toml`, in the order the points list them.
    public var readFiles: [SimulatedReadFile]
    /// The event and entrants the two texts describe, for tests and benchmarks
    /// that want to skip parsing.
    public var config: EventConfig
    public var participants: [Participant]
    /// What really happened, and every planted fault.
    public var truth: SimulationTruth
}

public struct SimulatedReadFile: Sendable, Equatable {
    /// Relative to the event folder, as `event.toml` names it.
    public var path: String
    public var pointId: String
    /// A backup line (or hand timing) rather than the point's main line.
    public var isBackup: Bool
    public var format: ReadFormat
    /// In write order.
    public var lines: [SimulatedLine]
}

public struct SimulatedLine: Sendable, Equatable {
    /// Time of day (event date) at which the decoder writes the line.
    public var time: Millis
    /// The line without its newline.
    public var text: String

    public init(time: Millis, text: String) {
        self.time = time
        self.text = text
    }
}
