import Testing
import RaceModel
import RaceStore
import Snapshots
@testable import ResultsReport

/// Bib 188 of the sample feed rides from 20K to 40K at 23.6 km/h, well over
/// twice their own pace: flagged on the runner, in check, the alerts and the CSV.
@Suite struct SuspiciousSegmentTests {
    @Test func theSampleFeedsCourseCutterIsFlaggedEverywhere() async throws {
        let snap = try await SampleFeedTests().snapshot()
        let runner = try #require(snap.participants.firstIndex { $0.bib == "188" })
        let segments = snap.evaluation.timelines[runner].suspicious
        #expect(segments.count == 1)
        #expect(CheckReport.render(snap).contains("bib 188 Amélie Béranger: 20K to 40K at 23.6 km/h"))
        let alerts = snap.alerts(now: snap.at).filter { $0.kind == "suspicious segment" }
        #expect(alerts.map(\.runner) == [runner])
        #expect(alerts.first.map(snap.text(of:))?.hasSuffix(": bib 188 Amélie Béranger") == true)
        let row = CSVReport.render(snap).split(separator: "\n").first { $0.contains(",188,") }
        #expect(row?.contains("suspicious segment") == true)
        // Nobody else in the sample feed runs a segment that far from their own pace.
        #expect(snap.evaluation.timelines.filter { !$0.suspicious.isEmpty }.count == 1)
        // Flagged, not refused: the place stands until the officials decide.
        #expect(snap.standings(race: 0).rows.first { $0.runner == runner }?.place != nil)
    }
}
