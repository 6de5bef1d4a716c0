import Foundation
import RaceModel
import TimingIngest
import RaceStore
import LiveIngest
import Snapshots
import Testing

/// The reference: a state loaded at once from lines with the numbers the
/// tailer gives them (file index, line number within its generation, generation, text).
public func referenceState(_ folder: EventFolder, lines: [(file: Int, number: Int, generation: Int, text: String)])
    -> RaceState
{
    var log = ReadLog(files: folder.readFiles)
    for line in lines {
        ReadLogLoader.ingest(
            line: line.text, number: line.number, generation: line.generation, file: line.file,
            into: &log, event: folder.event)
    }
    return RaceState(folder: folder, log: log)
}

/// The same from `(file index, text)` in the order the mats wrote them,
/// numbered per file, as a file read once at load (generation 0).
public func referenceState(_ folder: EventFolder, written lines: [(Int, String)]) -> RaceState {
    var numbers = [Int](repeating: 0, count: folder.readFiles.count)
    return referenceState(
        folder,
        lines: lines.map { file, text in
            numbers[file] += 1
            return (file, numbers[file], 0, text)
        })
}

/// Every line reference the evaluation accounts for: each read's outcome and
/// each rejected line. A line counted twice shows up twice.
public func accountedRefs(_ snapshot: RaceSnapshot, in state: RaceState) async -> [LineRef] {
    var refs: [LineRef] = []
    for (runner, timeline) in snapshot.evaluation.timelines.enumerated() {
        let considered = await state.consideredRefs(runner: runner, at: snapshot.evaluation.at)
        // One line per outcome, or the lines say nothing about the outcomes.
        #expect(considered.count == timeline.outcomes.count, "runner \(runner)")
        refs += considered
    }
    for rejection in snapshot.evaluation.rejections {
        switch rejection.reason {
        case .malformed, .unknownChip: refs.append(rejection.ref)
        default: break  // a read with an outcome, already counted
        }
    }
    return refs
}

/// `bib status place gun-time` per row, for readable failures.
public func standingsSummary(_ snapshot: RaceSnapshot) -> [String] {
    snapshot.standings(race: 0).rows.map { row in
        "\(snapshot.participants[row.runner].bib) \(row.status.rawValue) \(row.place.map(String.init) ?? "-") \(row.gunTime.map { TimeFormat.duration($0) } ?? "-")"
    }
}
