import NIOCore
import NIOPosix
import RaceModel
import Synchronization
import TimingIngest

/// A RACE RESULT decoder on the network, for tests, benchmarks and
/// `racedash simulate --serve`: it holds passings numbered from 1 in its
/// current file, pushes new ones as `#P;...` to clients that asked
/// (`SETPUSHPASSINGS;1`), answers `PASSINGS`, `<from>:<count>`, `GETSTATUS` and
/// `SETPROTOCOL`, and plays the faults of race day on command.
public final class RaceResultEmulator: Sendable {
    public let port: Int
    private let server: Channel
    private let clock: TimeOfDayClock
    private let clockSkew: Millis

    private struct Client {
        var channel: Channel
        var push = false
    }
    private struct State {
        var passings: [EmulatedPassing] = []
        var fileNumber = 1
        var silent = false
        var cutNextPush = false
        var cutsMade = 0
        var clients: [ObjectIdentifier: Client] = [:]
    }
    private let state = Mutex(State())

    private init(server: Channel, port: Int, clock: TimeOfDayClock, clockSkew: Millis) {
        self.server = server; self.port = port; self.clock = clock; self.clockSkew = clockSkew
    }

    /// Listens on a loopback address; port 0 takes a free one (see `port`).
    public static func start(group: EventLoopGroup, host: String = "127.0.0.1", port: Int = 0,
                             clock: TimeOfDayClock, clockSkew: Millis = 0) async throws -> RaceResultEmulator {
        let box = Mutex<RaceResultEmulator?>(nil)
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                EmulatorConnection.install(on: child) {
                    EmulatorConnection(
                        opened: { box.withLock { $0 }?.opened($0) },
                        respond: { box.withLock { $0 }?.respond($0, on: $1) },
                        closed: { box.withLock { $0 }?.closed($0) })
                }
            }
            .bind(host: host, port: port).get()
        let emulator = RaceResultEmulator(server: server, port: server.localAddress?.port ?? port, clock: clock, clockSkew: clockSkew)
        box.withLock { $0 = emulator }
        return emulator
    }

    /// Passings held in the current file.
    public var count: Int { state.withLock { $0.passings.count } }
    public var connectedClients: Int { state.withLock { $0.clients.count } }
    /// Clients that asked for pushed passings.
    public var pushClients: Int { state.withLock { $0.clients.values.filter(\.push).count } }
    /// Pushes cut mid-line so far.
    public var cutsMade: Int { state.withLock { $0.cutsMade } }

    /// New passings: numbered, held, and pushed to every client that asked for pushes.
    /// Gun markers are left out: a RACE RESULT decoder reports its trigger input otherwise.
    public func add(_ all: [EmulatedPassing]) {
        let passings = all.filter { !$0.isGun }
        let (targets, lines, cut) = state.withLock { s -> ([Channel], [String], Bool) in
            let first = s.passings.count + 1
            s.passings.append(contentsOf: passings)
            guard !s.silent else { return ([], [], false) }
            let lines = passings.enumerated().map { "#P;" + Self.line(number: first + $0.offset, $0.element, file: s.fileNumber) }
            let targets = s.clients.values.filter(\.push).map(\.channel)
            let cut = s.cutNextPush && !targets.isEmpty && !lines.isEmpty
            if cut { s.cutNextPush = false; s.cutsMade += 1 }
            return (targets, lines, cut)
        }
        for channel in targets {
            EmulatorConnection.send(lines, to: channel, cutAfter: cut ? (lines[0].utf8.count / 2) : nil)
        }
    }

    /// Fault: every connection drops (a router reboots); passings stay held.
    public func dropConnections() {
        let dropped = state.withLock { s -> [Channel] in
            defer { s.clients = [:] }
            return s.clients.values.map(\.channel)
        }
        for channel in dropped { channel.close(promise: nil) }
    }

    /// Fault: the decoder restarts: connections drop and a new file starts, numbered from 1.
    public func restart() {
        state.withLock { s in
            s.passings = []
            s.fileNumber += 1
        }
        dropConnections()
    }

    /// Fault: the next pushed batch (with a client to push to) stops half-way through its first line and the connection drops.
    public func cutNextPush() { state.withLock { $0.cutNextPush = true } }

    /// Fault: the decoder goes quiet (no answers, no pushes) while keeping the connection open.
    public func setSilent(_ silent: Bool) { state.withLock { $0.silent = silent } }

    /// The decoder goes away: it stops listening and drops every connection.
    public func stop() async {
        try? await server.close()
        dropConnections()
    }

    /// A passing as the decoder writes it (protocol 3.x, 20 fields).
    static func line(number: Int, _ p: EmulatedPassing, file: Int) -> String {
        let date = p.date.map(\.description) ?? "0000-00-00"
        return "\(number);\(p.code);\(date);\(TimeFormat.timeOfDay(p.timeOfDay, millis: true));0;3;-55;0;0;1;1;0;0;0;0;0;Box 1;\(file);1;D-4100"
    }

    private func opened(_ channel: Channel) {
        state.withLock { $0.clients[ObjectIdentifier(channel)] = Client(channel: channel) }
    }

    private func closed(_ channel: Channel) {
        _ = state.withLock { $0.clients.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    private func respond(_ line: String, on channel: Channel) {
        let fields = line.split(separator: ";", omittingEmptySubsequences: false)
        let reply = state.withLock { s -> [String] in
            guard !s.silent else { return [] }
            if let colon = line.firstIndex(of: ":"), let from = Int(line[..<colon]), let n = Int(line[line.index(after: colon)...]) {
                let first = max(from, 1)
                let last = min(from + n - 1, s.passings.count)
                guard first <= last else { return [] }
                return (first...last).map { Self.line(number: $0, s.passings[$0 - 1], file: s.fileNumber) }
            }
            switch fields.first {
            case "SETPUSHPASSINGS":
                s.clients[ObjectIdentifier(channel)]?.push = fields.count >= 2 && fields[1] == "1"
                return [line]
            case "PASSINGS": return ["PASSINGS;\(s.passings.count);\(s.fileNumber)"]
            case "SETPROTOCOL": return [fields.count >= 2 ? "SETPROTOCOL;\(fields[1])" : "SETPROTOCOL;3.2"]
            case "GETSTATUS":
                let now = clock.now() + clockSkew
                return ["GETSTATUS;0000-00-00;\(TimeFormat.timeOfDay(now, millis: true));1;1;1;\(s.fileNumber);0;0,0;1;100;0;0;0;0;0;0;0;0;0;0;0;0;0;0"]
            default: return ["ERROR;unknown command"]
            }
        }
        EmulatorConnection.send(reply, to: channel)
    }
}
