import Testing
@testable import RaceModel

/// Logs of runs of files read apart join into the log one reader makes:
/// reads moved into place in file order, the rest added up per file.
@Suite struct ReadLogJoinTests {
    static let files = (0..<5).map { ReadFileInfo(path: "reads/\($0).txt", pointIndex: $0 % 2, isBackup: false) }
    static let date = CivilDate(year: 2025, month: 4, day: 6)

    /// Lines of file `f`: reads whose codes are too long to be held inline
    /// (a moved string must be released once, by its new owner), a bad line,
    /// a blank one.
    static func record(file f: Int, into log: inout ReadLog) {
        // File 2 holds no read: a part with none joins too.
        for n in stride(from: 1, through: f == 2 ? 0 : 40 + f * 7, by: 1) {
            let code = "chip-\(f)-\(n)-" + String(repeating: "x", count: 30)
            log.record(
                .read(RawRead(code: code, date: nil, timeOfDay: 8 * 3_600_000 + n * 1000 + f, format: .manual)),
                file: f, line: n, eventDate: date, clockOffset: 0, text: "")
        }
        log.record(.malformed(reason: "bad \(f)"), file: f, line: 100, eventDate: date, clockOffset: 0, text: "x\(f)")
        log.record(.ignored, file: f, line: 101, eventDate: date, clockOffset: 0, text: "")
    }

    @Test(arguments: [[0..<5], [0..<1, 1..<5], [0..<2, 2..<3, 3..<5], [0..<1, 1..<2, 2..<3, 3..<4, 4..<5]])
    func joinedLogIsTheLogOneReaderMakes(runs: [Range<Int>]) {
        var one = ReadLog(files: Self.files)
        for f in Self.files.indices { Self.record(file: f, into: &one) }
        var parts: [ReadLog] = runs.map { run in
            var part = ReadLog(files: Self.files)
            for f in run { Self.record(file: f, into: &part) }
            return part
        }
        let joined = ReadLog(joining: &parts, files: runs)
        #expect(parts.isEmpty)
        #expect(joined.reads == one.reads)
        #expect(joined.reads.map(\.code) == one.reads.map(\.code))
        #expect(joined.problems == one.problems)
        #expect(joined.lineCounts == one.lineCounts)
        #expect(joined.ignoredCounts == one.ignoredCounts)
        #expect(joined.lastReadTimes == one.lastReadTimes)
        #expect(joined.reads.count == 40 + 47 + 61 + 68)
    }
}
