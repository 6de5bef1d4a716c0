import NIOCore
import NIOPosix

/// A decoder played on the network: passings go in as the race produces them.
public protocol EmulatedDecoder: Sendable {
    func add(_ passings: [EmulatedPassing])
    func stop() async
}

extension RaceResultEmulator: EmulatedDecoder {}
extension CTP01Emulator: EmulatedDecoder {}

/// Loopback ports free now, for listening links named before they listen (a
/// CTP01 controller or MYLAPS T&S must be told where to dial). All are probed
/// at once: probing one after another may be handed the same port twice.
public func freeLoopbackPorts(_ count: Int, group: EventLoopGroup) async throws -> [Int] {
    var probes: [Channel] = []
    defer { for probe in probes { probe.close(promise: nil) } }
    for _ in 0..<count {
        probes.append(try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get())
    }
    let ports = probes.map { $0.localAddress?.port ?? 0 }
    for probe in probes { try await probe.close() }
    probes = []
    return ports
}
