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
    private let server: EmulatorServer
    private let memory: Memory

    /// The decoder's passing file: what it holds and how it numbers.
    private final class Memory: Sendable {
        struct Held {
            var passings: [EmulatedPassing] = []
            var fileNumber = 1
        }
        let held = Mutex(Held())
        let clock: TimeOfDayClock
        let clockSkew: Millis
        init(clock: TimeOfDayClock, clockSkew: Millis) {
            self.clock = clock
            self.clockSkew = clockSkew
        }
    }

    private init(server: EmulatorServer, memory: Memory) {
        self.server = server
        self.memory = memory
    }

    /// Listens on a loopback address; port 0 takes a free one (see `port`).
    public static func start(
        group: EventLoopGroup, host: String = "127.0.0.1", port: Int = 0,
        clock: TimeOfDayClock, clockSkew: Millis = 0
    ) async throws -> RaceResultEmulator {
        let memory = Memory(clock: clock, clockSkew: clockSkew)
        let serverBox = Mutex<EmulatorServer?>(nil)
        let server = try await EmulatorServer.start(group: group, host: host, port: port, subscribedOnConnect: false) {
            line, channel in
            let (reply, push) = answer(line, memory)
            if let push { serverBox.withLock { $0 }?.subscribe(channel, push) }
            return reply
        }
        serverBox.withLock { $0 = server }
        return RaceResultEmulator(server: server, memory: memory)
    }

    public var port: Int { server.port }
    /// Passings held in the current file.
    public var count: Int { memory.held.withLock { $0.passings.count } }
    /// Clients that asked for pushed passings.
    public var pushClients: Int { server.subscribedClients }
    /// Pushes cut mid-line so far.
    public var cutsMade: Int { server.cutsMade }

    /// New passings: numbered, held, and pushed to every client that asked for pushes.
    /// Gun markers are left out: a RACE RESULT decoder reports its trigger input otherwise.
    public func add(_ all: [EmulatedPassing]) {
        let passings = all.filter { !$0.isGun }
        let lines = memory.held.withLock { h -> [String] in
            let first = h.passings.count + 1
            h.passings.append(contentsOf: passings)
            return passings.enumerated().map {
                "#P;" + Self.line(number: first + $0.offset, $0.element, file: h.fileNumber)
            }
        }
        server.push(lines)
    }

    /// Fault: every connection drops (a router reboots); passings stay held.
    public func dropConnections() { server.dropConnections() }

    /// Fault: the decoder restarts: connections drop and a new file starts, numbered from 1.
    public func restart() {
        memory.held.withLock { h in
            h.passings = []
            h.fileNumber += 1
        }
        server.dropConnections()
    }

    /// Fault: the next pushed batch (with a client to push to) stops half-way through its first line and the connection drops.
    public func cutNextPush() { server.cutNextPush() }

    /// Fault: the decoder goes quiet (no answers, no pushes) while keeping the connection open.
    public func setSilent(_ silent: Bool) { server.setSilent(silent) }

    /// The decoder goes away: it stops listening and drops every connection.
    public func stop() async { await server.stop() }

    /// A passing as the decoder writes it (protocol 3.x, 20 fields).
    static func line(number: Int, _ p: EmulatedPassing, file: Int) -> String {
        let date = p.date.map(\.description) ?? "0000-00-00"
        return
            "\(number);\(p.code);\(date);\(TimeFormat.timeOfDay(p.timeOfDay, millis: true));0;3;-55;0;0;1;1;0;0;0;0;0;Box 1;\(file);1;D-4100"
    }

    /// The answer to a request, and whether it turns pushes on or off.
    private static func answer(_ line: String, _ memory: Memory) -> (reply: [String], push: Bool?) {
        let fields = line.split(separator: ";", omittingEmptySubsequences: false)
        return memory.held.withLock { h in
            if let colon = line.firstIndex(of: ":"), let from = Int(line[..<colon]),
                let n = Int(line[line.index(after: colon)...])
            {
                let first = max(from, 1)
                let last = min(from + n - 1, h.passings.count)
                guard first <= last else { return ([], nil) }
                return ((first...last).map { Self.line(number: $0, h.passings[$0 - 1], file: h.fileNumber) }, nil)
            }
            switch fields.first {
            case "SETPUSHPASSINGS": return ([line], fields.count >= 2 && fields[1] == "1")
            case "PASSINGS": return (["PASSINGS;\(h.passings.count);\(h.fileNumber)"], nil)
            case "SETPROTOCOL": return ([fields.count >= 2 ? "SETPROTOCOL;\(fields[1])" : "SETPROTOCOL;3.2"], nil)
            case "GETSTATUS":
                let now = TimeFormat.timeOfDay(memory.clock.now() + memory.clockSkew, millis: true)
                return (
                    ["GETSTATUS;0000-00-00;\(now);1;1;1;\(h.fileNumber);0;0,0;1;100;0;0;0;0;0;0;0;0;0;0;0;0;0;0"], nil
                )
            default: return (["ERROR;unknown command"], nil)
            }
        }
    }
}
