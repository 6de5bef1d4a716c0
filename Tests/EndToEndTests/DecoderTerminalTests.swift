import Foundation
import TestSupport
import Testing

/// The whole chain on a real terminal: `racedash simulate --serve` plays a race
/// as decoders on loopback in one tmux pane, `racedash live` captures them in
/// another, and the checkpoints view lists the decoders with their passings;
/// when the emulators stop, the decoders show as not connected.
@Suite(
    .serialized, .timeLimit(.minutes(5)),
    .enabled(if: TmuxPane.isAvailable, "tmux is not installed: the terminal end-to-end tests need it (CI installs it)"))
struct DecoderTerminalTests {
    @Test func passingsArriveOverTheNetworkAndAStoppedDecoderIsMarked() async throws {
        let binary = try #require(SampleFeed.racedashBinary(), "racedash was not built next to the tests")
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let dir = scratch.file("race")

        try await TmuxPane.withPane(name: "serve", directory: scratch.path) { serve in
            try await serve.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
            try await serve.type(
                "'\(binary)' simulate --serve --out race --runners 200 --speed 100; echo \"serve exited with $?\"")
            try await serve.send("Enter")
            try await serve.waitFor(text: "RACE RESULT decoder on 127.0.0.1:")
            try await TmuxPane.withPane(name: "capture", width: 120, height: 50, directory: dir) { live in
                try await live.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
                try await live.type("'\(binary)' live .; echo \"racedash exited with $?\"")
                try await live.send("Enter")
                // A key typed before the dashboard is up goes to the shell instead.
                try await live.waitFor(text: "LIVE")
                try await live.send("3")
                try await live.waitFor("passings arriving at the 15 km decoder") { screen in
                    screen.lines.contains {
                        $0.contains("km15 race-result 127.0.0.1:") && $0.contains("connected since")
                            && !$0.contains(" 0 passings")
                    }
                }
                try await serve.send("C-c")
                try await serve.waitFor(text: "serve exited with")
                try await live.waitFor("the 15 km decoder marked not connected") { screen in
                    screen.lines.contains { $0.hasPrefix(" ! km15 race-result") && $0.contains("NOT CONNECTED") }
                }
                try await live.send("q")
                try await live.waitFor(text: "racedash exited with 0")
            }
        }
    }

    /// `racedash capture` without a screen: a line when each link comes up and
    /// when it goes down, passings in the read files, and SIGTERM stops it cleanly.
    @Test func captureReportsLinksAndFillsTheReadFiles() async throws {
        let binary = try #require(SampleFeed.racedashBinary(), "racedash was not built next to the tests")
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let out = scratch.file("capture.txt")
        func output() -> String { (try? String(contentsOfFile: out, encoding: .utf8)) ?? "" }

        try await TmuxPane.withPane(name: "serve2", directory: scratch.path) { serve in
            try await serve.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
            try await serve.type(
                "'\(binary)' simulate --serve --out race --runners 200 --speed 100; echo \"serve exited with $?\"")
            try await serve.send("Enter")
            try await serve.waitFor(text: "RACE RESULT decoder on 127.0.0.1:")
            try await TmuxPane.withPane(name: "capture2", directory: scratch.path) { capture in
                try await capture.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
                try await capture.type("'\(binary)' capture race --status-every 1 > capture.txt 2>&1 & pid=$!")
                try await capture.send("Enter")
                #expect(
                    await eventually {
                        output().contains("km15 decoder (race-result 127.0.0.1:")
                            && output().contains("): connected at")
                    })
                #expect(
                    await eventually {
                        let km15 =
                            (try? String(contentsOfFile: scratch.file("race/reads/km15.txt"), encoding: .utf8)) ?? ""
                        return km15.split(separator: "\n").count >= 10
                    })
                try await serve.send("C-c")
                try await serve.waitFor(text: "serve exited with")
                #expect(
                    await eventually {
                        output().contains("km15 decoder (race-result 127.0.0.1:")
                            && output().contains("NOT CONNECTED at")
                    })
                try await capture.type("kill -TERM $pid; wait $pid; echo \"capture exited with $?\"")
                try await capture.send("Enter")
                try await capture.waitFor(text: "capture exited with 0")
            }
        }
    }
}
