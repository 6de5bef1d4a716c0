import Testing

@testable import RaceModel

/// `prefetchSplits` reads where a row's splits are kept from the row's own
/// bytes: the word at `Standing.splitsOffset` is their array's storage,
/// the splits themselves just past its header.
@Suite struct SplitsPrefetchTests {
    @Test func theRowsWordLeadsToItsSplits() {
        let times: [Millis] = [3_600_000, 4_200_123, 5_000_001]
        let row = Standing(
            runner: 7, status: .finished, lastCheckpoint: 2, lastTimeOfDay: times[2], gunTime: nil, netTime: nil,
            rankTime: nil, ageGroup: nil, timesOfDay: times.map { CountedSplit(time: $0, ref: nil) }, origin: 0,
            flags: [])
        let splitsFromTheWord: [Millis?] = withUnsafePointer(to: row) { pointer in
            let word = UnsafeRawPointer(pointer).load(fromByteOffset: Standing.splitsOffset, as: UInt.self)
            guard let storage = UnsafeRawPointer(bitPattern: word) else { return [] }
            // An array's storage: a 32-byte header, then its elements.
            let first = (storage + 32).assumingMemoryBound(to: CountedSplit.self)
            return (0..<times.count).map { first[$0].time }
        }
        #expect(splitsFromTheWord == times)
        // Asked for ahead of a pass: no effect on what is read.
        [row, row].withUnsafeBufferPointer { rows in
            for i in rows.indices { rows.prefetchSplits(ahead: i) }
        }
    }
}
