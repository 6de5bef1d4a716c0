import Foundation
import TestSupport
import Testing

/// The built `racedash results --final` and `racedash awards` on the sample feed.
@Suite(.timeLimit(.minutes(2)))
struct OfficialResultsCommandTests {
    @Test func finalResultsAndAwardsFromTheCommandLine() async throws {
        let final = try await racedash(["results", SampleFeed.path, "--race", "half", "--final", "--format", "csv"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(!final.stdout.contains(",RUN,"))
        #expect(final.stdout.contains(",DNF,"))

        let awards = try await racedash([
            "awards", SampleFeed.path, "--race", "marathon", "--top", "1", "--format", "csv",
        ])
        #expect(awards.status == 0, "\(awards.stderr)")
        let rows = awards.stdout.split(separator: "\n")
        #expect(rows.first == "race,category,sex,age_group,award_place,bib,name,country,club,time,time_ms")
        #expect(rows.contains { $0.hasPrefix("marathon,Overall M,M,,1,9,Abebe Legese,ETH,,2:07:11,") })

        let both = try await racedash([
            "awards", SampleFeed.path, "--race", "marathon", "--top", "1", "--overall-in-age-groups",
        ])
        #expect(both.stdout.contains("also win their age group"))

        let bad = try await racedash(["awards", SampleFeed.path, "--top", "0"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--top must be from 1 to 1000, not 0"))
    }

    @Test func aTimeAfterMidnightIsTakenOnTheDayTheEventWindowGives() async throws {
        // The sample race ends the same day: the next day is said outright, and by
        // then every cutoff has passed, so the standings are final.
        let result = try await racedash(["results", SampleFeed.path, "--race", "10k", "--at", "01:30:00+1d"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("final results at 01:30:00+1d"))
        let morning = try await racedash(["results", SampleFeed.path, "--race", "10k", "--at", "09:00"])
        #expect(morning.stdout.contains("standings at 09:00:00 "))
    }
}
