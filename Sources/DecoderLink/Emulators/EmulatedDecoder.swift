import NIOCore
import NIOPosix

/// A decoder played on the network: passings go in as the race produces them.
public protocol EmulatedDecoder: Sendable {
    func add(_ passings: [EmulatedPassing])
    func stop() async
}

extension RaceResultEmulator: EmulatedDecoder {}
extension CTP01Emulator: EmulatedDecoder {}

/// A loopback port free now, for a listening link named before it listens
/// (a CTP01 controller must be told where to dial).
public func freeLoopbackPort(group: EventLoopGroup) async throws -> Int {
    let probe = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
    let port = probe.localAddress?.port ?? 0
    try await probe.close()
    return port
}
