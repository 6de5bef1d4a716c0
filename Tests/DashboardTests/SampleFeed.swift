import RaceModel
import RaceState
import TimingIngest

/// The committed synthetic feed `sample-feeds/pyongyang-2025` (1,000 runners, planted faults).
enum SampleFeed {
    static let path: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/DashboardTests/SampleFeed.swift
        return parts.joined(separator: "/") + "/sample-feeds/pyongyang-2025"
    }()

    static func state() throws -> RaceState {
        let folder = try EventFolder.load(path)
        let (log, _) = try ReadLogLoader.load(folder)
        return RaceState(folder: folder, log: log)
    }

    static func snapshot(at clock: String) async throws -> RaceSnapshot {
        try await state().snapshot(at: TimeFormat.parseClock(clock)!)
    }
}
