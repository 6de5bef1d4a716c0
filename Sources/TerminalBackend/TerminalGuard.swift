import CNCurses
import Glibc
import Synchronization

/// Keeps the terminal usable whatever way the process ends.
///
/// SIGINT (Ctrl-C), SIGTERM and SIGHUP only set `stopRequested`, which the
/// main loop polls, so shutdown runs on the loop's thread and ends curses
/// normally; a second one while the first is pending restores the terminal
/// and dies, for a loop that no longer polls. Crash signals restore the terminal, then
/// hand the signal to whatever handled it before (Swift's backtracer or the
/// default action). An atexit hook covers `exit()` from anywhere.
public enum TerminalGuard {
    /// True once SIGINT, SIGTERM, SIGHUP or Ctrl-C asked the program to stop.
    public static var stopRequested: Bool { stopFlag.load(ordering: .acquiring) }

    public static func requestStop() { stopFlag.store(true, ordering: .releasing) }

    /// Installs the handlers; later calls do nothing. `CursesTerminal.start()` calls it.
    public static func install() {
        guard !installed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // A signal the parent set to be ignored (nohup, background job) stays ignored.
        for sig in stopSignals where !isIgnored(sig) { installHandler(sig, handler: onStopSignal) }
        for sig in crashSignals { installHandler(sig, handler: onCrashSignal) }
        atexit { TerminalGuard.restoreTerminal() }
    }

    /// Called by `CursesTerminal` around curses mode so the handlers know
    /// whether there is anything to restore, and to what.
    static func enteredCurses(shellModes: termios?) {
        if let shellModes {
            savedModes.pointee = shellModes
            modesSaved.store(true, ordering: .releasing)
        }
        cursesActive.store(true, ordering: .releasing)
    }

    static func leftCurses() {
        cursesActive.store(false, ordering: .releasing)
    }

    /// Best effort from a signal handler: tcsetattr is async-signal-safe and
    /// brings back echo and line mode even if endwin then fails; endwin also
    /// leaves the alternate screen and shows the cursor. Only the first caller
    /// does anything, so a crash during shutdown cannot run it twice.
    static func restoreTerminal() {
        guard cursesActive.exchange(false, ordering: .acquiringAndReleasing) else { return }
        if modesSaved.load(ordering: .acquiring) {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, savedModes)
        }
        _ = endwin()
    }

    // MARK: - Handlers

    private static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    // Swift traps are SIGILL on x86_64 and SIGTRAP on arm64. SIGQUIT (Ctrl-backslash)
    // is a deliberate kill with a core dump: same treatment.
    private static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT]

    private static let onStopSignal: @convention(c) (Int32) -> Void = { sig in
        if stopFlag.exchange(true, ordering: .acquiringAndReleasing) {
            TerminalGuard.restoreTerminal()
            TerminalGuard.passOn(sig)
        }
    }

    private static let onCrashSignal: @convention(c) (Int32) -> Void = { sig in
        TerminalGuard.restoreTerminal()
        TerminalGuard.passOn(sig)
    }

    /// Puts back the handler that was there before ours and raises the signal
    /// again; it is delivered when this handler returns. SIGQUIT goes straight
    /// to the default action: Swift's backtracer prints a backtrace for it and
    /// lets the program run on, which would leave it drawing on a terminal
    /// that was just restored.
    private static func passOn(_ sig: Int32) {
        var previous = previousActions[Int(sig)]
        if sig == SIGQUIT
            || (previous.__sigaction_handler.sa_handler == nil && previous.__sigaction_handler.sa_sigaction == nil)
        {
            previous = sigaction()
            previous.__sigaction_handler.sa_handler = SIG_DFL
        }
        _ = sigaction(sig, &previous, nil)
        _ = raise(sig)
    }

    private static func isIgnored(_ sig: Int32) -> Bool {
        var current = sigaction()
        _ = sigaction(sig, nil, &current)
        guard let handler = current.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func installHandler(_ sig: Int32, handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a blocked wget_wch returns so the loop sees the flag at once.
        action.sa_flags = 0
        _ = sigaction(sig, &action, &previousActions[Int(sig)])
    }
}

// Flags shared with signal handlers: atomics are lock-free, hence async-signal-safe.
private let stopFlag = Atomic<Bool>(false)
private let installed = Atomic<Bool>(false)
private let cursesActive = Atomic<Bool>(false)
private let modesSaved = Atomic<Bool>(false)

// Written before the flag that publishes them (`modesSaved`, `installed`) and
// only read after it, so handlers never see a half-written value.
nonisolated(unsafe) private let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
    actions.initialize(repeating: sigaction(), count: Int(NSIG))
    return actions
}()
