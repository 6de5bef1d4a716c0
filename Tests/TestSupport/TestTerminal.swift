import Dispatch
import ScreenGrid
import Synchronization

/// A terminal in memory, so the real dashboard loop runs in-process (as
/// ratatui's TestBackend and lazygit's test driver allow): it serves the
/// keys a test presses, has whatever size the test gives it, and records
/// every frame drawn with how many keys the loop had read by then.
///
/// The loop calls it from its own thread; the test presses keys and awaits
/// frames from its task.
public final class TestTerminal: Terminal, Sendable {
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
    }

    private let state: Mutex<State>
    /// Signalled for each key pressed and for a stop request, waking a waiting `readKey`.
    private let bell = DispatchSemaphore(value: 0)
    /// Every frame drawn, in order.
    public let frames = Recorder<Drawn>()

    public init(width: Int = 80, height: Int = 24) {
        state = Mutex(State(width: width, height: height))
    }

    // MARK: - Terminal

    public var size: (width: Int, height: Int) { state.withLock { ($0.width, $0.height) } }

    public func start() throws {
        state.withLock { $0.started = true }
    }

    public func stop() {
        state.withLock { $0.stopped = true }
    }

    public func draw(_ frame: Frame) {
        let drawn = state.withLock { s -> Drawn in
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
        let deadline = DispatchTime.now() + .milliseconds(max(0, timeoutMs))
        while true {
            let key = state.withLock { s -> Key? in
                guard !s.stopRequested, !s.queue.isEmpty else { return nil }
                s.read += 1
                return s.queue.removeFirst()
            }
            if let key { return key }
            if stopRequested || timeoutMs <= 0 || bell.wait(timeout: deadline) == .timedOut { return nil }
        }
    }

    public func invalidate() {
        state.withLock { $0.needsFullRedraw = true }
    }

    public var stopRequested: Bool { state.withLock { $0.stopRequested } }

    // MARK: - What a test does

    /// Queues keys all at once, so the loop finds them waiting together.
    /// Returns how many keys have been pressed in all: the loop has handled
    /// these once it has read that many.
    @discardableResult
    public func press(_ keys: [Key]) -> Int {
        let pressed = state.withLock { s -> Int in
            s.queue += keys
            s.pressed += keys.count
            return s.pressed
        }
        for _ in keys { bell.signal() }
        return pressed
    }

    @discardableResult
    public func press(_ keys: Key...) -> Int { press(keys) }

    /// Each character as a key press.
    @discardableResult
    public func type(_ text: String) -> Int { press(text.map { Key.char($0) }) }

    /// The window changes size: the size the loop sees changes and a `.resize` key follows, as in curses.
    @discardableResult
    public func resize(width: Int, height: Int) -> Int {
        let pressed = state.withLock { s -> Int in
            s.width = width
            s.height = height
            s.queue.append(.resize)
            s.pressed += 1
            return s.pressed
        }
        bell.signal()
        return pressed
    }

    /// A signal asks the program to stop (SIGTERM, SIGHUP).
    public func requestStop() {
        state.withLock { $0.stopRequested = true }
        bell.signal()
    }

    public var isStarted: Bool { state.withLock { $0.started } }
    public var isStopped: Bool { state.withLock { $0.stopped } }

    /// The first frame drawn once the loop had read `keys` keys in all: the
    /// screen those keys led to (`press` returns the count).
    public func frame(afterKeys keys: Int) async throws -> Drawn {
        guard let drawn = await frames.first(where: { $0.keysRead >= keys }) else {
            throw TestFailure("no frame drawn after the loop read \(keys) keys (it read \(state.withLock { $0.read }))")
        }
        return drawn
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
            throw TestFailure("no frame with \(what); the last one drawn: \(frames.last.map(String.init(describing:)) ?? "none")")
        }
        return drawn
    }
}
