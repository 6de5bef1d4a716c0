import Foundation
import RaceModel
import TimingIngest
import RaceStore
import LiveIngest
import Snapshots

/// A running feed on a test folder, with fast config checks.
public struct LiveRun: Sendable {
    public let folder: EventFolder
    public let state: RaceState
    public let feed: LiveFeed

    public init(_ event: LiveEventFolder, mode: TailMode = .automatic) throws {
        folder = try event.load()
        state = RaceState(folder: folder)
        feed = LiveFeed(
            folder: folder, state: state,
            options: LiveFeed.Options(
                tailMode: mode, tailPollInterval: .milliseconds(20),
                configCheckInterval: .milliseconds(50)))
        feed.start()
    }

    public func file(_ path: String) -> FileStatus? { feed.status().files.first { $0.path == path } }
}
