import TestSupport
import Foundation
import Testing

/// An official at the built `racedash live` in a real terminal: disqualifies
/// a runner and enters a hand time from the dashboard; the screen says so
/// once the row is on disk, the standings follow, and `racedash results`
/// on the same folder agrees.
@Suite(
    .serialized, .timeLimit(.minutes(5)),
    .enabled(if: TmuxPane.isAvailable, "tmux is not installed: the terminal end-to-end tests need it (CI installs it)"))
struct OfficialsTerminalTests {
    /// A copy of the whole sample feed, reads and all.
    func sampleCopy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("racedash-officials-e2e-\(getpid())")
            .path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.copyItem(atPath: SampleFeed.path, toPath: dir)
        return dir
    }

    func open(_ bib: String, _ name: String, in pane: TmuxPane) async throws {
        try await pane.send("/")
        try await pane.type(bib)
        try await pane.send("Enter")
        try await pane.waitFor(text: "Bib \(bib)  \(name)")
    }

    @Test func aDisqualificationAndAHandTimeFromTheDashboardReachTheResults() async throws {
        let binary = try #require(SampleFeed.racedashBinary(), "racedash was not built next to the tests")
        let dir = try sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: dir) }

        try await TmuxPane.withPane(name: "officials", directory: dir) { pane in
            try await pane.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
            try await pane.type("'\(binary)' live .; echo \"racedash exited with $?\"")
            try await pane.send("Enter")
            try await pane.waitFor(text: "LIVE")

            // Bib 188 cut the course (20K to 40K at twice her own pace).
            try await open("188", "Amélie Béranger", in: pane)
            try await pane.send("c")
            try await pane.waitFor(text: "Correct bib 188: d DQ · f DNF · r reinstate · h hand time")
            try await pane.send("d")
            try await pane.type("cut the course 20K-40K")
            try await pane.send("Enter")
            try await pane.waitFor(text: "Write DQ for bib 188 (cut the course 20K-40K) to corrections.csv? y yes")
            try await pane.send("y")
            try await pane.waitFor(text: "written: dq bib 188, corrections.csv line 2")
            try await pane.waitFor(text: "* DQ: cut the course 20K-40K")
            try await pane.waitFor(text: " Disqualified · ")

            // Bib 236 crossed the dead km15 mat: the officials time him by hand.
            try await open("236", "Petr Černý", in: pane)
            try await pane.send("c")
            try await pane.send("h")
            try await pane.waitFor(text: "Hand time, bib 236 (CHECKPOINT HH:MM:SS): finish ")
            for _ in 0..<24 { try await pane.send("BSpace") }
            try await pane.type("15K 09:38:30")
            try await pane.send("Enter")
            try await pane.type("km15 mat down")
            try await pane.send("Enter")
            try await pane.send("y")
            try await pane.waitFor(text: "written: split bib 236 15K 09:38:30, corrections.csv line 3")
            try await pane.waitFor(text: "* hand time 15K 09:38:30: km15 mat down")

            try await pane.send("q")
            try await pane.waitFor(text: "racedash exited with 0")
        }

        let journal = try String(contentsOfFile: dir + "/corrections.csv", encoding: .utf8).split(separator: "\n")
        #expect(journal.count == 3)
        #expect(journal.first == "when,who,bib,action,value,reason")
        #expect(journal.dropFirst().first?.hasSuffix(",188,dq,,cut the course 20K-40K") == true)
        #expect(journal.last?.hasSuffix(",236,split,15K 09:38:30,km15 mat down") == true)

        let results = try await Subprocess.run(binary, ["results", dir, "--race", "marathon", "--format", "csv"])
        #expect(results.status == 0, "\(results.stderr)")
        let rows = results.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let header = try #require(rows.first)
        let cutter = try #require(rows.first { $0.count > 9 && $0[1] == "188" })
        #expect(cutter[0] == "" && cutter[9] == "DQ")
        #expect(cutter[16].hasSuffix("DQ: cut the course 20K-40K"))
        let petr = try #require(rows.first { $0.count > 9 && $0[1] == "236" })
        let km15 = try #require(header.firstIndex(of: "15K"))
        #expect(petr[km15] == "1:33:30")  // 09:38:30 on the mass wave's 08:05 gun
        #expect(!petr[16].contains("missed split"))
        #expect(petr[16].contains("hand time 15K 09:38:30: km15 mat down"))
    }
}
