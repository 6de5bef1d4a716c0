/// What the dashboard loop needs from a terminal: its size, somewhere to
/// draw a frame, and keys. Curses implements it for the real screen; a test
/// terminal records frames and serves scripted keys, so the loop runs
/// in-process under test.
///
/// Used from one thread only (the loop's), as curses requires.
public protocol Terminal: AnyObject {
    /// Columns and rows now; the loop lays each frame out for it.
    var size: (width: Int, height: Int) { get }

    /// Takes over the screen. Throws when there is no usable terminal, before drawing anything.
    func start() throws

    /// Gives the screen back; safe to call more than once.
    func stop()

    /// Shows `frame`, redrawing only what changed since the last one unless invalidated.
    func draw(_ frame: Frame)

    /// Waits up to `timeoutMs` (0: not at all) for a key; nil when none came.
    /// `.resize` means `size` has changed.
    func readKey(timeoutMs: Int) -> Key?

    /// Makes the next `draw` repaint the whole screen (Ctrl-L: something else wrote over it).
    func invalidate()

    /// Something outside the loop asked the program to stop (a signal): the
    /// loop ends at its next look.
    var stopRequested: Bool { get }

    /// Ends a `readKey` wait early when used from any thread: news that is
    /// not a key (a new snapshot, a feed problem) is drawn at once. Asked for
    /// on the loop's thread, used from others.
    var waker: any KeyWaker { get }
}

/// Wakes a terminal waiting in `readKey`; a wake with nobody waiting makes
/// the next wait return at once, so none is lost.
public protocol KeyWaker: Sendable {
    func wake()
}
