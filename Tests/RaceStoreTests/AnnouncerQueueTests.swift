import RaceModel
@testable import Snapshots
import TestSupport
import Testing

/// Who is due at the finish of the sample marathon, and who just finished.
@Suite struct AnnouncerQueueTests {
    @Test func eliteWomenPast40KAreDueInTheOrderTheirPaceSays() async throws {
        let snap = try await SampleFeed.snapshot(at: "10:20:00")
        let queue = snap.announcerQueue(race: 0)
        let rows = snap.standings(race: 0).rows
        let bibs = queue.due.map { snap.participants[$0.runner].bib }
        #expect(bibs == ["55", "53", "59", "51", "57", "61", "58", "56"])
        let race = snap.event.races[0]
        for due in queue.due {
            let s = rows[due.row]
            #expect(s.runner == due.runner && s.status == .onCourse && s.lastCheckpoint == race.finishIndex - 1)
            // From 40K at their last segment's pace: 2.195 km to go.
            let pace = try #require(s.segmentPace)
            #expect(due.dueAt == s.lastTimeOfDay! + Int((2.195 * Double(pace)).rounded()))
            #expect(due.projected == s.rankTime! + due.dueAt - s.lastTimeOfDay!)
        }
        // The latest finishers, newest first.
        let finished = queue.finished.map { snap.participants[rows[$0].runner].bib }
        #expect(finished.prefix(3) == ["1", "12", "2"])
        #expect(queue.finished.count == 10)
        #expect(
            queue.finished.map { rows[$0].lastTimeOfDay! }
                == queue.finished.map { rows[$0].lastTimeOfDay! }.sorted(by: >))
    }

    @Test func eliteLeadThenEveryoneByWhenTheyAreDue() async throws {
        for time in ["10:20:00", "12:00:00", "13:00:00", "13:40:00"] {
            let snap = try await SampleFeed.snapshot(at: time)
            for race in snap.event.races.indices {
                let due = snap.announcerQueue(race: race).due
                let elite = due.prefix { $0.isElite }
                #expect(!due.dropFirst(elite.count).contains { $0.isElite }, "\(time)")
                #expect(elite.map(\.dueAt) == elite.map(\.dueAt).sorted(), "\(time)")
                let rest = due.dropFirst(elite.count)
                #expect(rest.map(\.dueAt) == rest.map(\.dueAt).sorted(), "\(time)")
                #expect(due.allSatisfy { snap.participants[$0.runner].raceIndex == race })
            }
        }
    }

    @Test func runnersOutOfTheRaceAreNotDue() async throws {
        // At the end of the feed: DNFs (the elite pair stopped at 30K) and runners over the limit are not coming.
        let snap = try await SampleFeed.snapshot(at: "15:00:00")
        let rows = snap.standings(race: 0).rows
        for due in snap.announcerQueue(race: 0).due { #expect(rows[due.row].status == .onCourse) }
        let out = Set(rows.filter { $0.status != .onCourse && $0.status != .finished }.map(\.runner))
        #expect(snap.announcerQueue(race: 0).due.allSatisfy { !out.contains($0.runner) })
        #expect(snap.announcerQueue(race: 0, finishers: 0).finished.isEmpty)
    }

    /// A queue prepared with the snapshot is the one worked out for the
    /// frame, at any number of finishers, past the number it keeps too.
    @Test func thePreparedQueueIsTheOneWorkedOutEachTime() async throws {
        for time in ["10:20:00", "13:40:00"] {
            let fresh = try await SampleFeed.snapshot(at: time)
            var prepared = fresh
            prepared.prepareForDashboard()
            #expect(prepared.announcerQueuesAtSnapshot != nil)
            for race in fresh.event.races.indices {
                for finishers in [0, 1, 3, 10, 200, 499, 500, 501, 2_000] {
                    #expect(
                        prepared.announcerQueue(race: race, finishers: finishers)
                            == fresh.announcerQueue(race: race, finishers: finishers), "\(time) \(race) \(finishers)")
                }
            }
        }
    }

    /// The newest finishers kept against a sort of them all, over times with many ties.
    @Test func theNewestFinishersAreTheLatestTimesEarlierRowsFirst() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let count = Int.random(in: 0...60, using: &generator)
            let times = (0..<count).map { _ in Millis(Int.random(in: 0...20, using: &generator)) }
            let keep = Int.random(in: 0...12, using: &generator)
            var newest = AnnouncerQueue.NewestFinishers(keep: keep)
            for (row, time) in times.enumerated() { newest.offer(time: time, row: row) }
            let expected = times.indices.sorted { times[$0] != times[$1] ? times[$0] > times[$1] : $0 < $1 }
            #expect(newest.rows == Array(expected.prefix(keep)), "\(times) keep \(keep)")
        }
    }
}
