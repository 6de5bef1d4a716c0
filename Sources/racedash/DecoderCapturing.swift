import DashboardApp
import DecoderLink
import Foundation
import RaceModel
import TimingIngest

/// Runs `body` while the event's decoders are captured into its read files
/// (with no decoder in event.toml, just `body`). With `report`, link changes are
/// written as they happen and every decoder's summary every `summaryEvery`.
/// `liveNow` is our clock, against which decoder clocks are compared.
func withDecoderCapture<T: Sendable>(
    eventPath: String, report: (@Sendable (String) -> Void)?, summaryEvery: Duration,
    liveNow: @escaping @Sendable (EventConfig) -> Millis = LiveClock.now(event:),
    _ body: (DecoderCapture?) async throws -> T
) async throws -> T {
    let folder: EventFolder
    do {
        folder = try EventFolder.load(eventPath)
    } catch {
        throw RacedashError(error.description)
    }
    guard !folder.decoders.isEmpty else { return try await body(nil) }
    let event = folder.event
    let capture: DecoderCapture
    do {
        capture = try DecoderCapture(folder: folder, clock: TimeOfDayClock { liveNow(event) })
    } catch {
        throw RacedashError(error.description)
    }
    let running = Task { await capture.run() }
    var reporters: [Task<Void, Never>] = []
    if let report {
        for spec in folder.decoders {
            report(
                "DECODER \(spec.pointId): \(spec.kind.rawValue) \(spec.kind.dialsOut ? "at" : "listening on") \(spec.endpoint), passings to \(spec.file)"
            )
        }
        let updates = capture.updates()
        reporters.append(
            Task {
                var last = capture.statuses
                for await _ in updates {
                    let now = capture.statuses
                    for line in DecoderStatusText.changes(from: last, to: now) { report(line) }
                    last = now
                }
            })
        reporters.append(
            Task {
                while (try? await Task.sleep(for: summaryEvery)) != nil {
                    for status in capture.statuses { report(DecoderStatusText.summary(status)) }
                }
            })
    }
    func stop() async {
        running.cancel()
        await running.value
        for reporter in reporters { reporter.cancel() }
        if let report { for status in capture.statuses { report(DecoderStatusText.summary(status)) } }
    }
    do {
        let result = try await body(capture)
        await stop()
        return result
    } catch {
        await stop()
        throw error
    }
}
