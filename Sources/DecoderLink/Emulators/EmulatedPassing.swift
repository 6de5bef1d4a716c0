import RaceModel
import TimingIngest

/// A passing as an emulated decoder holds it: what any protocol can send.
public struct EmulatedPassing: Sendable, Equatable {
    public var code: String
    public var date: CivilDate?
    public var timeOfDay: Millis
    /// A gun (trigger) marker rather than a runner's passing.
    public var isGun: Bool

    public init(code: String, date: CivilDate? = nil, timeOfDay: Millis, isGun: Bool = false) {
        self.code = code
        self.date = date
        self.timeOfDay = timeOfDay
        self.isGun = isGun
    }

    /// The decoder reads of a read file's lines: reads and gun markers; hand
    /// timing, garbage, control lines and comments stay in the file, and of an
    /// IPICO reader's first- and last-seen pair only the first (what a point takes by default).
    public static func decoderReads(of lines: [String]) -> [EmulatedPassing] {
        lines.flatMap { line -> [EmulatedPassing] in
            let parsed: ParsedLine = ReadLineParser.parse(line)
            switch parsed {
            case .read(let r) where r.format != .manual && r.edge != .last:
                return [EmulatedPassing(code: r.code, date: r.date, timeOfDay: r.timeOfDay)]
            case .reads(let reads):
                return reads.map { EmulatedPassing(code: $0.code, date: $0.date, timeOfDay: $0.timeOfDay) }
            case .gunMarker(let time, let date, _):
                return [EmulatedPassing(code: "guntime", date: date, timeOfDay: time, isGun: true)]
            default: return []
            }
        }
    }
}
