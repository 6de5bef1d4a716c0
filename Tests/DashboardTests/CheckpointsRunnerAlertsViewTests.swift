import Testing
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import ScreenGrid
@testable import Dashboard

@Suite struct CheckpointsViewTests {
    @Test func oneRowPerCheckpointWithPassedBarsAndMatCounts() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.checkpoints), at: "11:00:00")
        #expect(f.line(4) == " Checkpt     km  Passed    % of started     Reads   Rej     Quiet Last through")
        // 14 started; bib 303 has no 10 km read; the stadium mat serves start and finish.
        #expect(f.line(5) == " start        0      14 100% ████████████      31     0      3:50 09:11:10 306")
        #expect(f.line(7) == " 10K         10      13  92% ███████████▏      15     2     43:50 10:16:10 306")
        // The finish shares the start's mat: its counts are on the start row, not repeated.
        #expect(f.line(9) == " finish    21.1      11  78% █████████▍·· = start                 10:56:10 303")
        #expect(f.style(of: "= start", inLine: 9) == Theme.dim)
    }

    @Test func aSilentMatIsMarkedAndWarned() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.checkpoints), at: "11:00:00")
        // Nothing from the 15 km mat since 09:52:35 while runners are due there.
        #expect(f.line(8) == " 15K         15       7  50% ██████······       7     0 ! 1:07:25 09:52:35 203")
        #expect(f.style(of: "! 1:07:25", inLine: 8) == Theme.warning)
        #expect(f.style(of: "43:50", inLine: 7) == Theme.plain)
        // Before the mat died it is just quiet, not silent.
        let early = await DashboardFixture.snapshot(at: "10:05:00")
        let e = DashboardFixture.render(early, DashboardFixture.ui(.checkpoints), at: "10:05:00")
        #expect(!e.line(8).contains("!"))
    }

    @Test func wideShowsPointsDuplicatesAndFirstAndLastThrough() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.checkpoints), at: "11:00:00", width: 200, height: 50)
        #expect(f.line(4).hasPrefix(" Checkpt     km Point     Passed    % of started"))
        #expect(f.line(4).hasSuffix("Reads  Dupes   Rej     Quiet Last through                       First through"))
        #expect(f.line(8).hasSuffix("09:52:35 203 정유미                09:45:05 101 김민준"))
        #expect(f.column(of: "09:45:05", inLine: 8) == f.column(of: "09:00:05", inLine: 5))
    }

    @Test func distributionShowsWhereTheFieldIs() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.checkpoints), at: "11:00:00")
        #expect(f.line(11) == " Where the field is: runners by last checkpoint · not started 1 · DNF 0")
        // Three runners between 10 and 15 km (its mat is dead), eleven finished; nine columns per checkpoint.
        #expect(f.line(21) == " 0        0        3        0        11")
        #expect(f.line(22) == " start    5K       10K      15K      FIN")
        #expect(f.line(12) == String(repeating: " ", count: 37) + "████████")
        #expect(f.line(20) == String(repeating: " ", count: 19) + "████████          ████████")
    }

    @Test func barsUseEighthsAndDotsForTheRest() {
        #expect(CheckpointsView.bar(13, of: 14, width: 12) == "███████████▏")
        #expect(CheckpointsView.bar(0, of: 14, width: 4) == "····")
        #expect(CheckpointsView.bar(5, of: 0, width: 3) == "···")
        #expect(CheckpointsView.bar(14, of: 14, width: 5) == "█████")
    }
}

@Suite struct RunnerViewTests {
    static let anna = 8  // bib 302

