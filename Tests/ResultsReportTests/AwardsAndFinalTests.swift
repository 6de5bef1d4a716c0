import Testing
import RaceModel
import RaceStore
import Snapshots
import TimingIngest
@testable import ResultsReport

/// Final results, awards and the official time precision, on the sample feed.
@Suite struct AwardsAndFinalTests {
    func snapshot(final: Bool = false, precision: TimePrecision = .seconds) async throws -> RaceSnapshot {
        var folder = try EventFolder.load(SampleFeedTests.sample)
        folder.event.precision = precision
        let (log, _) = try ReadLogLoader.load(folder)
        return await RaceState(folder: folder, log: log).snapshot(final: final)
    }

    @Test func finalResultsLeaveNobodyOnCourse() async throws {
        let live = try await snapshot()
        let final = try await snapshot(final: true)
        let running = live.evaluation.standings.reduce(0) { $0 + $1.statusCounts[.onCourse] }
        #expect(running > 0)
        #expect(final.evaluation.standings.allSatisfy { $0.statusCounts[.onCourse] == 0 })
        #expect(
            final.evaluation.standings.reduce(0) { $0 + $1.statusCounts[.dnf] }
                == live.evaluation.standings.reduce(0) { $0 + $1.statusCounts[.dnf] } + running)
        #expect(TableReport.render(final).contains("final results at"))
        #expect(JSONReport.render(final).contains("\"final\" : true"))
    }

    @Test func awardsTakeOverallWinnersOutOfTheAgeGroupsUnlessAskedNotTo() async throws {
        let snap = try await snapshot(final: true)
        func winners(_ both: Bool) -> (overall: Set<String>, ageGroups: [String]) {
            let rows = AwardsReport.csv(snap, race: 0, rules: AwardRules(top: 3, overallInAgeGroups: both))
                .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            return (
                Set(rows.filter { $0[1].hasPrefix("Overall") }.map { String($0[5]) }),
                rows.filter { !$0[1].hasPrefix("Overall") }.map { String($0[5]) }
            )
        }
        let single = winners(false), double = winners(true)
        #expect(single.overall.count == 9)  // three per sex
        #expect(single.overall.isDisjoint(with: single.ageGroups))
        #expect(!double.overall.isDisjoint(with: double.ageGroups))
        #expect(
            AwardsReport.csv(snap, rules: AwardRules()).hasPrefix(
                "race,category,sex,age_group,award_place,bib,name,country,club,time,time_ms\n"))
        #expect(AwardsReport.json(snap, rules: AwardRules()).contains("\"category\" : \"M40-44\""))
        #expect(AwardsReport.table(snap, race: 0, rules: AwardRules()).contains("Overall F  1   55  Gotytom Kebede"))
    }

    @Test func everyOfficialTimeFollowsThePrecision() async throws {
        let snap = try await snapshot(precision: .tenths)
        let winner = try #require(snap.standings(race: 0).rows.first)
        let gun = try #require(winner.gunTime)
        let official = OfficialTime.format(gun, .tenths)
        #expect(official.contains("."))
        #expect(CSVReport.render(snap, filter: ResultsFilter(race: 0)).contains(",\(official),"))
        #expect(TableReport.render(snap, filter: ResultsFilter(race: 0)).contains(" \(official) "))
        let json = JSONReport.render(snap, filter: ResultsFilter(race: 0))
        #expect(json.contains("\"gun_time\" : \"\(official)\""))
        #expect(json.contains("\"gun_time_ms\" : \(gun)"))
        #expect(json.contains("\"precision\" : \"tenths\""))
    }
}
