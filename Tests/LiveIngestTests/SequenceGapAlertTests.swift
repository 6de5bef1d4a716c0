import Testing
import RaceModel
import TimingIngest
import RaceStore
import ResultsReport
import Snapshots
import TestSupport

/// A gap in a decoder's passing numbers reaches the official: as a feed alert
/// on the dashboard and as a line of headless live output.
@Suite struct SequenceGapAlertTests {
    static let sample = SampleFeed.path

    @Test func theSampleFeedsLostAndTruncatedPassingsAreAlertsAndHeadlessLines() async throws {
        let folder = try EventFolder.load(Self.sample)
        let (log, _) = try ReadLogLoader.load(folder)
        let snap = await RaceState(folder: folder, log: log).snapshot()
        // km15's decoder numbered the passings of its silent spell; half.txt:149 is a truncated line.
        let messages = [
            "reads/km15.txt:327: km15 decoder: passings 327-521 missing (195)",
            "reads/half.txt:150: half decoder: passing 149 missing",
        ]
        let alerts = snap.alerts(now: snap.at).filter { $0.kind == "passings missing" }
        #expect(alerts.map { snap.text(of: $0) } == messages)
        #expect(alerts.map(\.point) == [snap.event.pointIndex(id: "km15"), snap.event.pointIndex(id: "half")])
        #expect(alerts.allSatisfy { $0.severity == .warning })

        var printer = HeadlessPrinter()
        #expect(printer.changes(snap).filter { $0.hasPrefix("GAP ") } == messages.map { "GAP " + $0 })
        #expect(printer.changes(snap).isEmpty, "a gap already shown is not printed again")
    }
}
