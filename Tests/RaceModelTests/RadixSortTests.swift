import Testing

@testable import RaceModel

/// The splits of a checkpoint sorted by radix give what a comparison sort gives.
@Suite struct RadixSortTests {
    @Test(arguments: [0, 1, 300, 5_000])
    func sortsAsTheStandardSortDoes(count: Int) {
        var numbers = SeededNumbers(seed: 42)
        let spans: [Millis] = [1, 1_000, 8 * 3_600_000, 1 << 40]
        for span in spans {
            let values = (0..<count).map { _ in Millis(numbers.next(below: UInt64(span))) - span / 3 }
            #expect(values.radixSorted() == values.sorted(), "span \(span)")
        }
        let extremes = [Millis.max, Millis.min, 0, -1, 1] + (0..<300).map { Millis($0) }
        #expect(extremes.radixSorted() == extremes.sorted())
    }

    /// Runs sorted as one give what sorting them joined gives, at the widths
    /// where the sort changes its word (32 bits of span, and one more) and
    /// its passes (13 and 26 bits).
    @Test(arguments: [0, 200, 3_000])
    func runsSortedAsOneGiveTheJoinedSort(perRun: Int) {
        var numbers = SeededNumbers(seed: 5)
        let spans: [UInt64] = [1, 1 << 13, (1 << 13) + 1, 1 << 26, (1 << 26) + 1, UInt64(UInt32.max), 1 << 32, 1 << 33]
        for span in spans {
            let base = Millis(numbers.next(below: 1 << 40)) - (1 << 39)
            var runs = (0..<4).map { k in
                (0..<(perRun * k / 2)).map { _ in base + Millis(numbers.next(below: span)) }
            }
            // Both ends of the span present, so the offsets reach its full width.
            runs[1] += [base, base + Millis(span - 1)]
            #expect([Millis].sortedJoining(runs) == runs.flatMap { $0 }.sorted(), "span \(span)")
        }
        #expect([Millis].sortedJoining([]) == [])
        #expect([Millis].sortedJoining([[], [3, 1], []]) == [1, 3])
    }

    /// Reads put in time order: ties stay in position order, as sorting (time, position) pairs leaves them.
    @Test(arguments: [0, 1, 300, 5_000, 70_000])
    func positionsByTimeOrderAsPairsDo(count: Int) {
        var numbers = SeededNumbers(seed: 7)
        let spans: [Millis] = [1, 50, 10 * 3_600_000, 1 << 50]
        for span in spans {
            let times = (0..<count).map { _ in Millis(numbers.next(below: UInt64(span))) + 8 * 3_600_000 }
            let expected = (0..<count).map { (times[$0], Int32($0)) }.sorted { $0 < $1 }.map { $0.1 }
            #expect(positionsByTime(count: count) { times[$0] } == expected, "span \(span)")
        }
    }

    /// Rows put in rank order by radix give what the comparison sort of (key, tie, position) gives.
    @Test(arguments: [0, 300, 5_000, 60_000])
    func rankOrderIsTheComparisonSortsOrder(count: Int) {
        var numbers = SeededNumbers(seed: 3)
        func next(_ below: UInt64) -> UInt64 { numbers.next(below: below) }
        let spans: [UInt64] = [50, 4 * 3_600_000]
        for times in spans {
            var keys: [RankKey] = []
            for _ in 0..<count {
                let checkpoint: Int? = next(4) == 0 ? nil : Int(next(12))
                let time: Millis? = next(6) == 0 ? nil : Millis(next(times)) - 60_000
                keys.append(RankKey(group: Int(next(5)), checkpoint: checkpoint, time: time))
            }
            let ties: [Int32] = (0..<count).map { _ in Int32(next(1_000)) }
            let plain = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            let tied = keys.indices.sorted { a, b in
                if keys[a] != keys[b] { return keys[a] < keys[b] }
                return ties[a] != ties[b] ? ties[a] < ties[b] : a < b
            }
            if count > 256 {
                #expect(rankOrder(keys) == plain, "times below \(times)")
                #expect(rankOrder(keys, tie: ties) == tied, "times below \(times), with ties")
            } else {
                #expect(rankOrder(keys) == nil)
            }
        }
        // Parts too wide for one word with the position: the caller's comparison sort serves.
        let wide = (0..<1_000).map {
            RankKey(group: 0, checkpoint: 1, time: $0 % 2 == 0 ? Millis.min / 2 : Millis.max / 2)
        }
        #expect(rankOrder(wide) == nil)
    }
}
