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

    @Test func aCheckpointTakesTwentyFourBytes() {
        #expect(MemoryLayout<CountedSplit>.stride == 24)
    }
}
