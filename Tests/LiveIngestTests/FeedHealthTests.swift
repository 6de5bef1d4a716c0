import Foundation
import Testing
import TestSupport
import TimingIngest
@testable import LiveIngest

/// The feed's health as a plain value: no tailer, no lock, no waiting.
@Suite struct FeedHealthTests {
    let now = Date(timeIntervalSince1970: 1_743_897_600)

    func health() throws -> FeedHealth {
        let event = try LiveEventFolder()
        defer { event.remove() }
        return FeedHealth(folder: try event.load())
    }

    @Test func catchUpIsAnnouncedOnceWhenTheLastFileCatchesUp() throws {
        var health = try health()
        health.delivered(["reads/stadium.txt": (count: 3, last: 3)], total: 3, at: now)
        #expect(health.markCaughtUp("reads/stadium.txt", at: now) == false)
        #expect(health.markCaughtUp("reads/km5.txt", at: now) == true)
        #expect(health.markCaughtUp("reads/km5.txt", at: now) == true)
        let caughtUp = health.notices.filter { if case .caughtUp = $0.kind { true } else { false } }
        #expect(caughtUp.map(\.kind) == [.caughtUp(files: 2, lines: 3)])
        #expect(health.lastLine(of: "reads/stadium.txt") == 3)
        #expect(health.files.allSatisfy { $0.condition == .following })
    }

    @Test func aConfigErrorIsClearedByAGoodOrUnchangedEdit() throws {
        var health = try health()
        health.rejected("event.toml: line 3: bad", at: now)
        health.rejected("event.toml: line 4: worse", at: now.addingTimeInterval(5))
        #expect(health.configError == "event.toml: line 4: worse")
        #expect(health.status(isRunning: true).configErrorSince == now, "since the first of the run of errors")
        health.confirmedUnchanged(at: now)
        #expect(health.configError == nil)
        #expect(health.notices.count == 3)
        health.confirmedUnchanged(at: now)
        #expect(health.notices.count == 3, "nothing to clear, nothing said")
    }

    @Test func noticesAreCappedOldestFirst() throws {
        var health = try health()
        for _ in 0..<(FeedHealth.noticeLimit + 10) { health.record(.deleted, path: "reads/km5.txt", at: now) }
        #expect(health.notices.count == FeedHealth.noticeLimit)
        #expect(health.notices.first?.sequence == 11)
        #expect(health.files.first { $0.path == "reads/km5.txt" }?.condition == .deleted)
    }
}
