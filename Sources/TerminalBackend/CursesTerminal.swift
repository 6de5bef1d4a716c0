import CNCurses
import Glibc
import ScreenGrid

public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
}

/// The dashboard's view of the terminal: draws frames, reads keys.
///
/// Not thread-safe, like curses itself: create, use and stop it from one
/// thread (the main loop's).
///
/// Input is raw (no line buffering, no Ctrl-S/Ctrl-Q flow control that would
/// freeze the screen) except that signal keys stay on: Ctrl-C is SIGINT, which
/// `TerminalGuard` turns into `stopRequested`, so it works even when the loop
/// is stuck, and a second Ctrl-C then forces the exit. Ctrl-Z suspends and
/// resumes cleanly through ncurses's own SIGTSTP handler.
public final class CursesTerminal: Terminal {
    /// Colour was asked for, NO_COLOR is unset or empty, and the terminal has colours.
    public private(set) var usesColor = false
    public private(set) var isActive = false

    private let wantsColor: Bool
    private var window: UnsafeMutablePointer<WINDOW>?
    private var style = CursesStyle(usesColor: false, hasDefaultColors: false, maxPairs: 0)
    private var lastFrame: Frame?
    private var needsFullRedraw = true
    private let wakePipe = WakePipe()

    public init(colors: Bool = true) {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        wantsColor = colors && !noColor
    }

    deinit { stop() }

    /// Enters curses mode. Throws when stdin/stdout is not a terminal or TERM
    /// is unknown, leaving the terminal untouched.
    public func start() throws {
        guard !isActive else { return }
        if let window {
            // Back from stop(): curses resumes on the next refresh.
            isActive = true
            TerminalGuard.enteredCurses(shellModes: nil)
            invalidate()
            wrefresh(window)
            return
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(description: "the dashboard needs a terminal: stdin and stdout must not be redirected")
        }
        // Without it every multibyte character is drawn as garbage.
        setlocale(LC_ALL, "")
        TerminalGuard.install()
        var shellModes = termios()
        let haveModes = tcgetattr(STDIN_FILENO, &shellModes) == 0
        guard racedash_newterm() != nil, let window = racedash_stdscr() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError(description: "cannot open the terminal: TERM=\(term) is unknown to terminfo")
        }
        self.window = window
        isActive = true
        TerminalGuard.enteredCurses(shellModes: haveModes ? shellModes : nil)

        raw()
        keepSignalKeys()
        noecho()
        nonl()
        keypad(window, true)
        leaveok(window, true)
        curs_set(0)
        // Escape alone must feel immediate; the default waits a full second for a sequence.
        set_escdelay(25)

        usesColor = false
        var hasDefaultColors = false
        if wantsColor, has_colors(), start_color() != ERR {
            usesColor = true
            hasDefaultColors = use_default_colors() != ERR
        }
        style = CursesStyle(
            usesColor: usesColor, hasDefaultColors: hasDefaultColors, maxPairs: Int(racedash_color_pairs()))
        invalidate()
    }

    /// raw() also turns off ISIG; put it back and record the result as the
    /// mode curses returns to after a suspend.
    private func keepSignalKeys() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_lflag |= tcflag_t(ISIG)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &modes) == 0 else { return }
        def_prog_mode()
    }

    /// Leaves curses mode and restores the terminal; safe to call more than once.
    public func stop() {
        guard isActive else { return }
        isActive = false
        TerminalGuard.leftCurses()
        endwin()
    }

    /// SIGINT, SIGTERM, SIGHUP or Ctrl-C (see `TerminalGuard`).
    public var stopRequested: Bool { TerminalGuard.stopRequested }

    /// Terminal size in columns and rows; (0, 0) before `start()`.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Makes the next `draw` repaint the whole screen, e.g. after Ctrl-L.
    public func invalidate() {
        needsFullRedraw = true
    }

    /// Draws the cells that changed since the last frame (all of them after a
    /// resize or `invalidate()`), then refreshes once. Cells beyond the
    /// terminal's edge are skipped.
    public func draw(_ frame: Frame) {
        guard isActive, let window else { return }
        let (columns, rows) = size
        let previous =
            needsFullRedraw || lastFrame?.width != frame.width || lastFrame?.height != frame.height
            ? nil : lastFrame
        if previous == nil {
            werase(window)
            // Repaints from scratch: after a resize the terminal may have reflowed the old screen.
            clearok(window, true)
        }
        for y in 0..<min(frame.height, rows) {
            for x in 0..<min(frame.width, columns) {
                let cell = frame[x, y]
                if cell.isContinuation { continue }  // drawn with its wide character
                if let previous, previous[x, y] == cell { continue }
                drawCell(cell, x: x, y: y, columns: columns, in: window)
            }
        }
        wrefresh(window)
        lastFrame = frame
        needsFullRedraw = false
    }

    private func drawCell(_ cell: Cell, x: Int, y: Int, columns: Int, in window: UnsafeMutablePointer<WINDOW>) {
        let (attributes, pair) = style.resolve(cell.style)
        var scalars = TextWidth.terminalScalars(cell.text)
        if TextWidth.of(cell.text) == 2, x + 1 >= columns {
            scalars = [" "]  // half of it would fall off the right edge
        }
        var wide = scalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        var character = cchar_t()
        guard setcchar(&character, wide, attributes, pair, nil) != ERR else { return }
        // ERR at the bottom-right corner only means the cursor could not advance.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    public var waker: any KeyWaker { wakePipe }

    /// Waits up to `timeoutMs` (negative: forever) for a key. Nil on timeout,
    /// on a wake (`waker`), on an interrupting signal (check
    /// `TerminalGuard.stopRequested`), or for keys without a meaning here.
    /// `.resize` means the size has changed and the next frame is drawn in full.
    public func readKey(timeoutMs: Int) -> Key? {
        guard isActive, let window else { return nil }
        // What curses already holds (the rest of a pasted burst) comes first, without waiting.
        if let pending = nextKey(window) { return pending }
        guard timeoutMs != 0 else { return nil }
        // stdin and the wake pipe together: input, a wake, the timeout or a signal ends the wait.
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&fds, 2, Int32(clamping: timeoutMs))
        if fds[1].revents != 0 { wakePipe.drain() }
        return nextKey(window) ?? nil
    }

    /// The key curses can give without waiting (but for the rest of an escape
    /// sequence): nil when it has none, `.some(nil)` for a key without a meaning here.
    private func nextKey(_ window: UnsafeMutablePointer<WINDOW>) -> Key?? {
        wtimeout(window, 0)
        var code: wint_t = 0
        let key: Key?
        switch wget_wch(window, &code) {
        case OK: key = KeyCodes.key(character: UInt32(code))
        case KEY_CODE_YES: key = KeyCodes.key(functionKey: Int32(bitPattern: code))
        default: return nil
        }
        if key == .resize { invalidate() }
        // Only seen if something turned ISIG off; it still means stop.
        if key == .ctrlC { TerminalGuard.requestStop() }
        return .some(key)
    }
}
