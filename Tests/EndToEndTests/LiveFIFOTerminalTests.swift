import Foundation
import TestSupport
import Testing

/// The built `racedash live --headless` with event.toml replaced by a FIFO
/// mid-race: the reload is refused at once (nothing blocks on the FIFO), and
/// SIGTERM still stops it cleanly.
@Suite(
    .timeLimit(.minutes(5)),
    .enabled(if: TmuxPane.isAvailable, "tmux is not installed: the terminal end-to-end tests need it (CI installs it)"))
struct LiveFIFOTerminalTests {
    func output(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// The output is a file the program writes; nothing signals a new line in it.
    func waitFor(_ what: String, in path: String, _ done: (String) -> Bool) async throws {
        guard await eventually({ done(output(path)) }) else {
            Issue.record("no \(what); output: \(output(path).suffix(2000))")
            throw CancellationError()
        }
    }

    @Test func aFIFOConfigBlocksNeitherReloadNorSIGTERM() async throws {
        let binary = try #require(SampleFeed.racedashBinary(), "racedash was not built next to the tests")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("racedash-fifo-e2e-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir + "/reads", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["event.toml", "participants.csv"] {
            try FileManager.default.copyItem(atPath: SampleFeed.path + "/" + name, toPath: dir + "/" + name)
        }
        let out = dir + "/out.txt"

        try await TmuxPane.withPane(name: "fifo", directory: dir) { pane in
            try await pane.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
            try await pane.type("'\(binary)' live --headless . > out.txt 2>&1 & pid=$!")
            try await pane.send("Enter")
            try await waitFor("CAUGHT UP", in: out) { $0.contains("CAUGHT UP") }

            try FileManager.default.removeItem(atPath: dir + "/event.toml")
            #expect(mkfifo(dir + "/event.toml", 0o600) == 0)
            try await waitFor("the refused reload", in: out) {
                $0.contains("CONFIG ERROR") && $0.contains("is a FIFO, not a regular file")
            }

            // Reads still count while the config is broken.
            try "9,08:00:05.000\n".write(toFile: dir + "/reads/stadium-main.txt", atomically: false, encoding: .utf8)
            try await waitFor("bib 9's start", in: out) { $0.contains("bib 9 Abebe Legese") }

            try await pane.type("kill -TERM $pid; wait $pid; echo \"racedash exited with $?\"")
            try await pane.send("Enter")
            try await pane.waitFor(text: "racedash exited with 0")
            #expect(output(out).hasSuffix("STOPPED\n"))
        }
    }
}
