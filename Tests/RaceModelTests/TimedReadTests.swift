import Testing

@testable import RaceModel

/// A read's point and backup flag share 16 bits: each reads back as it was
/// set, and setting one leaves the other as it was.
@Suite("Timed read")
struct TimedReadTests {
    let ref = LineRef(file: 3, line: 9)

    @Test func pointAndBackupFlagReadBackAsGivenAtEitherEnd() {
        for point in [0, 1, 4_095, TimedRead.maxPoints - 1] {
            for backup in [false, true] {
                let read = TimedRead(code: "c", time: 5, point: point, isBackup: backup, ref: ref, sequence: 7)
                #expect(read.point == Int32(point))
                #expect(read.isBackup == backup)
                #expect(read.ref == ref && read.time == 5 && read.sequence == 7 && read.code == "c")
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
    }

    @Test func aReadTakesFortyBytes() {
        #expect(MemoryLayout<TimedRead>.stride == 40)
    }
}
