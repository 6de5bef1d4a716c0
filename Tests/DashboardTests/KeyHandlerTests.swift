import Testing
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import ScreenGrid
@testable import Dashboard

@Suite struct KeyHandlerTests {
    func press(_ keys: [Key], _ ui: UIState = UIState(), snap: RaceSnapshot, height: Int = 24) -> (UIState, [Command]) {
        var state = ui
        var all: [Command] = []
        for key in keys {
            let (next, commands) = KeyHandler.handle(key, state, snapshot: snap, height: height)
            state = next
            all += commands
        }
        return (state, all)
    }

    func press(_ key: Key, _ ui: UIState = UIState(), snap: RaceSnapshot, height: Int = 24) -> (UIState, [Command]) {
        press([key], ui, snap: snap, height: height)
    }

    @Test func feedKeysBecomeCommandsForTheLoop() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let ui = UIState()
        let cases: [(Key, Command)] = [
            (.char("q"), .quit), (.ctrlC, .quit), (.char(" "), .replay(.togglePause)), (.char("+"), .replay(.faster)),
            (.char("-"), .replay(.slower)),
            (.left, .replay(.seek(by: -60_000))), (.right, .replay(.seek(by: 60_000))),
            (.shiftLeft, .replay(.seek(by: -600_000))), (.shiftRight, .replay(.seek(by: 600_000))),
            (.char("["), .replay(.seek(by: -600_000))), (.char("]"), .replay(.seek(by: 600_000))),
        ]
        for (key, command) in cases {
            let (after, commands) = press(key, ui, snap: snap)
            #expect(commands == [command], "\(key)")
            #expect(after == ui, "\(key) changes nothing on screen")
        }
        // Ctrl-C quits even while typing; q is then just a letter.
        let typing = DashboardFixture.ui(.field) { $0.searchActive = true }
        #expect(press(.ctrlC, typing, snap: snap).1 == [.quit])
        let (typed, commands) = press(.char("q"), typing, snap: snap)
        #expect(commands.isEmpty)
        #expect(typed.search == "q")
    }

    @Test func numbersAndTabsSwitchViews() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        for view in View.allCases {
            #expect(press(.char(Character(String(view.rawValue))), snap: snap).0.view == view)
        }
        let forward = [Key](repeating: .tab, count: 6)
        var ui = UIState()
        var seen: [View] = []
        for key in forward {
            ui = press(key, ui, snap: snap).0
            seen.append(ui.view)
        }
        #expect(seen == [.field, .checkpoints, .runner, .alerts, .announcer, .elite])
        #expect(press(.backTab, snap: snap).0.view == .announcer)
        #expect(press(.backTab, DashboardFixture.ui(.checkpoints), snap: snap).0.view == .field)
    }

    @Test func eAndASwitchViewsAndInTheFieldTheDivision() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        #expect(press(.char("a"), snap: snap).0.view == .field)
        #expect(press(.char("e"), DashboardFixture.ui(.checkpoints), snap: snap).0.view == .elite)
        let field = DashboardFixture.ui(.field) { $0.positions[.field] = ListPosition(scroll: 2, selected: 5) }
        let elite = press(.char("e"), field, snap: snap).0
        #expect(elite.view == .field && elite.division == .elite)
        #expect(elite.selected == 0 && elite.scroll == 0)
        #expect(press(.char("e"), elite, snap: snap).0.division == nil)
        #expect(press(.char("a"), elite, snap: snap).0.division == .amateur)
        #expect(press(.char("a"), field, snap: snap).0.division == nil)
    }

    @Test func rCyclesRacesAndStartsTheirListsAtTheTop() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let ui = DashboardFixture.ui(.field) {
            $0.positions[.field] = ListPosition(scroll: 3, selected: 4)
            $0.filters.country = "GER"
        }
        let (second, _) = press(.char("r"), ui, snap: snap)
        #expect(second.race == 1)
        #expect(second.selected == 0 && second.scroll == 0)
        // Nobody from Germany runs the fun run: the country filter would hide everyone.
        #expect(second.filters.country == nil)
        #expect(press(.char("r"), second, snap: snap).0.race == 0)
        let prk = DashboardFixture.ui(.field) { $0.filters.country = "PRK" }
        #expect(press(.char("r"), prk, snap: snap).0.filters.country == "PRK")
    }

    @Test func arrowsAndPagesMoveTheFieldSelectionAndKeepItVisible() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // 15 runners with everyone shown; height 14 leaves a list of 4 rows.
        #expect(Layout.fieldListRows(height: 14) == 4)
        let ui = DashboardFixture.ui(.field) { $0.division = nil }
        var (s, _) = press([.down, .down, .down, .down], ui, snap: snap, height: 14)
        #expect(s.position == ListPosition(scroll: 1, selected: 4))
        s = press(.up, s, snap: snap, height: 14).0
        #expect(s.position == ListPosition(scroll: 1, selected: 3))
        s = press(.pageDown, s, snap: snap, height: 14).0
        #expect(s.position == ListPosition(scroll: 5, selected: 7))
        s = press(.end, s, snap: snap, height: 14).0
        #expect(s.position == ListPosition(scroll: 11, selected: 14))
        s = press(.down, s, snap: snap, height: 14).0
        #expect(s.position == ListPosition(scroll: 11, selected: 14))
        s = press(.pageUp, s, snap: snap, height: 14).0
        #expect(s.position == ListPosition(scroll: 7, selected: 10))
        s = press(.home, s, snap: snap, height: 14).0
        #expect(s.position == ListPosition(scroll: 0, selected: 0))
        s = press(.up, s, snap: snap, height: 14).0
        #expect(s.position == ListPosition(scroll: 0, selected: 0))
        // Each view keeps its own place.
        #expect(s.positions[.elite] == nil)
    }

    @Test func pagesInTheEliteViewJumpBetweenMenAndWomen() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        var (s, _) = press(.pageDown, snap: snap)
        #expect(s.selected == 4)  // after the four men
        s = press(.down, s, snap: snap).0
        #expect(s.selected == 5)
        s = press(.pageUp, s, snap: snap).0
        #expect(s.selected == 4)
        s = press(.pageUp, s, snap: snap).0
        #expect(s.selected == 0)
        s = press(.end, s, snap: snap).0
        #expect(s.selected == 6)
        s = press(.pageDown, s, snap: snap).0
        #expect(s.selected == 6)
    }

    @Test func enterOpensTheRunnerOnTheSelectedRowAndEscGoesBack() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // Elite: the second woman is Zoë Lefèvre, participant 5.
        let fromElite = press(.enter, DashboardFixture.ui(.elite) { $0.selected = 5 }, snap: snap).0
        #expect(fromElite.view == .runner && fromElite.runner == 5 && fromElite.returnView == .elite)
        #expect(press(.escape, fromElite, snap: snap).0.view == .elite)
        // Field: amateurs in order 301, 302, 308 - the third is participant 14.
        let fromField = press(.enter, DashboardFixture.ui(.field) { $0.selected = 2 }, snap: snap).0
        #expect(fromField.view == .runner && fromField.runner == 14 && fromField.returnView == .field)
        #expect(press(.escape, fromField, snap: snap).0.view == .field)
        #expect(press(.enter, DashboardFixture.ui(.checkpoints), snap: snap).0.view == .checkpoints)
    }

    @Test func enterOnAnAlertOpensItsRunner() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let now = DashboardFixture.time("11:00:00")
        // Row 1 is bib 302's impossible split; row 3 the unknown chip, which is about no one runner.
        var ui = DashboardFixture.ui(.alerts) { $0.selected = 1 }
        var (s, _) = KeyHandler.handle(.enter, ui, snapshot: snap, height: 24, now: now)
        #expect(s.view == .runner && s.runner == 8 && s.returnView == .alerts)
        ui.selected = 3
        (s, _) = KeyHandler.handle(.enter, ui, snapshot: snap, height: 24, now: now)
        #expect(s.view == .alerts)
        #expect(s.message == "this alert is not about one runner")
        // Any key clears the message.
        #expect(KeyHandler.handle(.down, s, snapshot: snap, height: 24, now: now).0.message == nil)
    }

    @Test func searchJumpsAsYouTypeEnterKeepsItEscPutsItBack() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let start = DashboardFixture.ui(.field) { $0.positions[.field] = ListPosition(scroll: 0, selected: 1) }
        var s = press(.char("/"), start, snap: snap).0
        #expect(s.searchActive && s.search.isEmpty)
        // Amateurs: 301, 302, 308, 304, 303, 305, 306, 307; "su" matches Kim Chol Su (row 2) before Haruka.
        s = press([.char("s"), .char("u")], s, snap: snap).0
        #expect(s.search == "su" && s.selected == 2)
        s = press(.backspace, s, snap: snap).0
        #expect(s.search == "s" && s.selected == 1)  // Anna Schmidt
        let cancelled = press(.escape, s, snap: snap).0
        #expect(!cancelled.searchActive && cancelled.search.isEmpty && cancelled.selected == 1)
        // A bib is matched exactly before any name.
        s = press([.char("/"), .char("3"), .char("0"), .char("5")], start, snap: snap).0
        #expect(s.selected == 5)
        s = press(.enter, s, snap: snap).0
        #expect(!s.searchActive && s.selected == 5 && s.view == .field && s.lastSearch == "305")
        let moved = press(
            [.char("/"), .char("o"), .char("b"), .char("r"), .escape],
            DashboardFixture.ui(.field) {
                $0.positions[.field] = ListPosition(scroll: 0, selected: 6)
            }, snap: snap
        ).0
        #expect(moved.selected == 6)
    }

    @Test func searchFromOtherViewsOrOutsideTheListOpensTheRunner() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // From the elite view: bib 403 runs the fun run.
        let s = press([.char("/"), .char("4"), .char("0"), .char("3"), .enter], snap: snap).0
        #expect(s.view == .runner && s.runner == 17 && s.returnView == .elite)
        // From the field (amateurs only): an elite bib is not in the list but is in the event.
        let e = press([.char("/"), .char("李"), .enter], DashboardFixture.ui(.field), snap: snap).0
        #expect(e.view == .runner && e.runner == 4)
        let none = press([.char("/"), .char("z"), .char("z"), .enter], DashboardFixture.ui(.field), snap: snap).0
        #expect(none.view == .field && none.message == "no runner matches \"zz\"")
    }

    @Test func nFindsTheNextMatch() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // "cho" matches Ri Yong Chol (0), Kim Chol Su (2) and Choe Kwang (5), then wraps.
        var s = press(
            [.char("/"), .char("c"), .char("h"), .char("o"), .enter], DashboardFixture.ui(.field), snap: snap
        ).0
        #expect(s.selected == 0)
        s = press(.char("n"), s, snap: snap).0
        #expect(s.selected == 2)
        s = press(.char("n"), s, snap: snap).0
        #expect(s.selected == 5)
        s = press(.char("n"), s, snap: snap).0
        #expect(s.selected == 0)
        #expect(
            press(.char("n"), DashboardFixture.ui(.field), snap: snap).0.message
                == "nothing to repeat: / starts a search")
    }

    @Test func filtersCycleAndClear() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // f works in the field list; elsewhere it says so.
        #expect(press(.char("f"), snap: snap).0.message == "f (change filter in focus) works in Field")
        var s = press(.char("f"), DashboardFixture.ui(.field), snap: snap).0
        #expect(s.view == .field && s.filters.sex == .male)
        s = press([.char("f"), .char("f"), .char("f")], s, snap: snap).0
        #expect(s.filters.sex == nil)
        s = press([.char("f"), .char("F"), .char("f"), .char("f")], s, snap: snap).0
        #expect(s.filters.sex == .male && s.filterFocus == .ageGroup && s.filters.ageGroup == 1)
        s = press([.char("F"), .char("f"), .char("c"), .char("h"), .enter], s, snap: snap).0
        // Countries of the half marathon, sorted: CHN ESP FRA GBR GER IRL JPN KEN PRK.
        #expect(s.filterFocus == .country && s.filters.country == "CHN")
        #expect(
            FilterChoices.countries(snap, race: 0) == ["CHN", "ESP", "FRA", "GBR", "GER", "IRL", "JPN", "KEN", "PRK"])
        s = press(.char("F"), s, snap: snap).0
        #expect(s.filterFocus == .sex)
        s.positions[.field] = ListPosition(scroll: 0, selected: 2)
        s = press(.char("x"), s, snap: snap).0
        #expect(s.filters == FieldFilters() && s.selected == 0)
    }

    @Test func helpToggles() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let shown = press(.char("?"), snap: snap).0
        #expect(shown.showHelp)
        #expect(!press(.char("?"), shown, snap: snap).0.showHelp)
        #expect(!press(.escape, shown, snap: snap).0.showHelp)
        #expect(press(.function(1), snap: snap).0.showHelp)
        // Esc closes help before it leaves the runner view.
        let runner = DashboardFixture.ui(.runner) {
            $0.showHelp = true
            $0.runner = 0
        }
        #expect(press(.escape, runner, snap: snap).0.view == .runner)
    }

    @Test func goToTakesATimeOfDay() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let (s, commands) = press(
            [.char("g"), .char("1"), .char("0"), .char(":"), .char("x"), .char("3"), .char("0"), .enter], snap: snap)
        #expect(commands == [.replay(.seekTo(DashboardFixture.time("10:30:00")))])
        #expect(!s.gotoActive && s.gotoText.isEmpty)
        let (s2, c2) = press(
            [
                .char("g"), .char("1"), .char("0"), .char(":"), .char("3"), .char("0"), .char(":"), .char("1"),
                .char("5"), .enter,
            ], snap: snap)
        #expect(c2 == [.replay(.seekTo(DashboardFixture.time("10:30:15")))] && s2.message == nil)
        let (bad, none) = press([.char("g"), .char("9"), .char("9"), .enter], snap: snap)
        #expect(none.isEmpty)
        #expect(bad.message == "not a time of day: \"99\" (type HH:MM or HH:MM:SS)")
        let (cancelled, nothing) = press([.char("g"), .char("1"), .escape], snap: snap)
        #expect(nothing.isEmpty && !cancelled.gotoActive && cancelled.gotoText.isEmpty)
        // While typing, space and q are not commands.
        #expect(press([.char("g"), .char(" "), .char("q")], snap: snap).1.isEmpty)
    }

    @Test func checkpointAndRunnerViewsScrollWithinTheirLength() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // Five checkpoints fit at 24 rows: nothing to scroll.
        #expect(press([.down, .down], DashboardFixture.ui(.checkpoints), snap: snap).0.scroll == 0)
        let runner = DashboardFixture.ui(.runner) { $0.runner = 0 }
        let lines = RunnerView.lines(snap, runner: 0).count
        let page = Layout.runnerSheetRows(height: 14)
        #expect(lines > page)
        let end = press(.end, runner, snap: snap, height: 14).0
        #expect(end.scroll == lines - page)
        #expect(press(.down, end, snap: snap, height: 14).0.scroll == lines - page)
        #expect(press(.up, end, snap: snap, height: 14).0.scroll == lines - page - 1)
        #expect(press(.home, end, snap: snap, height: 14).0.scroll == 0)
    }

    @Test func resizeAndUnknownKeysChangeNothing() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let ui = DashboardFixture.ui(.field) { $0.selected = 3 }
        for key: Key in [.resize, .function(7), .char("z"), .delete] {
            let (s, c) = press(key, ui, snap: snap)
            #expect(s == ui && c.isEmpty, "\(key)")
        }
    }
}

