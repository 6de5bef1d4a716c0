import NIOCore
import NIOPosix
import Synchronization

/// What every emulated decoder that listens shares: its connections, pushing
/// lines to those that asked, answering requests, a heartbeat, and the faults
/// of race day (drop, a push cut mid-line, silence).
final class EmulatorServer: Sendable {
    let port: Int
    private let server: Channel

    private struct Client {
        var channel: Channel
        var subscribed: Bool
    }
    private struct State {
        var clients: [ObjectIdentifier: Client] = [:]
        var silent = false
        var cutNextPush = false
        var cutsMade = 0
        var accepted = 0
    }
    private let state = Mutex(State())

    private init(server: Channel) {
        self.server = server
        port = server.localAddress?.port ?? 0
    }

    /// Listens (port 0: a free one). `respond` answers a request line; a client
    /// gets pushes once `subscribe`d, or from the start with `subscribedOnConnect`.
    /// A `heartbeat` line goes to every client at its interval, as a reader's status frames do.
    static func start(
        group: EventLoopGroup, host: String, port: Int, subscribedOnConnect: Bool,
        heartbeat: (every: TimeAmount, line: String)? = nil,
        respond: @escaping @Sendable (String, Channel) -> [String]
    ) async throws -> EmulatorServer {
        let box = Mutex<EmulatorServer?>(nil)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                EmulatorConnection.install(on: child) {
                    EmulatorConnection(
                        opened: { channel in
                            box.withLock { $0 }?.opened(channel, subscribed: subscribedOnConnect)
                            if let heartbeat {
                                channel.eventLoop.scheduleRepeatedTask(
                                    initialDelay: heartbeat.every, delay: heartbeat.every
                                ) { task in
                                    guard channel.isActive else { return task.cancel() }
                                    if box.withLock({ $0 })?.isSilent == false {
                                        EmulatorConnection.send([heartbeat.line], to: channel)
                                    }
                                }
                            }
                        },
                        respond: { line, channel in
                            guard let server = box.withLock({ $0 }), !server.isSilent else { return }
                            EmulatorConnection.send(respond(line, channel), to: channel)
                        },
                        closed: { channel in box.withLock { $0 }?.closed(channel) })
                }
            }
            .bind(host: host, port: port).get()
        let server = EmulatorServer(server: channel)
        box.withLock { $0 = server }
        return server
    }

    var isSilent: Bool { state.withLock { $0.silent } }
    var subscribedClients: Int { state.withLock { $0.clients.values.filter(\.subscribed).count } }
    var cutsMade: Int { state.withLock { $0.cutsMade } }
    /// Connections accepted since the start.
    var accepted: Int { state.withLock { $0.accepted } }

    func subscribe(_ channel: Channel, _ on: Bool) {
        state.withLock { $0.clients[ObjectIdentifier(channel)]?.subscribed = on }
    }

    /// Sends `lines` to every subscribed client, unless silent; a pending cut stops the first line half-way.
    func push(_ lines: [String]) {
        let (targets, cut) = state.withLock { s -> ([Channel], Bool) in
            guard !s.silent, !lines.isEmpty else { return ([], false) }
            let targets = s.clients.values.filter(\.subscribed).map(\.channel)
            let cut = s.cutNextPush && !targets.isEmpty
            if cut {
                s.cutNextPush = false
                s.cutsMade += 1
            }
            return (targets, cut)
        }
        for channel in targets {
            EmulatorConnection.send(lines, to: channel, cutAfter: cut ? lines[0].utf8.count / 2 : nil)
        }
    }

    func dropConnections() {
        let dropped = state.withLock { s -> [Channel] in
            defer { s.clients = [:] }
            return s.clients.values.map(\.channel)
        }
        for channel in dropped { channel.close(promise: nil) }
    }

    func cutNextPush() { state.withLock { $0.cutNextPush = true } }
    func setSilent(_ silent: Bool) { state.withLock { $0.silent = silent } }

    func stop() async {
        try? await server.close()
        dropConnections()
    }

    private func opened(_ channel: Channel, subscribed: Bool) {
        state.withLock { s in
            s.clients[ObjectIdentifier(channel)] = Client(channel: channel, subscribed: subscribed)
            s.accepted += 1
        }
    }

    private func closed(_ channel: Channel) {
        _ = state.withLock { $0.clients.removeValue(forKey: ObjectIdentifier(channel)) }
    }
}
