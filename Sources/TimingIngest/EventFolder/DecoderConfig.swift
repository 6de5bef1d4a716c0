import RaceModel
import TOMLKit

/// How racedash talks to a decoder: to a RACE RESULT decoder and an IPICO
/// reader racedash connects; a ChronoTrack controller (CTP01) and MYLAPS
/// Timing & Scoring (MYLAPS Exchange) connect to racedash, which listens.
public enum DecoderProtocol: String, Sendable, Equatable, CaseIterable {
    case raceResult = "race-result", ipico, ctp01, mylaps

    /// The port the protocol's public description names.
    public var defaultPort: Int {
        switch self {
        case .raceResult: 3601
        case .ipico: 10000
        case .ctp01: 61611
        // No port is fixed by MYLAPS (it is set in Timing & Scoring); racemap's forwarder listens on 3097.
        case .mylaps: 3097
        }
    }

    /// True when racedash opens the connection; false when it listens.
    public var dialsOut: Bool { self == .raceResult || self == .ipico }
}

/// A decoder named on a point in `event.toml`: where to reach it and which
/// read file its passings are appended to.
public struct DecoderSpec: Sendable, Equatable {
    public var pointId: String
    /// Relative to the event folder: the point's main read file unless `file` names another of its files.
    public var file: String
    public var kind: DecoderProtocol
    /// The decoder's address, or for a listening protocol the local address to listen on.
    public var host: String
    public var port: Int
    /// CTP01 and MYLAPS location name; nil takes whatever the decoder side names.
    public var location: String?
    /// Nothing heard for this long and the link is called silent and dropped.
    public var silentAfter: Millis

    public static let defaultSilentAfter: Millis = 15_000

    public init(
        pointId: String, file: String, kind: DecoderProtocol, host: String, port: Int,
        location: String? = nil, silentAfter: Millis = DecoderSpec.defaultSilentAfter
    ) {
        self.pointId = pointId
        self.file = file
        self.kind = kind
        self.host = host
        self.port = port
        self.location = location
        self.silentAfter = silentAfter
    }

    /// `host:port`, bracketing an IPv6 address.
    public var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Reads the `decoder = { ... }` tables of `[[points]]`, checked against the
/// already validated points, naming the key path in every error.
enum DecoderConfigLoader {
    static func parse(_ text: String, file: String, event: EventConfig) throws(ConfigError) -> [DecoderSpec] {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch { throw ConfigError(file: file, "not valid TOML: \(error)") }
        let reader = TableReader(file: file)
        guard let pointsArray = root["points"]?.array else { return [] }
        var specs: [DecoderSpec] = []
        for (i, item) in pointsArray.enumerated() {
            guard let pointTable = item.table, let value = pointTable["decoder"] else { continue }
            let path = "points[\(i)].decoder"
            guard let t = value.table else {
                throw reader.fail(path, "must be a table like { protocol = \"race-result\", host = \"10.0.0.5\" }")
            }
            let point = event.points[i]
            let spec = try decoder(t, point: point, at: path, reader: reader)
            if let other = specs.first(where: { $0.host == spec.host && $0.port == spec.port }) {
                throw reader.fail(path, "\(spec.endpoint) is also the decoder of point '\(other.pointId)'")
            }
            specs.append(spec)
        }
        return specs
    }

    private static let knownKeys: Set<String> = ["protocol", "host", "port", "file", "location", "silent_after"]

    private static func decoder(_ t: TOMLTable, point: TimingPoint, at path: String, reader: TableReader)
        throws(ConfigError) -> DecoderSpec
    {
        for key in t.keys where !knownKeys.contains(key) {
            throw reader.fail(
                path, "unknown key '\(key)'; a decoder takes \(knownKeys.sorted().joined(separator: ", "))")
        }
        let name = try reader.string(t, "protocol", at: path)
        guard let kind = DecoderProtocol(rawValue: name) else {
            let known = DecoderProtocol.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw reader.fail(path, "protocol \"\(name)\" is not one of \(known)")
        }
        let host: String
        if kind.dialsOut {
            host = try reader.string(t, "host", at: path)
        } else {
            host = try reader.optionalString(t, "host", at: path) ?? "0.0.0.0"
        }
        guard !host.contains(where: { $0 == " " || $0 == "/" }) else {
            throw reader.fail(path, "host '\(host)' is not an address or host name")
        }
        var port = kind.defaultPort
        if let v = t["port"] {
            // Port 0 lets a listening link take any free port (tests, emulators): the status shows which.
            let lowest = kind.dialsOut ? 1 : 0
            guard let p = v.int, (lowest...65_535).contains(p) else {
                throw reader.fail(path, "'port' must be a whole number from \(lowest) to 65535")
            }
            port = p
        }
        let file = try reader.optionalString(t, "file", at: path) ?? point.files[0]
        guard point.files.contains(file) else {
            throw reader.fail(
                path,
                "file '\(file)' is not one of point '\(point.id)''s files (\(point.files.joined(separator: ", ")))")
        }
        let location = try reader.optionalString(t, "location", at: path)
        var silentAfter = DecoderSpec.defaultSilentAfter
        if let seconds = try reader.optionalNumber(t, "silent_after", at: path) {
            guard seconds >= 0.1 else { throw reader.fail(path, "'silent_after' must be at least 0.1 seconds") }
            silentAfter = Int((seconds * 1000).rounded())
        }
        return DecoderSpec(
            pointId: point.id, file: file, kind: kind, host: host, port: port,
            location: location, silentAfter: silentAfter)
    }
}
