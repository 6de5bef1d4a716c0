import Testing
import RaceModel
import Snapshots
import ScreenGrid
@testable import Dashboard

/// Keys the table added or scoped: previous match and race, Esc on filters,
/// replay keys hidden live.
@Suite struct KeyTableKeysTests {
    func press(_ keys: [Key], _ ui: UIState = UIState(), snap: RaceSnapshot, mode: KeyMode = .replay) -> UIState {
        var state = ui
        for key in keys { state = KeyHandler.handle(key, state, snapshot: snap, height: 24, mode: mode).0 }
        return state
    }

    func typed(_ text: String) -> [Key] { text.map { .char($0) } }

    @Test func nAfterAFindFromTheEliteViewStepsThroughTheWholeEvent() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // "chol": Pak Chol (elite, 3), Ri Yong Chol (7), Kim Chol Su (14).
        var s = press([.char("/")] + typed("chol") + [.enter], snap: snap)
        #expect(s.view == .runner && s.runner == 3 && s.returnView == .elite)
        s = press([.char("n")], s, snap: snap)
        #expect(s.view == .runner && s.runner == 7 && s.message == nil)
        s = press([.char("n"), .char("n")], s, snap: snap)
        #expect(s.runner == 3)
        s = press([.char("N")], s, snap: snap)
        #expect(s.runner == 14)
        #expect(press([.escape], s, snap: snap).view == .elite)
        // One match: n says there is no other.
        let one = press([.char("/")] + typed("101") + [.enter, .char("n")], snap: snap)
        #expect(one.runner == 0 && one.message == "\"101\" has no other match")
    }

    @Test func capitalNFindsThePreviousMatchInTheField() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // "cho" in the amateur list: rows 0, 2 and 5.
        var s = press([.char("/")] + typed("cho") + [.enter], DashboardFixture.ui(.field), snap: snap)
        #expect(s.selected == 0)
        s = press([.char("N")], s, snap: snap)
        #expect(s.selected == 5)
        s = press([.char("N")], s, snap: snap)
        #expect(s.selected == 2)
    }

    @Test func capitalRGoesToThePreviousRace() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let back = press([.char("R")], snap: snap)
        #expect(back.race == 1)
        #expect(press([.char("R")], back, snap: snap).race == 0)
    }

    @Test func escClearsTheFiltersOnceHelpIsClosed() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let filtered = DashboardFixture.ui(.field) {
            $0.filters = FieldFilters(sex: .female, country: "GER")
            $0.showHelp = true
        }
        let helpClosed = press([.escape], filtered, snap: snap)
        #expect(!helpClosed.showHelp && helpClosed.filters.sex == .female)
        #expect(press([.escape], helpClosed, snap: snap).filters.isEmpty)
    }

    @Test func aCTypedInAFindIsText() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let s = press([.char("/")] + typed("choe"), DashboardFixture.ui(.field), snap: snap)
        #expect(s.searchActive && s.search == "choe" && s.correction == nil && s.message == nil)
    }

    @Test func liveHidesTheReplayKeysAndSaysWhy() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let g = KeyHandler.handle(.char("g"), UIState(), snapshot: snap, height: 24, mode: .live)
        #expect(!g.0.gotoActive && g.1.isEmpty)
        #expect(g.0.message == KeyHandler.liveClockMessage)
        let live = FeedStatus(mode: .live, clock: DashboardFixture.time("10:10:00"))
        for view in View.allCases {
            let frame = DashboardFixture.render(snap, DashboardFixture.ui(view), at: "10:10:00", width: 200, feed: live)
            #expect(!frame.line(23).contains("g go to") && !frame.line(23).contains("space pause"), "\(view)")
            #expect(frame.line(23).contains("q quit"), "\(view)")
        }
        let replay = DashboardFixture.render(snap, at: "10:10:00", width: 200)
        #expect(replay.line(23).contains("g go to"))
    }
}

/// The country filter is typed at a prompt, not stepped through.
@Suite struct CountryPromptTests {
    func press(_ keys: [Key], _ ui: UIState, snap: RaceSnapshot) -> UIState {
        var state = ui
        for key in keys { state = KeyHandler.handle(key, state, snapshot: snap, height: 24).0 }
        return state
    }

    var onCountry: UIState { DashboardFixture.ui(.field) { $0.filterFocus = .country } }

    @Test func fOpensAPromptAndEnterSetsTheTypedCode() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        var s = press([.char("f")], onCountry, snap: snap)
        #expect(s.countryActive && s.inputActive)
        let prompt = DashboardFixture.render(snap, s, at: "10:10:00")
        #expect(prompt.line(23).hasPrefix(" Country (code such as PRK; empty: all): _"))
        // Lower case is taken as upper; letters only, three at most.
        s = press([.char("p"), .char("1"), .char("r"), .char("k"), .char("x")], s, snap: snap)
        #expect(s.countryText == "PRK")
        s = press([.enter], s, snap: snap)
        #expect(!s.countryActive && s.filters.country == "PRK" && s.message == nil)
        // The prompt starts from the filter set; emptied, Enter clears it.
        s = press([.char("f")], s, snap: snap)
        #expect(s.countryText == "PRK")
        s = press([.backspace, .backspace, .backspace, .enter], s, snap: snap)
        #expect(s.filters.country == nil)
    }

    @Test func aCodeNobodyRunsForOrAnAmbiguousStartSaysWhich() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let none = press([.char("f"), .char("u"), .char("s"), .char("a"), .enter], onCountry, snap: snap)
        #expect(none.filters.country == nil)
        #expect(
            none.message == "nobody in Half Marathon runs for \"USA\"; countries: CHN ESP FRA GBR GER IRL JPN KEN PRK")
        let ambiguous = press([.char("f"), .char("g"), .enter], onCountry, snap: snap)
        #expect(ambiguous.message == "\"G\" could be GBR GER: type the whole code")
        let unique = press([.char("f"), .char("k"), .enter], onCountry, snap: snap)
        #expect(unique.filters.country == "KEN")
        let cancelled = press([.char("f"), .char("k"), .escape], onCountry, snap: snap)
        #expect(!cancelled.countryActive && cancelled.filters.country == nil)
    }
}
