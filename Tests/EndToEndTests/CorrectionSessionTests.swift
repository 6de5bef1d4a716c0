import Dashboard
import DashboardApp
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import ScreenGrid
import Synchronization
import Testing

/// A confirmed correction reaches the journal writer live, and the screen
/// says written only with the line the writer reports; replay never writes.
@Suite struct CorrectionSessionTests {
    final class Journal: Sendable {
        let rows = Mutex<[CorrectionRequest]>([])
        let failure: String?
        init(failure: String? = nil) { self.failure = failure }
        func writer() -> JournalWriter {
            { request in
                if let failure = self.failure { throw TestFailure(failure) }
                return self.rows.withLock {
                    $0.append(request)
                    return $0.count + 1
                }
            }
        }
    }

    func session(_ feed: FeedSource, _ journal: Journal) async throws -> (DashboardSession, RaceSnapshot) {
        let state = try SampleFeed.state()
        var session = DashboardSession(feed: feed, journal: journal.writer())
        session.ui.view = .field
        session.ui.division = .elite
        return (session, await state.snapshot(at: SampleFeed.clock("13:00:00")))
    }

    func dq(_ session: inout DashboardSession, _ snapshot: RaceSnapshot) {
        for key: Key in [.char("c"), .char("d")] + "stopped at 30K".map({ .char($0) }) + [.enter, .char("y")] {
            session.press(key, snapshot: snapshot, height: 24)
        }
    }

    @Test func liveWritesTheRowAndSaysWhere() async throws {
        let journal = Journal()
        var (session, snapshot) = try await session(.live, journal)
        dq(&session, snapshot)
        let rows = journal.rows.withLock { $0 }
        let bib = rows.first?.bib ?? ""
        #expect(snapshot.participants.first { $0.bib == bib }?.division == .elite)
        #expect(rows == [CorrectionRequest(bib: bib, action: "dq", value: "", reason: "stopped at 30K")])
        #expect(session.ui.message == "written: dq bib \(bib), corrections.csv line 2")
    }

    @Test func aFailedWriteSaysNotWritten() async throws {
        var (session, snapshot) = try await session(.live, Journal(failure: "disk full"))
        dq(&session, snapshot)
        #expect(session.ui.message?.hasPrefix("NOT written: dq bib ") == true)
        #expect(session.ui.message?.hasSuffix("disk full") == true)
    }

    @Test func replayNeverWrites() async throws {
        let state = try SampleFeed.state()
        let span = try #require(await state.feedSpan)
        let clock = ReplayClock(
            event: await state.event, feedSpan: span, from: SampleFeed.clock("13:00:00"), speed: 60, paused: true)
        let journal = Journal()
        var (session, snapshot) = try await session(.replay(clock), journal)
        dq(&session, snapshot)
        #expect(journal.rows.withLock { $0 }.isEmpty)
        session.perform(.writeCorrection(CorrectionRequest(bib: "1", action: "dnf", value: "", reason: "r")))
        #expect(journal.rows.withLock { $0 }.isEmpty)
        #expect(session.ui.message == KeyHandler.readOnlyMessage)
    }
}
