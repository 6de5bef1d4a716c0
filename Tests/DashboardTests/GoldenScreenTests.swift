import Testing
import RaceModel
import Snapshots
import TestSupport
import ScreenGrid
@testable import Dashboard

/// Every view of the sample feed at 80x24, the smallest terminal the
/// dashboard supports, at 10:45 (elite men and women finished, the field
/// still out, the course cutter's refused read just in), against the screens
/// checked in under Goldens/.
@Suite struct GoldenScreenTests {
    static let time = "10:45:00"

    func screen(_ ui: UIState = UIState(), width: Int = 80, height: Int = 24) async throws -> Frame {
        SampleFeedViewTests.render(try await SampleFeed.snapshot(at: Self.time), ui, width: width, height: height)
    }

    @Test func elite() async throws {
        try GoldenScreen.check(try await screen(), "elite-80x24")
    }

    @Test func field() async throws {
        try GoldenScreen.check(try await screen(DashboardFixture.ui(.field)), "field-80x24")
    }

    @Test func checkpoints() async throws {
        try GoldenScreen.check(try await screen(DashboardFixture.ui(.checkpoints)), "checkpoints-80x24")
    }

    @Test func runner() async throws {
        let snap = try await SampleFeed.snapshot(at: Self.time)
        let cutter = try #require(snap.participants.firstIndex { $0.bib == "188" })
        try GoldenScreen.check(try await screen(DashboardFixture.ui(.runner) { $0.runner = cutter }), "runner-80x24")
    }

    @Test func alerts() async throws {
        try GoldenScreen.check(try await screen(DashboardFixture.ui(.alerts)), "alerts-80x24")
    }

    /// At 10:20, when the elite women come past 40K and the men are finishing.
    @Test func announcer() async throws {
        let snap = try await SampleFeed.snapshot(at: "10:20:00")
        try GoldenScreen.check(
            SampleFeedViewTests.render(snap, DashboardFixture.ui(.announcer), width: 80, height: 24), "announcer-80x24")
    }

    @Test func help() async throws {
        try GoldenScreen.check(try await screen(DashboardFixture.ui(.elite) { $0.showHelp = true }), "help-80x24")
    }

    @Test func tooSmall() async throws {
        try GoldenScreen.check(try await screen(width: 79, height: 24), "too-small-79x24")
    }

    @Test func aChangedRowIsReportedWithBothVersions() {
        let diff = GoldenScreen.difference(expected: ["a", "b", "c"], actual: ["a", "B"])
        #expect(
            diff == """
                  3 rows expected, 2 drawn
                  row 2
                    expected |b
                    drawn    |B
                  row 3
                    expected |c
                    drawn    |(none)
                """)
        #expect(GoldenScreen.difference(expected: ["a"], actual: ["a"]) == nil)
    }
}
