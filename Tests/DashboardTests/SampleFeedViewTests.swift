import Testing
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import TimingIngest
import ScreenGrid
@testable import Dashboard

/// The dashboard on the committed synthetic feed at fixed times of day,
/// checked against the faults its README plants and the results file that
/// `racedash results` is tested against.
@Suite struct SampleFeedViewTests {
    static func feed(_ snap: RaceSnapshot, at clock: Millis) -> FeedStatus {
        FeedStatus(
            mode: .replay(speed: 60, paused: false), clock: clock, feedStart: snap.feedStart, feedEnd: snap.feedEnd)
    }

    static func render(_ snap: RaceSnapshot, _ ui: UIState = UIState(), width: Int = 80, height: Int = 24) -> Frame {
        DashboardRenderer.render(snap, ui: ui, feed: feed(snap, at: snap.at), width: width, height: height)
    }

    /// Rows of the expected results CSV (RFC 4180 quotes handled), keyed by column name.
    static func expectedResults() throws -> [[String: String]] {
        let path = SampleFeed.expectedCSVPath
        let text = String(decoding: try ReadFileScanner.readFile(atPath: path), as: UTF8.self)
        var lines = text.split(separator: "\n").map(String.init)
        let header = fields(lines.removeFirst())
        return lines.map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
    }

