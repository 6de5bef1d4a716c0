import Foundation
import RaceModel
import RaceStore
import Snapshots
import Synchronization
import ResultsReport
import TimingIngest

/// `racedash live --headless`: follows an event folder and writes one line per
/// counted split and per rejected line as they happen, the feed's notices,
/// and a standings summary every `summaryEvery`. Lines go through `output`
/// one at a time (the CLI writes and flushes each; tests collect them).
public enum LiveHeadless {
    /// Runs until the calling task is cancelled, then stops the feed, writes a
    /// last summary and returns. Throws only when the folder cannot be loaded
    /// at the start; later bad edits are reported and outlived.
    public static func run(
        eventPath: String, summaryEvery: Duration = .seconds(30),
        options: LiveFeed.Options = LiveFeed.Options(),
        output: @escaping @Sendable (String) -> Void
    ) async throws(ConfigError) {
        let folder = try EventFolder.load(eventPath)
        let state = RaceState(folder: folder)
        let feed = LiveFeed(folder: folder, state: state, options: options)
        let wake = Wake()
        let updates = feed.updates()
        let forwarder = Task {
            for await _ in updates { wake.raise(changed: true) }
        }
        let ticker = Task {
            while !Task.isCancelled {
                do { try await Task.sleep(for: summaryEvery) } catch { return }
                wake.raise(summary: true)
            }
        }
        output(
            HeadlessPrinter.sanitized(
                "LIVE \(folder.event.name): following \(folder.readFiles.count) read files in \(eventPath)"))
        feed.start()

        var printer = HeadlessPrinter()
        var lastNotice = 0
        for await _ in wake.signals {
            let (changed, summaryDue) = wake.take()
            let status = feed.status()
            for notice in status.notices where notice.sequence > lastNotice {
                if let line = LiveStatusLines.noticeLine(notice) { output(line) }
                lastNotice = notice.sequence
            }
            if changed, status.caughtUp || printer.hasBaseline {
                let snapshot = await state.snapshot()
                if printer.hasBaseline {
                    for line in printer.changes(snapshot) { output(line) }
                } else {
                    printer.setBaseline(snapshot)
                    output(
                        "CAUGHT UP \(status.linesDelivered) lines already written in \(status.files.count) read files;"
                            + " \(snapshot.evaluation.rejections.count) rejected; printing new reads as they come")
                    for line in LiveStatusLines.summary(snapshot, status: status) { output(line) }
                }
            }
            if summaryDue, printer.hasBaseline {
                for line in LiveStatusLines.summary(await state.snapshot(), status: feed.status()) { output(line) }
            }
        }

        forwarder.cancel()
        ticker.cancel()
        await feed.stop()
        if printer.hasBaseline {
            for line in LiveStatusLines.summary(await state.snapshot(), status: feed.status()) { output(line) }
        }
        output("STOPPED")
    }
}

/// Coalesces "the state changed" and "a summary is due" into one wake-up, so a
/// slow consumer handles many changes with one snapshot.
final class Wake: Sendable {
    let signals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let flags = Mutex((changed: false, summary: false))

    init() {
        (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func raise(changed: Bool = false, summary: Bool = false) {
        flags.withLock { f in
            f.changed = f.changed || changed
            f.summary = f.summary || summary
        }
        continuation.yield()
    }

    func take() -> (changed: Bool, summary: Bool) {
        flags.withLock { f in
            defer { f = (false, false) }
            return f
        }
    }
}
