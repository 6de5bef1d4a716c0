import Testing
import RaceModel
import RaceStore
import LiveIngest
import Snapshots
import TestSupport
import TimingIngest
import Simulation

/// The timing rules run on a simulated race must recover what really
/// happened on the course, which the simulator records as its truth.
@Suite struct EngineAgainstTruthTests {
    let sim = RaceSimulator.simulate(SimulationOptions(seed: 2025, runners: 1000))

    /// The simulated race loaded as `racedash results` loads a folder.
    func state() throws -> RaceState {
        let folder = try EventFolder.parse(path: "sim", config: sim.eventToml, participants: sim.participantsCSV)
        var log = ReadLog(files: folder.readFiles)
        for file in sim.readFiles {
            let index = try #require(folder.readFiles.firstIndex { $0.path == file.path })
            for (n, line) in file.lines.enumerated() {
                ReadLogLoader.ingest(line: line.text, number: n + 1, file: index, into: &log, event: folder.event)
            }
        }
        return RaceState(folder: folder, log: log)
    }

    func evaluate() async throws -> RaceSnapshot {
        try await state().snapshot()
    }

    func standing(_ snap: RaceSnapshot, bib: String) -> Standing? {
        guard let runner = snap.participants.firstIndex(where: { $0.bib == bib }) else { return nil }
        return snap.standings(race: snap.participants[runner].raceIndex).rows.first { $0.runner == runner }
    }

    @Test func everyCountedSplitIsATrueCrossingAtThatCheckpoint() async throws {
        let snap = try await evaluate()
        var checked = 0
        for (runner, truth) in sim.truth.runners.enumerated() where truth.bib != sim.truth.courseCut?.bib {
            let timeline = snap.evaluation.timelines[runner]
            for (c, split) in timeline.splits.enumerated() {
                guard let split else { continue }
                let crossing = try #require(
                    truth.crossings[c], "bib \(truth.bib) has a split at checkpoint \(c) it never reached")
                #expect(
                    split - crossing >= -2_000 && split - crossing <= 40_000,
                    "bib \(truth.bib) checkpoint \(c): read \(TimeFormat.timeOfDay(split)) vs true \(TimeFormat.timeOfDay(crossing))"
                )
                checked += 1
            }
        }
        #expect(checked > 5000)
    }

    @Test func statusesMatchWhatHappened() async throws {
        let snap = try await evaluate()
        for bib in sim.truth.dnsBibs { #expect(standing(snap, bib: bib)?.status == .dns, "DNS bib \(bib)") }
        for bib in sim.truth.dnfBibs { #expect(standing(snap, bib: bib)?.status != .finished, "DNF bib \(bib)") }
        for truth in sim.truth.runners where truth.status == .finished {
            #expect(standing(snap, bib: truth.bib)?.status == .finished, "finisher bib \(truth.bib)")
        }
    }

    @Test func winnersAreTheFastestTrueFinishers() async throws {
        let snap = try await evaluate()
        for (raceIndex, race) in snap.event.races.enumerated() {
            let truthWinner = sim.truth.runners.enumerated()
                .filter {
                    $0.element.raceId == race.id && $0.element.status == .finished
                        && $0.element.bib != sim.truth.courseCut?.bib
                }
                .min { a, b in
                    let ga = a.element.crossings.last!! - race.waves[snap.participants[a.offset].waveIndex].gun
                    let gb = b.element.crossings.last!! - race.waves[snap.participants[b.offset].waveIndex].gun
                    return race.clock == .gun
                        ? ga < gb
                        : (a.element.crossings.last!! - a.element.crossings.first!!)
                            < (b.element.crossings.last!! - b.element.crossings.first!!)
                }
            let leader = try #require(snap.standings(race: raceIndex).rows.first)
            #expect(snap.participants[leader.runner].bib == truthWinner?.element.bib, "race \(race.id)")
        }
    }

    @Test func plantedFaultsAreFlaggedOrRejected() async throws {
        let snap = try await evaluate()
        let rejections = snap.evaluation.rejections

        let cut = try #require(sim.truth.courseCut)
        #expect(standing(snap, bib: cut.bib)?.flags.contains(.impossibleSplit) == true)

        let unknown = try #require(sim.truth.unknownChip)
        #expect(rejections.filter { $0.reason == .unknownChip(unknown.code) }.count == unknown.pointIds.count)

        for garbage in sim.truth.garbageLines {
            let hit = rejections.first {
                snap.files[Int($0.ref.file)].path == garbage.path && Int($0.ref.line) == garbage.line
            }
            #expect(hit?.reason.kind == "malformed", "\(garbage.path):\(garbage.line) \(garbage.reason)")
        }

        for missed in sim.truth.missedReads {
            guard let s = standing(snap, bib: missed.bib), let last = s.lastCheckpoint else { continue }
            let race = snap.event.races[snap.participants[s.runner].raceIndex]
            guard let c = race.checkpoints.firstIndex(where: { $0.id == missed.checkpointId }), c < last else {
                continue
            }
            #expect(s.flags.contains(.missedSplit), "bib \(missed.bib) missed \(missed.checkpointId)")
        }

        for caught in sim.truth.mainMissedBackupCaught {
            #expect(
                standing(snap, bib: caught.bib)?.flags.contains(.backupUsed) == true,
                "bib \(caught.bib) at \(caught.checkpointId)")
        }
    }

    @Test func overdueRunnersAreThoseWhoStoppedOrWereMissed() async throws {
        let state = try self.state()
        var flagged = 0
        for time in ["09:30:00", "10:30:00", "11:30:00", "12:30:00", "13:30:00"] {
            let snap = await state.snapshot(at: TimeFormat.parseClock(time)!)
            for standings in snap.evaluation.standings {
                for row in standings.rows where row.flags.contains(.overdue) {
                    flagged += 1
                    let truth = sim.truth.runners[row.runner]
                    let next = (row.lastCheckpoint ?? -1) + 1
                    let stopped = truth.status == .dnf
                    let missedNext = truth.unread.contains(next) || truth.bib == sim.truth.courseCut?.bib
                    let silentMat =
                        sim.truth.silentMat.map { mat in
                            snap.event.races[standings.raceIndex].checkpoints[next].pointIndex
                                == snap.event.pointIndex(id: mat.pointId)
                        } ?? false
                    #expect(
                        stopped || missedNext || silentMat,
                        "at \(time) bib \(truth.bib) is flagged overdue but was running")
                }
            }
        }
        let end = await state.snapshot()
        let dnfOnCourse = end.evaluation.standings.flatMap(\.rows).filter {
            $0.status == .onCourse && sim.truth.runners[$0.runner].status == .dnf
        }
        #expect(!dnfOnCourse.isEmpty)
        #expect(dnfOnCourse.allSatisfy { $0.flags.contains(.overdue) })
        #expect(flagged > 0)
    }

    @Test func nothingIsLost() async throws {
        let snap = try await evaluate()
        let ev = snap.evaluation
        let lines = sim.readFiles.reduce(0) { $0 + $1.lines.count }
        // The km30 decoder's last-seen reads are counted, not timed: the point times from first seen.
        let notTimed = ev.pointStats.reduce(0) { $0 + $1.otherEdge + $1.control }
        #expect(ev.pointStats.reduce(0) { $0 + $1.otherEdge } > 0)
        let counted = ev.usedCount + ev.duplicateCount + ev.rejections.count + snap.gunMarkers.count + notTimed
        #expect(counted == lines)
    }
}
