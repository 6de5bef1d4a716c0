import Foundation
import Synchronization
import TestSupport
import Testing
@testable import DecoderLink

/// An emulated decoder that plays race-day faults, whatever its protocol.
protocol FaultyDecoder: EmulatedDecoder {
    func dropConnection()
    func restart()
    func cutNextPush()
    func setSilent(_ silent: Bool)
    var cutsMade: Int { get }
    /// A pushed passing would reach racedash now.
    var pushing: Bool { get }
}

extension RaceResultEmulator: FaultyDecoder {
    func dropConnection() { dropConnections() }
    var pushing: Bool { pushClients == 1 }
}

extension CTP01Emulator: FaultyDecoder {
    var pushing: Bool { isStreaming }
}

extension MYLAPSEmulator: FaultyDecoder {
    var pushing: Bool { isGreeted }
}

/// Drop, restart with numbering from 1, a line cut mid-way, silence and a
/// flood, one after the other on one link; then every passing sent must be in
/// the read file exactly once.
func playFaults(_ decoder: FaultyDecoder, _ run: CaptureRun, file: String) async throws {
    let sent = Mutex<[EmulatedPassing]>([])
    func send(_ list: [EmulatedPassing]) {
        sent.withLock { $0 += list }
        decoder.add(list)
    }

    try await run.waitFor("km5", "connected") { $0.link == .connected }
    #expect(await eventually { decoder.pushing })
    send(passings(100))
    try await run.waitFor("km5", "100 passings") { $0.passings == 100 }

    decoder.dropConnection()
    send(passings(50, from: 100))
    try await run.waitFor("km5", "150 after a drop") { $0.passings == 150 }

    // A CTP01 link resumes after the last stored number; the restarted count shows with its first passing.
    decoder.restart()
    #expect(await eventually { decoder.pushing })
    send(passings(30, from: 150))
    try await run.waitFor("km5", "180 after a restart") { $0.passings == 180 }

    #expect(await eventually { decoder.pushing })
    decoder.cutNextPush()
    send(passings(20, from: 180))
    // On the push, or on the first lines sent if the link was starting again meanwhile.
    #expect(await eventually { decoder.cutsMade == 1 })
    #expect(await eventually { decoder.pushing })
    // A new passing after the reconnect tells even a decoder that only pushes that one went missing.
    send(passings(1, from: 200))
    try await run.waitFor("km5", "201 after a cut line") { $0.passings == 201 }

    let before = run.status("km5")?.connections ?? 0
    decoder.setSilent(true)
    send(passings(9, from: 201))
    try await run.waitFor("km5", "the silent link dropped") { $0.link == .waiting && $0.connections > before }
    decoder.setSilent(false)
    #expect(await eventually { decoder.pushing })
    send(passings(1, from: 210))
    try await run.waitFor("km5", "211 after silence") { $0.passings == 211 }

    send(passings(20_000, from: 211))
    try await run.waitFor("km5", "20,211 after a flood") { $0.passings == 20_211 }

    await run.stop()
    await decoder.stop()
    let stored = try readsInFile(file)
    let all = sent.withLock { $0 }
    #expect(stored.others.isEmpty)
    #expect(stored.reads.count == all.count)
    #expect(Set(stored.reads) == Set(keys(all)))
    #expect(run.status("km5")?.gaps == 0)
}
