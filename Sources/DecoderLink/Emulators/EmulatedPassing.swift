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
        self.code = code; self.date = date; self.timeOfDay = timeOfDay; self.isGun = isGun
    }

    /// The decoder reads of a read file's lines: reads and gun markers; hand
    /// timing, garbage and comments stay in the file.
    public static func decoderReads(of lines: [String]) -> [EmulatedPassing] {
        lines.compactMap { line in
            switch ReadLineParser.parse(line) {
            case .read(let r) where r.format != .manual: EmulatedPassing(code: r.code, date: r.date, timeOfDay: r.timeOfDay)
            case .gunMarker(let time, let date): EmulatedPassing(code: "guntime", date: date, timeOfDay: time, isGun: true)
            default: nil
            }
        }
    }
}
