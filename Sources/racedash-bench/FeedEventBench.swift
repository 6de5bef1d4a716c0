import Dashboard
import DashboardApp
import Foundation
import LiveIngest
import RaceModel
import RaceStore
import ScreenGrid
import Synchronization
import TimingIngest

/// How long a read file deleted or truncated under a running live dashboard
/// takes to show on its screen, with no key pressed: the file event, the
/// tailer, the feed's status, the loop's wake-up and the frame drawn.
func feedEventLatency(events: Int) async throws -> [String] {
    let (event, folder, state, feed) = try SmallLiveEvent.following(runners: 100)
    defer { event.remove() }
    let terminal = WatchingTerminal(width: 160, height: 40)
    let dashboard = Task {
        try await runDashboard(
            state: state, feed: .live, terminal: { terminal }, clock: ContinuousClock(),
            feedWatch: FeedWatch(feed, utcOffsetMinutes: folder.event.utcOffsetMinutes),
            liveNow: { _ in 9 * 3_600_000 })
    }
    let file = folder.absolutePath(of: folder.readFiles[1])
    let name = folder.readFiles[1].path
    var delays: [Double] = []
    do {
        guard await feed.waitUntilCaughtUp() else { throw LiveBenchError("live feed stopped before catching up") }
        // Each round: a healthy file again (a new one appears where the last was deleted), then
        // it is truncated, then deleted. A truncated file stays a problem until the next thing
        // happens to it, so the two measured events alternate.
        for round in 0..<(events + 1) / 2 {
            try await terminal.time(until: { !$0.contains("FEED") }) {
                try "C1,09:20:0\(round % 10).000\n".write(toFile: file, atomically: false, encoding: .utf8)
            }
            delays.append(
                try await terminal.time(until: { $0.contains(name + " was truncated") }) {
                    guard truncate(file, 0) == 0 else { throw LiveBenchError("truncate: \(systemErrorText(errno))") }
                })
            delays.append(
                try await terminal.time(until: { $0.contains(name + " was deleted") }) {
                    try FileManager.default.removeItem(atPath: file)
                })
        }
    } catch {
        terminal.requestStop()
        _ = await dashboard.result
        await feed.stop()
        throw error
    }
    terminal.requestStop()
    try await dashboard.value
    await feed.stop()
    return [
        "live feed problem -> dashboard (\(events) read files deleted or truncated, no key pressed):"
            + " median \(format(percentile(delays, 50), 1)) ms, p99 \(format(percentile(delays, 99), 1)) ms,"
            + " worst \(format(delays.max() ?? 0, 1)) ms (target under 1 s)"
    ]
}

/// A terminal for the dashboard loop that draws nowhere: it watches the
/// ticker line of each frame for what the bench waits for.
final class WatchingTerminal: Terminal, Sendable {
    private struct Watch {
        var stop = false
        var ticker = ""
        var waiter: (match: @Sendable (String) -> Bool, continuation: CheckedContinuation<Bool, Never>)?
    }

    private let watch = Mutex(Watch())
    private let width: Int
    private let height: Int
    /// Longer than any figure worth reporting: past it the bench fails instead of hanging.
    static let giveUpAfter: Duration = .seconds(30)

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    var size: (width: Int, height: Int) { (width, height) }
    func start() throws {}
    func stop() {}
    func invalidate() {}
    var stopRequested: Bool { watch.withLock { $0.stop } }

    func requestStop() { watch.withLock { $0.stop = true } }

    func draw(_ frame: Frame) {
        let ticker = frame.line(2)
        let done = watch.withLock { w -> CheckedContinuation<Bool, Never>? in
            w.ticker = ticker
            guard let waiter = w.waiter, waiter.match(ticker) else { return nil }
            w.waiter = nil
            return waiter.continuation
        }
        done?.resume(returning: true)
    }

    /// The loop's wait for a key: there are none, so it passes the time until a wake.
    func readKey(timeoutMs: Int) -> Key? {
        if timeoutMs > 0, !stopRequested { _ = wakes.wait(timeout: .now() + .milliseconds(timeoutMs)) }
        return nil
    }

    private let wakes = DispatchSemaphore(value: 0)
    var waker: any KeyWaker { Waker(wakes: wakes) }

    private struct Waker: KeyWaker {
        let wakes: DispatchSemaphore
        func wake() { wakes.signal() }
    }

    /// Milliseconds from `event` to the first frame whose ticker `match`es
    /// (at once if the frame on screen after the event already does).
    @discardableResult
    func time(until match: @escaping @Sendable (String) -> Bool, after event: () throws -> Void) async throws -> Double
    {
        let clock = ContinuousClock()
        let start = clock.now
        var failure: (any Error)?
        let seen = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            watch.withLock { $0.waiter = (match, continuation) }
            do { try event() } catch { failure = error }
            // The screen may already say it (nothing to clear), and then no frame comes.
            let already = watch.withLock { w in match(w.ticker) ? w.waiter.take() : nil }
            if let already { return already.continuation.resume(returning: true) }
            Task { [self] in
                try? await Task.sleep(for: Self.giveUpAfter)
                self.watch.withLock { $0.waiter.take() }?.continuation.resume(returning: false)
            }
        }
        if let failure { throw failure }
        guard seen else { throw LiveBenchError("the dashboard did not show the file event within \(Self.giveUpAfter)") }
        return (clock.now - start).milliseconds
    }
}
