import ResultsReport
import Snapshots

/// Headless lines about the feed itself (files, configuration), beside the
/// race lines `HeadlessPrinter` writes.
enum LiveStatusLines {
    /// The race summary, then what is wrong with the feed.
    static func summary(_ snapshot: RaceSnapshot, status: LiveStatus) -> [String] {
        var out = HeadlessPrinter.summary(snapshot)
        let troubled = status.files.filter { $0.condition != .following }
        if !troubled.isEmpty {
            out.append(
                HeadlessPrinter.sanitized(
                    "SUMMARY files: " + troubled.map { "\($0.path) \(describe($0.condition))" }.joined(separator: ", "))
            )
        }
        if let error = status.configError {
            out.append(HeadlessPrinter.sanitized("SUMMARY config: \(error); still using the previous configuration"))
        }
        for problem in status.journalProblems {
            out.append(HeadlessPrinter.sanitized("SUMMARY corrections: \(problem)"))
        }
        return out
    }

    static func noticeLine(_ notice: LiveNotice) -> String? {
        switch notice.kind {
        case .file: return HeadlessPrinter.sanitized("FILE \(notice)")
        case .configReloaded: return HeadlessPrinter.sanitized("CONFIG \(notice)")
        case .configRejected: return HeadlessPrinter.sanitized("CONFIG ERROR \(notice)")
        case .caughtUp: return nil  // the printer writes its own line with the counts
        }
    }

    static func describe(_ condition: FileCondition) -> String {
        switch condition {
        case .starting: return "starting"
        case .following: return "following"
        case .waitingForFile: return "waiting for the file"
        case .deleted: return "deleted"
        case .unreadable(let reason): return "unreadable (\(reason))"
        }
    }
}
