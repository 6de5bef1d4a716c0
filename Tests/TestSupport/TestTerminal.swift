import Foundation
import ScreenGrid

/// A terminal in memory, so the real dashboard loop runs in-process (as
/// ratatui's TestBackend and lazygit's test driver allow): it serves the
/// keys a test presses, has whatever size the test gives it, and records
/// every frame drawn with how many keys the loop had read by then.
///
/// The loop calls it from its own thread; the test presses keys and awaits
/// frames from its task. `@unchecked Sendable`: `state` is read and written
/// only while `condition` is locked, and `readKey` blocks on it.
public final class TestTerminal: Terminal, @unchecked Sendable {
    /// One `draw` call.
    public struct Drawn: Sendable, CustomStringConvertible {
        public let frame: Frame
        /// Repainted from scratch: the first frame, after `invalidate()` or at a new size.
        public let full: Bool
        /// Keys the loop had read when it drew this.
        public let keysRead: Int
        public var lines: [String] { frame.lines }
        public var description: String { "\(full ? "full" : "changes") after \(keysRead) keys, \(frame)" }
    }

    private struct State {
        var width: Int
        var height: Int
        var queue: [Key] = []
        var pressed = 0
        var read = 0
        var needsFullRedraw = true
        var lastSize: (width: Int, height: Int)?
        var started = false
        var stopped = false
        var stopRequested = false
        /// A wake came while no `readKey` waited: the next one returns at once.
        var woken = false
    }

    private let condition = NSCondition()
    private var state: State
    /// Every frame drawn, in order.
    public let frames = Recorder<Drawn>()

    public init(width: Int = 80, height: Int = 24) {
        state = State(width: width, height: height)
    }

    private func withLock<T>(_ body: (inout State) -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body(&state)
    }

    // MARK: - Terminal

    public var size: (width: Int, height: Int) { withLock { ($0.width, $0.height) } }

    public func start() throws {
        withLock { $0.started = true }
    }

    public func stop() {
        withLock { $0.stopped = true }
    }

    public func draw(_ frame: Frame) {
        let drawn = withLock { s -> Drawn in
            let full = s.needsFullRedraw || s.lastSize.map { $0 != (frame.width, frame.height) } ?? true
            s.needsFullRedraw = false
            s.lastSize = (frame.width, frame.height)
            return Drawn(frame: frame, full: full, keysRead: s.read)
        }
        frames.append(drawn)
    }

    /// Waits for a key like curses does, up to `timeoutMs` of real time: the
    /// loop's poll rate, which no test outcome depends on.
    public func readKey(timeoutMs: Int) -> Key? {
        let deadline = Date(timeIntervalSinceNow: Double(max(0, timeoutMs)) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while !state.stopRequested, state.queue.isEmpty, !state.woken, condition.wait(until: deadline) {}
        state.woken = false
        guard !state.stopRequested, !state.queue.isEmpty else { return nil }
        state.read += 1
        return state.queue.removeFirst()
    }

    public func invalidate() {
        withLock { $0.needsFullRedraw = true }
    }

    public var stopRequested: Bool { withLock { $0.stopRequested } }

    public var waker: any KeyWaker { Waker(terminal: self) }

    private struct Waker: KeyWaker {
        let terminal: TestTerminal
        func wake() { terminal.wakeUp() }
    }

    private func wakeUp() {
        withLock { s in
            s.woken = true
            condition.broadcast()
        }
    }

    // MARK: - What a test does

    /// Queues keys all at once, so the loop finds them waiting together.
    /// Returns how many keys have been pressed in all: the loop has handled
    /// these once it has read that many.
    @discardableResult
    public func press(_ keys: [Key]) -> Int {
        withLock { s -> Int in
            s.queue += keys
            s.pressed += keys.count
            condition.broadcast()
            return s.pressed
        }
    }

    @discardableResult
    public func press(_ keys: Key...) -> Int { press(keys) }

    /// Each character as a key press.
    @discardableResult
    public func type(_ text: String) -> Int { press(text.map { Key.char($0) }) }

    /// The window changes size: the size the loop sees changes and a `.resize` key follows, as in curses.
    @discardableResult
    public func resize(width: Int, height: Int) -> Int {
        withLock { s -> Int in
            s.width = width
            s.height = height
            s.queue.append(.resize)
            s.pressed += 1
            condition.broadcast()
            return s.pressed
        }
    }

    /// A signal asks the program to stop (SIGTERM, SIGHUP).
    public func requestStop() {
        withLock { s in
            s.stopRequested = true
            condition.broadcast()
        }
    }

    public var isStarted: Bool { withLock { $0.started } }
    public var isStopped: Bool { withLock { $0.stopped } }

    /// The first frame drawn once the loop had read `keys` keys in all: the
    /// screen those keys led to (`press` returns the count).
    public func frame(afterKeys keys: Int) async throws -> Drawn {
        guard let drawn = await frames.first(where: { $0.keysRead >= keys }) else {
            throw TestFailure("no frame drawn after the loop read \(keys) keys (it read \(withLock { $0.read }))")
        }
        return drawn
    }

    /// How many keys the loop had read at each frame drawn after reading more
    /// than `keys.lowerBound` and fewer than `keys.upperBound`: the screens drawn
    /// halfway through those keys.
    public func keysReadByFrames(in keys: Range<Int>) -> [Int] {
        frames.all.map(\.keysRead).filter { $0 > keys.lowerBound && $0 < keys.upperBound }
    }

    /// Presses `keys` and returns the frame they led to.
    public func pressAndDraw(_ keys: Key...) async throws -> Drawn {
        try await frame(afterKeys: press(keys))
    }

    /// The latest frame if it matches `match`, else the first later one that
    /// does: for what arrives on its own (a snapshot, a moved clock).
    public func frame(_ what: String, where match: @escaping @Sendable (Frame) -> Bool) async throws -> Drawn {
        let from = max(0, frames.count - 1)
        guard let drawn = await frames.first(from: from, where: { match($0.frame) }) else {
            throw TestFailure(
                "no frame with \(what); the last one drawn: \(frames.last.map(String.init(describing:)) ?? "none")")
        }
        return drawn
    }
}