/// Keys of the alerts and announcer views: Enter opens a group, k and K acknowledge.
@Suite struct AlertKeysTests {
    static let now = "11:00:00"

    func handle(_ key: Key, _ ui: UIState, _ snap: RaceSnapshot, feed: [String] = []) -> UIState {
        KeyHandler.handle(key, ui, snapshot: snap, height: 24, now: DashboardFixture.time(Self.now), feedProblems: feed)
            .0
    }

    @Test func enterOpensAndClosesAGroup() async {
        let snap = await DashboardFixture.snapshot(at: Self.now)
        // Row 0: km15 silent with its 4 missed splits.
        let opened = handle(.enter, DashboardFixture.ui(.alerts), snap)
        #expect(opened.view == .alerts && opened.expandedAlertGroups == ["mat km15"])
        // Row 2 is now the first missed split at 15K: Enter opens its runner.
        let onMember = handle(
            .enter,
            DashboardFixture.ui(.alerts) {
                $0 = opened
                $0.selected = 2
            }, snap)
        #expect(onMember.view == .runner && onMember.runner != nil)
        #expect(handle(.enter, opened, snap).expandedAlertGroups.isEmpty)
    }

    @Test func kAcknowledgesTheSelectedRowAndKEverything() async {
        let snap = await DashboardFixture.snapshot(at: Self.now)
        let feed = ["reads/km20.txt was deleted at 10:00:00; waiting for a new one"]
        let list = { (ui: UIState) in AlertList(snap, ui: ui, now: snap.at, feedProblems: feed) }
        let ui = DashboardFixture.ui(.alerts)
        #expect(list(ui).newFeedProblems == feed)
        // Row 0 is the feed problem: acknowledged, it leaves the ticker and goes last.
        let one = handle(.char("k"), ui, snap, feed: feed)
        #expect(list(one).newFeedProblems.isEmpty)
        #expect(list(one).newGroups.count == list(ui).newGroups.count)
        if case .feed = list(one).entries.last?.row {} else { Issue.record("the feed problem is not last") }
        let all = handle(.char("K"), one, snap, feed: feed)
        #expect(list(all).newGroups.isEmpty && list(all).count == list(ui).count)
        // Elsewhere k does nothing.
        #expect(handle(.char("k"), DashboardFixture.ui(.field), snap, feed: feed).acknowledged.isEmpty)
    }

    @Test func sixOpensTheAnnouncerAndEnterItsRunner() async throws {
        let snap = try await SampleFeed.snapshot(at: "10:20:00")
        let ui = handle(.char("6"), UIState(), snap)
        #expect(ui.view == .announcer)
        let down = handle(.down, ui, snap)
        #expect(down.selected == 1)
        let opened = handle(.enter, down, snap)
        #expect(opened.view == .runner && opened.returnView == .announcer)
        #expect(opened.runner == snap.announcerQueue(race: 0).due[1].runner)
    }
}
