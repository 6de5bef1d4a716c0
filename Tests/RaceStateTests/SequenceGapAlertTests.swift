import Testing
import RaceModel
import TimingIngest
@testable import RaceState

/// A gap in a decoder's passing numbers reaches the official: as a feed alert
/// on the dashboard and as a line of headless live output.
@Suite struct SequenceGapAlertTests {
    static let sample: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/RaceStateTests/SequenceGapAlertTests.swift
        return parts.joined(separator: "/") + "/sample-feeds/pyongyang-2025"
    }()

    @Test func theSampleFeedsTruncatedPassingIsAnAlertAndAHeadlessLine() async throws {
        let folder = try EventFolder.load(Self.sample)
        let (log, _) = try ReadLogLoader.load(folder)
        let snap = await RaceState(folder: folder, log: log).snapshot()
        let message = "reads/half.txt:150: half decoder: passing 149 missing"
        let alerts = snap.alerts(now: snap.at).filter { $0.kind == "passings missing" }
        #expect(alerts.map { snap.text(of: $0) } == [message])
        #expect(alerts.first?.point == snap.event.pointIndex(id: "half"))
        #expect(alerts.first?.severity == .warning)

        var printer = HeadlessPrinter()
        #expect(printer.changes(snap).filter { $0.hasPrefix("GAP ") } == ["GAP " + message])
        #expect(printer.changes(snap).isEmpty, "a gap already shown is not printed again")
    }
}
