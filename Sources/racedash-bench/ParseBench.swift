import Foundation
import RaceModel
import TimingIngest

/// `--only parse`: each read file parsed on its own, from bytes already in
/// memory, on one core: what a line of each format costs, without the disk,
/// the other core or the rest of the load. Best of several runs, the
/// figure least moved by a busy machine.
func runParseBench(folder path: String, runs: Int = 7) throws -> String {
    let folder = try EventFolder.load(path)
    let clock = ContinuousClock()
    var out = "parse, one file at a time on one core (best of \(runs)):\n"
    var totalLines = 0
    var totalNs = 0.0
    for index in folder.readFiles.indices {
        let file = folder.readFiles[index]
        let bytes = try ReadFileScanner.readFile(atPath: folder.absolutePath(of: file))
        var best = Double.infinity
        var lines = 0
        var reads = 0
        for _ in 0..<runs {
            var log = ReadLog(files: folder.readFiles)
            log.reads.reserveCapacity(bytes.count / 16)
            let start = clock.now
            try ReadLogLoader.ingest(bytes, file: index, into: &log, event: folder.event, path: file.path)
            best = min(best, (clock.now - start).milliseconds)
            lines = log.lineCounts[index]
            reads = log.reads.count
        }
        let ns = best * 1e6 / Double(max(lines, 1))
        totalLines += lines
        totalNs += best * 1e6
        let name = file.path.padding(toLength: 24, withPad: " ", startingAt: 0)
        out +=
            "  \(name) \(withThousands(lines).leftPad(7)) lines \(withThousands(reads).leftPad(7)) reads  \(format(best, 1).leftPad(6)) ms  \(format(ns, 0).leftPad(5)) ns/line\n"
    }
    let list = try ReadFileScanner.readFile(atPath: EventFolder.join(path, EventFolder.participantsName))
    var best = Double.infinity
    var rows = 0
    for _ in 0..<runs {
        let start = clock.now
        rows = try EventFolder.participants(parsing: list, path: path, event: folder.event).count
        best = min(best, (clock.now - start).milliseconds)
    }
    out +=
        "  \(EventFolder.participantsName.padding(toLength: 24, withPad: " ", startingAt: 0)) \(withThousands(rows).leftPad(7)) rows                 \(format(best, 1).leftPad(6)) ms  \(format(best * 1e6 / Double(max(rows, 1)), 0).leftPad(5)) ns/row\n"
    out +=
        "  all files          \(withThousands(totalLines).leftPad(7)) lines  \(format(totalNs / 1e6, 1)) ms, \(format(totalNs / Double(max(totalLines, 1)), 0)) ns/line"
    return out
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
