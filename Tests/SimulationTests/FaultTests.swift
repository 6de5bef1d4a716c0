import Testing
import RaceModel
@testable import Simulation

@Suite struct FaultTests {
    let truth = sample.truth
    let reads = allReads(sample)
    let byCode = participantsByCode(sample)

    func index(of bib: String) -> Int { sample.participants.firstIndex { $0.bib == bib }! }
    func code(of bib: String) -> String {
        let p = sample.participants[index(of: bib)]
        return p.chip ?? p.bib
    }
    func reads(of bib: String) -> [ReadOnLine] {
        let p = sample.participants[index(of: bib)]
        return reads.filter { $0.code == p.bib || $0.code == p.chip }
    }
    func checkpoint(_ bib: String, _ id: String) -> Int {
        let p = sample.participants[index(of: bib)]
        return sample.config.races[p.raceIndex].checkpoints.firstIndex { $0.id == id }!
    }

    @Test func everyReadMatchesATrueCrossing() {
        // Within -2 s (skewed decoder, hand timing) and +40 s (standing on the mat, backup offset).
        for read in reads where read.code != truth.unknownChip?.code {
            let i = byCode[read.code]!
            let p = sample.participants[i]
            let race = sample.config.races[p.raceIndex]
            let matches = race.checkpoints.indices.contains { k in
                guard sample.config.points[race.checkpoints[k].pointIndex].id == read.file.pointId,
                    let t = truth.runners[i].crossings[k]
                else { return false }
                return (-2_000...40_000).contains(read.time - t)
            }
            #expect(matches, "\(read.file.path):\(read.line) matches no crossing of bib \(p.bib)")
        }
    }

    @Test func dnsRunnersHaveNoReads() {
        #expect(!truth.dnsBibs.isEmpty)
        for bib in truth.dnsBibs {
            #expect(reads(of: bib).isEmpty, "DNS \(bib) was read")
            #expect(truth.runners[index(of: bib)].crossings.allSatisfy { $0 == nil })
        }
    }