    @Test func everySplitWithTimesSegmentsPacesAndPlaces() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let f = DashboardFixture.render(
            snap, DashboardFixture.ui(.runner) { $0.runner = Self.anna }, at: "11:00:00", width: 200, height: 50)
        #expect(f.line(4) == " Bib 302  Anna Schmidt · GER · F40-49 · amateur · wave B · Half Marathon")
        #expect(
            f.line(5) == " Finished · 1:35:27 · place 9 · F 4 · F40-49 1 · +32:04  ! missed split, impossible split")
        #expect(f.line(6) == " Checkpt     km Time of day Race time  Segment  Pace   Place    +/- Note")
        #expect(f.line(8) == " 5K           5 09:33:00      0:23:00  0:22:30  4:30       9      =")
        // The read at 09:36 was refused; the 10 km split is the real one at 09:55:30.
        #expect(
            f.line(9)
                == " 10K         10 09:55:30      0:45:30  0:22:30  4:30       9      = ! refused 09:36:00: impossible")
        #expect(f.style(of: "! refused", inLine: 9) == Theme.alert)
        #expect(f.line(10).hasSuffix("! missed"))
        #expect(f.style(of: "! missed", inLine: 10) == Theme.warning)
        #expect(f.line(13) == " Finished in 1:35:27 (gun time); gun 1:35:27, net 1:34:57")
        #expect(f.line(15) == " Rejected reads: 1")
        #expect(f.line(16) == " ! km10.txt:8: impossible split to 10K: 100.0 km/h (bib 302)")
    }

    @Test func placesGainedAndLostBetweenCheckpoints() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        // The elite men all cross the start 5 s after the gun (shared first place there); bib 104 is
        // fourth at 5 km and stays fourth.
        let sheet = RunnerView.places(snap, standing: RunnerView.standing(snap, runner: 3)!, race: 0)
        #expect(sheet == [1, 4, 4, 4, 4])
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.runner) { $0.runner = 3 }, at: "10:10:00")
        #expect(f.line(7) == " start        0 09:00:05      0:00:05                      1")
        #expect(f.line(8) == " 5K           5 09:15:55      0:15:55  0:15:50  3:10       4     -3")
        #expect(f.style(of: "-3", inLine: 8)?.fg == .red)
        #expect(f.line(9).hasSuffix("      4      ="))
        // 6.1 km at 3:10/km from 15 km to the finish.
        #expect(f.line(11) == " finish    21.1 10:06:54      1:06:54  0:19:19  3:10       4      =")
        // Bib 308: tenth over the start mat on the gun clock (seven elites, then 301 and 302 of wave B).
        let kim = RunnerView.places(snap, standing: RunnerView.standing(snap, runner: 14)!, race: 0)
        #expect(kim == [10, 10, 10, nil, nil])
    }

    @Test func noRunnerChosenSaysHowToChooseOne() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.runner), at: "10:10:00")
        #expect(f.line(4).hasPrefix(" No runner chosen: select a row in Elite, Field or Alerts and press Enter"))
    }

    @Test func aRunnerWhoHasNotStarted() async {
        let snap = await DashboardFixture.snapshot(at: "10:10:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.runner) { $0.runner = 13 }, at: "10:10:00")
        #expect(f.line(4) == " Bib 307  Never Started · GBR · M40-49 · amateur · wave B · Half Marathon")
        #expect(f.line(5) == " Not started")
        #expect(f.row(containing: "No read counted yet.") != nil)
        #expect(f.row(containing: "Rejected reads: none") != nil)
    }
}

@Suite struct AlertsViewTests {
    static let km15 =
        "km15 silent: no read since 09:52:35, 3 runners due since 10:33:15; 4 missed splits"

