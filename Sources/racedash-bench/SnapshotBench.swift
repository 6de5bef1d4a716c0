import RaceModel
import RaceStore
import Snapshots
import TimingIngest

/// Live on a big race: after each new line, what a fresh snapshot costs
/// (the dashboard pulls one per change, at most ~10 per second).
func runSnapshotBench(folder path: String, rounds: Int = 20) async throws -> String {
    let folder = try EventFolder.load(path)
    let (log, _) = try ReadLogLoader.load(folder)
    let state = RaceState(folder: folder, log: log)
    let clock = ContinuousClock()
    var t0 = clock.now
    let first = await state.snapshot()
    let firstMs = (clock.now - t0).milliseconds
    // A repeat read of the last finisher: a realistic single live line.
    guard let file = folder.readFiles.indices.first,
        let read = log.reads.last(where: { Int($0.ref.file) == file })
    else { return "no reads" }
    let line = "\(read.code),\(TimeFormat.timeOfDay(read.time, millis: true))"
    var times: [Double] = []
    for i in 0..<rounds {
        await state.append(line: line, number: 1_000_000 + i, file: file)
        t0 = clock.now
        _ = await state.snapshot()
        times.append((clock.now - t0).milliseconds)
    }
    // The decoder sequence check runs inside every snapshot; its share on its own.
    var gapTimes: [Double] = []
    for _ in 0..<5 {
        t0 = clock.now
        _ = SequenceGaps.find(in: log)
        gapTimes.append((clock.now - t0).milliseconds)
    }
    return
        "live snapshots (\(withThousands(first.participants.count)) runners, \(withThousands(log.reads.count)) reads): first \(format(firstMs, 1)) ms; after one new line median \(format(percentile(times, 50), 1)) ms, p99 \(format(percentile(times, 99), 1)) ms; of which the decoder sequence check median \(format(percentile(gapTimes, 50), 1)) ms"
}
