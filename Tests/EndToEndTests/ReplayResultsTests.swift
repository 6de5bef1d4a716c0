import DashboardApp
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import ResultsReport
import Testing

/// The replay path (clock, fetcher, mailbox) gives the standings of the
/// results path: at the end of the feed, and after seeking back.
@Suite struct ReplayResultsTests {
    /// Waits until the fetcher has deposited a snapshot for exactly `time`.
    func snapshot(for time: Millis, from mailbox: SnapshotMailbox) async throws -> RaceSnapshot {
        mailbox.want(time)
        let found = Found()
        guard await eventually({ found.keep(mailbox.takeNew(), if: time) }), let s = found.snapshot else {
            throw TestFailure("no snapshot for \(TimeFormat.timeOfDay(time))")
        }
        return s
    }

    func firstDifference(_ a: String, _ b: String) -> String? {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (l, r)) in zip(x, y).enumerated() where l != r {
            return "line \(i + 1):\n  replay  \(l)\n  results \(r)"
        }
        return x.count == y.count ? nil : "replay has \(x.count) lines, results \(y.count)"
    }

    @Test func runningToTheEndGivesTheResultsStandings() async throws {
        let state = try SampleFeed.state()
        let span = try #require(await state.feedSpan)
        var clock = ReplayClock(event: await state.event, feedSpan: span, speed: 2000)
        let mailbox = SnapshotMailbox(wanted: clock.position)
        let fetcher = Task { await SnapshotFetcher(state: state, mailbox: mailbox, minInterval: .zero).run() }
        defer { fetcher.cancel() }

        // Forward in 5-minute steps, as a fast replay moves: each step takes the incremental path.
        var steps = 0
        var last: RaceSnapshot?
        while !clock.atEnd {
            clock.advance(byWall: .milliseconds(150))
            last = try await snapshot(for: clock.position, from: mailbox)
            steps += 1
        }
        #expect(steps > 20)
        #expect(clock.paused)
        #expect(clock.position == span.end)
        let replayCSV = CSVReport.render(try #require(last))

        let resultsState = try SampleFeed.state()
        let results = await resultsState.snapshot()  // what `racedash results` prints: at = end of feed
        #expect(results.at == last?.at)
        let resultsCSV = CSVReport.render(results)
        #expect(resultsCSV.split(separator: "\n").count > 1000)
        #expect(firstDifference(replayCSV, resultsCSV) == nil)
    }

    @Test func seekingBackGivesWhatAFreshReplayToThatTimeGives() async throws {
        let state = try SampleFeed.state()
        let span = try #require(await state.feedSpan)
        var clock = ReplayClock(event: await state.event, feedSpan: span, from: span.end)
        let mailbox = SnapshotMailbox(wanted: clock.position)
        let fetcher = Task { await SnapshotFetcher(state: state, mailbox: mailbox, minInterval: .zero).run() }
        defer { fetcher.cancel() }
        _ = try await snapshot(for: clock.position, from: mailbox)

        for target in ["10:30:00", "09:05:00", "11:45:10"] {
            clock.seek(to: SampleFeed.clock(target))
            let replayed = try await snapshot(for: clock.position, from: mailbox)
            let freshState = try SampleFeed.state()
            let fresh = await freshState.snapshot(at: SampleFeed.clock(target))
            #expect(firstDifference(CSVReport.render(replayed), CSVReport.render(fresh)) == nil, "at \(target)")
        }
    }

    @Test func theMailboxKeepsOnlyTheNewestSnapshot() async throws {
        let state = try SampleFeed.state()
        let mailbox = SnapshotMailbox(wanted: 0)
        #expect(mailbox.takeNew() == nil)
        mailbox.deposit(await state.snapshot(at: SampleFeed.clock("09:00:00")))
        mailbox.deposit(await state.snapshot(at: SampleFeed.clock("10:00:00")))
        #expect(mailbox.takeNew()?.at == SampleFeed.clock("10:00:00"))
        #expect(mailbox.takeNew() == nil, "taken once")
        #expect(mailbox.deposits == 2)
    }

    /// Paced by a manual clock, so the check does not depend on how fast the machine is.
    @Test func theFetcherIsCappedAndIdleWhenNothingMoves() async throws {
        let state = try SampleFeed.state()
        let clock = ManualClock()
        let start = SampleFeed.clock("10:00:00")
        let mailbox = SnapshotMailbox(wanted: start)
        let fetcher = Task {
            await SnapshotFetcher(state: state, mailbox: mailbox, minInterval: .milliseconds(100), clock: clock).run()
        }
        defer { fetcher.cancel() }

        _ = try await snapshot(for: start, from: mailbox)
        #expect(mailbox.deposits == 1, "the first fetch comes at once")

        // Within one interval the wanted time moves three times: the fetcher waits for the clock.
        for second in 1...3 { mailbox.want(start + second * 1000) }
        await clock.waitForSleeper()
        #expect(mailbox.deposits == 1)
        clock.advance(by: .milliseconds(99))
        #expect(mailbox.deposits == 1)
        clock.advance(by: .milliseconds(1))
        let newest = try await snapshot(for: start + 3000, from: mailbox)
        #expect(mailbox.deposits == 2, "one fetch for the interval, of the newest wanted time")

        // Nothing moves: asleep on the mailbox, not the clock, and no more fetches.
        clock.advance(by: .seconds(10))
        mailbox.want(start + 3000)
        try await Task.sleep(for: .milliseconds(50))
        #expect(mailbox.deposits == 2)

        // A new read (the state's version moves) is fetched without the wanted time moving.
        await state.append(line: "not a read line", number: 1, file: 0)
        let found = Found()
        #expect(await eventually { found.keep(mailbox.takeNew(), if: start + 3000) })
        #expect(found.snapshot.map { $0.version > newest.version } == true)
        #expect(mailbox.deposits == 3)

        mailbox.close()
        await fetcher.value
    }
}

/// The snapshot a wait found, kept across the checks of `eventually`.
final class Found: @unchecked Sendable {
    // @unchecked: touched only by the one test task that owns it.
    var snapshot: RaceSnapshot?

    func keep(_ s: RaceSnapshot?, if time: Millis) -> Bool {
        guard let s, s.at == time else { return false }
        snapshot = s
        return true
    }
}
