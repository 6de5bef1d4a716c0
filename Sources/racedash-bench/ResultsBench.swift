import Foundation
import RaceModel
import RaceStore
import Snapshots
import ResultsReport
import TimingIngest

/// The same path as `racedash results`: load the folder, parse every read
/// file, run the timing rules, render the CSV.
func runResultsBench(folder path: String) async throws -> String {
    let clock = ContinuousClock()
    let start = clock.now
    let folder = try EventFolder.load(path)
    let (log, _) = try ReadLogLoader.load(folder)
    let parsed = clock.now
    let parsedMiB = peakMemoryMiB()
    let state = RaceState(folder: folder, log: log, followsChanges: false)
    let snapshot = await state.snapshot()
    let computed = clock.now
    let computedMiB = peakMemoryMiB()
    let csv = CSVReport.render(snapshot)
    let end = clock.now
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let parallelStart = clock.now
    _ = try await ReadLogLoader.loadInParallel(folder, parts: cores)
    let parallelMs = (clock.now - parallelStart).milliseconds
    let sequentialStart = clock.now
    _ = try ReadLogLoader.load(folder)
    let sequentialMs = (clock.now - sequentialStart).milliseconds

    let lines = log.lineCounts.reduce(0, +)
    let total = (end - start).seconds
    var out =
        "results path (\(withThousands(folder.participants.count)) runners, \(folder.event.points.count) points, \(withThousands(lines)) lines, \(withThousands(log.reads.count)) reads):\n"
    out += "  load + parse     \(format((parsed - start).milliseconds, 1)) ms (peak \(format(parsedMiB, 0)) MiB)\n"
    out += "  timing rules     \(format((computed - parsed).milliseconds, 1)) ms (peak \(format(computedMiB, 0)) MiB)\n"
    out +=
        "  CSV render       \(format((end - computed).milliseconds, 1)) ms (\(withThousands(csv.utf8.count)) bytes)\n"
    out += "  total            \(format(total, 3)) s\n"
    out +=
        "  read files again: \(format(sequentialMs, 1)) ms on one core, \(format(parallelMs, 1)) ms shared among \(cores) (as the racedash commands load them)\n"
    out += "  reads per second \(withThousands(Int(Double(log.reads.count) / total)))\n"
    out +=
        "  used \(withThousands(snapshot.evaluation.usedCount)), duplicates \(withThousands(snapshot.evaluation.duplicateCount)), rejected \(withThousands(snapshot.evaluation.rejections.count))\n"
    out += "  peak memory      \(format(peakMemoryMiB(), 1)) MiB"
    return out
}
