import Foundation

/// Follows the checkpoint read files of an event while timing mats append to
/// them: first everything already in each file, then every line as it is
/// completed, through truncation, rotation, deletion and re-creation.
///
/// A class owning a thread rather than an actor: the work is blocking system
/// calls (poll, read, stat) that must not occupy a thread of Swift's small
/// cooperative pool, and `stop()` must work synchronously from anywhere,
/// including `deinit`. All its state is immutable or lock-protected, so it is
/// Sendable without exceptions.
///
/// One thread per tailer, whatever the number of files, asleep in poll() on an
/// inotify descriptor and a wake pipe; one descriptor per readable file.
/// Events reach the consumer through a bounded queue: when the consumer falls
/// behind (catching up on a large file), the thread waits for it.
public final class FileTailer: Sendable {
    private let paths: [String]
    private let pollInterval: Duration
    private let mode: TailMode
    private let rotatedGrace: Duration
    private let control = TailControl()
    private let channel = TailChannel()

    /// - Parameters:
    ///   - paths: absolute paths; event `file` numbers are indices into it.
    ///   - pollInterval: period of the timed checks (every file in `.polling`
    ///     mode, only those inotify cannot cover otherwise).
    ///   - rotatedGrace: how long a file rotated away from its path is read
    ///     on without growing before it is given up (its writer closing it
    ///     ends the wait at once where inotify works).
    public init(
        paths: [String], pollInterval: Duration = .milliseconds(250), mode: TailMode = .automatic,
        rotatedGrace: Duration = .seconds(30)
    ) {
        self.paths = paths
        self.pollInterval = pollInterval
        self.mode = mode
        self.rotatedGrace = rotatedGrace
    }

    deinit {
        stop()
    }

    /// Starts tailing. The stream keeps the tailer alive; it ends on `stop()`,
    /// when its consuming task is cancelled, or when it is dropped. A tailer
    /// tails once: later calls, or a call after `stop()`, get an empty stream.
    public func lines() -> AsyncStream<TailEvent> {
        guard control.claimStart() else { return AsyncStream { $0.finish() } }
        let (paths, mode, interval, grace, control, channel) = (
            paths, mode, pollInterval, rotatedGrace, control, channel
        )
        let thread = Thread {
            // Named from inside: on Linux only the running thread's name reaches
            // the kernel, where `top -H` and debuggers show it.
            Thread.current.name = "racedash-tail"
            TailWorker(
                paths: paths, mode: mode, interval: interval, rotatedGrace: grace, control: control, channel: channel
            ).run()
            // The thread can end on its own only when the consumer is gone.
            channel.close()
        }
        thread.start()
        return AsyncStream(
            unfolding: { [self] in await self.channel.next() },
            onCancel: { [self] in stop() })
    }

    /// Ends the stream (events not yet taken are dropped) and returns once the
    /// thread has closed its descriptors and ended (giving up waiting after two
    /// seconds, should a system call hang on a dead network share).
    public func stop() {
        channel.close()
        control.requestStop(waitingUpTo: 2)
    }
}
