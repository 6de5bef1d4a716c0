import Testing

@testable import RaceModel

/// A read's point, backup flag and dated flag share 16 bits: each reads back
/// as it was set, and setting one leaves the others as they were.
@Suite("Timed read")
struct TimedReadTests {
    let ref = LineRef(file: 3, line: 9)

    @Test func pointAndBackupFlagReadBackAsGivenAtEitherEnd() {
        for point in [0, 1, 4_095, TimedRead.maxPoints - 1] {
            for backup in [false, true] {
                for dated in [false, true] {
                    let read = TimedRead(
                        code: "c", time: 5, point: point, isBackup: backup, ref: ref, sequence: 7, isDated: dated)
                    #expect(read.point == Int32(point))
                    #expect(read.isBackup == backup && read.isDated == dated)
                    #expect(read.ref == ref && read.time == 5 && read.sequence == 7 && read.code == "c")
                }
            }
        }
    }

    @Test func settingOneLeavesTheOther() {
        var read = TimedRead(code: "c", time: 5, point: 2, isBackup: true, ref: ref)
        read.point = Int32(TimedRead.maxPoints - 1)
        #expect(read.isBackup)
        read.isBackup = false
        #expect(read.point == Int32(TimedRead.maxPoints - 1))
        read.point = 0
        #expect(!read.isBackup && read.point == 0)
        #expect(read != TimedRead(code: "c", time: 5, point: 0, isBackup: true, ref: ref))
        read.isDated = true
        read.point = Int32(TimedRead.maxPoints - 1)
        #expect(read.isDated && !read.isBackup)
        read.isBackup = true
        read.isDated = false
        #expect(read.isBackup && read.point == Int32(TimedRead.maxPoints - 1))
    }

    @Test func aReadTakesFortyBytes() {
        #expect(MemoryLayout<TimedRead>.stride == 40)
    }

    /// The span of a big run of reads, found a part per core, is the one a
    /// single pass finds, wherever in the run its ends lie.
    @Test(arguments: [0, 1, 20_000, 39_999])
    func aLogsTimeSpanIsItsEarliestAndLatestRead(extremesAt at: Int) {
        var numbers = SeededNumbers(seed: 3)
        var times = (0..<40_000).map { _ in Millis(numbers.next(below: 1_000_000)) + 10 }
        times[at] = 5
        times[39_999 - at] = 2_000_000
        let reads = times.map { TimedRead(code: "c", time: $0, point: 0, isBackup: false, ref: ref) }
        let span = ReadLog.timeSpan(of: reads[...])
        #expect(span?.start == 5 && span?.end == 2_000_000)
        #expect(ReadLog.timeSpan(of: reads[at..<(at + 1)]).map { [$0.start, $0.end] } == [5, 5])
        #expect(ReadLog.timeSpan(of: reads[0..<0]) == nil)
    }
}
