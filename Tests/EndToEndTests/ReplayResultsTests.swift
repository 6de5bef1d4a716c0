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
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let s = mailbox.takeNew(), s.at == time { return s }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("no snapshot for \(TimeFormat.timeOfDay(time)) within 30 s")
        throw CancellationError()
    }

    func firstDifference(_ a: String, _ b: String) -> String? {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (l, r)) in zip(x, y).enumerated() where l != r { return "line \(i + 1):\n  replay  \(l)\n  results \(r)" }
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

    @Test func theFetcherIsCappedAndIdleWhenNothingMoves() async throws {
        let state = try SampleFeed.state()
        let mailbox = SnapshotMailbox(wanted: SampleFeed.clock("10:00:00"))
        let fetcher = Task {
            await SnapshotFetcher(state: state, mailbox: mailbox, minInterval: .milliseconds(100), pollInterval: .milliseconds(5)).run()
        }
        defer { fetcher.cancel() }

        // Nothing moves: one fetch, then none.
        _ = try await snapshot(for: SampleFeed.clock("10:00:00"), from: mailbox)
        try await Task.sleep(for: .milliseconds(300))
        #expect(mailbox.deposits == 1)

        // The wanted time moves every 2 ms for a second: at most about ten fetches.
        let before = mailbox.deposits
        let started = ContinuousClock.now
        var t = SampleFeed.clock("10:00:00")
        while ContinuousClock.now - started < .seconds(1) {
            t += 1000
            mailbox.want(t)
            try await Task.sleep(for: .milliseconds(2))
        }
        let fetched = mailbox.deposits - before
        #expect(fetched >= 3, "it keeps up at all")
        #expect(fetched <= 12, "\(fetched) fetches in a second")

        // A new read (the state's version moves) is fetched without the clock moving.
        let settled = try await snapshot(for: t, from: mailbox)
        await state.append(line: "not a read line", number: 1, file: 0)
        let deadline = ContinuousClock.now + .seconds(10)
        var newer: RaceSnapshot?
        while newer == nil, ContinuousClock.now < deadline {
            newer = mailbox.takeNew()
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(newer.map { $0.version > settled.version } == true)
        #expect(newer?.at == t)

        mailbox.close()
        await fetcher.value
    }
}
