import DashboardApp
import DecoderLink
import NIOPosix
import RaceModel
import Simulation
import TimingIngest

/// A simulated race played as live decoders on loopback, one per point: the
/// main read file of each point is served by an emulated decoder in its
/// protocol (CTP01 files by a ChronoTrack controller dialling racedash, MYLAPS
/// files by MYLAPS Timing & Scoring dialling racedash, IPICO files by an IPICO
/// reader, the others by a RACE RESULT decoder), and `config` names them in event.toml.
/// Backup lines and hand timing stay files.
struct ServedDecoders: Sendable {
    let config: String
    let decoders: [Int: any EmulatedDecoder]
    let summary: [String]

    static func start(_ event: SimulatedEvent, clock: TimeOfDayClock) async throws -> ServedDecoders {
        let group = MultiThreadedEventLoopGroup.singleton
        var decoders: [Int: any EmulatedDecoder] = [:]
        var lines: [String: String] = [:]
        var summary: [String] = []
        let served = event.readFiles.enumerated().filter { !$0.element.isBackup && $0.element.format != .manual }
        // Where the controllers and T&S that dial racedash will find it.
        var ports = try await freeLoopbackPorts(
            served.filter { [.ctp01, .mylaps].contains($0.element.format) }.count, group: group)
        for (index, file) in served {
            if file.format == .ctp01 {
                let port = ports.removeFirst()
                decoders[index] = CTP01Emulator(
                    group: group, host: "127.0.0.1", port: port, location: file.pointId,
                    backoff: Backoff(initial: .milliseconds(100), maximum: .seconds(1)))
                lines[file.pointId] = DecoderTomlLines.line(.ctp01, host: "127.0.0.1", port: port, silentAfter: 5)
                summary.append("\(file.pointId): ChronoTrack CTP01 controller dialling 127.0.0.1:\(port)")
            } else if file.format == .mylaps {
                let port = ports.removeFirst()
                decoders[index] = MYLAPSEmulator(
                    group: group, host: "127.0.0.1", port: port, location: file.pointId, date: event.config.date,
                    resendAfter: .seconds(5), backoff: Backoff(initial: .milliseconds(100), maximum: .seconds(1)))
                lines[file.pointId] = DecoderTomlLines.line(.mylaps, host: "127.0.0.1", port: port, silentAfter: 5)
                summary.append("\(file.pointId): MYLAPS Timing & Scoring dialling 127.0.0.1:\(port)")
            } else if file.format == .ipico {
                let reader = try await IPICOEmulator.start(group: group, date: event.config.date)
                decoders[index] = reader
                lines[file.pointId] = DecoderTomlLines.line(
                    .ipico, host: "127.0.0.1", port: reader.port, silentAfter: 5)
                summary.append("\(file.pointId): IPICO reader on 127.0.0.1:\(reader.port)")
            } else {
                let decoder = try await RaceResultEmulator.start(group: group, clock: clock)
                decoders[index] = decoder
                lines[file.pointId] = DecoderTomlLines.line(
                    .raceResult, host: "127.0.0.1", port: decoder.port, silentAfter: 5)
                summary.append("\(file.pointId): RACE RESULT decoder on 127.0.0.1:\(decoder.port)")
            }
        }
        return ServedDecoders(
            config: DecoderTomlLines.adding(lines, to: event.eventToml), decoders: decoders, summary: summary)
    }

    /// Plays the race into `directory` in real time (`speed` times faster):
    /// served files through their decoders, the others as files.
    /// `ready` runs once the event folder can be opened.
    func play(
        _ event: SimulatedEvent, to directory: String, speed: Double, from: Millis?, ready: () -> Void = {}
    ) async throws {
        try await event.writeLive(
            to: directory, speed: speed, from: from, config: config, divert: Set(decoders.keys),
            deliver: { file, lines in decoders[file]?.add(EmulatedPassing.decoderReads(of: lines)) },
            ready: ready)
    }

    func stop() async {
        for decoder in decoders.values { await decoder.stop() }
    }
}
