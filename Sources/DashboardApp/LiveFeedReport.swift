import Dashboard
import Foundation
import LiveIngest
import TimingIngest
import RaceModel

extension FeedWatch {
    /// The dashboard's view of a running live feed; times of day in the
    /// event's UTC offset.
    public init(_ feed: LiveFeed, utcOffsetMinutes: Int) {
        self.init(
            changes: { feed.updates() },
            report: { FeedReport(feed.status(), utcOffsetMinutes: utcOffsetMinutes) })
    }
}

extension FeedReport {
    /// Problems, most urgent first: a refused config edit, then each file
    /// that is deleted or unreadable, or was truncated or rotated (a one-off
    /// event, kept with its time so the official can acknowledge it).
    public init(_ status: LiveStatus, utcOffsetMinutes: Int, fileSize: (String) -> Int? = Self.fileSize) {
        var problems: [String] = []
        if let error = status.configError {
            problems.append("config edit not loaded, previous config in use: \(error)")
        }
        problems += status.journalProblems
        var files: [FeedFileLine] = []
        for file in status.files {
            let when = file.lastNoticeAt.map { Self.timeOfDay($0, utcOffsetMinutes: utcOffsetMinutes) }
            let at = when.map { " at " + $0 } ?? ""
            let since = when.map { " " + $0 } ?? ""
            var state = "following"
            var problem: String?
            switch file.condition {
            case .starting: state = "starting"
            case .waitingForFile: state = "no file yet"
            case .deleted:
                state = "DELETED" + since
                problem = "\(file.path) was deleted\(at); waiting for a new one"
            case .unreadable(let reason):
                state = "UNREADABLE" + since
                problem = "\(file.path) cannot be read\(at): \(reason)"
            case .following:
                if file.lastNotice == .truncated {
                    state = "TRUNCATED" + since
                    problem = "\(file.path) was truncated\(at); reading it again from its start"
                } else if file.lastNotice == .rotated {
                    state = "ROTATED" + since
                    problem = "\(file.path) was replaced (rotated)\(at); reading the new file"
                }
            }
            if let problem { problems.append(problem) }
            files.append(
                FeedFileLine(
                    path: file.path, bytes: fileSize(file.absolutePath), lines: file.lines,
                    lastLineAt: file.lastLineAt.map { Int(($0.timeIntervalSince1970 * 1000).rounded(.down)) },
                    state: state, isProblem: problem != nil))
        }
        // A file not there, deleted or unreadable has nothing to catch up on.
        let reading = status.files.filter {
            switch $0.condition {
            case .starting, .following: return true
            case .waitingForFile, .deleted, .unreadable: return false
            }
        }
        let done = reading.filter(\.caughtUp).count
        self.init(
            problems: problems, files: files,
            catchingUp: done < reading.count ? FeedStatus.CatchUp(done: done, of: reading.count) : nil)
    }

    public static func fileSize(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    static func timeOfDay(_ date: Date, utcOffsetMinutes: Int) -> String {
        let unix = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        return TimeFormat.timeOfDay(FeedFileLine.timeOfDay(unixMillis: unix, utcOffsetMinutes: utcOffsetMinutes))
    }
}
