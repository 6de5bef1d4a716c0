import Testing

@testable import RaceModel

/// Timelines made one after another share blocks of outcomes
/// (`OutcomeArena`); each still reads back exactly its own.
@Suite("Outcome arena")
struct OutcomeArenaTests {
    let engine = TimingEngine(event: Fixture.event())
    let runner = Fixture.runner("101")

    let runs = Fixture.runsOfEveryKind("101")

    @Test func timelinesMadeInOneArenaShareABlockAndEachKeepsItsOwnOutcomes() {
        let arena = OutcomeArena()
        let shared = runs.map { engine.timeline(for: runner, reads: $0, arena: arena) }
        let own = runs.map { engine.timeline(for: runner, reads: $0) }
        #expect(shared == own)
        for (a, b) in zip(shared, own) {
            #expect(a.outcomes.map(\.outcome) == b.outcomes.map(\.outcome))
            #expect(a.outcomes.rejected == b.outcomes.rejected)
        }
        #expect(own.contains { $0.outcomes.rejected != nil })
        #expect(Set(shared.compactMap(\.outcomes.blockIdentity)).count == 1)
        #expect(Set(own.compactMap(\.outcomes.blockIdentity)).count == runs.count - 1)
        #expect(shared.last!.outcomes.blockIdentity == nil)
    }

    /// 200 reads fill most of a block; 100 more start the next; a runner
    /// read 300 times gets a block of their own; 10 more still fit the second.
    @Test func aRunThatDoesNotFitStartsABlockAndAnOversizedOneGetsItsOwn() {
        let arena = OutcomeArena()
        func repeated(_ n: Int) -> [TimedRead] {
            (0..<n).map { Fixture.read("101", 1, Fixture.t(25, $0 % 60, ms: $0), line: $0 + 1) }
        }
        let made = [200, 100, 300, 10].map { engine.timeline(for: runner, reads: repeated($0), arena: arena) }
        let blocks = made.map(\.outcomes.blockIdentity)
        #expect(blocks[0] != blocks[1] && blocks[2] != blocks[0] && blocks[2] != blocks[1])
        #expect(blocks[3] == blocks[1])
        for (timeline, n) in zip(made, [200, 100, 300, 10]) {
            #expect(timeline == engine.timeline(for: runner, reads: repeated(n)))
            #expect(timeline.outcomes.count == n)
            #expect(timeline.outcomes.filter { $0.outcome == .used(checkpoint: 2) }.count == 1)
        }
    }
}
