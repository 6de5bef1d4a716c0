import Foundation
import RaceModel
import RaceStore
import Snapshots
import TimingIngest

/// What a followed read file is doing now, for the feed panel and the alerts.
public enum FileCondition: Sendable, Equatable {
    /// Tailing has started; the file has not been looked at yet.
    case starting
    /// The file is open and its lines are being read.
    case following
    /// Nothing at the path yet (a mat that has not written anything).
    case waitingForFile
    /// The file was deleted; a new one at the path will be read.
    case deleted
    /// The path exists but cannot be read; retried until it can.
    case unreadable(reason: String)
}

/// One read file named by `event.toml`, as the live feed sees it.
public struct FileStatus: Sendable, Equatable {
    /// As written in `event.toml`.
    public var path: String
    public var absolutePath: String
    public var pointIndex: Int
    public var isBackup: Bool
    public var condition: FileCondition
    /// Everything the file held when tailing started is in the race state.
    public var caughtUp: Bool
    /// Lines handed to the race state (blank and comment lines included).
    public var lines: Int
    /// Lines handed over by the file's current tailer, counting on across
    /// truncation and rotation (where the file's own line numbers start over).
    public var lastLineNumber: Int
    /// Wall-clock time the newest line reached the race state.
    public var lastLineAt: Date?
    /// The latest thing that happened to the file itself, and when.
    public var lastNotice: TailNotice?
    public var lastNoticeAt: Date?

    public init(path: String, absolutePath: String, pointIndex: Int, isBackup: Bool) {
        self.path = path
        self.absolutePath = absolutePath
        self.pointIndex = pointIndex
        self.isBackup = isBackup
        condition = .starting
        caughtUp = false
        lines = 0
        lastLineNumber = 0
    }
}

/// Something the feed reports once, in order: for alerts and headless output.
public struct LiveNotice: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A read file was truncated, rotated, deleted, ... (`path` as in event.toml).
        case file(path: String, TailNotice)
        /// Every read file has delivered what it held when tailing started.
        case caughtUp(files: Int, lines: Int)
        /// An edited event.toml or participants.csv was loaded and applied.
        case configReloaded(addedFiles: [String], removedFiles: [String])
        /// An edit could not be loaded: the previous configuration stays in use.
        case configRejected(String)
    }

    /// Increases by one per notice, so a reader can tell which ones it has seen.
    public var sequence: Int
    public var time: Date
    public var kind: Kind

    public init(sequence: Int, time: Date, kind: Kind) {
        self.sequence = sequence
        self.time = time
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .file(let path, let notice): return "\(path): \(Self.text(of: notice))"
        case .caughtUp(let files, let lines):
            return "caught up: \(lines) lines already written in \(files) read file\(files == 1 ? "" : "s")"
        case .configReloaded(let added, let removed):
            var text = "configuration reloaded; standings recomputed"
            if !added.isEmpty { text += "; now following \(added.joined(separator: ", "))" }
            if !removed.isEmpty { text += "; no longer following \(removed.joined(separator: ", "))" }
            return text
        case .configRejected(let error):
            return "\(error); still using the previous configuration"
        }
    }

    static func text(of notice: TailNotice) -> String {
        switch notice {
        case .waitingForFile: return "no file yet; waiting for it"
        case .appeared: return "file appeared; reading it"
        case .truncated: return "truncated (copy-truncate); reading from its start"
        case .rotated:
            return "replaced by a new file (rotated); reading the new one, and the old one until its writer is done"
        case .rotatedFileDone(writerClosed: true):
            return "the rotated-away file was closed by its writer and read to its end"
        case .rotatedFileDone(writerClosed: false):
            return "gave up reading the rotated-away file (no write to it for a while); later writes to it are not read"
        case .unreadable(let reason): return "cannot be read: \(reason); retrying"
        case .deleted: return "deleted; waiting for a new file"
        }
    }
}

/// The live feed at one moment: per-file status and the configuration's health.
public struct LiveStatus: Sendable {
    /// In the order of `event.toml` (main line first within a point).
    public var files: [FileStatus]
    /// The last edit of event.toml or participants.csv could not be loaded;
    /// the race goes on with the configuration before it.
    public var configError: String?
    public var configErrorSince: Date?
    /// Every bad row of the corrections journal, with file and line: each is
    /// skipped, the other rows apply.
    public var journalProblems: [String]
    /// Edits applied since the feed started.
    public var reloads: Int
    public var lastReload: Date?
    /// The most recent notices, oldest first (at most `LiveFeed.noticeLimit`).
    public var notices: [LiveNotice]
    /// Lines handed to the race state over all files.
    public var linesDelivered: Int
    /// Every file has delivered what it held when its tailing started.
    public var caughtUp: Bool
    public var isRunning: Bool

    public init(
        files: [FileStatus] = [], configError: String? = nil, configErrorSince: Date? = nil,
        journalProblems: [String] = [], reloads: Int = 0, lastReload: Date? = nil, notices: [LiveNotice] = [],
        linesDelivered: Int = 0, caughtUp: Bool = false, isRunning: Bool = false
    ) {
        self.files = files
        self.configError = configError
        self.configErrorSince = configErrorSince
        self.journalProblems = journalProblems
        self.reloads = reloads
        self.lastReload = lastReload
        self.notices = notices
        self.linesDelivered = linesDelivered
        self.caughtUp = caughtUp
        self.isRunning = isRunning
    }
}