    @Test func dnfRunnersStopMidCourse() throws {
        #expect(truth.dnfBibs.count >= 3)
        for bib in truth.dnfBibs {
            let runner = truth.runners[index(of: bib)]
            let k = checkpoint(bib, try #require(runner.lastCheckpointId))
            #expect(k < runner.crossings.count - 1)
            #expect(runner.crossings[k] != nil)
            #expect(runner.crossings[(k + 1)...].allSatisfy { $0 == nil })
            let lastTime = runner.crossings[k]!
            #expect(reads(of: bib).allSatisfy { $0.time <= lastTime + 40_000 })
        }
        // Some DNF in each race of the sample.
        let races = Set(truth.dnfBibs.map { truth.runners[index(of: $0)].raceId })
        #expect(races == ["marathon", "half", "10k"])
    }

    @Test func courseCutterAppearsAtAnImpossibleSpeed() throws {
        let cut = try #require(truth.courseCut)
        #expect(cut.apparentSpeedKmh > 30)
        #expect(!cut.skippedCheckpointIds.isEmpty)
        let runner = truth.runners[index(of: cut.bib)]
        #expect(runner.status == .finished)
        let from = checkpoint(cut.bib, cut.fromCheckpointId), to = checkpoint(cut.bib, cut.toCheckpointId)
        for id in cut.skippedCheckpointIds { #expect(runner.crossings[checkpoint(cut.bib, id)] == nil) }
        let race = sample.config.races[sample.participants[index(of: cut.bib)].raceIndex]
        let hours = Double(runner.crossings[to]! - runner.crossings[from]!) / 3_600_000
        #expect((race.checkpoints[to].km - race.checkpoints[from].km) / hours > 30)
        let points = Set(reads(of: cut.bib).map(\.file.pointId))
        #expect(points.contains(sample.config.points[race.checkpoints[to].pointIndex].id))
        #expect(points.contains(sample.config.points[race.checkpoints[from].pointIndex].id))
    }

    @Test func unknownChipIsReadButBelongsToNobody() throws {
        let unknown = try #require(truth.unknownChip)
        #expect(byCode[unknown.code] == nil)
        #expect(unknown.code.count == 12)
        let seen = reads.filter { $0.code == unknown.code }.map(\.file.pointId)
        #expect(seen == unknown.pointIds.sorted { a, b in seen.firstIndex(of: a)! < seen.firstIndex(of: b)! })
        #expect(Set(seen) == Set(unknown.pointIds))
    }

    @Test func silentMatWritesNothingInItsInterval() throws {
        let silent = try #require(truth.silentMat)
        let file = try #require(sample.readFiles.first { $0.path == silent.path })
        #expect(silent.interval.count >= 5 * 60_000)
        #expect(!file.lines.contains { silent.interval.contains($0.time) })
        #expect(file.lines.contains { $0.time < silent.interval.lowerBound })
        #expect(file.lines.contains { $0.time >= silent.interval.upperBound })
        // Runners who crossed in the gap are unread there.
        let unreadInGap = truth.runners.filter { r in
            r.unread.contains { k in
                let race = sample.config.races.first { $0.id == r.raceId }!
                return sample.config.points[race.checkpoints[k].pointIndex].id == silent.pointId
                    && silent.interval.contains(r.crossings[k]!)
            }
        }
        #expect(unreadInGap.count >= 10)
    }

    @Test func garbageLinesAreWhereTruthSays() {
        #expect(truth.garbageLines.count >= 4)
        for g in truth.garbageLines {
            let file = sample.readFiles.first { $0.path == g.path }!
            #expect(file.lines[g.line - 1].text == g.text)
            #expect(parseLine(g.text, file.format) == .unreadable || g.reason.contains("checksum"))
        }
        let reasons = Set(truth.garbageLines.map(\.reason))
        #expect(reasons.contains { $0.contains("checksum") })
        #expect(reasons.contains { $0.contains("cut off") })
        #expect(reasons.contains { $0.contains("not a read") })
    }

    @Test func missedMatsHaveNoReadAtThatPoint() {
        #expect(truth.missedReads.count >= 3)
        for miss in truth.missedReads {
            let k = checkpoint(miss.bib, miss.checkpointId)
            let runner = truth.runners[index(of: miss.bib)]
            let t = runner.crossings[k]!
            #expect(runner.unread.contains(k))
            #expect(!reads(of: miss.bib).contains { $0.file.pointId == miss.pointId && abs($0.time - t) < 60_000 })
            // Read before and after the gap.
            #expect(reads(of: miss.bib).contains { $0.time < t })
            #expect(reads(of: miss.bib).contains { $0.time > t })
        }
    }

    @Test func backupLineCatchesWhatTheMainLineMissed() {
        #expect(truth.mainMissedBackupCaught.count >= 3)
        for miss in truth.mainMissedBackupCaught {
            let t = truth.runners[index(of: miss.bib)].crossings[checkpoint(miss.bib, miss.checkpointId)]!
            let near = reads(of: miss.bib).filter { $0.file.pointId == miss.pointId && abs($0.time - t) < 60_000 }
            #expect(!near.contains { !$0.file.isBackup })
            #expect(near.contains { $0.file.isBackup && $0.file.format != .manual })
        }
    }

    @Test func backupLineRunsAFixedOffsetBehind() {
        var total = 0, exact = 0
        for read in reads where read.file.isBackup && read.file.format != .manual {
            let i = byCode[read.code]!
            let race = sample.config.races[sample.participants[i].raceIndex]
            let delays = race.checkpoints.indices.compactMap { k -> Millis? in
                guard sample.config.points[race.checkpoints[k].pointIndex].id == read.file.pointId,
                    let t = truth.runners[i].crossings[k], read.time >= t
                else { return nil }
                return read.time - t
            }
            let delay = delays.min() ?? -1
            #expect(delay >= truth.backupOffset, "\(read.file.path):\(read.line)")
            if delay == truth.backupOffset { exact += 1 }
            total += 1
        }
        #expect(truth.backupOffset == 2_000)
        #expect(total > 1000)
        #expect(Double(exact) > 0.9 * Double(total))
        // The backup line is incomplete: some reads of the main line are not on it.
        let main = Set(reads.filter { $0.file.path == "reads/stadium-main.txt" }.map(\.code))
        let backup = Set(reads.filter { $0.file.path == "reads/stadium-backup.txt" }.map(\.code))
        #expect(!main.subtracting(backup).isEmpty)
    }

    @Test func someRunnersStandOnTheMat() throws {
        let stand = try #require(truth.longestStand)
        #expect(stand.reads >= 7)
        let t = truth.runners[index(of: stand.bib)].crossings[checkpoint(stand.bib, stand.checkpointId)]!
        let there = reads(of: stand.bib).filter {
            $0.file.pointId == stand.pointId && $0.time - t < 60_000 && $0.time > t - 10
        }
        #expect(there.count == stand.reads)
        #expect(truth.duplicateReads.count > 50)
        #expect(Set(truth.duplicateReads.map(\.pointId)).count >= 8)
    }

    @Test func chiplessRunnersAreReadByBib() {
        #expect(!truth.chiplessBibs.isEmpty)
        let byBib = reads.filter { r in truth.chiplessBibs.contains(r.code) }
        #expect(byBib.contains { $0.file.format == .ctp01 })
        #expect(byBib.contains { $0.file.format == .raceResult })
        #expect(!byBib.contains { $0.file.format == .ipico })
    }

    @Test func skewedDecoderIsBehindByItsSkew() throws {
        let skew = try #require(truth.clockSkews.first)
        let point = sample.config.points.first { $0.id == skew.pointId }!
        #expect(point.clockOffset == -skew.skew)
        let file = sample.readFiles.first { $0.pointId == skew.pointId }!
        let first = reads.filter { $0.file.path == file.path }
        var checked = 0
        var seen = Set<String>()
        for r in first where !seen.contains(r.code) {
            seen.insert(r.code)
            let i = byCode[r.code]!
            let race = sample.config.races[sample.participants[i].raceIndex]
            let k = race.checkpoints.firstIndex { sample.config.points[$0.pointIndex].id == skew.pointId }!
            let t = truth.runners[i].crossings[k]!
            #expect((skew.skew - 10...skew.skew).contains(r.time - t))
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test func handTimingCoversTheElitesAndTheMainLineMisses() {
        let hand = reads.filter { $0.file.format == .manual }.map(\.code)
        #expect(Set(hand) == Set(truth.handTimedBibs))
        for p in sample.participants where p.division == .elite {
            let r = truth.runners[index(of: p.bib)]
            if r.status == .finished { #expect(hand.contains(p.bib)) }
        }
    }
}
