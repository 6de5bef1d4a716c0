import RaceModel
import RaceStore
import Snapshots
import TimingIngest

/// Race day: follows every read file `event.toml` names while the mats
/// append to them, and pushes each line into a `RaceState` as it is written.
/// Also follows edits of `event.toml` and `participants.csv`: a good edit is
/// applied (standings are recomputed from the raw reads), a bad one is
/// reported in `status()` and the race goes on with the configuration before it.
///
/// Lines already written when tailing starts (or a burst) reach the state in
/// batches; after that each line goes on its own as soon as it is complete.
///
/// The state should start empty (`RaceState(folder:)`): the feed reads every
/// file from its beginning. Call `stop()` when done; the tailing threads run
/// until then.
public final class LiveFeed: Sendable {
    public struct Options: Sendable {
        /// How the tailers learn of new lines (`.automatic`: inotify, and timed
        /// checks on network file systems).
        public var tailMode: TailMode
        /// Period of the tailers' timed checks, where they make them.
        public var tailPollInterval: Duration
        /// How often event.toml and participants.csv are looked at.
        public var configCheckInterval: Duration

        public init(
            tailMode: TailMode = .automatic, tailPollInterval: Duration = .milliseconds(250),
            configCheckInterval: Duration = .seconds(1)
        ) {
            self.tailMode = tailMode
            self.tailPollInterval = tailPollInterval
            self.configCheckInterval = configCheckInterval
        }
    }

    /// How many notices `status()` keeps.
    public static let noticeLimit = FeedHealth.noticeLimit

    public let state: RaceState
    public let folderPath: String
    private let folder: EventFolder
    private let options: Options
    private let core: LiveCore
    /// Taken at creation, so an edit made between loading the folder and
    /// `start()` is still seen.
    private let configSignature: [FileSignature?]

    public init(folder: EventFolder, state: RaceState, options: Options = Options()) {
        self.folder = folder
        self.state = state
        self.options = options
        folderPath = folder.path
        core = LiveCore(folder: folder)
        configSignature = ConfigWatcher(folderPath: folder.path, interval: options.configCheckInterval, core: core)
            .signature()
    }

    /// Starts tailing and watching the configuration. Once only; a feed that
    /// was stopped does not start again.
    public func start() {
        guard core.claimStart() else { return }
        let pump = LivePump(folder: folder, state: state, core: core, options: options)
        core.keep(Task { await pump.run() })
        let watcher = ConfigWatcher(folderPath: folderPath, interval: options.configCheckInterval, core: core)
        let signature = configSignature
        core.keep(Task { await watcher.run(from: signature) })
    }

    /// Stops the tailers and the watcher and waits for them. Lines not yet in
    /// the state are dropped; waiters get `false`; `updates()` streams end.
    public func stop() async {
        let (tailers, tasks) = core.beginStop()
        for tailer in tailers { tailer.stop() }
        for task in tasks {
            task.cancel()
            await task.value
        }
    }

    /// Per-file status, the configuration's health and recent notices.
    public func status() -> LiveStatus { core.status() }

    /// Yields after the state or the status changed (coalesced: a slow reader
    /// gets one wake-up for many changes). Ends when the feed stops.
    public func updates() -> AsyncStream<Void> { core.updates.subscribe() }

    /// Returns once every file has handed everything it held at the start to
    /// the state (true), or when the feed stops first (false).
    @discardableResult
    public func waitUntilCaughtUp() async -> Bool { await core.waitUntilCaughtUp() }

    /// Returns once line `lineNumber` of `path` (as in event.toml, numbered as
    /// `TailEvent` numbers them) is in the state (true), or when the feed stops
    /// first (false). For measuring latency and for tests.
    @discardableResult
    public func waitForLine(_ lineNumber: Int, ofFile path: String) async -> Bool {
        await core.waitForLine(lineNumber, of: path)
    }
}
