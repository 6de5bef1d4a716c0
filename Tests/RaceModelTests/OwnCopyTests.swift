import Testing
@testable import RaceModel

/// What each core's part of a field works on: the same values, in storage of its own.
@Suite struct OwnCopyTests {
    static func base<T>(_ array: [T]) -> UnsafeRawPointer? {
        array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func aRaceCopiedOwnIsEqualAndSharesNoArray() {
        var race = Fixture.event().races[0]
        race.divisionClocks = [.elite: .gun]
        let copy = race.ownCopy()
        #expect(copy == race)
        #expect(Self.base(copy.checkpoints) != Self.base(race.checkpoints))
        #expect(Self.base(copy.waves) != Self.base(race.waves))
    }

    @Test func anEngineCopiedOwnGivesTheSameTimelineFromItsOwnCourses() {
        let event = Fixture.event()
        let engine = TimingEngine(event: event)
        let copy = engine.ownCopy()
        #expect(copy.courses.count == engine.courses.count)
        #expect(copy.courses[0] !== engine.courses[0])
        #expect(Self.base(copy.courses[0].checkpoints) != Self.base(engine.courses[0].checkpoints))
        #expect(Self.base(copy.event.points) != Self.base(engine.event.points))
        let reads = Fixture.cleanRun("A1", minPerKm: 5)
        let runner = Fixture.runner("A1")
        #expect(copy.timeline(for: runner, reads: reads) == engine.timeline(for: runner, reads: reads))
    }
}
