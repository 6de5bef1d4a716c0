import Testing
@testable import LiveIngest
import RaceStore
import Snapshots
import TestSupport

@Suite struct LiveProblemsTests {
    func file(_ path: String, _ condition: FileCondition) -> FileStatus {
        var f = FileStatus(path: path, absolutePath: "/ev/" + path, pointIndex: 0, isBackup: false)
        f.condition = condition
        return f
    }

    @Test func configErrorFirstThenUnreadableAndDeletedFiles() {
        let status = LiveStatus(
            files: [
                file("reads/km5.txt", .following),
                file("reads/km10.txt", .unreadable(reason: "Permission denied")),
                file("reads/km15.txt", .waitingForFile),
                file("reads/km20.txt", .deleted),
            ], configError: "event.toml: not valid TOML")
        #expect(
            status.problems == [
                "config edit not loaded, previous config in use: event.toml: not valid TOML",
                "reads/km10.txt cannot be read: Permission denied",
                "reads/km20.txt was deleted; waiting for a new one",
            ])
    }

    @Test func aFileNotWrittenYetIsNoProblem() {
        #expect(
            LiveStatus(files: [file("reads/km5.txt", .waitingForFile), file("reads/km10.txt", .starting)]).problems
                .isEmpty)
    }
}
