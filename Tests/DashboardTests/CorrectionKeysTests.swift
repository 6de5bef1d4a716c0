import Testing
import RaceModel
import Snapshots
import ScreenGrid
@testable import Dashboard

/// `c` on the runner view or the field list: action, value, reason,
/// confirmation, and only then a command to write the journal.
@Suite struct CorrectionKeysTests {
    static let anna = 8  // bib 302

    func press(_ keys: [Key], _ ui: UIState, snap: RaceSnapshot, writable: Bool = true) -> (UIState, [Command]) {
        var state = ui
        var all: [Command] = []
        for key in keys {
            let (next, commands) = KeyHandler.handle(
                key, state, snapshot: snap, height: 24, mode: writable ? .live : .replay, writable: writable)
            state = next
            all += commands
        }
        return (state, all)
    }

    func typed(_ text: String) -> [Key] { text.map { .char($0) } }

    var onAnna: UIState { DashboardFixture.ui(.runner) { $0.runner = Self.anna } }

    @Test func aDisqualificationNeedsAReasonAndAYes() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        var (ui, commands) = press([.char("c"), .char("d")], onAnna, snap: snap)
        #expect(ui.correction?.stage == .reason)
        (ui, commands) = press([.enter], ui, snap: snap)
        #expect(ui.correction?.problem == "a reason is needed: it goes on the record")
        (ui, commands) = press(typed("cut the course, 15K") + [.enter], ui, snap: snap)
        #expect(ui.correction?.stage == .confirm)
        #expect(commands.isEmpty, "nothing is written before the official says yes")
        let screen = DashboardFixture.render(snap, ui, at: "11:00:00", feed: FeedStatus(mode: .live, clock: snap.at))
        #expect(
            screen.line(23).hasPrefix(" Write DQ for bib 302 (cut the course, 15K) to corrections.csv? y yes · n no"))
        (ui, commands) = press([.char("y")], ui, snap: snap)
        #expect(ui.correction == nil)
        #expect(
            commands == [
                .writeCorrection(CorrectionRequest(bib: "302", action: "dq", value: "", reason: "cut the course, 15K"))
            ])
    }

    @Test func fromTheFieldListItActsOnTheSelectedRow() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let field = DashboardFixture.ui(.field) {
            $0.division = nil
            $0.selected = 2
        }
        let selected = FieldList(snap, ui: field).row(2).runner
        let (_, commands) = press([.char("c"), .char("f")] + typed("withdrew") + [.enter, .enter], field, snap: snap)
        #expect(
            commands == [
                .writeCorrection(
                    CorrectionRequest(
                        bib: snap.participants[selected].bib, action: "dnf", value: "",
                        reason: "withdrew"))
            ])
    }

    @Test func aHandTimeStartsFromTheNextCheckpointAndTheClock() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // Bib 303 has no 10 km read; at 10:10 he is last seen at 5K.
        let tom = DashboardFixture.ui(.runner) { $0.runner = 9 }
        var (ui, commands) = press([.char("c"), .char("h")], tom, snap: snap)
        #expect(ui.correction?.value == "10K 10:10:00")
        (ui, commands) = press(Array(repeating: .backspace, count: 12) + typed("40K 09:50") + [.enter], ui, snap: snap)
        #expect(ui.correction?.problem == "type CHECKPOINT HH:MM:SS; checkpoints: start 5K 10K 15K finish")
        (ui, commands) = press(Array(repeating: .backspace, count: 9) + typed("10K 9:75") + [.enter], ui, snap: snap)
        #expect(ui.correction?.problem == "'9:75' is not a time of day")
        (ui, commands) = press(Array(repeating: .backspace, count: 4) + typed("09:51:30") + [.enter], ui, snap: snap)
        #expect(ui.correction?.stage == .reason)
        (ui, commands) = press(typed("mat 10 missed him") + [.enter, .char("y")], ui, snap: snap)
        #expect(
            commands == [
                .writeCorrection(
                    CorrectionRequest(
                        bib: "303", action: "split", value: "10K 09:51:30",
                        reason: "mat 10 missed him"))
            ])
    }

    /// A hand time out of order with the runner's own splits, or before their
    /// wave's gun, is a slip of the keys: refused with their split beside it.
    @Test func aHandTimeOutOfOrderWithTheRunnersSplitsIsRefused() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let tom = DashboardFixture.ui(.runner) { $0.runner = 9 }  // bib 303, last seen at 5K
        let (start, fiveK) = (snap.evaluation.timelines[9].split(0)!, snap.evaluation.timelines[9].split(1)!)
        let wave = snap.event.races[snap.participants[9].raceIndex].waves[snap.participants[9].waveIndex]
        func at(_ t: Millis) -> String { TimeFormat.timeOfDay(t) }
        let cases = [
            ("10K \(at(start + 60_000))", "\(at(start + 60_000)) is not after their 5K split \(at(fiveK))"),
            ("5K \(at((start + fiveK) / 2))", nil),
            // 5 km in a minute: faster than the timing rules let anyone run (a slip of the keys).
            (
                "5K \(at(start + 60_000))",
                "\(at(start + 60_000)) is faster than 30 km/h from their start split \(at(start))"
            ),
            ("start \(at(fiveK + 60_000))", "\(at(fiveK + 60_000)) is not before their 5K split \(at(fiveK))"),
            (
                "start \(at(wave.gun - 3_600_000))",
                "\(at(wave.gun - 3_600_000)) is before the gun of wave \(wave.id) (\(at(wave.gun)))"
            ),
        ]
        for (typedValue, problem) in cases {
            var (ui, _) = press([.char("c"), .char("h")], tom, snap: snap)
            (ui, _) = press(Array(repeating: .backspace, count: 20) + typed(typedValue) + [.enter], ui, snap: snap)
            #expect(ui.correction?.problem == problem, "\(typedValue)")
            #expect(ui.correction?.stage == (problem == nil ? .reason : .value), "\(typedValue)")
        }
    }

    /// At 80 columns the refusal does not fit beside the question: it takes
    /// its place, the typed value still in sight; a long reason scrolls so its
    /// end, where the typing is, stays on screen.
    @Test func aRefusalAndALongAnswerStayInSightAt80Columns() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let tom = DashboardFixture.ui(.runner) { $0.runner = 9 }
        let start = TimeFormat.timeOfDay(snap.evaluation.timelines[9].split(0)!)
        let fiveK = TimeFormat.timeOfDay(snap.evaluation.timelines[9].split(1)!)
        var (ui, _) = press([.char("c"), .char("h")], tom, snap: snap)
        (ui, _) = press(Array(repeating: .backspace, count: 20) + typed("10K \(start)") + [.enter], ui, snap: snap)
        let feed = FeedStatus(mode: .live, clock: snap.at)
        let refused = DashboardFixture.render(snap, ui, at: "10:10:00", feed: feed).line(23)
        #expect(refused.hasPrefix(" ! \(start) is not after their 5K split \(fiveK) › 10K \(start)_"), "\(refused)")
        (ui, _) = press(Array(repeating: .backspace, count: 20) + typed("10K 09:51:30") + [.enter], ui, snap: snap)
        let reason = "the 10 km mat was down for four minutes; timed by the referee at the cone, witnessed by two"
        (ui, _) = press(typed(reason), ui, snap: snap)
        let long = DashboardFixture.render(snap, ui, at: "10:10:00", feed: feed).line(23)
        #expect(long.contains("…") && long.contains("witnessed by two_"), "\(long)")
        #expect(TextWidth.of(long) <= 80)
    }

    @Test func escOrNoWritesNothing() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        for keys: [Key] in [
            [.char("c"), .escape], [.char("c"), .char("r")] + typed("x") + [.escape],
            [.char("c"), .char("r")] + typed("appeal") + [.enter, .char("n")],
        ] {
            let (ui, commands) = press(keys, onAnna, snap: snap)
            #expect(commands.isEmpty)
            #expect(ui.correction == nil)
            #expect(ui.message == "correction cancelled: nothing written")
        }
    }

    @Test func replayIsReadOnlyAndSaysSo() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let (ui, commands) = press([.char("c")], onAnna, snap: snap, writable: false)
        #expect(commands.isEmpty && ui.correction == nil)
        #expect(ui.message == "replay is read-only: make corrections in racedash live or in corrections.csv")
        // Whole on the bottom line at 80 columns.
        let line = DashboardFixture.render(snap, ui, at: "11:00:00").line(23)
        #expect(line == " ! " + KeyHandler.readOnlyMessage, "\(line)")
    }

    /// A message wider than the screen is cut with "…", not at the edge.
    @Test func aMessageTooWideForTheScreenEndsInAnEllipsis() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        var ui = DashboardFixture.ui(.elite)
        ui.message = String(repeating: "a long message ", count: 8)
        let line = DashboardFixture.render(snap, ui, at: "11:00:00").line(23)
        #expect(line.hasPrefix(" ! a long message") && line.hasSuffix("…"), "\(line)")
        #expect(TextWidth.of(line) <= 80)
    }

    @Test func otherViewsPointToARunner() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let (ui, _) = press([.char("c")], DashboardFixture.ui(.checkpoints), snap: snap)
        #expect(ui.correction == nil)
        #expect(ui.message == "c (correct the runner) works in Field, Runner; live only")
    }
}