    @Test func summaryThenOneLinePerCauseMostSevereFirst() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.alerts), at: "11:00:00", width: 200, height: 50)
        #expect(
            f.line(4)
                == " 2 critical · 7 warnings · 0 notices   silent mat 1 · missed split 5 · impossible split 1 · unknown chip 1 · malformed 1"
        )
        // The silent mat and the splits it missed are one line that opens.
        #expect(f.line(5) == " !! 09:52:35 ▸ \(Self.km15)")
        #expect(f.line(6) == " !! 09:36:00 impossible split to 10K: bib 302 Anna Schmidt (km10.txt:8)")
        #expect(f.line(7) == " !  10:56:10 missed split at 10K: bib 303 Tom O'Brien")
        #expect(f.line(8) == " !  09:40:00 unknown chip 9999: 1 read at km10 (first km10.txt:9)")
        // The escape sequence of a garbage line never reaches the terminal.
        #expect(f.line(9) == " !  09:17:35 km5.txt:8: not a known read format | garbage \u{FFFD}[31m line")
        #expect(f.style(of: "impossible", inLine: 6) == Theme.alert)
        #expect(f.style(of: "missed", inLine: 7) == Theme.warning)
        // The first alert is selected.
        #expect(f[2, 5].style.attributes.contains(.reverse))
    }

    @Test func anOpenGroupListsItsAlertsIndented() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let ui = DashboardFixture.ui(.alerts) { $0.expandedAlertGroups = ["mat km15"] }
        let f = DashboardFixture.render(snap, ui, at: "11:00:00", width: 120, height: 30)
        #expect(f.line(5) == " !! 09:52:35 ▾ \(Self.km15)")
        #expect(
            f.line(6)
                == " !! 09:52:35     silent mat km15 (15 km): no read since 09:52:35; 3 runners due since 10:33:15")
        #expect(f.line(7) == " !  10:56:10     missed split at 15K: bib 303 Tom O'Brien")
        #expect(f.line(10) == " !  10:34:44     missed split at 15K: bib 301 Ri Yong Chol")
        #expect(f.line(11).hasPrefix(" !! 09:36:00 impossible split to 10K"))
    }

    @Test func acknowledgedGoLastDimmedAndLeaveTheTicker() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let groups = snap.alertGroups(now: snap.at, race: 0)
        let ui = DashboardFixture.ui(.alerts) { $0.acknowledged.acknowledge(groups[0]) }
        let f = DashboardFixture.render(snap, ui, at: "11:00:00", width: 120, height: 30)
        #expect(f.line(5).hasPrefix(" !! 09:36:00 impossible split to 10K"))
        #expect(f.line(9) == " ✓  09:52:35 ▸ \(Self.km15)")
        #expect(f.style(of: "km15 silent", inLine: 9) == Theme.dim)
        #expect(f.line(2).hasPrefix(" !! 09:36:00 impossible split to 10K"))
        #expect(f.line(2).hasSuffix(" +3 more · 5: alerts"))
        #expect(f.line(3).contains(" 5 Alerts 4 "))
    }

    @Test func narrowTruncatesTheTextWithAnEllipsis() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.alerts) { $0.selected = 2 }, at: "11:00:00")
        #expect(f.line(5) == " !! 09:52:35 ▸ km15 silent: no read since 09:52:35, 3 runners due since 10:33:1…")
        #expect(f.line(5).count == 80)
        #expect(f[2, 7].style.attributes.contains(.reverse))
        #expect(!f[2, 5].style.attributes.contains(.reverse))
    }

    @Test func aSelectionPastTheEndStopsAtTheLastAlert() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.alerts) { $0.selected = 99 }, at: "11:00:00")
        #expect(f[2, 9].style.attributes.contains(.reverse))
        #expect(f.line(9).contains("garbage"))
    }

    @Test func scrollsToKeepTheSelectionVisible() async throws {
        // The sample feed at its end: km15's 89 missed splits, opened, are far more than a screen holds.
        let snap = try await SampleFeed.state().snapshot()
        let ui = DashboardFixture.ui(.alerts) {
            $0.expandedAlertGroups = ["mat km15"]
            $0.selected = 60
        }
        let feed = FeedStatus(mode: .live, clock: snap.at, wallNow: snap.at)
        let list = AlertList(snap, ui: ui, now: snap.at, feedProblems: [])
        #expect(list.count > 90)
        let f = DashboardRenderer.render(snap, ui: ui, feed: feed, width: 200, height: 24)
        // 18 rows: entries 43...60, the selected one last.
        #expect(f.line(22).hasSuffix(AlertsView.describe(list.entries[60].row, snapshot: snap).2))
        #expect(f.line(5).hasSuffix(AlertsView.describe(list.entries[43].row, snapshot: snap).2))
        #expect(f[3, 22].style.attributes.contains(.reverse))
        let alerts = snap.alerts(now: snap.at).filter { snap.concerns($0, race: 0) }
        #expect(
            f.line(4).hasPrefix(
                " 1 critical · \(alerts.count - 1 - alerts.filter { $0.severity == .notice }.count) warnings"))
    }
}

@Suite struct CheckpointsDecoderTests {
    @Test func liveDecodersAreListedAboveTheDistributionADownOneMarked() async {
        let snap = await DashboardFixture.snapshot(at: "11:00:00")
        var feed = DashboardFixture.replay(at: "11:00:00")
        feed.decoders = [
            DecoderLine(
                point: "km5", isUp: true, text: "race-result 10.0.0.5:3601 connected since 09:00:01, 42 passings"),
            DecoderLine(
                point: "finish", isUp: false, text: "ctp01 0.0.0.0:61611 NOT CONNECTED since 10:59:00, 0 passings"),
        ]
        let f = DashboardFixture.render(snap, DashboardFixture.ui(.checkpoints), at: "11:00:00", feed: feed)
        #expect(f.line(11) == " Decoders: 1 connected · 1 NOT CONNECTED")
        #expect(f.line(12) == "   km5 race-result 10.0.0.5:3601 connected since 09:00:01, 42 passings")
        #expect(f.line(13) == " ! finish ctp01 0.0.0.0:61611 NOT CONNECTED since 10:59:00, 0 passings")
        #expect(f.line(14) == " Where the field is: runners by last checkpoint · not started 1 · DNF 0")
    }
}
