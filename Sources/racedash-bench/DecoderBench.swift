import DecoderLink
import Foundation
import LiveIngest
import NIOPosix
import RaceModel
import RaceStore
import Simulation
import Synchronization
import TimingIngest

/// Race day over the network: one emulated decoder per point of the big-city
/// course on loopback (RACE RESULT decoders racedash dials, or MYLAPS Timing &
/// Scoring dialling racedash), the finish line sending 100 passings a second
/// and every other mat 20, captured into the read files and followed by the
/// live feed. Measures each passing from the decoder's write to the wire to
/// the read in the race state.
func runDecoderBench(runners: Int, over kind: DecoderProtocol, seconds: Int = 20) async throws -> String {
    let event = RaceSimulator.simulate(SimulationOptions(seed: 42, runners: runners, profile: .bigCityMarathon))
    let dir = NSTemporaryDirectory() + "racedash-decoderbench-\(getpid())"
    try? FileManager.default.removeItem(atPath: dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)

    let group = MultiThreadedEventLoopGroup.singleton
    let clock = TimeOfDayClock { 9 * 3_600_000 }
    var emulators: [String: any EmulatedDecoder] = [:]
    var reads: [String: [EmulatedPassing]] = [:]
    var lines: [String: String] = [:]
    var ports = kind == .mylaps ? try await freeLoopbackPorts(event.config.points.count, group: group) : []
    for point in event.config.points {
        guard let main = event.readFiles.first(where: { $0.pointId == point.id && !$0.isBackup }) else { continue }
        reads[point.id] = EmulatedPassing.decoderReads(of: main.lines.map(\.text)).filter { !$0.isGun }
        if kind == .mylaps {
            let port = ports.removeFirst()
            emulators[point.id] = MYLAPSEmulator(
                group: group, host: "127.0.0.1", port: port, location: point.id, date: event.config.date)
            lines[point.id] = DecoderTomlLines.line(.mylaps, host: "127.0.0.1", port: port)
        } else {
            let decoder = try await RaceResultEmulator.start(group: group, clock: clock)
            emulators[point.id] = decoder
            lines[point.id] = DecoderTomlLines.line(.raceResult, host: "127.0.0.1", port: decoder.port)
        }
    }
    let config = DecoderTomlLines.adding(lines, to: event.eventToml)
    try config.write(toFile: dir + "/event.toml", atomically: true, encoding: .utf8)
    try event.participantsCSV.write(toFile: dir + "/participants.csv", atomically: true, encoding: .utf8)

    let folder = try EventFolder.load(dir)
    let state = RaceState(folder: folder)
    let feed = LiveFeed(folder: folder, state: state)
    feed.start()
    let capture = try DecoderCapture(folder: folder, clock: clock)
    let capturing = Task { await capture.run() }
    defer { capturing.cancel() }
    guard await feed.waitUntilCaughtUp() else { throw LiveBenchError("live feed stopped before catching up") }
    for sink in capture.sinks {
        while capture.statuses.first(where: { $0.pointId == sink.spec.pointId })?.link != .connected
            || (emulators[sink.spec.pointId] as? MYLAPSEmulator)?.isGreeted == false
        {
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    let served = reads
    let finish = event.config.points.last?.id ?? ""
    let rates = Dictionary(uniqueKeysWithValues: reads.keys.map { ($0, $0 == finish ? 100 : 20) })
    let sent = SendTimes()
    let wall = ContinuousClock()
    // One watcher per point: line n of its read file is the n-th passing sent to its decoder.
    let watchers = folder.decoders.map { spec in
        Task { () -> [Double] in
            let total = min(served[spec.pointId]?.count ?? 0, (rates[spec.pointId] ?? 0) * seconds)
            var latencies: [Double] = []
            for n in stride(from: 1, through: total, by: 1) {
                guard await feed.waitForLine(n, ofFile: spec.file) else { break }
                let arrived = wall.now
                if let t0 = sent.time(of: n, at: spec.pointId) {
                    latencies.append((arrived - t0).milliseconds)
                }
            }
            return latencies
        }
    }
    let start = wall.now
    for tick in 0..<(seconds * 100) {
        try await wall.sleep(until: start + .milliseconds(tick * 10))
        for (point, list) in reads {
            let rate = rates[point] ?? 0
            let from = tick * rate / 100, to = min((tick + 1) * rate / 100, list.count)
            guard from < to else { continue }
            let now = wall.now
            sent.record(now, count: to - from, at: point)
            emulators[point]?.add(Array(list[from..<to]))
        }
    }
    var all: [Double] = []
    for watcher in watchers { all += await watcher.value }
    capturing.cancel()
    await capturing.value
    await feed.stop()
    for emulator in emulators.values { await emulator.stop() }
    let readsInState = await state.readCount
    return
        "decoders over loopback (\(emulators.count) \(kind == .mylaps ? "MYLAPS T&S links" : "RACE RESULT decoders"), big-city course, \(withThousands(runners)) runners;"
        + " finish 100 passings/s, other mats 20/s, \(seconds) s): \(withThousands(all.count)) passings,"
        + " wire -> state median \(format(percentile(all, 50), 2)) ms, p99 \(format(percentile(all, 99), 2)) ms,"
        + " max \(format(all.max() ?? 0, 2)) ms; \(withThousands(readsInState)) reads in the state"
}

/// When each passing went to its decoder, by point, in sending order.
private final class SendTimes: Sendable {
    private let times = Mutex<[String: [ContinuousClock.Instant]]>([:])

    func record(_ instant: ContinuousClock.Instant, count: Int, at point: String) {
        times.withLock { $0[point, default: []] += Array(repeating: instant, count: count) }
    }

    /// The n-th (from 1) passing sent at the point.
    func time(of n: Int, at point: String) -> ContinuousClock.Instant? {
        times.withLock { all in all[point].flatMap { n <= $0.count ? $0[n - 1] : nil } }
    }
}
