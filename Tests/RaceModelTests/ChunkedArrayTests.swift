import Synchronization
import Testing

@testable import RaceModel

/// Rows moved in place in the listing order: what an array's remove and
/// insert give, and a copy taken before is left as it was.
@Suite("Chunked array")
struct ChunkedArrayTests {
    /// Heap strings, so a move that copied without a retain, or lost one, shows.
    static func element(_ i: Int) -> String { "runner number \(i) of the field" }

    @Test func moveGivesWhatRemoveAndInsertGiveAndSparesCopies() {
        let n = 3 * ChunkedArray<String>.chunkSize + 17
        var reference = (0..<n).map(Self.element)
        var chunked = ChunkedArray(reference)
        let size = ChunkedArray<String>.chunkSize
        let pairs = [(0, n - 1), (n - 1, 0), (5, 6), (6, 5), (size - 1, size), (size, size - 1), (3, 3)]
        for round in 0..<200 {
            let (from, to) =
                round < pairs.count ? pairs[round] : (round * 7_919 % n, (round * 104_729 + 13) % n)
            let before = chunked
            let snapshot = reference
            chunked.move(from: from, to: to)
            reference.insert(reference.remove(at: from), at: to)
            #expect(Array(chunked) == reference, "move \(from) -> \(to)")
            #expect(Array(before) == snapshot, "the copy taken before move \(from) -> \(to)")
        }
    }

    @Test func permuteGivesTheElementsInTheOrderAskedAndSparesCopies() {
        let n = 3 * ChunkedArray<String>.chunkSize + 17
        var numbers = SeededNumbers(seed: 11)
        for round in 0..<6 {
            var order = Array(0..<n)
            if round == 1 { order.reverse() }
            if round >= 2 {
                for i in stride(from: n - 1, to: 0, by: -1) {
                    order.swapAt(i, Int(numbers.next(below: UInt64(i + 1))))
                }
            }
            let reference = order.map(Self.element)
            var chunked = ChunkedArray((0..<n).map(Self.element))
            let before = chunked
            chunked.permute(order)
            #expect(Array(chunked) == reference, "round \(round)")
            #expect(Array(before) == (0..<n).map(Self.element), "the copy taken before, round \(round)")
        }
    }

    @Test func forEachChunkInARangeVisitsExactlyThatRange() {
        let chunked = ChunkedArray(0..<2_000)
        for range in [0..<0, 0..<1, 511..<513, 100..<1_900, 1_536..<2_000] {
            var seen: [Int] = []
            chunked.forEachChunk(in: range) { start, piece in
                #expect(piece.first == start)
                seen += piece
            }
            #expect(seen == Array(range))
        }
    }

    @Test func withElementPointerPointsAtTheElementOfEachIndex() {
        let n = 2 * ChunkedArray<String>.chunkSize + 3
        let chunked = ChunkedArray((0..<n).map(Self.element))
        for i in [0, 1, ChunkedArray<String>.chunkSize - 1, ChunkedArray<String>.chunkSize, n - 1] {
            #expect(chunked.withElementPointer(i) { $0.pointee } == Self.element(i), "index \(i)")
        }
    }

    @Test func updateEachChunkChangesEveryElementInPlaceAndLeavesCopiesAlone() {
        let n = 3 * ChunkedArray<Int>.chunkSize + 17
        var array = ChunkedArray(0..<n)
        let before = array
        var starts: [Int] = []
        array.updateEachChunk { start, chunk in
            starts.append(start)
            for j in chunk.indices { chunk[j] = (start + j) * 2 }
        }
        #expect(starts == [0, 1, 2, 3].map { $0 * ChunkedArray<Int>.chunkSize })
        #expect(Array(array) == (0..<n).map { $0 * 2 })
        #expect(Array(before) == Array(0..<n))
    }

    /// Let go of on every core: each element freed once when nothing else
    /// holds the chunks, and a copy holding them left whole.
    @Test func releasedInParallelFreesEachElementOnceAndSparesCopies() {
        let n = ParallelParts.threshold + 3 * ChunkedArray<Tracked>.chunkSize + 5
        let freed = Tracked.Counter()
        var array = ChunkedArray((0..<n).map { Tracked($0, freed) })
        let copy = array
        ChunkedArray.releaseInParallel(consume array)
        #expect(freed.value == 0)
        #expect(copy.count == n && copy.enumerated().allSatisfy { $0.offset == $0.element.value })
        array = copy
        _ = consume copy
        ChunkedArray.releaseInParallel(consume array)
        #expect(freed.value == n)
    }

    /// Counts its frees.
    final class Tracked: Sendable {
        let value: Int
        let counter: Counter
        init(_ value: Int, _ counter: Counter) {
            self.value = value
            self.counter = counter
        }
        deinit { counter.add() }

        final class Counter: Sendable {
            private let count = Atomic<Int>(0)
            var value: Int { count.load(ordering: .relaxed) }
            func add() { count.add(1, ordering: .relaxed) }
        }
    }
}
