import NIOCore
import RaceModel

/// An IPICO reader's TCP stream on the network: every connected client gets
/// each read as a 36-character `aa` line as it happens, and a status `ab`
/// frame at the heartbeat interval; nothing is replayed to a client that
/// connects later, as on the real reader.
public final class IPICOEmulator: Sendable {
    private let server: EmulatorServer
    /// The date of reads that carry none (IPICO lines always carry one).
    private let date: CivilDate

    /// A status frame as the reader sends between reads (from a real capture).
    static let statusFrame = "ab000d4b0104019e0000000059058f050509"

    private init(server: EmulatorServer, date: CivilDate) {
        self.server = server
        self.date = date
    }

    public static func start(
        group: EventLoopGroup, host: String = "127.0.0.1", port: Int = 0, date: CivilDate,
        heartbeat: Duration = .seconds(1)
    ) async throws -> IPICOEmulator {
        let every = TimeAmount.nanoseconds(
            Int64(heartbeat.components.seconds) * 1_000_000_000 + heartbeat.components.attoseconds / 1_000_000_000)
        let server = try await EmulatorServer.start(
            group: group, host: host, port: port, subscribedOnConnect: true,
            heartbeat: (every, statusFrame)
        ) { _, _ in [] }
        return IPICOEmulator(server: server, date: date)
    }

    public var port: Int { server.port }
    public var connectedClients: Int { server.subscribedClients }
    public var cutsMade: Int { server.cutsMade }
    /// Connections accepted since the start.
    public var accepted: Int { server.accepted }

    /// Reads go out to whoever is connected now; gun markers are left out (the trigger frame's layout is not established).
    public func add(_ passings: [EmulatedPassing]) {
        server.push(passings.filter { !$0.isGun }.map { line($0) })
    }

    /// The same reads sent again, as the reader resends a read about 5.5 s later.
    public func resend(_ passings: [EmulatedPassing]) { add(passings) }

    public func dropConnections() { server.dropConnections() }
    public func cutNextPush() { server.cutNextPush() }
    public func setSilent(_ silent: Bool) { server.setSilent(silent) }
    public func stop() async { await server.stop() }

    func line(_ p: EmulatedPassing) -> String { Self.line(p, date: date) }

    /// `aa` + reader 00 + tag (12 hex) + `0001` + YYMMDD + HHMMSS + hundredths (hex) + checksum of columns 3-34.
    static func line(_ p: EmulatedPassing, date: CivilDate) -> String {
        let d = p.date ?? date
        let s = p.timeOfDay / 1000
        var text = "aa00" + p.code.lowercased() + "0001"
        for v in [d.year % 100, d.month, d.day, s / 3600, (s / 60) % 60, s % 60] { text += TimeFormat.pad2(v) }
        text += hex2((p.timeOfDay % 1000) / 10)
        let sum = text.utf8.dropFirst(2).reduce(0) { $0 + Int($1) }
        return text + hex2(sum % 256)
    }

    private static func hex2(_ v: Int) -> String {
        let h = String(v, radix: 16)
        return h.count == 1 ? "0" + h : h
    }
}

extension IPICOEmulator: EmulatedDecoder {}
