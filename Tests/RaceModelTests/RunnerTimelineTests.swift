import Testing

@testable import RaceModel

/// A timeline keeps each checkpoint's time and line together; the arrays of
/// either read and write as they did when they were kept apart.
@Suite("Runner timeline")
struct RunnerTimelineTests {
    @Test func splitsAndTheirLinesAreWrittenEachWithoutTheOther() {
        var timeline = RunnerTimeline(checkpointCount: 3)
        #expect(timeline.splits == [nil, nil, nil] && timeline.splitRefs == [nil, nil, nil])
        let ref = LineRef(file: 1, line: 40)
        timeline.splitRefs[1] = ref
        timeline.splits = [10, 20, nil]
        #expect(timeline.splits == [10, 20, nil])
        #expect(timeline.splitRefs == [nil, ref, nil])
        timeline.splitRefs = [nil, nil, nil]
        #expect(timeline.splits == [10, 20, nil])
        #expect((0..<3).map(timeline.split) == [10, 20, nil])
        #expect(timeline.counted[1] == CountedSplit(time: 20, ref: nil))
    }

    @Test func aCheckpointTakesSixteenBytesAndATimelineFortyEight() {
        #expect(MemoryLayout<CountedSplit>.stride == 16)
        #expect(MemoryLayout<RunnerTimeline>.stride == 48)
        #expect(MemoryLayout<ReadOutcomes.Packed>.stride == 4)
        #expect(MemoryLayout<Participant>.stride == 112)
    }

    @Test func aSplitKeepsItsLineWhateverTheFileAndGeneration() {
        let far = LineRef(file: CountedSplit.maxReadFiles - 1, line: Int(Int32.max), generation: Int(UInt16.max))
        for ref in [nil, LineRef(file: 0, line: 1), far] {
            #expect(CountedSplit(time: 5, ref: ref).ref == ref)
        }
        var split = CountedSplit(time: nil, ref: far)
        split.ref = nil
        #expect(split == CountedSplit(time: nil, ref: nil))
    }

    @Test func theRarePartsOfACopyStayApartWhenEitherChanges() {
        var a = RunnerTimeline(checkpointCount: 3)
        a.missed = [0]
        var b = a
        b.missed.append(1)
        b.impossible.append(RefusedSplit(checkpoint: 2, time: 9, ref: LineRef(file: 0, line: 3)))
        #expect(a.missed == [0] && a.impossible.isEmpty)
        #expect(b.missed == [0, 1] && b.impossible.count == 1)
        b.missed = []
        b.impossible = []
        #expect(b == RunnerTimeline(checkpointCount: 3))
        #expect(a != b)
    }

    @Test func aTimelineWithNothingRareTakesEachPartFromNothing() {
        let plain = RunnerTimeline(checkpointCount: 2)
        var a = plain
        a.suspicious = []
        a.missed = []
        #expect(a == plain)
        let segment = SuspiciousSegment(from: 0, to: 1, kmh: 30, usualKmh: 12)
        a.suspicious = [segment]
        var b = a
        b.suspicious = []
        #expect(a.suspicious == [segment] && b == plain)
        b.missed.append(1)
        #expect(b.missed == [1] && b.suspicious.isEmpty && a.missed.isEmpty && plain.missed.isEmpty)
    }
}