    static func fields(_ line: String) -> [String] {
        var out: [String] = [], cur = "", quoted = false
        var chars = Array(line)[...]
        while let ch = chars.popFirst() {
            if quoted {
                if ch == "\"" {
                    if chars.first == "\"" {
                        cur.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cur.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                out.append(cur)
                cur = ""
            } else {
                cur.append(ch)
            }
        }
        out.append(cur)
        return out
    }

    @Test func aMatWhoseTrafficIsOverIsNotCalledSilent() async throws {
        // By 10:10 every runner still going has passed km5 and km10; those
        // left behind them stopped, and say nothing about the mats.
        for time in ["10:10:00", "10:30:00", "11:30:00"] {
            let snap = try await SampleFeed.snapshot(at: time)
            let silent = snap.silentMats(now: snap.at).map { snap.event.points[$0.point].id }
            #expect(!silent.contains("km5") && !silent.contains("km10"), "at \(time): \(silent)")
        }
    }

    @Test func silentFifteenKilometreMatAtTenToTen() async throws {
        // README: km15.txt writes nothing from 09:43:52 to 09:55:52, in the middle of the field.
        let snap = try await SampleFeed.snapshot(at: "09:50:00")
        let f = Self.render(snap)
        #expect(f.line(0) == " Pyongyang Marathon 2025 · Marathon (1/3)    09:50:00  race 1:50:00  REPLAY 60x")
        #expect(f.line(2).hasPrefix(" !! 09:43:"))
        #expect(f.line(2).contains(" silent mat km15 (15 km, Kwangbok Street): no…  "), "cut with an ellipsis")
        #expect(f.style(of: "silent mat", inLine: 2) == Theme.alert)
        let wide = Self.render(snap, width: 200, height: 50)
        #expect(wide.line(2).contains(" silent mat km15 (15 km, Kwangbok Street): no read since 09:43:"))
        let mat = try #require(snap.silentMats(now: snap.at).first)
        #expect(snap.event.points[mat.point].id == "km15")
        #expect(mat.lastRead! < TimeFormat.parseClock("09:43:52")!)
        #expect(mat.dueSince > mat.lastRead!)

        let cp = Self.render(snap, DashboardFixture.ui(.checkpoints))
        let row = try #require(cp.row(containing: " 15K "))
        #expect(cp.line(row).contains("! 6:"))
        #expect(cp.style(of: "! 6:", inLine: row) == Theme.warning)
        #expect(!cp.line(try #require(cp.row(containing: " 10K "))).contains("!"))
    }

    @Test func theMatIsNotSilentOnceItReadsAgain() async throws {
        let snap = try await SampleFeed.snapshot(at: "09:58:00")
        #expect(!snap.alerts(now: snap.at).contains { $0.kind == "silent mat" })
        let cp = Self.render(snap, DashboardFixture.ui(.checkpoints))
        #expect(!cp.line(try #require(cp.row(containing: " 15K "))).contains("!"))
    }

    @Test func eliteLeadersAndSplitsMatchTheResultsFile() async throws {
        let snap = try await SampleFeed.state().snapshot()
        let results = try Self.expectedResults().filter { $0["race"] == "marathon" && $0["division"] == "elite" }
        let f = Self.render(snap, width: 200, height: 50)
        for (sex, x) in [("M", 0), ("F", 101)] {
            let leaders = results.filter { $0["sex"] == sex && $0["status"] == "FIN" }.prefix(3)
            for (k, r) in leaders.enumerated() {
                let cells = String(f.line(5 + k).dropFirst(x)).split(separator: " ").map(String.init)
                #expect(Array(cells.prefix(2)) == ["\(k + 1)", r["bib"]!], "\(sex) \(k + 1): \(f.line(5 + k))")
                #expect(f.line(5 + k).contains(r["name"]!))
                #expect(f.line(5 + k).contains("\(r["country"]!)  FIN    \(r["gun_time"]!)"))
            }
        }
        // Bib 1 (Hangul name) is in line with the others.
        let oh = try #require(f.row(containing: "오혁"))
        #expect(f.column(of: "PRK  FIN", inLine: oh) == f.column(of: "ETH  FIN", inLine: 5))
        // The split matrix of the winner is the results file's split columns (named by race and checkpoint).
        let winner = results[0]
        let splits = ["5K", "10K", "15K", "20K", "half", "25K", "30K", "35K", "40K", "finish"].map {
            winner["marathon:" + $0]!
        }
        let matrix = try #require(f.row(containing: "Splits: Men"))
        #expect(f.line(matrix + 1).hasSuffix(splits.joined(separator: " ")))
        #expect(f.line(matrix + 1).hasPrefix("  1     \(winner["bib"]!) \(winner["name"]!)"))
    }

    @Test func tenKilometreFieldAndFinishStrip() async throws {
        let snap = try await SampleFeed.state().snapshot()
        let results = try Self.expectedResults().filter { $0["race"] == "10k" }
        let f = Self.render(
            snap,
            DashboardFixture.ui(.field) {
                $0.race = 2
                $0.division = nil
            })
        #expect(f.line(0).hasPrefix(" Pyongyang Marathon 2025 · 10 km (3/3)"))
        for k in 0..<3 {
            let r = results[k]
            let start =
                TextWidth.pad(r["place"]!, to: 5, alignRight: true) + "   "
                + TextWidth.pad(r["bib"]!, to: 6, alignRight: true)
            #expect(f.line(6 + k).hasPrefix(start + " " + r["name"]!))
            // The 10 km is ranked on net time.
            #expect(f.line(6 + k).contains(" FIN    \(r["net_time"]!) "))
        }
        let strip = try #require(f.row(containing: "Just finished"))
        let times = (strip + 1..<23).map { String(f.line($0).dropFirst().prefix(8)) }
        #expect(times.count == 2 && times == times.sorted(by: >))
    }

    @Test func plantedFaultsAreAllInTheAlerts() async throws {
        let snap = try await SampleFeed.state().snapshot()
        let texts = snap.alerts(now: snap.at).map(snap.text(of:))
        let expected = [
            "impossible split to 35K: bib 188 ",
            "missed split at 30K: bib 155 ", "missed split at 10K: bib 1036 ", "missed split at 10K: bib 1093 ",
            "missed split at 20K: bib 1204 ", "missed split at 20K: bib 1267 ", "missed split at 5K: bib 2182 ",
            "unknown chip 058010510167: 3 reads at stadium, km5, km10",
            "reads/km05.txt:", "reads/km20.txt:", "reads/half.txt:", "reads/km10.txt:", "reads/stadium-main.txt:",
        ]
        for e in expected { #expect(texts.contains { $0.hasPrefix(e) }, "\(e)") }
        // The course cutter leads: critical, and the most recent critical.
        let f = Self.render(snap, width: 200, height: 50)
        #expect(
            f.line(2).hasPrefix(" !! 10:38:20 impossible split to 35K: bib 188 Amélie Béranger (reads/km35.txt:30)"))
    }

    @Test func theCourseCutterInTheRunnerView() async throws {
        let snap = try await SampleFeed.state().snapshot()
        let cutter = try #require(snap.participants.firstIndex { $0.bib == "188" })
        let f = Self.render(snap, DashboardFixture.ui(.runner) { $0.runner = cutter }, width: 200, height: 50)
        #expect(f.line(4).hasPrefix(" Bib 188  Amélie Béranger"))
        #expect(f.line(5).hasSuffix("! missed split, impossible split, suspicious segment"))
        #expect(f.row(containing: "! Suspicious segment, for review: 20K to 40K at 23.6 km/h") != nil)
        // Read at 20 km, then at 35 km an apparent 64 km/h later: refused; half, 25K and 30K have no read.
        for cp in ["half", "25K", "30K"] {
            #expect(f.line(try #require(f.row(containing: " \(cp) "))).hasSuffix("! missed"), "\(cp)")
        }
        let refused = try #require(f.row(containing: " 35K "))
        #expect(f.line(refused).contains("! refused 10:38:20: impossible"))
        #expect(f.row(containing: "! reads/km35.txt:30: impossible split to 35K: 64.3 km/h (bib 188)") != nil)
    }
}
