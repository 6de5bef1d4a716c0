import TestSupport
import DashboardApp
import RaceModel
import Testing

@Suite struct ReplayClockTests {
    let start = SampleFeed.clock("08:00:00")
    let end = SampleFeed.clock("12:00:00")

    @Test func runsAtItsSpeedAndNotWhenPaused() {
        var clock = ReplayClock(start: start, end: end, speed: 60)
        clock.advance(byWall: .seconds(1))
        #expect(clock.position == start + 60_000)
        clock.togglePause()
        clock.advance(byWall: .seconds(10))
        #expect(clock.position == start + 60_000)
        clock.togglePause()
        #expect(clock.advanced(byWall: .milliseconds(500)).position == start + 90_000)
        #expect(clock.position == start + 60_000, "advanced(byWall:) leaves the original alone")
    }

    @Test func shortFramesAtSlowSpeedAddUp() {
        var clock = ReplayClock(start: start, end: end, speed: 1)
        for _ in 0..<10 { clock.advance(byWall: .microseconds(500)) }
        #expect(clock.position == start + 5, "ten half-millisecond frames at 1x are 5 ms, not ten rounded-down zeros")
    }

    @Test func reachingTheEndPausesThere() {
        var clock = ReplayClock(start: start, end: end, speed: 2000)
        clock.advance(byWall: .seconds(3600))
        #expect(clock.position == end)
        #expect(clock.paused)
        #expect(clock.atEnd)
        clock.togglePause()
        #expect(clock.paused, "nothing left to play")
        clock.seek(by: -600_000)
        #expect(clock.position == end - 600_000)
        #expect(clock.paused, "seeking back from the end does not start playing")
        clock.togglePause()
        #expect(!clock.paused)
        clock.advance(byWall: .seconds(1))
        #expect(clock.position == end)
        #expect(clock.paused)
    }

    @Test func seeksAreClampedToTheFeed() {
        var clock = ReplayClock(start: start, end: end, position: SampleFeed.clock("10:00:00"))
        clock.seek(by: 10 * 60_000)
        #expect(clock.position == SampleFeed.clock("10:10:00"))
        clock.seek(by: -24 * 3_600_000)
        #expect(clock.position == start)
        #expect(!clock.paused)
        clock.seek(to: SampleFeed.clock("11:30:00"))
        #expect(clock.position == SampleFeed.clock("11:30:00"))
        clock.seek(to: SampleFeed.clock("23:00:00"))
        #expect(clock.position == end)
        #expect(clock.paused)
    }

    @Test func initClampsPositionSpeedAndBounds() {
        #expect(ReplayClock(start: start, end: end, position: start - 1).position == start)
        #expect(ReplayClock(start: start, end: end, position: end + 1).paused)
        #expect(ReplayClock(start: start, end: end, speed: 0.1).speed == 1)
        #expect(ReplayClock(start: start, end: end, speed: 1e6).speed == 2000)
        let empty = ReplayClock(start: start, end: start - 5)
        #expect(empty.end == start)
        #expect(empty.paused)
    }

    @Test func plusAndMinusStepThroughTheSpeeds() {
        var clock = ReplayClock(start: start, end: end, speed: 1)
        var seen = [clock.speed]
        for _ in ReplayClock.speeds {
            clock.faster()
            seen.append(clock.speed)
        }
        #expect(seen == ReplayClock.speeds + [2000])
        var down: [Double] = []
        for _ in ReplayClock.speeds {
            clock.slower()
            down.append(clock.speed)
        }
        #expect(down == Array(ReplayClock.speeds.reversed().dropFirst()) + [1])
    }

    @Test func aSpeedBetweenStepsGoesToTheNeighbouringStep() {
        var up = ReplayClock(start: start, end: end, speed: 45)
        up.faster()
        #expect(up.speed == 60)
        var down = ReplayClock(start: start, end: end, speed: 45)
        down.slower()
        #expect(down.speed == 30)
    }

    @Test func defaultStartIsAMinuteBeforeTheFirstGunOrRead() throws {
        let event = try SampleFeed.folder().event
        #expect(event.races.flatMap(\.waves).map(\.gun).min() == SampleFeed.clock("08:00:00"))
        #expect(
            ReplayClock.defaultStart(event: event, feedStart: SampleFeed.clock("07:50:00"))
                == SampleFeed.clock("07:49:00"))
        #expect(
            ReplayClock.defaultStart(event: event, feedStart: SampleFeed.clock("08:10:00"))
                == SampleFeed.clock("07:59:00"))
        #expect(ReplayClock.defaultStart(event: event, feedStart: nil) == SampleFeed.clock("07:59:00"))

        let span = (start: SampleFeed.clock("08:00:01"), end: SampleFeed.clock("14:00:00"))
        let plain = ReplayClock(event: event, feedSpan: span, speed: 300, paused: true)
        #expect(plain.start == SampleFeed.clock("07:59:00"))
        #expect(plain.position == plain.start)
        #expect(plain.end == span.end)
        #expect(plain.speed == 300)
        #expect(plain.paused)
        let early = ReplayClock(event: event, feedSpan: span, from: SampleFeed.clock("07:00:00"))
        #expect(early.start == SampleFeed.clock("07:00:00"), "--from before the default start widens the range")
        #expect(early.position == early.start)
        let later = ReplayClock(event: event, feedSpan: span, from: SampleFeed.clock("09:30:00"))
        #expect(later.start == SampleFeed.clock("07:59:00"), "seeking back before --from still works")
        #expect(later.position == SampleFeed.clock("09:30:00"))
    }
}
