import RaceModel
import ScreenGrid
import Snapshots
import TestSupport
import Testing

@testable import Dashboard

/// The announcer view on the sample marathon at 10:20, as the elite women
/// come past 40K: the smallest terminal and a wide one.
@Suite struct AnnouncerViewTests {
    func render(width: Int, height: Int, _ change: (inout UIState) -> Void = { _ in }) async throws -> Frame {
        let snap = try await SampleFeed.snapshot(at: "10:20:00")
        return SampleFeedViewTests.render(
            snap, DashboardFixture.ui(.announcer, configure: change), width: width, height: height)
    }

    @Test func at80x24TheDueRunnersThenTheLatestFinishers() async throws {
        let f = try await render(width: 80, height: 24)
        #expect(f.line(4) == " Due at the finish, from 40K: 8 (8 elite first)")
        #expect(f.line(5).hasPrefix("    Due         Bib Name            Ctry Pl  Sex  AG             Proj Club"))
        #expect(f.line(6).hasPrefix(" E  10:20:28     55 Gotytom Kebede  ETH  15  F1  F18-39 1     2:20:28"))
        #expect(f.style(of: "Almaz Kebede", inLine: 7) == Theme.leader)
        // The first due runner is selected.
        #expect(f[6, 6].style.attributes.contains(.reverse))
        let finished = try #require(f.row(containing: "Just finished"))
        #expect(finished == 14)
        #expect(f.line(finished + 1).hasPrefix("    10:18:41      1 오혁"))
        #expect(f.line(finished + 1).contains("M14  M18-39 14   2:18:42"))
        // Every line fits.
        #expect(f.lines.allSatisfy { TextWidth.of($0) <= 80 })
    }

    @Test func wideShowsWholeClubsAndMoreFinishers() async throws {
        let f = try await render(width: 160, height: 40)
        let snap = try await SampleFeed.snapshot(at: "10:20:00")
        let club = try #require(snap.participants.first { $0.bib == "59" }?.club)
        #expect(f.line(6).hasPrefix(" E  10:20:28     55 Gotytom Kebede"))
        #expect(f.line(8).contains("Ri Un Jong") && f.line(8).hasSuffix(club))
        let finished = try #require(f.row(containing: "Just finished"))
        let shown = (finished + 1..<39).filter { !f.line($0).trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(shown.count == 14, "all 14 finishers so far")
    }

    @Test func aSelectionFurtherDownIsKeptOnScreen() async throws {
        let f = try await render(width: 80, height: 24) { $0.selected = 7 }
        #expect(f.line(13).contains("박은정"))
        #expect(f[6, 13].style.attributes.contains(.reverse))
    }

    @Test func nobodyDueSaysSo() async throws {
        let snap = try await SampleFeed.snapshot(at: "09:00:00")
        let f = SampleFeedViewTests.render(snap, DashboardFixture.ui(.announcer), width: 80, height: 24)
        #expect(f.line(4) == " Due at the finish, from 40K: 0")
        #expect(f.line(6) == " Nobody between 40K and the finish.")
        #expect(f.row(containing: "nobody has finished yet") != nil)
    }
}
