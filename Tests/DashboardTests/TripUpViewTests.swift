import Testing
import RaceModel
import Snapshots
import TestSupport
import ScreenGrid
@testable import Dashboard

/// What a new user tripped on, on screen: the header at 80 columns, the end
/// of a replay, a tall terminal, live on another day, an empty go-to.
@Suite struct TripUpViewTests {
    @Test func aLongTitleEndsWithAnEllipsisAtAWordNotMidWord() async throws {
        let snap = try await SampleFeed.snapshot(at: "10:45:00")
        // The half marathon: event and race do not fit beside the clock at 80.
        let f = SampleFeedViewTests.render(snap, DashboardFixture.ui(.elite) { $0.race = 1 })
        let title = f.line(0)
        #expect(title.hasPrefix(" Pyongyang Marathon… · Half Marathon (2/3) "), "\(title)")
        #expect(
            Chrome.titleText(event: "Pyongyang Marathon 2025", race: " · Half Marathon (2/3)", width: 60)
                == " Pyongyang Marathon 2025 · Half Marathon (2/3)")
        // No room for the race either: still an ellipsis, never a cut word.
        #expect(
            Chrome.titleText(event: "Pyongyang Marathon 2025", race: " · Half Marathon (2/3)", width: 22)
                == " Pyongyang Marathon…")
    }

    @Test func theEndOfAReplaySaysTheFeedHasEnded() async {
        let snap = await DashboardFixture.snapshot(at: "11:30:00")
        let end = DashboardFixture.render(
            snap, at: "11:30:00", feed: DashboardFixture.replay(at: "11:30:00", paused: true))
        #expect(end.line(0).hasSuffix(" FEED ENDED"))
        #expect(end.line(23) == " ■ end of the feed: the standings of racedash results · ← [ seek back · g go to")
        // Paused before the end is only paused.
        let paused = DashboardFixture.render(
            snap, at: "11:00:00", feed: DashboardFixture.replay(at: "11:00:00", paused: true))
        #expect(paused.line(0).hasSuffix(" PAUSED 60x") && !paused.line(23).contains("end of the feed"))
    }

    @Test func aTallWideTerminalShowsBothSplitMatricesWithoutBlankRows() async throws {
        let snap = try await SampleFeed.snapshot(at: "10:45:00")
        let f = SampleFeedViewTests.render(snap, width: 200, height: 50)
        let men = try #require(f.row(containing: "Splits: Men"))
        let women = try #require(f.row(containing: "Splits: Women"))
        #expect(women > men)
        // Between the tabs and the hints, at most a row or two is left over.
        let blank = (4..<49).filter { f.line($0).trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(blank.count <= 2, "blank rows \(blank)")
        // 80x24 keeps one matrix: there is no room for two.
        let small = SampleFeedViewTests.render(snap)
        #expect(small.row(containing: "Splits: Men") != nil && small.row(containing: "Splits: Women") == nil)
    }

    @Test func liveOnAnotherDaySaysTheClockFollowsTheReads() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        var feed = FeedStatus(mode: .live, clock: DashboardFixture.time("10:10:00"))
        feed.clockFollowsReads = true
        let wide = DashboardFixture.render(snap, at: "10:10:00", width: 160, feed: feed)
        #expect(wide.line(1).hasSuffix("! 2025-04-06 is not today: the clock follows the newest read"))
        let narrow = DashboardFixture.render(snap, at: "10:10:00", feed: feed)
        #expect(
            narrow.line(1).hasSuffix("! not race day: clock = newest read")
                || narrow.line(1).hasSuffix("! clock = newest read"))
        #expect(narrow.style(of: "clock = newest read", inLine: 1) == Theme.warning)
    }

    @Test func enterOnAnEmptyGoToJustClosesIt() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        var ui = UIState()
        for key: Key in [.char("g"), .enter] {
            let (next, commands) = KeyHandler.handle(key, ui, snapshot: snap, height: 24)
            #expect(commands.isEmpty)
            ui = next
        }
        #expect(!ui.gotoActive && ui.message == nil)
    }
}
