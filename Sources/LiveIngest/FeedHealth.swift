import Foundation
import Snapshots
import TimingIngest

/// What the feed knows about itself: each read file's status, the
/// configuration's health and recent notices. A plain value; `LiveCore`
/// keeps it behind its lock.
struct FeedHealth {
    static let noticeLimit = 256

    private(set) var files: [FileStatus]
    private var position: [String: Int] = [:]
    private(set) var notices: [LiveNotice] = []
    private var nextSequence = 1
    private(set) var configError: String?
    private var configErrorSince: Date?
    /// Every bad row of the corrections journal (each skipped; the other rows apply).
    private(set) var journalProblems: [String] = []
    private var reloads = 0
    private var lastReload: Date?
    private(set) var linesDelivered = 0
    private var wasCaughtUp = false

    init(folder: EventFolder) {
        files = Self.statuses(of: folder, keeping: [])
        reindex()
        noteJournal(folder, at: Date())
    }

    var allCaughtUp: Bool { files.allSatisfy(\.caughtUp) }

    /// The highest line number of `path` now in the race state.
    func lastLine(of path: String) -> Int? { position[path].map { files[$0].lastLineNumber } }

    func status(isRunning: Bool) -> LiveStatus {
        LiveStatus(
            files: files, configError: configError, configErrorSince: configErrorSince,
            journalProblems: journalProblems, reloads: reloads, lastReload: lastReload, notices: notices,
            linesDelivered: linesDelivered, caughtUp: allCaughtUp, isRunning: isRunning)
    }

    /// Lines of these files are now in the race state.
    mutating func delivered(_ perFile: [String: (count: Int, last: Int)], total: Int, at now: Date) {
        linesDelivered += total
        for (path, delivered) in perFile {
            guard let i = position[path] else { continue }
            files[i].lines += delivered.count
            files[i].lastLineNumber = max(files[i].lastLineNumber, delivered.last)
            files[i].lastLineAt = now
            if files[i].condition == .starting { files[i].condition = .following }
        }
    }

    mutating func record(_ notice: TailNotice, path: String, at now: Date) {
        guard let i = position[path] else { return }
        files[i].lastNotice = notice
        files[i].lastNoticeAt = now
        switch notice {
        case .waitingForFile: files[i].condition = .waitingForFile
        case .appeared, .truncated, .rotated: files[i].condition = .following
        case .unreadable(let reason): files[i].condition = .unreadable(reason: reason)
        case .deleted: files[i].condition = .deleted
        case .rotatedFileDone: break
        }
        addNotice(.file(path: path, notice), at: now)
    }

    /// Returns whether every file has now caught up.
    mutating func markCaughtUp(_ path: String, at now: Date) -> Bool {
        guard let i = position[path] else { return false }
        files[i].caughtUp = true
        if files[i].condition == .starting { files[i].condition = .following }
        return noteCatchUp(at: now)
    }

    /// A new configuration is in the race state: the file table follows it,
    /// keeping the status of files that remain. Returns whether every file
    /// has now caught up (removing the one file still catching up completes it).
    mutating func applied(_ folder: EventFolder, added: [String], removed: [String], at now: Date) -> Bool {
        files = Self.statuses(of: folder, keeping: files)
        reindex()
        reloads += 1
        lastReload = now
        configError = nil
        configErrorSince = nil
        noteJournal(folder, at: now)
        addNotice(.configReloaded(addedFiles: added, removedFiles: removed), at: now)
        return noteCatchUp(at: now)
    }

    /// An edit was loaded but changes nothing: only an earlier error is cleared.
    mutating func confirmedUnchanged(at now: Date) {
        guard configError != nil else { return }
        configError = nil
        configErrorSince = nil
        addNotice(.configReloaded(addedFiles: [], removedFiles: []), at: now)
    }

    mutating func rejected(_ error: String, at now: Date) {
        if configError == nil { configErrorSince = now }
        configError = error
        addNotice(.configRejected(error), at: now)
    }

    /// Bad rows of the corrections journal are not a refused edit: the other
    /// rows apply. Each is listed; fixing a row clears it.
    private mutating func noteJournal(_ folder: EventFolder, at now: Date) {
        journalProblems = folder.correctionProblems.map(\.description)
    }

    /// The first time every file has caught up, says so in a notice.
    private mutating func noteCatchUp(at now: Date) -> Bool {
        guard allCaughtUp else {
            wasCaughtUp = false
            return false
        }
        if !wasCaughtUp {
            wasCaughtUp = true
            addNotice(.caughtUp(files: files.count, lines: linesDelivered), at: now)
        }
        return true
    }

    private mutating func addNotice(_ kind: LiveNotice.Kind, at time: Date) {
        notices.append(LiveNotice(sequence: nextSequence, time: time, kind: kind))
        nextSequence += 1
        if notices.count > Self.noticeLimit { notices.removeFirst(notices.count - Self.noticeLimit) }
    }

    private mutating func reindex() {
        position = [:]
        for (i, file) in files.enumerated() { position[file.path] = i }
    }

    private static func statuses(of folder: EventFolder, keeping old: [FileStatus]) -> [FileStatus] {
        folder.readFiles.map { info in
            var status =
                old.first { $0.path == info.path }
                ?? FileStatus(
                    path: info.path, absolutePath: folder.absolutePath(of: info),
                    pointIndex: info.pointIndex, isBackup: info.isBackup)
            status.pointIndex = info.pointIndex
            status.isBackup = info.isBackup
            return status
        }
    }
}
