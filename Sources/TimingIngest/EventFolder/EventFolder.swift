#if canImport(Glibc)
import Glibc
#endif
import RaceModel

/// An event folder on disk: its configuration, its participants and the
/// read files `event.toml` names.
public struct EventFolder: Sendable {
    public var path: String
    public var event: EventConfig
    public var participants: [Participant] {
        didSet { directory = nil }
    }
    /// The participants' directory, where the load made it already (made
    /// again for a list changed since).
    public internal(set) var directory: ParticipantDirectory? = nil
    /// Every read file of every point, main line first within a point.
    public var readFiles: [ReadFileInfo]
    /// The officials' journal (`corrections.csv`), resolved against the participants.
    public var corrections: Corrections
    /// Its rows that could not be applied, each with file, line and reason.
    public var correctionProblems: [ConfigError]
    /// Decoders named on points, to be captured over the network (docs/decoders.md).
    public var decoders: [DecoderSpec]

    public static let configName = "event.toml"
    public static let participantsName = "participants.csv"
    public static let correctionsName = Correction.journalName

    public init(
        path: String, event: EventConfig, participants: [Participant], decoders: [DecoderSpec] = [],
        corrections: [Correction] = [], correctionProblems: [ConfigError] = []
    ) {
        self.path = path
        self.event = event
        self.participants = participants
        self.decoders = decoders
        self.corrections = Corrections(corrections, event: event, participants: participants)
        self.correctionProblems = correctionProblems
        readFiles = event.points.enumerated().flatMap { p, point in
            point.files.enumerated().map {
                ReadFileInfo(
                    path: $1, pointIndex: p, isBackup: $0 > 0,
                    format: $0 < point.formats.count ? point.formats[$0] : nil,
                    seen: point.seen)
            }
        }
    }

    /// Loads `event.toml`, `participants.csv` and, where there is one,
    /// `corrections.csv` (read files are read separately).
    public static func load(_ path: String) throws(ConfigError) -> EventFolder {
        let (event, decoders) = try loadConfig(path)
        return try load(path, event: event, decoders: decoders)
    }

    /// `event.toml` alone: the points, races and read files, and the decoders.
    public static func loadConfig(_ path: String) throws(ConfigError) -> (event: EventConfig, decoders: [DecoderSpec]) {
        try parseConfig(try readText(join(path, configName)), path: path)
    }

    /// The participants and the journal of a folder whose `event.toml` is read.
    /// `spares`: where the participant list's repeat-check tables go once it is read.
    public static func load(
        _ path: String, event: EventConfig, decoders: [DecoderSpec], spares: CodeTable.Spares? = nil
    ) throws(ConfigError) -> EventFolder {
        let correctionsPath = join(path, correctionsName)
        let corrections = access(correctionsPath, F_OK) == 0 ? try readText(correctionsPath) : ""
        return try parse(
            path: path, event: event, decoders: decoders, participants: try readBytes(join(path, participantsName)),
            corrections: corrections, spares: spares)
    }

    /// Parses text already read (for tests and for reloading).
    public static func parse(
        path: String, config: String, participants: String,
        corrections: String = ""
    ) throws(ConfigError) -> EventFolder {
        let (event, decoders) = try parseConfig(config, path: path)
        return try parse(
            path: path, event: event, decoders: decoders, participants: Array(participants.utf8),
            corrections: corrections)
    }

    static func parseConfig(_ config: String, path: String) throws(ConfigError) -> (
        event: EventConfig, decoders: [DecoderSpec]
    ) {
        let event = try EventConfigLoader.parse(config, file: join(path, configName))
        return (event, try DecoderConfigLoader.parse(config, file: join(path, configName), event: event))
    }

    /// The participant list (its file's bytes) and the journal, resolved against the parsed `event.toml`.
    static func parse(
        path: String, event: EventConfig, decoders: [DecoderSpec], participants: [UInt8], corrections: String,
        spares: CodeTable.Spares? = nil
    ) throws(ConfigError) -> EventFolder {
        let list = try ParticipantsLoader.parse(
            participants, file: join(path, participantsName), event: event, spares: spares)
        let journal = CorrectionsLoader.parse(
            corrections, file: join(path, correctionsName), event: event, participants: list)
        return EventFolder(
            path: path, event: event, participants: list, decoders: decoders, corrections: journal.entries,
            correctionProblems: journal.problems)
    }

    /// A participant list's bytes parsed against `event` (the parse bench times it alone).
    public static func participants(parsing bytes: [UInt8], path: String, event: EventConfig) throws(ConfigError)
        -> [Participant]
    {
        try ParticipantsLoader.parse(bytes, file: join(path, participantsName), event: event)
    }

    public var correctionsPath: String { Self.join(path, Self.correctionsName) }

    public func absolutePath(of file: ReadFileInfo) -> String { Self.join(path, file.path) }

    public static func join(_ folder: String, _ name: String) -> String {
        if name.hasPrefix("/") { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func readText(_ path: String) throws(ConfigError) -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// The file's bytes, for a file read as bytes (the participant list: its
    /// fields are decoded one by one, where decoding the whole file first
    /// was a tenth of a big list's load).
    static func readBytes(_ path: String) throws(ConfigError) -> [UInt8] {
        do {
            return try ReadFileScanner.readFile(atPath: path, maxBytes: ConfigText.maxBytes)
        } catch let error as ReadFileError {
            throw ConfigError(file: path, "cannot be read: \(error.reason)")
        } catch {
            throw ConfigError(file: path, "cannot be read: \(error)")
        }
    }
}
