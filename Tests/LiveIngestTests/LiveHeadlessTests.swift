import Foundation
import Testing
import RaceModel
import TimingIngest
@testable import LiveIngest
import RaceStore
import Snapshots
import TestSupport

/// `racedash live --headless`, run in-process with its lines collected.
@Suite struct LiveHeadlessTests {
    static let options = LiveFeed.Options(tailPollInterval: .milliseconds(20), configCheckInterval: .milliseconds(50))

    func waitForLine(_ sink: LineSink, _ what: String, _ match: @escaping @Sendable (String) -> Bool) async -> Bool {
        let found = await sink.waitFor(match)
        if !found { Issue.record("no \(what) in output:\n\(sink.all.joined(separator: "\n"))") }
        return found
    }

    @Test func printsCountedSplitsRejectedLinesAndSummaries() async throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        // Written before racedash started: counted, not printed one by one.
        try event.append("reads/stadium.txt", "1,09:00:05\n2,09:00:07\nbad line\n")
        let sink = LineSink()
        let path = event.path
        let live = Task {
            try await LiveHeadless.run(eventPath: path, summaryEvery: .milliseconds(300), options: Self.options) {
                sink.append($0)
            }
        }
        do {
            #expect(
                await waitForLine(sink, "catch-up line") {
                    $0.hasPrefix("CAUGHT UP 3 lines already written in 2 read files; 1 rejected")
                })
            #expect(await waitForLine(sink, "first summary") { $0.hasPrefix("SUMMARY 10k: 0 finished, 2 on course") })

            try event.append("reads/km5.txt", "AAA1,09:17:00\n")
            #expect(
                await waitForLine(sink, "split line") { $0 == "09:17:00.000 km5 5K bib 1 Ri Jong Ho (PRK) gun 0:17:00" }
            )

            let garbage = "bad \u{1B}[31mred"
            guard case .malformed(let why) = ReadLineParser.parse(garbage) else {
                Issue.record("\(garbage) should not parse")
                return
            }
            try event.append("reads/km5.txt", "\(garbage)\nZZZ9,09:18:00\nAAA1,09:17:03\n")
            #expect(
                await waitForLine(sink, "malformed line") {
                    $0 == "REJECTED reads/km5.txt:2: \(why) | bad \u{FFFD}[31mred"
                })
            #expect(
                await waitForLine(sink, "unknown chip") {
                    $0 == "REJECTED reads/km5.txt:3: unknown chip ZZZ9: no participant has this chip or bib"
                })
            try event.append("reads/stadium.txt", "AAA2,08:59:00\n")
            #expect(
                await waitForLine(sink, "before gun") {
                    $0 == "REJECTED reads/stadium.txt:4: read before the gun of wave A (bib 2)"
                })
            #expect(
                await waitForLine(sink, "summary with leader") {
                    $0
                        == "SUMMARY 10k: 0 finished, 2 on course, 0 DNF, 1 not started; leaders: 1. bib 1 Ri Jong Ho 5K 0:17:00, 2. bib 2 Kim Hye Gyong start 0:00:07"
                })

            // The late entry's earlier read counts once the list knows the chip.
            try event.replace(
                "participants.csv",
                with: LiveEventFolder.participants.replacingOccurrences(
                    of: "3,Late Entry,10k,,M,", with: "3,Late Entry,10k,ZZZ9,M,KEN"))
            #expect(
                await waitForLine(sink, "reload notice") { $0 == "CONFIG configuration reloaded; standings recomputed" }
            )
            #expect(
                await waitForLine(sink, "re-matched split") {
                    $0 == "09:18:00.000 km5 5K bib 3 Late Entry (KEN) gun 0:18:00"
                })

            try event.replace("event.toml", with: "broken = ")
            #expect(
                await waitForLine(sink, "config error") { $0.hasPrefix("CONFIG ERROR ") && $0.contains("event.toml") })

            try event.append("reads/stadium.txt", "AAA1,09:34:00\n")
            #expect(
                await waitForLine(sink, "finish") {
                    $0 == "09:34:00.000 stadium finish bib 1 Ri Jong Ho (PRK) gun 0:34:00"
                })
        }
        live.cancel()
        try await withDeadline("headless run ends") { try? await live.value }
        let lines = sink.all
        #expect(lines.first == "LIVE Live test: following 2 read files in \(path)")
        #expect(lines.last == "STOPPED")
        // Reads from before the start and repeats are not printed as splits.
        #expect(!lines.contains { $0.contains(" start bib 1 ") })
        #expect(lines.filter { $0.contains(" 5K bib 1 ") }.count == 1)
        #expect(!lines.contains { $0.contains("bad line") })
        // Every line is a single line, free of control characters.
        #expect(!lines.contains { $0.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func aFolderThatCannotBeLoadedFailsAtOnce() async throws {
        let event = try LiveEventFolder(participants: "bib,name\n1,Ri Jong Ho\n")
        defer { event.remove() }
        let sink = LineSink()
        do {
            try await LiveHeadless.run(eventPath: event.path, options: Self.options) { sink.append($0) }
            Issue.record("a folder without a race column should not start")
        } catch {
            #expect(error.description.contains("participants.csv"))
            #expect(error.description.contains("race"))
        }
        #expect(sink.all.isEmpty)
    }
}
