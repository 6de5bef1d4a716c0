import Foundation
import RaceModel
import Simulation
import Synchronization

/// `simulate --live` progress: a line when the first reads are written, then
/// every few seconds, so a run watched from a pipe shows it is alive.
final class LiveWriteProgress: Sendable {
    private let times: [Millis]
    private let every: Duration
    private let lastLine = Mutex<ContinuousClock.Instant?>(nil)

    init(_ schedule: [ScheduledLine], every: Duration = .seconds(5)) {
        times = schedule.map(\.time)
        self.every = every
    }

    /// `time`: the race clock the writing has reached.
    func reached(_ time: Millis) {
        let now = ContinuousClock.now
        let due = lastLine.withLock { last -> Bool in
            guard last.map({ now - $0 >= every }) ?? true else { return false }
            last = now
            return true
        }
        if due { say(line(at: time)) }
    }

    func line(at time: Millis) -> String {
        let written = lines(upTo: time)
        let percent = times.isEmpty ? 100 : written * 100 / times.count
        return "\(TimeFormat.timeOfDay(time)) race clock: \(written) of \(times.count) lines written (\(percent)%)"
    }

    /// Lines due at or before `time`: the schedule is in time order.
    func lines(upTo time: Millis) -> Int {
        var low = 0, high = times.count
        while low < high {
            let mid = (low + high) / 2
            if times[mid] <= time { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Straight to the file descriptor: print's buffer would hold it back when stdout is a pipe.
    func say(_ text: String) {
        writeLine(text, to: STDOUT_FILENO)
    }
}
