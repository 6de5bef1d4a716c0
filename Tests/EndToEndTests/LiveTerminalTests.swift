import TestSupport
import Foundation
import Testing

/// The built `racedash live` in a real terminal, following a folder while
/// reads are appended to it: each read reaches the screen.
@Suite(
    .serialized, .timeLimit(.minutes(5)),
    .enabled(if: TmuxPane.isAvailable, "tmux is not installed: the terminal end-to-end tests need it (CI installs it)"))
struct LiveTerminalTests {
    /// A copy of the sample event with empty read files: race morning.
    func raceMorningFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("racedash-live-e2e-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir + "/reads", withIntermediateDirectories: true)
        for name in ["event.toml", "participants.csv"] {
            try FileManager.default.copyItem(atPath: SampleFeed.path + "/" + name, toPath: dir + "/" + name)
        }
        return dir
    }

    func append(_ line: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
    }

    @Test func readsAppendedForANamedRunnerAppearOnScreen() async throws {
        let binary = try #require(SampleFeed.racedashBinary(), "racedash was not built next to the tests")
        let dir = try raceMorningFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The stadium mat's file exists but is empty; km5's does not exist yet.
        #expect(FileManager.default.createFile(atPath: dir + "/reads/stadium-main.txt", contents: nil))

        try await TmuxPane.withPane(name: "live", directory: dir) { pane in
            try await pane.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
            try await pane.type("'\(binary)' live .; echo \"racedash exited with $?\"")
            try await pane.send("Enter")
            try await pane.waitFor(text: "LIVE")

            // Bib 9, Abebe Legese, crosses the start mat (hand-timing line in the main file).
            try append("9,08:00:05.000", to: dir + "/reads/stadium-main.txt")
            try await pane.waitFor("bib 9 on the start mat") { screen in
                screen.lines.contains { $0.contains("Abebe Legese") && $0.contains("start") && $0.contains("0:00:05") }
            }
            // Then the 5 km mat writes its first line into a file that did not exist when live started.
            try "9,08:14:57.500\n".write(toFile: dir + "/reads/km05.txt", atomically: false, encoding: .utf8)
            // 14:52.5 after the gun is published as 0:14:58 (a non-zero tenth goes up, TR 19.24).
            try await pane.waitFor("bib 9 at 5K") { screen in
                screen.lines.contains { $0.contains("Abebe Legese") && $0.contains("5K") && $0.contains("0:14:58") }
            }
            // A garbage line shows as an alert with its file and line.
            try append("garbage from a rebooting decoder", to: dir + "/reads/stadium-main.txt")
            try await pane.waitFor(text: "stadium-main.txt:2: not a known read format")

            try await pane.send("q")
            try await pane.waitFor(text: "racedash exited with 0")
        }
    }

    /// A copy of the whole sample event, read files included.
    func sampleCopy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("racedash-feed-e2e-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.copyItem(atPath: SampleFeed.path, toPath: dir)
        return dir
    }

    @Test func aDeletedAndATruncatedReadFileShowWithNoKeyPressed() async throws {
        let binary = try #require(SampleFeed.racedashBinary(), "racedash was not built next to the tests")
        let dir = try sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: dir) }

        // Wide enough for both problems on the ticker line.
        try await TmuxPane.withPane(name: "feed", width: 220, height: 30, directory: dir) { pane in
            try await pane.waitFor("the shell prompt") { $0.lines.contains { $0.hasPrefix("$") } }
            try await pane.type("'\(binary)' live .; echo \"racedash exited with $?\"")
            try await pane.send("Enter")
            // Every file read: the last finisher is on the elite view's clock.
            try await pane.waitFor(text: "LIVE")
            try await pane.waitFor(text: "Finished 351")

            // From here on no key is pressed until q: the screen must follow the files on its own.
            try FileManager.default.removeItem(atPath: dir + "/reads/km20.txt")
            try await pane.waitFor("km20.txt reported deleted in the ticker") { screen in
                screen.lines.contains { $0.contains("FEED") && $0.contains("reads/km20.txt was deleted") }
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/reads/km10.txt"))
            try handle.truncate(atOffset: 0)
            try handle.close()
            try await pane.waitFor("km10.txt reported truncated beside the deleted km20.txt") { screen in
                screen.lines.contains {
                    $0.contains("FEED 2:") && $0.contains("reads/km20.txt was deleted")
                        && $0.contains("reads/km10.txt was truncated")
                }
            }

            try await pane.send("q")
            try await pane.waitFor(text: "racedash exited with 0")
        }
    }
}
