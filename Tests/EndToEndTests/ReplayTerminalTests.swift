import Foundation
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import Testing

/// The built `racedash replay` in a real terminal (a private tmux server at
/// 100x30): keys in, screens out, and a usable shell afterwards.
@Suite(
    .serialized, .timeLimit(.minutes(5)),
    .enabled(if: TmuxPane.isAvailable, "tmux is not installed: the terminal end-to-end tests need it (CI installs it)"))
struct ReplayTerminalTests {
    static let sane = "TERMINAL-SANE"

    func binary() throws -> String {
        try #require(
            SampleFeed.racedashBinary(),
            "racedash was not built next to the tests (looked beside the test runner and in .build/debug)")
    }

    func shellReady(_ pane: TmuxPane) async throws {
        try await pane.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
    }

    /// Runs racedash in the pane's shell, which says how it ended.
    func startReplay(_ pane: TmuxPane, _ arguments: String) async throws {
        try await pane.type(
            "'\(try binary())' replay \(SampleFeed.relativePath) \(arguments); echo \"racedash exited with $?\"")
        try await pane.send("Enter")
        try await pane.waitFor("the dashboard title") {
            $0.lines.first?.contains("Pyongyang Marathon 2025 · Marathon") == true
        }
    }

    /// racedash has gone, the shell is back on the main screen, and the tty
    /// echoes and reads lines again. The quotes keep the typed command from
    /// matching what it prints.
    func expectExitedCleanly(_ pane: TmuxPane) async throws {
        try await pane.waitFor("racedash to exit with status 0 and the dashboard to be gone") { screen in
            screen.lines.contains("racedash exited with 0") && !screen.text.contains("Pyongyang Marathon 2025 ·")
        }
        try await pane.type(
            #"echo o""k; case "$(stty -a | tr '\n' ' ')" in *-icanon*|*"-echo "*) echo TERMINAL-"BROKEN";; *) echo TERMINAL-"SANE";; esac"#
        )
        try await pane.send("Enter")
        try await pane.waitFor("the shell to answer with a sane terminal") {
            $0.lines.contains("ok") && $0.lines.contains(Self.sane)
        }
    }

    func clear(_ pane: TmuxPane) async throws {
        try await pane.type("clear")
        try await pane.send("Enter")
        try await pane.waitFor("a cleared screen") { !$0.text.contains("racedash exited") }
    }

    @Test func viewsSearchRunnerPauseSeekAndQuit() async throws {
        let state = try SampleFeed.state()
        try await TmuxPane.withPane(name: "views", directory: SampleFeed.root) { pane in
            try await shellReady(pane)
            try await startReplay(pane, "--speed 60 --from 09:30:00")
            try await pane.waitFor(text: "REPLAY 60x")

            // Elite: the men's first row is the leader of the standings at the time the header shows.
            try await pane.send("3")
            try await pane.waitFor(text: "% of started")
            try await pane.send("1")
            var checked: [Millis: (bib: String, name: String)] = [:]
            try await pane.waitFor("the men's leader at the header's time on the first row") { screen in
                guard let at = Self.headerClock(screen),
                    let men = screen.lines.firstIndex(where: { $0.contains(" Men ") }),
                    men + 1 < screen.lines.count
                else { return false }
                if checked[at] == nil {
                    let snapshot = await state.snapshot(at: at)
                    let rows = snapshot.standings(race: 0).rows.map { snapshot.participants[$0.runner] }
                    guard let leader = rows.first(where: { $0.division == .elite && $0.sex == .male }) else {
                        return false
                    }
                    checked[at] = (leader.bib, leader.name)
                }
                let leader = checked[at]!
                let row = screen.lines[men + 1]
                return row.hasPrefix("  1 ") && row.contains(" \(leader.bib) \(leader.name.prefix(12))")
            }

            // Amateur field list.
            try await pane.send("a")
            try await pane.waitFor(text: "Division: amateur")

            // Search a bib far down the list: its row comes into view, selected.
            let runner = try await Self.deepAmateur(state, at: SampleFeed.clock("09:30:00"))
            let before = try await pane.screen()
            #expect(
                !before.text.contains(" \(runner.bib) \(runner.name)"),
                "the runner must start off screen for the search to show anything")
            try await pane.send("/")
            try await pane.type(runner.bib)
            try await pane.send("Enter")
            try await pane.waitFor("bib \(runner.bib)'s row, selected") { screen in
                guard let i = screen.lines.firstIndex(where: { $0.contains(" \(runner.bib) \(runner.name)") }) else {
                    return false
                }
                return screen.isReverse(line: i) && !screen.text.contains("Find bib or name")
            }

            // Open the runner: identity line and the 5K split at its time of day.
            try await pane.send("Enter")
            try await pane.waitFor("the runner view of bib \(runner.bib) with its 5K split at \(runner.fiveK)") {
                screen in
                screen.lines.contains { $0.contains("Bib \(runner.bib)") && $0.contains(runner.name) }
                    && screen.lines.contains { $0.hasPrefix(" 5K ") && $0.contains(runner.fiveK) }
            }

            // Pause, then seek by typing a time and by ten minutes.
            try await pane.send("Space")
            try await pane.waitFor(text: "PAUSED 60x")
            try await pane.send("g")
            try await pane.type("10:45:00")
            try await pane.send("Enter")
            try await pane.waitFor("the header clock at 10:45:00") {
                Self.headerClock($0) == SampleFeed.clock("10:45:00")
            }
            try await pane.send("]")
            try await pane.waitFor("the header clock at 10:55:00") {
                Self.headerClock($0) == SampleFeed.clock("10:55:00")
            }
            #expect(try await pane.screen().lines.first?.contains("PAUSED 60x") == true)

            try await pane.send("q")
            try await expectExitedCleanly(pane)
        }
    }

    @Test func ctrlCAndSigtermRestoreTheTerminal() async throws {
        try await TmuxPane.withPane(name: "signals", directory: SampleFeed.root) { pane in
            try await shellReady(pane)

            try await startReplay(pane, "--speed 600")
            try await pane.send("C-c")
            try await expectExitedCleanly(pane)

            try await clear(pane)
            try await startReplay(pane, "--paused")
            let shell = try await pane.shellPID()
            let racedash = try #require(
                Self.children(of: shell).first, "racedash is not running under the pane's shell")
            #expect(kill(racedash, SIGTERM) == 0)
            try await expectExitedCleanly(pane)
        }
    }

    @Test func withoutATerminalItSaysSoAndFailsWithoutDrawing() async throws {
        let result = try await Subprocess.run(try binary(), ["replay", SampleFeed.path])
        let stderr = result.stderr
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "nothing drawn into a file")
        #expect(stderr.contains("needs a terminal"))
        #expect(stderr.contains("stdout"))
        #expect(stderr.contains("racedash results"))
    }

    // MARK: - Helpers

    /// The time of day in the title bar, e.g. `09:31:46  race 1:31:46`.
    static func headerClock(_ screen: Screen) -> Millis? {
        guard let title = screen.lines.first, let race = title.range(of: "  race ") else { return nil }
        let clock = title[..<race.lowerBound].suffix(8)
        return TimeFormat.parseClock(clock)
    }

    /// A marathon amateur three quarters down the field at `time`, past 5K,
    /// with a plain name so the screen text compares simply.
    static func deepAmateur(_ state: RaceState, at time: Millis) async throws -> (
        bib: String, name: String, fiveK: String
    ) {
        let snapshot = await state.snapshot(at: time)
        let rows = snapshot.standings(race: 0).rows.filter { snapshot.participants[$0.runner].division == .amateur }
        let fiveK = try #require(snapshot.event.races[0].checkpoints.firstIndex { $0.id == "5K" })
        for row in rows[(rows.count * 3 / 4)...] {
            let p = snapshot.participants[row.runner]
            guard p.name.allSatisfy(\.isASCII), let split = snapshot.evaluation.timelines[row.runner].splits[fiveK]
            else { continue }
            return (p.bib, p.name, TimeFormat.timeOfDay(split))
        }
        throw TmuxError(
            description: "no amateur past 5K in the last quarter of the marathon at \(TimeFormat.timeOfDay(time))")
    }

    /// Processes whose parent is `pid`, from /proc.
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid
        }
    }
}
