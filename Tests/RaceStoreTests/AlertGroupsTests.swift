import RaceModel
import Snapshots
import TestSupport
import Testing

/// Alerts grouped by cause, filtered by race, acknowledged: on the sample
/// feed (three races over shared mats, km15 silent from 09:43 to 09:55).
@Suite struct AlertGroupsTests {
    static func race(_ snap: RaceSnapshot, _ id: String) throws -> Int {
        try #require(snap.event.races.firstIndex { $0.id == id })
    }

    static func point(_ snap: RaceSnapshot, _ id: String) throws -> Int {
        try #require(snap.event.points.firstIndex { $0.id == id })
    }

    @Test func aSilentMatAndTheSplitsMissedThereAreOneGroup() async throws {
        let snap = try await SampleFeed.snapshot(at: "11:00:00")
        let marathon = try Self.race(snap, "marathon")
        let km15 = try Self.point(snap, "km15")
        let at15 = try #require(snap.event.races[marathon].checkpoints.firstIndex { $0.pointIndex == km15 })
        let runners = snap.participants.indices.filter { snap.participants[$0].raceIndex == marathon }
        let mat = SilentMat(point: km15, lastRead: SampleFeed.clock("09:43:52"), due: 12, dueSince: 0)
        let alerts = [
            Alert(severity: .critical, time: mat.lastRead, subject: .silentMat(mat)),
            Alert(severity: .warning, time: 2, subject: .missedSplit(runner: runners[0], checkpoint: at15)),
            Alert(severity: .warning, time: 1, subject: .missedSplit(runner: runners[1], checkpoint: at15 + 1)),
            Alert(severity: .warning, time: 1, subject: .missedSplit(runner: runners[2], checkpoint: at15)),
        ]
        let groups = snap.group(alerts)
        #expect(groups.map(\.count) == [3, 1])
        #expect(groups[0].key == "mat km15")
        #expect(groups[0].severity == .critical)
        #expect(groups[0].time == mat.lastRead)
        #expect(
            snap.text(of: groups[0])
                == "km15 silent: no read since 09:43:52, 12 runners due since 00:00:00; 2 missed splits")
        // A group of one reads as its alert.
        #expect(snap.text(of: groups[1]) == snap.text(of: alerts[2]))
    }

    @Test func theSampleFeedsKm15OutageIsOneLinePerRace() async throws {
        let snap = try await SampleFeed.snapshot(at: "14:30:00")
        let groups = snap.alertGroups(now: snap.at, race: try Self.race(snap, "marathon"))
        let km15 = try #require(groups.first { $0.key == "mat km15" })
        #expect(km15.count == 89)
        #expect(snap.text(of: km15) == "km15: 89 missed splits")
        // Keys are unique, and every alert of the race is in exactly one group.
        #expect(Set(groups.map(\.key)).count == groups.count)
        let all = snap.alerts(now: snap.at).filter { snap.concerns($0, race: 0) }
        #expect(groups.reduce(0) { $0 + $1.count } == all.count)
    }

    @Test func alertsFollowTheSelectedRace() async throws {
        let snap = try await SampleFeed.snapshot(at: "14:30:00")
        for race in snap.event.races.indices {
            let points = Set(snap.event.races[race].checkpoints.map(\.pointIndex))
            for alert in snap.alertGroups(now: snap.at, race: race).flatMap(\.alerts) {
                if let runner = alert.runner {
                    #expect(snap.participants[runner].raceIndex == race, "\(snap.text(of: alert))")
                } else if let point = alert.point {
                    #expect(points.contains(point), "\(snap.text(of: alert))")
                }
            }
        }
        // A 10K runner's missed split does not show under the marathon, nor a marathon runner's under the 10K.
        let marathon = try Self.race(snap, "marathon")
        let tenK = try #require(snap.event.races.indices.first { snap.event.races[$0].id.lowercased() == "10k" })
        let tenKMissed = snap.alerts(now: snap.at).filter {
            if case .missedSplit(let r, _) = $0.subject { return snap.participants[r].raceIndex == tenK }
            return false
        }
        #expect(!tenKMissed.isEmpty)
        for alert in tenKMissed {
            #expect(!snap.concerns(alert, race: marathon))
            #expect(snap.concerns(alert, race: tenK))
        }
        // The stadium is every race's start and finish: its rejected lines show under each race.
        let stadium = try Self.point(snap, "stadium")
        let stadiumLine = try #require(
            snap.alerts(now: snap.at).first {
                if case .rejectedLine(let r) = $0.subject { r.point == stadium } else { false }
            })
        for race in snap.event.races.indices { #expect(snap.concerns(stadiumLine, race: race)) }
    }

    @Test func groupsPreparedWithTheSnapshotAreTheOnesWorkedOutOnDemand() async throws {
        let computed = try await SampleFeed.snapshot(at: "11:00:00")
        var prepared = computed
        prepared.prepareAlertGroups()
        #expect(prepared.alertGroupsAtSnapshot?.count == computed.event.races.count)
        for race in computed.event.races.indices {
            let groups = prepared.alertGroups(now: prepared.at, race: race)
            #expect(groups == computed.alertGroups(now: computed.at, race: race))
            #expect(
                groups.map(\.key)
                    == computed.group(
                        computed.alerts(now: computed.at).filter {
                            computed.concerns($0, race: race)
                        }
                    ).map(\.key))
        }
        // Another time than the snapshot's is worked out, not taken from what was prepared.
        let later = prepared.at + 30 * 60_000
        #expect(prepared.alertGroups(now: later, race: 0) == computed.alertGroups(now: later, race: 0))
    }

    @Test func anAcknowledgementHoldsUntilTheGroupGrows() async throws {
        let early = try await SampleFeed.snapshot(at: "10:20:00")
        let late = try await SampleFeed.snapshot(at: "11:00:00")
        let before = try #require(early.alertGroups(now: early.at, race: 0).first { $0.key == "mat km15" })
        let after = try #require(late.alertGroups(now: late.at, race: 0).first { $0.key == "mat km15" })
        #expect(after.count > before.count)
        var acks = AlertAcknowledgements()
        #expect(!acks.isAcknowledged(before))
        acks.acknowledge(before)
        #expect(acks.isAcknowledged(before))
        // More runners missed at km15 since: news again.
        #expect(!acks.isAcknowledged(after))
        acks.acknowledge(after)
        #expect(acks.isAcknowledged(after) && acks.isAcknowledged(before))
        // Other causes are untouched.
        #expect(late.alertGroups(now: late.at, race: 0).filter { acks.isAcknowledged($0) }.map(\.key) == ["mat km15"])
        acks.acknowledge(key: "feed reads/km20.txt was deleted")
        #expect(acks.isAcknowledged(key: "feed reads/km20.txt was deleted"))
        #expect(!acks.isAcknowledged(key: "feed reads/km10.txt was deleted"))
    }
}
