import Testing
import RaceModel
import ScreenGrid
import Snapshots
@testable import Dashboard

/// The lines every view shares: title bar, counts, progress, alert ticker, tabs, key hints.
@Suite struct ChromeTests {
    @Test func titleBarNamesEventRaceClockAndReplaySpeed() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let frame = DashboardFixture.render(snap, at: "10:10:00")
        #expect(frame.line(0) == " Pyongyang Test Half · Half Marathon (1/2)   10:10:00  race 1:10:00  REPLAY 60x")
        #expect(frame.style(of: "REPLAY", inLine: 0) == Theme.replay)
        #expect(frame[0, 0].style.attributes.contains(.reverse))
    }

    @Test func pausedAndLiveModesAreLabelled() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let paused = DashboardFixture.render(
            snap, at: "10:10:00", feed: DashboardFixture.replay(at: "10:10:00", speed: 0.5, paused: true))
        #expect(paused.line(0).hasSuffix("race 1:10:00  PAUSED 0.5x"))
        #expect(paused.style(of: "PAUSED", inLine: 0)?.attributes.contains(.reverse) == true)
        // The latest read up to 10:10:00 is bib 104 finishing at 10:06:54.
        let live = FeedStatus(
            mode: .live, clock: DashboardFixture.time("10:10:00"), wallNow: DashboardFixture.time("10:07:20"))
        let frame = DashboardFixture.render(snap, at: "10:10:00", feed: live)
        #expect(frame.line(0).hasSuffix("race 1:10:00  LIVE"))
        #expect(frame.style(of: "LIVE", inLine: 0) == Theme.live)
        #expect(frame.line(1).hasSuffix("  last read 26s ago"))
        #expect(frame.style(of: "last read", inLine: 1) == Theme.dim)
    }

    @Test func aQuietLiveFeedIsAWarningWithAMarker() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let live = FeedStatus(
            mode: .live, clock: DashboardFixture.time("10:10:00"), wallNow: DashboardFixture.time("10:10:30"))
        let frame = DashboardFixture.render(snap, at: "10:10:00", feed: live)
        #expect(frame.line(1).hasSuffix("! last read 3:36 ago"))
        #expect(frame.style(of: "! last read", inLine: 1) == Theme.warning)
    }

    @Test func beforeTheGunTheRaceClockCountsDown() async {
        let snap = await DashboardFixture.snapshot(at: "08:55:00", clean: true)
        let frame = DashboardFixture.render(snap, at: "08:55:00")
        #expect(frame.line(0).hasSuffix("08:55:00  gun in 0:05:00  REPLAY 60x"))
        #expect(frame.line(1).hasPrefix(" Started 0 · On course 0 · Finished 0"))
        #expect(frame.line(2) == " no alerts")
    }

    @Test func countsAndProgressOfTheSelectedRace() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let frame = DashboardFixture.render(snap, at: "10:10:00")
        // 14 of 15 half-marathon entrants started (bib 307 did not); the four elite men finished.
        #expect(frame.line(1).hasPrefix(" Started 14 · On course 10 · Finished 4  ▕"))
        // 09:00:05 → 11:30:00 is 8995 s; 10:10:00 is 4195 s in: 46 %.
        #expect(frame.line(1).hasSuffix("▏ 46%"))
        let wide = DashboardFixture.render(snap, at: "10:10:00", width: 200, height: 50)
        #expect(wide.line(1).hasPrefix(" Started 14 · On course 10 · Finished 4 · of 15 entered  09:00:05 ▕█"))
        #expect(wide.line(1).hasSuffix("░▏ 11:30:00 46%"))
        var fun = UIState()
        fun.race = 1
        let funFrame = DashboardFixture.render(snap, fun, at: "10:10:00")
        #expect(funFrame.line(0).hasPrefix(" Pyongyang Test Half · Fun Run 10K (2/2)"))
        #expect(funFrame.line(0).contains("race 0:40:00"))
        #expect(funFrame.line(1).hasPrefix(" Started 3 · On course 3 · Finished 0"))
    }

    @Test func tickerShowsTheMostPressingAlertInRedWithAMarker() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let frame = DashboardFixture.render(snap, at: "11:00:00", width: 200, height: 50)
        // One line per cause: the silent mat with the splits it missed.
        #expect(
            frame.line(2).hasPrefix(
                " !! 09:52:35 km15 silent: no read since 09:52:35, 3 runners due since 10:33:15; 4 missed splits"))
        #expect(frame.line(2).hasSuffix("+4 more · 5: alerts"))
        #expect(frame.style(of: "km15 silent", inLine: 2) == Theme.alert)
        #expect(frame.line(3).hasPrefix(" 1 Elite  2 Field  3 Checkpoints  4 Runner  5 Alerts 5  6 Announcer "))
    }

    @Test func feedProblemsLeadTheTickerAheadOfRaceAlerts() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let at = TimeFormat.parseClock("11:00:00")!
        let feed = FeedStatus(
            mode: .live, clock: at, wallNow: at,
            problems: [
                "reads/km10.txt cannot be read: Permission denied", "reads/km20.txt was deleted; waiting for a new one",
            ])
        let frame = DashboardFixture.render(snap, at: "11:00:00", width: 160, height: 30, feed: feed)
        // Every problem on the line, and where to read them in full.
        #expect(
            frame.line(2).hasPrefix(
                " !! FEED 2: reads/km10.txt cannot be read: Permission denied · reads/km20.txt was deleted; waiting"))
        #expect(frame.line(2).hasSuffix(" 5: alerts"))
        #expect(frame.style(of: "FEED", inLine: 2) == Theme.alert)
        // The alerts view lists them all, ahead of the race alerts.
        let list = DashboardFixture.render(
            snap, DashboardFixture.ui(.alerts), at: "11:00:00", width: 160, height: 30, feed: feed)
        #expect(list.line(5).hasPrefix(" !!          FEED reads/km10.txt cannot be read: Permission denied"))
        #expect(list.line(6).hasPrefix(" !!          FEED reads/km20.txt was deleted; waiting for a new one"))
        #expect(list.line(7).hasPrefix(" !! 09:52:35 ▸ km15 silent"))
        // Listed as critical, counted as critical, and named first in the summary.
        let calmList = DashboardFixture.render(
            snap, DashboardFixture.ui(.alerts), at: "11:00:00", width: 160, height: 30,
            feed: FeedStatus(mode: .live, clock: at, wallNow: at))
        let critical = { (line: String) in Int(line.split(separator: " ")[0]) ?? -1 }
        #expect(critical(list.line(4)) == critical(calmList.line(4)) + 2, "\(list.line(4))")
        #expect(list.line(4).contains("   feed 2 · "), "\(list.line(4))")
        // Without problems the race alerts are back.
        let calm = DashboardFixture.render(snap, at: "11:00:00", feed: FeedStatus(mode: .live, clock: at, wallNow: at))
        #expect(calm.line(2).contains("km15 silent"))
    }

    @Test func tabsShowTheCurrentViewReversed() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let frame = DashboardFixture.render(snap, DashboardFixture.ui(.checkpoints), at: "10:10:00")
        #expect(frame.style(of: "3 Checkpoints", inLine: 3)?.attributes.contains(.reverse) == true)
        #expect(frame.style(of: "1 Elite", inLine: 3)?.attributes.contains(.reverse) == false)
        // At 80 columns the tabs leave room for the help hint only.
        #expect(frame.line(3).hasSuffix("6 Announcer     ?: help"))
    }

    @Test func bottomLineHintsKeysOrShowsTheInput() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let hints = DashboardFixture.render(snap, DashboardFixture.ui(.field), at: "10:10:00")
        #expect(hints.line(23) == " / find  f filter  F next filter  x clear  e/a division  Enter runner")
        let search = DashboardFixture.render(
            snap,
            DashboardFixture.ui(.field) {
                $0.searchActive = true
                $0.search = "kim"
            },
            at: "10:10:00")
        #expect(search.line(23).hasPrefix(" Find bib or name: kim_"))
        #expect(search.line(23).hasSuffix("Enter jump · Esc cancel"))
        let goTo = DashboardFixture.render(
            snap,
            DashboardFixture.ui(.elite) {
                $0.gotoActive = true
                $0.gotoText = "10:3"
            },
            at: "10:10:00")
        #expect(goTo.line(23).hasPrefix(" Go to time of day (HH:MM[:SS]): 10:3_"))
        let message = DashboardFixture.render(
            snap, DashboardFixture.ui(.elite) { $0.message = "no runner matches \"zz\"" },
            at: "10:10:00")
        #expect(message.line(23) == " ! no runner matches \"zz\"")
        #expect(message.style(of: "!", inLine: 23) == Theme.warning)
    }

    @Test func tooSmallTerminalSaysSo() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let frame = DashboardFixture.render(snap, at: "10:10:00", width: 79, height: 24)
        #expect(frame.width == 79 && frame.height == 24)
        #expect(frame.line(0) == "terminal too small: need 80x24, have 79x24")
        #expect(frame.lines.dropFirst().allSatisfy { $0.isEmpty })
        let short = DashboardFixture.render(snap, at: "10:10:00", width: 120, height: 23)
        #expect(short.line(0) == "terminal too small: need 80x24, have 120x23")
        // Narrow: the words wrap rather than vanish.
        let tiny = DashboardFixture.render(snap, at: "10:10:00", width: 20, height: 5)
        #expect(tiny.lines == ["terminal too small:", "need 80x24, have", "20x5", "", ""])
        #expect(DashboardFixture.render(snap, at: "10:10:00", width: 0, height: 0).lines.isEmpty)
    }

    @Test func helpOverlayListsTheKeysOfTheViewAndModeFromTheTable() async throws {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let frame = DashboardFixture.render(snap, DashboardFixture.ui(.elite) { $0.showHelp = true }, at: "10:10:00")
        let top = try #require(frame.row(containing: "┌─ Keys: Elite "))
        let bottom = try #require(frame.row(containing: "└───"))
        let box = frame.lines[top...bottom].joined(separator: "\n")
        // Every binding that works here, whole, with its keys; none that does not.
        for binding in KeyBindings.applying(in: .elite, mode: .replay) {
            #expect(box.contains(binding.label + " "), "\(binding.label)")
            #expect(box.contains(binding.description), "\(binding.description)")
        }
        #expect(box.contains("Shift-Tab"))
        #expect(!box.contains("change filter in focus"))
        #expect(!box.contains("correct the runner"))
        #expect(frame.line(bottom - 3).contains("│ rows: ! missed or impossible split  ? overdue  · no start read"))
        #expect(frame.column(of: "┌", inLine: top) == frame.column(of: "└", inLine: bottom))
        // The header stays visible above the box.
        #expect(frame.line(0).hasPrefix(" Pyongyang Test Half"))
    }

    @Test func helpOverlayFitsEveryViewAndModeAt80x24() async throws {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        for view in View.allCases {
            for mode in KeyMode.allCases {
                let feed = FeedStatus(
                    mode: mode == .live ? .live : .replay(speed: 1, paused: false),
                    clock: DashboardFixture.time("10:10:00"))
                let frame = DashboardRenderer.render(
                    snap, ui: DashboardFixture.ui(view) { $0.showHelp = true }, feed: feed, width: 80, height: 24)
                let text = frame.lines.joined(separator: "\n")
                for binding in KeyBindings.applying(in: view, mode: mode) {
                    #expect(text.contains(binding.description), "\(view) \(mode): \(binding.description)")
                }
            }
        }
    }

    @Test func legendMarkersAreThoseTheViewsDraw() {
        let rows = HelpOverlay.legend[0]
        for flag in [RunnerFlags.missedSplit, .overdue, .noStartRead] {
            #expect(rows.contains(" \(RenderContext.flagMarker(flag)) "), "\(flag)")
        }
        for severity in [Alert.Severity.critical, .warning, .notice] {
            let marker = Chrome.severityMarker(severity).0.trimmingCharacters(in: .whitespaces)
            #expect(HelpOverlay.legend[1].contains(" \(marker) "), "\(severity)")
        }
    }
}
