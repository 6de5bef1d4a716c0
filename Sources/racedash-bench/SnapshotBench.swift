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
    guard let (times, _) = await snapshotsAfterOneRead(state, folder: folder, log: log, rounds: rounds) else {
        return "no reads"
    }
    // A full decoder sequence check, which a snapshot runs only when a passing breaks its file's numbering.
    var gapTimes: [Double] = []
    for _ in 0..<5 {
        t0 = clock.now
        _ = SequenceGaps.find(in: log)
        gapTimes.append((clock.now - t0).milliseconds)
    }
    return
        "live snapshots (\(withThousands(first.participants.count)) runners, \(withThousands(log.reads.count)) reads): first \(format(firstMs, 1)) ms; after one new line median \(format(percentile(times, 50), 1)) ms, p99 \(format(percentile(times, 99), 1)) ms; a full decoder sequence check, when one is needed, median \(format(percentile(gapTimes, 50), 1)) ms"
}

/// `rounds` times: one live line (a repeat read of the last finisher, a
/// realistic single line) into `state`, then a snapshot, then its alert
/// groups as the dashboard's fetcher prepares them. Nil with no read to repeat.
func snapshotsAfterOneRead(_ state: RaceState, folder: EventFolder, log: ReadLog, rounds: Int) async -> (
    afterRead: [Double], alerts: [Double]
)? {
    guard let file = folder.readFiles.indices.first,
        let read = log.reads.last(where: { Int($0.ref.file) == file })
    else { return nil }
    let line = "\(read.code),\(TimeFormat.timeOfDay(read.time, millis: true))"
    let clock = ContinuousClock()
    var afterRead: [Double] = []
    var alerts: [Double] = []
    for i in 0..<rounds {
        await state.append(line: line, number: 1_000_000 + i, file: file)
        let t0 = clock.now
        var snapshot = await state.snapshot()
        afterRead.append((clock.now - t0).milliseconds)
        let t1 = clock.now
        snapshot.prepareAlertGroups()
        alerts.append((clock.now - t1).milliseconds)
    }
    return (afterRead, alerts)
}
