import Foundation
import Testing
import RaceModel
import Simulation
import TimingIngest
@testable import RaceStore
import TestSupport

/// Random lines around the event window's ends and midnight, dated and
/// undated, then a random edit of clock offsets, the gun and the event date:
/// a reloaded state gives what a fresh read under the edited configuration
/// gives, at every clock tried.
@Suite struct ReloadPlacementTests {
    static let clocks = [
        "02:59:59", "03:00:00", "03:00:01", "08:59:59", "09:00:01", "09:20:00", "23:59:59", "24:00:01",
        "26:59:59", "27:00:01", "33:00:00", "57:00:00",
    ].map { TimeFormat.parseClock($0)! }

    static let times = [
        "02:59:57.000", "02:59:58.000", "02:59:59.500", "03:00:00.000", "03:00:01.000", "03:00:02.500", "08:59:59.000",
        "09:00:03.000", "09:17:00.000", "09:34:00.000", "23:59:59.000", "00:00:01.000", "20:59:59.000",
        "21:00:01.000",
    ]

    static let dates = ["2025-04-05", "2025-04-06", "2025-04-07", "2025-04-08"]

    func line(_ random: inout SplitMix64) -> (Int, String) {
        let file = Int.random(in: 0...1, using: &random)
        let code = ["AAA1", "AAA2", "BBB9"].randomElement(using: &random)!
        let time = Self.times.randomElement(using: &random)!
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return (file, "CT01_33~1~START~guntime~\(time.dropLast())~0~A13C00~0")
        case 1: return (file, "not a read")
        case 2...5: return (file, "\(code),\(time)")
        default:
            let date = Self.dates.randomElement(using: &random)!
            return (file, "1;\(code);\(date);\(time);;23;-71;6222;0;;;;;;;;KM5;1;5;D-4211")
        }
    }

    func edited(_ random: inout SplitMix64) -> String {
        var config = LiveEventFolder.config
        for file in ["stadium", "km5"] where Bool.random(using: &random) {
            let offset = [-3_600, -3, -2, -1, 1, 2, 3, 3_600].randomElement(using: &random)!
            config = config.replacingOccurrences(
                of: "files = [\"reads/\(file).txt\"]", with: "files = [\"reads/\(file).txt\"]\nclock_offset = \(offset)"
            )
        }
        if Bool.random(using: &random) {
            let gun = ["08:59:58", "09:00:02", "10:00:00", "21:00:00"].randomElement(using: &random)!
            config = config.replacingOccurrences(of: "gun = \"09:00:00\"", with: "gun = \"\(gun)\"")
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            let date = ["2025-04-05", "2025-04-07"].randomElement(using: &random)!
            config = config.replacingOccurrences(of: "date = 2025-04-06", with: "date = \(date)")
        }
        return config
    }

    /// Two edits in turn, the second often back to the configuration the
    /// lines were read with: a read the first took out of the window comes
    /// back with the second.
    @Test func aReloadedStateIsAFreshReadOfTheSameLines() async throws {
        var random = SplitMix64(seed: 29)
        let before = try EventFolder.parse(
            path: "/tmp/none", config: LiveEventFolder.config, participants: LiveEventFolder.participants)
        for scenario in 0..<120 {
            let lines = (0..<Int.random(in: 4...14, using: &random)).map { _ in line(&random) }
            let state = referenceState(before, written: lines)
            _ = await state.snapshot()
            let edits = [edited(&random), Bool.random(using: &random) ? LiveEventFolder.config : edited(&random)]
            for (step, config) in edits.enumerated() {
                let after = try EventFolder.parse(
                    path: "/tmp/none", config: config, participants: LiveEventFolder.participants)
                await state.reload(after)
                let fresh = referenceState(after, written: lines)
                let context = "scenario \(scenario), edit \(step): \(lines)\n\(config)"
                guard await sameAtEveryClock(state, fresh, context) else { return }
            }
        }
    }

    func sameAtEveryClock(_ state: RaceState, _ fresh: RaceState, _ context: String) async -> Bool {
        for at in Self.clocks {
            let reloaded = await state.snapshot(at: at).evaluation
            let expected = await fresh.snapshot(at: at).evaluation
            let here = "\(context) at \(TimeFormat.timeOfDay(at))"
            #expect(reloaded.standings == expected.standings, "\(here)")
            #expect(reloaded.pointStats == expected.pointStats, "\(here)")
            let lines = { (e: Evaluation) in e.rejections.map { [$0.ref.line, $0.ref.file] } }
            guard lines(reloaded) == lines(expected) else {
                Issue.record("rejected lines differ: \(reloaded.rejections) against \(expected.rejections) \(here)")
                return false
            }
            for (r, e) in zip(reloaded.rejections, expected.rejections) {
                #expect(r.reason == e.reason && r.time == e.time && r.runner == e.runner, "\(here)")
                // A read taken out of the window stands by its chip code: its line is no longer held.
                #expect(r.text == e.text || (r.text.map { e.text?.contains($0) } ?? false) == true, "\(here)")
            }
        }
        return true
    }
}
