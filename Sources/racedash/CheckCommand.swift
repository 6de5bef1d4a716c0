import ArgumentParser
import ResultsReport

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate an event folder: the config, every read file, every rejected line.")

    @Argument(help: "The event folder.")
    var event: String
    @Option(parsing: .unconditional, help: "Show at most this many rejected lines.")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, not \(limit)") }
    }

    func run() async throws {
        let loaded = try await LoadedEvent.load(event, warn: false)
        let snapshot = await loaded.state().snapshot()
        let problems = loaded.folder.correctionProblems.map(\.description)
        let report = CheckReport.render(
            snapshot, missingFiles: loaded.missing, correctionProblems: problems, limit: limit)
        try writingOutput { try StandardOutput.write(report) }
    }
}
