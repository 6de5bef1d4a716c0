import ArgumentParser
import RaceModel
import ResultsReport

struct AwardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "awards",
        abstract: "Print award winners from final results: top N per sex overall, then per sex and age group, per race."
    )

    @Argument(help: "The event folder (event.toml, participants.csv, read files).")
    var event: String
    @Option(help: "Only this race (an id from event.toml).")
    var race: String?
    @Option(parsing: .unconditional, help: "Winners per category (default: [awards] top in event.toml, else 3).")
    var top: Int?
    @Flag(
        inversion: .prefixedNo,
        help: "Overall winners also take their age-group award (default: [awards] overall_in_age_groups, else no).")
    var overallInAgeGroups: Bool?
    @Option(help: "Output format: table, csv or json.")
    var format: ResultsCommand.Format = .table

    func validate() throws {
        // The bounds `[awards] top` has in event.toml.
        if let top, top < 1 || top > 1000 { throw ValidationError("--top must be from 1 to 1000, not \(top)") }
    }

    func run() async throws {
        let loaded = try await LoadedEvent.load(event)
        let config = loaded.folder.event
        var rules = config.awards
        if let top { rules.top = top }
        if let overallInAgeGroups { rules.overallInAgeGroups = overallInAgeGroups }
        let raceIndex = try loaded.raceIndex(race)
        let snapshot = await loaded.state().snapshot(final: true, placesOnly: true)
        let report =
            switch format {
            case .table: AwardsReport.table(snapshot, race: raceIndex, rules: rules)
            case .csv: AwardsReport.csv(snapshot, race: raceIndex, rules: rules)
            case .json: AwardsReport.json(snapshot, race: raceIndex, rules: rules)
            }
        try writingOutput { try StandardOutput.write(report) }
    }
}
