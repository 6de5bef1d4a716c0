import Foundation
import ScreenGrid
import TestSupport
import Testing

/// Whole screens checked in as text, one file per screen in `Goldens/`: the
/// rows as the terminal shows them, trailing spaces trimmed. A failure lists
/// each row that differs. `RACEDASH_UPDATE_GOLDENS=1` rewrites the files
/// from what the renderer draws now (see Goldens/README.md).
enum GoldenScreen {
    static let folder = SampleFeed.root + "/Tests/DashboardTests/Goldens"
    static let updateVariable = "RACEDASH_UPDATE_GOLDENS"
    static var updating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

    static func check(_ frame: Frame, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = "\(folder)/\(name).txt"
        let actual = frame.lines
        if updating {
            try (actual.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record(
                "no golden screen \(name).txt: run `\(updateVariable)=1 swift test --filter GoldenScreenTests`",
                sourceLocation: sourceLocation)
            return
        }
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        if let diff = difference(expected: expected, actual: actual) {
            Issue.record(
                """
                \(name) differs from Goldens/\(name).txt:
                \(diff)
                If the new screen is right: \(updateVariable)=1 swift test --filter GoldenScreenTests
                """, sourceLocation: sourceLocation)
        }
    }

    /// Each differing row as a pair of lines, nil when equal.
    static func difference(expected: [String], actual: [String]) -> String? {
        var out: [String] = []
        if expected.count != actual.count { out.append("  \(expected.count) rows expected, \(actual.count) drawn") }
        for row in 0..<max(expected.count, actual.count) {
            let e = row < expected.count ? expected[row] : nil
            let a = row < actual.count ? actual[row] : nil
            guard e != a else { continue }
            out.append("  row \(row + 1)")
            out.append("    expected |\(e ?? "(none)")")
            out.append("    drawn    |\(a ?? "(none)")")
        }
        return out.isEmpty ? nil : out.joined(separator: "\n")
    }
}
