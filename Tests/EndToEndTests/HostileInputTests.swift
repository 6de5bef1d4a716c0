import Foundation
import TestSupport
import Testing

/// `racedash check` and `results` given what a careless or malicious hand
/// writes: a value that would overflow, a read file over the line limit, a
/// path outside the folder, escape sequences. Each ends in exit 1 and one
/// line naming file, key and limit (no backtrace), or in output that holds
/// no control character.
@Suite struct HostileInputTests {
    /// A copy of the sample feed in a temporary folder, to spoil.
    final class Copy {
        let root = NSTemporaryDirectory() + "racedash-hostile-\(UUID().uuidString)"
        var event: String { root + "/ev" }

        init() throws {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
            try FileManager.default.copyItem(atPath: SampleFeed.path, toPath: event)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func edit(_ name: String, _ change: (String) -> String) throws {
            let path = event + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit changed nothing in \(name)")
            try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        }

        func replace(_ name: String, _ target: String, with replacement: String) throws {
            try edit(name) { $0.replacingOccurrences(of: target, with: replacement) }
        }

        func run(_ arguments: [String]) async throws -> Subprocess.Result {
            let binary = try #require(SampleFeed.racedashBinary(), "racedash was not built next to the tests")
            return try await Subprocess.run(binary, arguments)
        }
    }

    /// Exit 1, nothing on stdout, and exactly one line on stderr holding `fragment`.
    func expectOneLineError(
        _ copy: Copy, _ command: String, _ fragment: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let result = try await copy.run([command, copy.event])
        #expect(result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr.prefix(2000))", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "\(result.stderr.prefix(500))", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (
            "start_allowance = 3600", "start_allowance = 1e20",
            "rules: 'start_allowance' = 1e+20 is out of range: it must be 0 to 86400 seconds"
        ),
        (
            "start_allowance = 3600", "start_allowance = 9223372036854775807",
            "rules: 'start_allowance' = 9223372036854775807 is out of range"
        ),
        (
            "duplicate_window = 60", "duplicate_window = 1e20",
            "rules: 'duplicate_window' = 1e+20 is out of range: it must be 0 to 3600 seconds"
        ),
        (
            "clock_offset = 1.5", "clock_offset = 1e20",
            "points[6]: 'clock_offset' = 1e+20 is out of range: it must be -86400 to 86400 seconds"
        ),
        ("clock_offset = 1.5", "clock_offset = -1e16", "points[6]: 'clock_offset' = -1e+16 is out of range"),
        ("km = 42.195 }", "km = 1e308 }", "'km' = 1e+308 is out of range: it must be 0 to 5000 km"),
        ("km = 5 }", "km = 1e-300 }", "checkpoint '5K' at km 1e-300 must be at km 0 or at least 1 m from the start"),
    ])
    func numbersThatWouldOverflowStopWithOneLine(target: String, replacement: String, message: String) async throws {
        let copy = try Copy()
        try copy.edit("event.toml") { text in
            guard let range = text.range(of: target) else { return text }
            return text.replacingCharacters(in: range, with: replacement)
        }
        try await expectOneLineError(copy, "check", message)
        try await expectOneLineError(copy, "results", "/ev/event.toml: ")
    }

    @Test func aReadFileOverTheLineLimitStopsWithOneLine() async throws {
        let copy = try Copy()
        try copy.edit("event.toml") { $0 + "\n[limits]\nlines_per_file = 100\n" }
        try await expectOneLineError(
            copy, "check",
            "ev/reads/stadium-main.txt: has more than 100 lines (limits.lines_per_file = 100 in event.toml)")
    }

    @Test func readFilesOutsideTheFolderAreRefused() async throws {
        for path in ["../../../../etc/shadow", "/etc/passwd", "/proc/self/environ"] {
            let copy = try Copy()
            try copy.replace("event.toml", "\"reads/km05.txt\"", with: "\"\(path)\"")
            try await expectOneLineError(copy, "check", "read file '\(path)'")
        }
    }

    @Test func escapeSequencesNeverReachTheTerminal() async throws {
        let copy = try Copy()
        try copy.replace(
            "event.toml", "name = \"Pyongyang Marathon 2025\"",
            with: "name = \"Evil\\u001b]0;owned\\u0007\\u001b[2J Marathon\\u009b31m\"")
        try copy.edit("reads/km10.txt") {
            $0 + "CT01_13,9,KM10,\u{1B}]0;title\u{07}\u{1B}[2J\u{1B}[31m,08:30:11.73,1,A143CC,4\n"
        }
        try copy.replace("participants.csv", ",UGA,", with: ",\u{1B}[31mUGA\u{202E},")
        for arguments in [
            ["check", copy.event], ["results", copy.event], ["results", copy.event, "--format", "csv"],
        ] {
            let result = try await copy.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let controls = result.stdout.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
                    || (0x202A...0x202E).contains($0.value)
            }
            #expect(controls.isEmpty, "\(arguments) printed \(controls.map { String($0.value, radix: 16) })")
        }
        let json = try await copy.run(["results", copy.event, "--format", "json"])
        #expect(!json.stdout.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(json.stdout.contains("\\u009b31m"))
        #expect(json.stdout.contains("\\u202e"))

        // Control bytes in participants.csv reach an error message as replacements.
        try copy.replace("participants.csv", "\n2,", with: "\n1\u{1B}[2J,")
        try copy.replace("participants.csv", "\n3,", with: "\n1\u{1B}[2J,")
        let error = try await copy.run(["check", copy.event])
        #expect(error.status == 1)
        #expect(error.stderr.contains("duplicate bib 1\u{FFFD}[2J"), "\(error.stderr)")
    }

    @Test func everyTableColumnIsCapped() async throws {
        let copy = try Copy()
        try copy.replace("participants.csv", ",UGA,", with: "," + String(repeating: "U", count: 10_000) + ",")
        let result = try await copy.run(["results", copy.event])
        #expect(result.status == 0)
        let widest = result.stdout.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest < 250, "a row is \(widest) characters wide")
    }
}
