import Testing
import RaceModel
import TimingIngest
@testable import RaceStore
import Snapshots
import TestSupport

/// A read dated 2099 (an unknown chip, written live) once moved the standings
/// clock 27,000 days ahead and made everyone on course a DNF.
@Suite struct OutOfWindowReadTests {
    @Test func aLiveReadDated2099IsRejectedAndTheClockStays() async throws {
        let folder = try EventFolder.parse(
            path: "/tmp/none", config: LiveEventFolder.config,
            participants: LiveEventFolder.participants)
        let state = RaceState(folder: folder)
        await state.append(line: "1,09:00:05", number: 1, file: 0)
        await state.append(line: "AAA1,09:17:00", number: 1, file: 1)
        await state.append(line: "5;ZZZ;2099-04-06;09:00:00.000", number: 2, file: 1)
        let snap = await state.snapshot()
        #expect(snap.at == 9 * 3_600_000 + 17 * 60_000)
        #expect(snap.standings(race: 0).rows.first?.status == .onCourse)
        let rejected = snap.evaluation.rejections.map { "\($0.ref.line): \($0.reason)" }
        #expect(
            rejected == [
                "2: read at 2099-04-06 09:00:00.000 is outside the event window (6 h before the first gun to 6 h after the last cutoff)"
            ])
    }
}
