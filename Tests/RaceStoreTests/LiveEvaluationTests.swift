import Foundation
import Testing
import RaceModel
import TimingIngest
import RaceStore
import Snapshots
import TestSupport
import Simulation

/// The evaluation a state carries from one snapshot to the next equals the
/// one computed from scratch on the same reads at the same time: over the
/// sample feed's clock stepped forward and back, and over its lines arriving
/// in bursts as in live, corrections journal included.
@Suite struct LiveEvaluationTests {
    func expectSame(_ carried: Evaluation, _ fresh: Evaluation, _ label: String) {
        #expect(carried.at == fresh.at, "\(label)")
        #expect(carried.standings == fresh.standings, "standings \(label)")
        #expect(carried.timelines == fresh.timelines, "timelines \(label)")
        #expect(carried.pointStats == fresh.pointStats, "point stats \(label)")
        #expect(carried.rejections == fresh.rejections, "rejections \(label)")
        #expect(carried.sequenceGaps == fresh.sequenceGaps, "sequence gaps \(label)")
        #expect(carried.usedCount == fresh.usedCount && carried.duplicateCount == fresh.duplicateCount, "\(label)")
        #expect(carried.isFinal == fresh.isFinal, "final \(label)")
    }

    /// The lines behind each runner's outcomes (outcomes keep only point and
    /// kind), as the state grouped them and as a fresh grouping does.
    func expectSameLines(
        _ state: RaceState, _ computation: RaceComputation, _ log: ReadLog, at: Millis, _ label: String
    ) async {
        let grouped = computation.group(log)
        var differing: [Int] = []
        for runner in computation.participants.indices {
            let kept = await state.consideredRefs(runner: runner, at: at)
            if kept != computation.consideredRefs(runner: runner, log: log, grouped: grouped, at: at) {
                differing.append(runner)
            }
        }
        #expect(differing.isEmpty, "lines of runners \(differing) \(label)")
    }

    /// `prepared`: readied for a replay, as `racedash replay` readies it (the
    /// decoder gaps then come from the numbered lines it keeps).
    @Test(arguments: [false, true])
    func theClockSteppedBothWaysGivesWhatAFreshEvaluationGives(prepared: Bool) async throws {
        let folder = try SampleFeed.folder()
        let (log, _) = try ReadLogLoader.load(folder)
        let computation = RaceComputation(
            event: folder.event, participants: folder.participants, corrections: folder.corrections)
        let state = RaceState(folder: folder, log: log)
        if prepared { await state.prepareForReplay() }
        #expect(!SequenceGaps.find(in: log).isEmpty, "a feed with decoder gaps to find")
        // Seeded, so a failure replays the same steps.
        var generator = SplitMix64(seed: 11)
        let start = folder.event.races.map(\.firstGun).min()! - 10 * 60_000
        let end = await state.feedSpan!.end
        // Small steps (one read or a few), big jumps both ways, and the cutoffs crossed.
        var clocks: [Millis] = [start, start + 60_000, start + 61_000]
        for _ in 0..<14 { clocks.append(start + Millis(generator.next() % UInt64(end - start + 1))) }
        clocks += [end, end - 1_000, end, end + 6 * 3_600_000]
        for (i, at) in clocks.enumerated() {
            let carried = await state.snapshot(at: at).evaluation
            expectSame(carried, computation.evaluate(log, at: at), "step \(i) at \(TimeFormat.timeOfDay(at))")
            await expectSameLines(state, computation, log, at: at, "step \(i)")
        }
        let final = await state.snapshot(at: end, final: true).evaluation
        expectSame(final, computation.evaluate(log, at: end, final: true), "final")
    }

    @Test func linesArrivingInBurstsGiveWhatAFreshEvaluationGives() async throws {
        let folder = try SampleFeed.folder()
        let computation = RaceComputation(
            event: folder.event, participants: folder.participants, corrections: folder.corrections)
        // Every line of every file, interleaved by file as tailers deliver them.
        var pending: [(text: String, number: Int, generation: Int, file: Int)] = []
        for (index, file) in folder.readFiles.enumerated() {
            let path = folder.absolutePath(of: file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.isEmpty {
                pending.append((String(line), n + 1, 0, index))
            }
        }
        var generator = SplitMix64(seed: 5)
        pending.shuffle(using: &generator)
        // Lines of one file stay in their order, as a tailer reads them.
        pending.sort { ($0.file, $0.number) < ($1.file, $1.number) }
        let byFile = Dictionary(grouping: pending, by: \.file).values.map { Array($0) }
        var cursors = byFile.map { _ in 0 }
        let state = RaceState(folder: folder)
        var reference = ReadLog(files: folder.readFiles)
        var step = 0
        while cursors.indices.contains(where: { cursors[$0] < byFile[$0].count }) {
            var burst: [(text: String, number: Int, generation: Int, file: Int)] = []
            for f in byFile.indices where cursors[f] < byFile[f].count {
                let take = Int(generator.next() % 40) + (step % 7 == 0 ? 400 : 1)
                let upTo = min(byFile[f].count, cursors[f] + take)
                burst += byFile[f][cursors[f]..<upTo]
                cursors[f] = upTo
            }
            if burst.count == 1 {
                let l = burst[0]
                await state.append(line: l.text, number: l.number, generation: l.generation, file: l.file)
            } else {
                await state.append(lines: burst)
            }
            for l in burst {
                ReadLogLoader.ingest(
                    line: l.text, number: l.number, generation: l.generation, file: l.file, into: &reference,
                    event: folder.event)
            }
            let carried = await state.snapshot().evaluation
            expectSame(carried, computation.evaluate(reference, at: carried.at), "burst \(step)")
            await expectSameLines(state, computation, reference, at: carried.at, "burst \(step)")
            step += 1
        }
        #expect(step > 10)
    }
}
