import Foundation
import TestSupport
import Testing

/// The whole chain on a real terminal: `racedash simulate --serve` plays a race
/// as decoders on loopback in one tmux pane, `racedash live` captures them in
/// another, and the checkpoints view lists the decoders with their passings;
/// when the emulators stop, the decoders show as not connected.
@Suite(.serialized, .timeLimit(.minutes(5)), .enabled(if: TmuxPane.isAvailable, "tmux is not installed: the terminal end-to-end tests need it (CI installs it)"))
struct DecoderTerminalTests {
    @Test func passingsArriveOverTheNetworkAndAStoppedDecoderIsMarked() async throws {
        let binary = try #require(SampleFeed.racedashBinary(), "racedash was not built next to the tests")
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let dir = scratch.file("race")

        try await TmuxPane.withPane(name: "serve", directory: scratch.path) { serve in
            try await serve.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
            try await serve.type("'\(binary)' simulate --serve --out race --runners 200 --speed 100; echo \"serve exited with $?\"")
            try await serve.send("Enter")
            try await serve.waitFor(text: "RACE RESULT decoder on 127.0.0.1:")
            try await TmuxPane.withPane(name: "capture", width: 120, height: 50, directory: dir) { live in
                try await live.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
                try await live.type("'\(binary)' live .; echo \"racedash exited with $?\"")
                try await live.send("Enter")
                try await live.send("3")
                try await live.waitFor("passings arriving at the 15 km decoder") { screen in
                    screen.lines.contains { $0.contains("km15 race-result 127.0.0.1:") && $0.contains("connected since") && !$0.contains(" 0 passings") }
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
}
