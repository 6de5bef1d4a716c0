import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct CaptureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Take every passing from the event's decoders over the network into its read files (no screen).",
        discussion: """
            Connects to every decoder named in event.toml (or listens, for the protocols where the \
            decoder side connects) and appends each passing to its point's read file before anything \
            else sees it, so `results`, `check`, `replay` and `live` read them as from any file. \
            Prints a line when a link comes up or goes down and a summary per decoder now and then. \
            Stops on Ctrl-C or SIGTERM; see docs/decoders.md.
            """)

    @Argument(help: "The event folder (event.toml names the decoders).")
    var event: String
    @Option(name: .customLong("status-every"), parsing: .unconditional, help: "Seconds between decoder summaries.")
    var statusEvery: Double = 30

    func validate() throws { _ = try seconds(statusEvery, option: "status-every") }

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        let every = try seconds(statusEvery, option: "status-every")
        let path = event
        let capture = Task {
            try await withDecoderCapture(
                eventPath: path, report: { writeLine($0, to: STDOUT_FILENO) }, summaryEvery: every
            ) { capture in
                guard capture != nil else {
                    throw RacedashError(
                        "\(path)/event.toml names no decoder: add decoder = { protocol = \"race-result\", host = \"...\" } to a point (docs/decoders.md)"
                    )
                }
                // Until Ctrl-C or SIGTERM cancels this task.
                while (try? await Task.sleep(for: .seconds(3600))) != nil {}
            }
        }
        let signals = cancelOnTerminationSignals(capture)
        defer { signals.forEach { $0.cancel() } }
        try await capture.value
    }
}
