import Foundation
import RaceModel
import RaceStore
import Snapshots
import TimingIngest

/// The committed sample feed `sample-feeds/pyongyang-2025` (1,000 runners,
/// planted faults) and the racedash binary `swift test` built next to the tests.
public enum SampleFeed {
    /// The repository root.
    public static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/TestSupport/SampleFeed.swift
        return parts.joined(separator: "/")
    }()
    public static let relativePath = "sample-feeds/pyongyang-2025"
    public static let path = root + "/" + relativePath
    /// `racedash results --format csv` of the whole feed, checked in: any change
    /// to parsing or timing rules that moves a place or a time shows against it.
    public static let expectedCSVPath = root + "/Tests/TestSupport/Expected/pyongyang-2025.csv"

    public static func folder() throws -> EventFolder { try EventFolder.load(path) }

    /// A fresh state over the whole feed, as `racedash results` builds it.
    public static func state() throws -> RaceState {
        let folder = try folder()
        let (log, _) = try ReadLogLoader.load(folder)
        return RaceState(folder: folder, log: log)
    }

    public static func clock(_ text: String) -> Millis { TimeFormat.parseClock(text)! }

    public static func snapshot(at clock: String) async throws -> RaceSnapshot {
        try await state().snapshot(at: Self.clock(clock))
    }

    /// The binary sits beside the test runner in the build directory in use
    /// (`.build/<triple>/debug`, or another with --scratch-path); `.build/debug`
    /// as a fallback for runners started some other way.
    public static func racedashBinary() -> String? {
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
