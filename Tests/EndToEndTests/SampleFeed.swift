import Foundation
import RaceModel
import RaceState
import TimingIngest

/// The committed sample feed and the racedash binary `swift test` built next to the tests.
enum SampleFeed {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/EndToEndTests/SampleFeed.swift
        return parts.joined(separator: "/")
    }()
    static let relativePath = "sample-feeds/pyongyang-2025"
    static let path = root + "/" + relativePath

    static func folder() throws -> EventFolder { try EventFolder.load(path) }

    /// A fresh state over the whole feed, as `racedash results` builds it.
    static func state() throws -> RaceState {
        let folder = try folder()
        let (log, _) = try ReadLogLoader.load(folder)
        return RaceState(folder: folder, log: log)
    }

    static func clock(_ text: String) -> Millis { TimeFormat.parseClock(text)! }

    /// The binary sits beside the test runner in the build directory in use
    /// (`.build/<triple>/debug`, or another with --scratch-path); `.build/debug`
    /// as a fallback for runners started some other way.
    static func racedashBinary() -> String? {
        var dirs: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dirs.append((exe as NSString).deletingLastPathComponent)
        }
        if let first = CommandLine.arguments.first {
            dirs.append(((first as NSString).standardizingPath as NSString).deletingLastPathComponent)
        }
        dirs += [root + "/.build/debug", root + "/.build/release"]
        return dirs.map { $0 + "/racedash" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
