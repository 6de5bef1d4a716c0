import Testing

@testable import RaceModel

/// The splits of a checkpoint sorted by radix give what a comparison sort gives.
@Suite struct RadixSortTests {
    @Test(arguments: [0, 1, 300, 5_000])
    func sortsAsTheStandardSortDoes(count: Int) {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        let spans: [Millis] = [1, 1_000, 8 * 3_600_000, 1 << 40]
        for span in spans {
            let values = (0..<count).map { _ in Millis(next() % UInt64(span)) - span / 3 }
            #expect(values.radixSorted() == values.sorted(), "span \(span)")
        }
        let extremes = [Millis.max, Millis.min, 0, -1, 1] + (0..<300).map { Millis($0) }
        #expect(extremes.radixSorted() == extremes.sorted())
    }

    /// Reads put in time order: ties stay in position order, as sorting (time, position) pairs leaves them.
    @Test(arguments: [0, 1, 300, 5_000, 70_000])
    func positionsByTimeOrderAsPairsDo(count: Int) {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        let spans: [Millis] = [1, 50, 10 * 3_600_000, 1 << 50]
        for span in spans {
            let times = (0..<count).map { _ in Millis(next() % UInt64(span)) + 8 * 3_600_000 }
            let expected = (0..<count).map { (times[$0], Int32($0)) }.sorted { $0 < $1 }.map { $0.1 }
            #expect(positionsByTime(count: count) { times[$0] } == expected, "span \(span)")
        }
    }
}
